/* The floor of the benchmark: a minimal ncursesw list viewer (docs/PERFORMANCE.md).
 *
 * Reads one account name per line from a file (Benchmarks/run.sh extracts names.txt from a
 * generated workbook), shows a title "Accounts (N)" and the names with a full-row highlight on
 * the cursor row, like the app's list. j / k / arrows / PgUp / PgDn move, q quits.
 * Build: gcc -O2 -o viewer viewer.c -lncursesw
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **names;
static size_t count, capacity;

static int load(const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) return -1;
    char *line = NULL;
    size_t size = 0;
    ssize_t length;
    while ((length = getline(&line, &size, file)) >= 0) {
        if (length > 0 && line[length - 1] == '\n') line[--length] = '\0';
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 1024;
            names = realloc(names, capacity * sizeof *names);
            if (!names) return -1;
        }
        names[count++] = strdup(line);
    }
    free(line);
    fclose(file);
    return 0;
}

static void draw_row(int row, size_t index, int selected, int width) {
    move(row, 0);
    if (selected) attron(A_REVERSE);
    if (index < count) {
        printw(" %-*.*s", width - 1, width - 1, "");
        mvaddnstr(row, 1, names[index], width - 2);
    }
    if (selected) attroff(A_REVERSE);
    if (!selected || index >= count) clrtoeol();
}

static void draw(size_t top, size_t cursor) {
    int rows = LINES - 2, width = COLS;
    erase();
    attron(A_BOLD);
    mvprintw(0, 0, "Accounts (%zu)", count);
    attroff(A_BOLD);
    for (int r = 0; r < rows; r++) draw_row(r + 1, top + r, top + r == cursor, width);
    mvprintw(LINES - 1, 0, "%zu/%zu  j/k move  q quit", count ? cursor + 1 : 0, count);
    refresh();
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s NAMES.txt\n", argv[0]);
        return 2;
    }
    if (load(argv[1]) != 0) {
        perror(argv[1]);
        return 1;
    }
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    size_t top = 0, cursor = 0;
    draw(top, cursor);
    for (;;) {
        int key = getch();
        int rows = LINES - 2;
        size_t old_top = top, old_cursor = cursor;
        if (key == 'q') break;
        if ((key == 'j' || key == KEY_DOWN) && cursor + 1 < count) cursor++;
        if ((key == 'k' || key == KEY_UP) && cursor > 0) cursor--;
        if (key == KEY_NPAGE) cursor = cursor + rows < count ? cursor + rows : (count ? count - 1 : 0);
        if (key == KEY_PPAGE) cursor = cursor > (size_t)rows ? cursor - rows : 0;
        if (cursor < top) top = cursor;
        if (cursor >= top + rows) top = cursor - rows + 1;
        if (key == KEY_RESIZE || top != old_top) {
            draw(top, cursor);
        } else if (cursor != old_cursor) {
            /* Only the two rows that changed, as a careful full-screen program would. */
            draw_row((int)(old_cursor - top) + 1, old_cursor, 0, COLS);
            draw_row((int)(cursor - top) + 1, cursor, 1, COLS);
            mvprintw(LINES - 1, 0, "%zu/%zu", cursor + 1, count);
            refresh();
        }
    }
    endwin();
    return 0;
}

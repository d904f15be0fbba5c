#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Note: SwiftPM does not notice edits to this header; touch a Swift file that uses it to rebuild.
   SwiftPM drops the -D flags pkg-config gives, so the wide-character API must be asked for here. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <termios.h>
#include <unistd.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/* ---- Mutable C globals: Swift 6 rejects them as not concurrency-safe, so reach them through functions. */

static inline WINDOW *cnw_stdscr(void) { return stdscr; }
static inline WINDOW *cnw_curscr(void) { return curscr; }
static inline int cnw_lines(void) { return LINES; }
static inline int cnw_cols(void) { return COLS; }
static inline int cnw_colors(void) { return COLORS; }
static inline int cnw_color_pairs(void) { return COLOR_PAIRS; }
static inline int cnw_escdelay(void) { return ESCDELAY; }
static inline FILE *cnw_stdout(void) { return stdout; }
static inline FILE *cnw_stdin(void) { return stdin; }

/* ---- Function-like macros do not import into Swift; the bit values stay ncurses' business. */

static inline attr_t cnw_a_normal(void) { return A_NORMAL; }
static inline attr_t cnw_a_bold(void) { return A_BOLD; }
static inline attr_t cnw_a_dim(void) { return A_DIM; }
static inline attr_t cnw_a_italic(void) { return A_ITALIC; }
static inline attr_t cnw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnw_a_reverse(void) { return A_REVERSE; }
static inline int cnw_key_f(int n) { return KEY_F(n); }

/* wcwidth is an X/Open function the C library module hides from Swift; ncurses advances by it. */
extern int wcwidth(wchar_t);
static inline int cnw_wcwidth(unsigned int code) { return wcwidth((wchar_t)code); }

/* setcchar takes the pair as a short; ncurses reads an int pair from `opts` instead, so pairs above
   32767 survive. Wrapped here so Swift never builds that void pointer by hand. */
static inline int cnw_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    int extended = pair;
    short narrow = pair > 32767 ? 0 : (short)pair;
    return setcchar(cell, text, attributes, narrow, &extended);
}

#endif

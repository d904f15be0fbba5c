/* The terminal guard: everything a signal handler may touch lives here, in C, prepared in advance,
   so that a crash or a quit signal always gives the terminal back. A real C file, compiled once:
   a header-only `static` state would be copied into every module that includes it, and the flag a
   signal handler sets could then be a different one from the flag the main loop reads. */
#include "terminal_guard.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int cnw_quit_signals[] = { SIGINT, SIGTERM, SIGHUP };
static const int cnw_fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT, SIGSYS };
#define CNW_QUIT_COUNT (sizeof(cnw_quit_signals) / sizeof(cnw_quit_signals[0]))
#define CNW_FATAL_COUNT (sizeof(cnw_fatal_signals) / sizeof(cnw_fatal_signals[0]))

struct cnw_guard_state {
    struct termios saved_termios;
    struct sigaction previous_quit[CNW_QUIT_COUNT];
    struct sigaction previous_fatal[CNW_FATAL_COUNT];
    volatile sig_atomic_t armed;
    volatile sig_atomic_t pending_quit_signal;
    int atexit_registered;
};

/* One state for the whole process (this file is compiled once): the handlers and the main loop
   see the same flag. */
static struct cnw_guard_state cnw_state;
static struct cnw_guard_state *cnw_guard(void) { return &cnw_state; }

/* Bracketed paste off, keypad back to normal mode, attributes off, cursor shown, alternate screen left.
   A fixed xterm set: every terminal this app targets speaks it, and it needs no allocation. */
static const char cnw_reset_bytes[] =
    "\033[?2004l\033[?1l\033>\033[0m\033[?25h\033[?1049l\r\n";

static void cnw_write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

/* Async-signal-safe: tcsetattr and write only, on data captured before curses started. */
static void cnw_restore_terminal_now(void) {
    if (!cnw_guard()->armed) return;
    cnw_guard()->armed = 0;
    int saved_errno = errno;
    tcsetattr(STDIN_FILENO, TCSANOW, &cnw_guard()->saved_termios);
    cnw_write_all(STDOUT_FILENO, cnw_reset_bytes, sizeof(cnw_reset_bytes) - 1);
    errno = saved_errno;
}

static void cnw_on_fatal_signal(int signal_number) {
    cnw_restore_terminal_now();
    /* Hand the signal to whoever had it before (SIG_DFL, or Swift's backtracer) and let it run. */
    for (size_t i = 0; i < CNW_FATAL_COUNT; i++) {
        if (cnw_fatal_signals[i] == signal_number) {
            sigaction(signal_number, &cnw_guard()->previous_fatal[i], NULL);
            break;
        }
    }
    raise(signal_number);
}

static void cnw_on_quit_signal(int signal_number) {
    cnw_guard()->pending_quit_signal = signal_number;
}

static void cnw_at_exit(void) {
    cnw_restore_terminal_now();
}

/* Saves the termios to restore on a crash; call before curses changes any mode. 0 on success. */
int cnw_guard_save_termios(void) {
    return tcgetattr(STDIN_FILENO, &cnw_guard()->saved_termios);
}

/* Installs the handlers and the atexit hook; from now on a crash or exit() restores the terminal. */
void cnw_guard_arm(void) {
    cnw_guard()->pending_quit_signal = 0;
    cnw_guard()->armed = 1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    /* No SA_RESTART: a blocking read must return EINTR so the main loop sees the flag at once. */
    action.sa_flags = 0;
    action.sa_handler = cnw_on_quit_signal;
    for (size_t i = 0; i < CNW_QUIT_COUNT; i++) {
        sigaction(cnw_quit_signals[i], &action, &cnw_guard()->previous_quit[i]);
    }
    action.sa_handler = cnw_on_fatal_signal;
    for (size_t i = 0; i < CNW_FATAL_COUNT; i++) {
        sigaction(cnw_fatal_signals[i], &action, &cnw_guard()->previous_fatal[i]);
    }
    if (!cnw_guard()->atexit_registered) {
        cnw_guard()->atexit_registered = 1;
        atexit(cnw_at_exit);
    }
}

/* After a clean endwin: nothing left to restore, and the previous handlers come back. */
void cnw_guard_disarm(void) {
    if (!cnw_guard()->armed) return;
    cnw_guard()->armed = 0;
    for (size_t i = 0; i < CNW_QUIT_COUNT; i++) {
        sigaction(cnw_quit_signals[i], &cnw_guard()->previous_quit[i], NULL);
    }
    for (size_t i = 0; i < CNW_FATAL_COUNT; i++) {
        sigaction(cnw_fatal_signals[i], &cnw_guard()->previous_fatal[i], NULL);
    }
}

int cnw_guard_is_armed(void) { return cnw_guard()->armed; }

/* The quit signal that arrived since the last call (0 if none), cleared as it is read. */
int cnw_guard_take_quit_signal(void) {
    int signal_number = cnw_guard()->pending_quit_signal;
    if (signal_number != 0) cnw_guard()->pending_quit_signal = 0;
    return signal_number;
}

/* Stops the process the way Ctrl-Z would, with the default SIGTSTP action, then puts the
   previous handler (ncurses' own) back once the shell continues us. */
void cnw_stop_process(void) {
    struct sigaction default_action, previous;
    memset(&default_action, 0, sizeof default_action);
    sigemptyset(&default_action.sa_mask);
    default_action.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &default_action, &previous);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
}

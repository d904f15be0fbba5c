#ifndef CTERMINALGUARD_H
#define CTERMINALGUARD_H

/* Saves the termios to restore on a crash; call before curses changes any mode. 0 on success. */
int cnw_guard_save_termios(void);
/* Installs the handlers and the atexit hook; from now on a crash or exit() restores the terminal. */
void cnw_guard_arm(void);
/* After a clean endwin: nothing left to restore, and the previous handlers come back. */
void cnw_guard_disarm(void);
int cnw_guard_is_armed(void);
/* The quit signal (SIGINT, SIGTERM, SIGHUP) that arrived since the last call (0 if none), cleared as it is read. */
int cnw_guard_take_quit_signal(void);
/* Stops the process the way Ctrl-Z would, then puts the previous SIGTSTP handler back once continued. */
void cnw_stop_process(void);

#endif

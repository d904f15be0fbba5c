import CTerminalGuard

/// Restores the terminal on every exit path: quit signals become a flag, crashes and `exit()` reset the tty.
///
/// The handlers and their state are C (the CTerminalGuard target) because a signal handler may only
/// touch pre-allocated memory and async-signal-safe calls; a real C file holds the one state the
/// handlers and the main loop share.
enum TerminalGuard {
    /// Captures the shell's terminal modes; must run before curses changes any of them.
    static func saveTerminalModes() -> Bool {
        cnw_guard_save_termios() == 0
    }

    /// Installs the SIGINT/SIGTERM/SIGHUP flag handlers, the fatal-signal handlers and the atexit hook.
    static func arm() {
        cnw_guard_arm()
    }

    /// Puts the previous signal handlers back after a clean shutdown.
    static func disarm() {
        cnw_guard_disarm()
    }

    /// True between `arm` and `disarm`: one curses session at a time.
    static var isArmed: Bool {
        cnw_guard_is_armed() != 0
    }

    /// The quit signal received since the last call, if any.
    static func takeQuitSignal() -> Int32? {
        let signal = cnw_guard_take_quit_signal()
        return signal == 0 ? nil : signal
    }

    /// Stops the process as Ctrl-Z would and returns once it is continued.
    static func stopProcess() {
        cnw_stop_process()
    }
}

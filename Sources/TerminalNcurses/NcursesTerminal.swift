/// Placeholder until the ncurses backend lands.
enum TerminalNcursesPlaceholder {}

/// Placeholder until the app lands.
enum WorkbookAppPlaceholder {}

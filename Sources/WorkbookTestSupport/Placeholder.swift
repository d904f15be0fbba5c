/// Placeholder.
enum WorkbookTestSupportPlaceholder {}

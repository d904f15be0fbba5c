import Testing
@Test func placeholderWorkbookStorageTests() { #expect(Bool(true)) }

import Testing
@Test func placeholderWorkbookAppTests() { #expect(Bool(true)) }

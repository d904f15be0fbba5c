import Testing
@Test func placeholderWorkbookEndToEndTests() { #expect(Bool(true)) }

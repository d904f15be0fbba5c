import Testing
@Test func placeholderWorkbookModelTests() { #expect(Bool(true)) }

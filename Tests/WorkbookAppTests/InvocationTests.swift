import Testing
@testable import WorkbookApp

@Suite struct InvocationTests {
    @Test func noArgumentsOpensTheDefaultWorkbook() throws {
        #expect(try Invocation.parse([]).get() == .open(.init()))
    }

    @Test func openOptionsInBothSpellings() throws {
        #expect(try Invocation.parse(["--data", "/tmp/w", "--theme=mono", "--read-only"]).get()
                == .open(.init(dataDirectory: "/tmp/w", theme: "mono", readOnly: true)))
        #expect(try Invocation.parse(["--demo"]).get() == .open(.init(demo: true)))
    }

    @Test func exportNeedsAKnownFormat() throws {
        #expect(try Invocation.parse(["export", "--format", "markdown", "--account", "Acme"]).get()
                == .export(.init(format: .markdown, account: "Acme", dataDirectory: nil)))
        #expect(Invocation.parse(["export"]) == .failure(UsageError("export needs --format json, markdown or handover")))
        #expect(Invocation.parse(["export", "--format", "pdf"]) == .failure(UsageError("--format must be json, markdown or handover, not \u{201C}pdf\u{201D}")))
    }

    @Test func mistakesAreUsageErrors() throws {
        #expect(Invocation.parse(["--colour"]) == .failure(UsageError("unknown option \u{201C}--colour\u{201D}")))
        #expect(Invocation.parse(["--data"]) == .failure(UsageError("--data needs a value")))
        #expect(Invocation.parse(["--read-only=yes"]) == .failure(UsageError("--read-only takes no value")))
        #expect(Invocation.parse(["frobnicate"]) == .failure(UsageError("unknown command \u{201C}frobnicate\u{201D}")))
        #expect(Invocation.parse(["--demo", "--data", "x"]).isFailure)
        #expect(try Invocation.parse(["check", "--data", "d"]).get() == .check(dataDirectory: "d"))
        #expect(try Invocation.parse(["--version"]).get() == .version)
        #expect(try Invocation.parse(["export", "--help"]).get() == .help)
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

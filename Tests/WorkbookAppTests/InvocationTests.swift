import Testing
import WorkbookModel
import WorkbookTestSupport
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

    @Test func theSharingCommandsShowTheUsageOnHelp() throws {
        for verb in ["sync", "git-setup", "clone", "repair"] {
            #expect(try Invocation.parse([verb, "--help"]).get() == .help)
            #expect(try Invocation.parse([verb, "-h"]).get() == .help)
        }
        #expect(try Invocation.parse(["sync", "--data", "/tmp/w"]).get() == .sharing(.sync(dataDirectory: "/tmp/w")))
    }

    @Test func exportNeedsAKnownFormat() throws {
        #expect(try Invocation.parse(["export", "--format", "markdown", "--account", "Acme"]).get()
                == .export(.init(format: .markdown, account: "Acme", dataDirectory: nil)))
        #expect(Invocation.parse(["export"]) == .failure(UsageError("export needs --format json, markdown, handover or review")))
        #expect(Invocation.parse(["export", "--format", "pdf"]) == .failure(UsageError("--format must be json, markdown, handover or review, not \u{201C}pdf\u{201D}")))
    }

    @Test func reviewStartsTheAppInTheReviewWithItsChoice() throws {
        #expect(try Invocation.parse(["review"]).get() == .open(.init(review: .all)))
        #expect(try Invocation.parse(["review", "--owner", "Dana Wu", "--present", "--timer", "3", "--data", "d"]).get()
                == .open(.init(dataDirectory: "d", review: .owner("Dana Wu"), reviewTimer: 3, present: true)))
        #expect(try Invocation.parse(["review", "--type", "reliable-supplier"]).get() == .open(.init(review: .stage(.reliableSupplier))))
        #expect(try Invocation.parse(["review", "--flagged"]).get() == .open(.init(review: .flagged)))
        #expect(try Invocation.parse(["review", "--list=Q4 focus"]).get() == .open(.init(review: .list("Q4 focus"))))
        #expect(try Invocation.parse(["--present"]).get() == .open(.init(present: true)))
        var slow = Invocation.OpenOptions(dataDirectory: "d")
        slow.slowLink = true
        #expect(try Invocation.parse(["--slow-link", "--data", "d"]).get() == .open(slow))
        slow.review = .flagged
        #expect(try Invocation.parse(["review", "--flagged", "--slow-link", "--data", "d"]).get() == .open(slow))
        #expect(Invocation.parse(["review", "--flagged", "--owner", "x"]) == .failure(UsageError("choose one of --owner, --type, --flagged and --list")))
        #expect(Invocation.parse(["review", "--type", "friend"]).isFailure)
        #expect(Invocation.parse(["review", "--timer", "0"]).isFailure)
    }

    @Test func theReviewReportTakesOwnerAndSince() throws {
        var options = Invocation.ExportOptions(format: .review, account: nil, dataDirectory: nil)
        options.report = ReviewReport.Options(owner: "Dana", since: CalendarDate(iso: "2026-11-01"))
        #expect(try Invocation.parse(["export", "--format", "review", "--owner", "Dana", "--since", "2026-11-01"]).get() == .export(options))
        #expect(Invocation.parse(["export", "--format", "review", "--since", "last week"])
                == .failure(UsageError("--since needs a date: YYYY-MM-DD, today, yesterday, -7 or +7, not \u{201C}last week\u{201D}")))
        // Relative dates as in forms, made days when the command runs.
        for (text, expected) in [("yesterday", "2026-11-24"), ("today", "2026-11-25"), ("-7", "2026-11-18"), ("+7", "2026-12-02")] {
            guard case .export(let relative) = try Invocation.parse(["export", "--format", "review", "--since", text]).get() else {
                Issue.record("not an export")
                continue
            }
            #expect(relative.report.since == nil && relative.relativeSince == text)
            #expect(relative.resolved(today: Fixtures.today).report.since == CalendarDate(iso: expected), "\(text)")
        }
        #expect(Invocation.parse(["export", "--format", "json", "--owner", "Dana"]) == .failure(UsageError("--owner and --since go with --format review")))
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

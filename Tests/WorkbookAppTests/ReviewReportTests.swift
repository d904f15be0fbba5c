import Foundation
import Testing
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// `workbook export --format review`: the Markdown report, compared with a golden file.
@Suite struct ReviewReportTests {
    let goldens = Golden.directory(besides: #filePath)

    /// The fixture after a review today: Müller marked reviewed, with a decision and a new action.
    static var afterTheMeeting: [Account] {
        var accounts = ReviewFixtures.accounts
        var muller = accounts[0]
        muller.reviewLog.append(ReviewRecord(id: EntityID("r2"), on: Fixtures.today, by: "Lee Lead",
                                             snapshot: ReviewSnapshot.capture(muller, today: Fixtures.today, settings: WorkbookSettings())))
        muller.reviewLog.append(ReviewDecision(id: EntityID("d2"), on: Fixtures.today, by: "Lee Lead", text: "Escalate the *TCO* to the CFO"))
        muller.reviewLog.upsert(ReviewAction(id: EntityID("a2"), what: "Book the CFO meeting", owner: "Dana Wu", due: Fixtures.today.adding(days: 7),
                                             agreedOn: Fixtures.today))
        accounts[0] = muller
        return accounts
    }

    func assertMatchesGolden(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = goldens + "/" + name
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(expected == text, "differs from \(path); UPDATE_GOLDENS=1 rewrites it", sourceLocation: sourceLocation)
    }

    @Test func theReportOfTheWholeTeam() {
        let report = ReviewReport.render(accounts: Self.afterTheMeeting, settings: WorkbookSettings(currency: "EUR"), today: Fixtures.today)
        assertMatchesGolden(report, named: "review-report.md")
        #expect(report.contains("SECRET-NOTE-HEIKE") == false, "the report has no person notes at all")
        #expect(report.contains("Dr. Heike Vogel: rating +1 → −2"), "the report is written from the real data, not the mask")
        #expect(report.contains("Escalate the \\*TCO\\* to the CFO"), "Markdown in text is escaped")
    }

    @Test func ownerAndSinceNarrowTheReport() {
        let settings = WorkbookSettings(currency: "EUR")
        let byKenji = ReviewReport.render(accounts: Self.afterTheMeeting, settings: settings, today: Fixtures.today,
                                          options: .init(owner: "kenji sato"))
        #expect(byKenji.contains("## 東京精密"))
        #expect(!byKenji.contains("## Müller"))
        let sinceToday = ReviewReport.render(accounts: Self.afterTheMeeting, settings: settings, today: Fixtures.today,
                                             options: .init(since: Fixtures.today))
        #expect(sinceToday.contains("## Müller & Söhne GmbH"))
        #expect(!sinceToday.contains("## Acme"), "Acme saw no review, decision or action since that day")
        #expect(sinceToday.contains("Escalate"))
        #expect(!sinceToday.contains("Keep pricing flat"), "decisions before --since are left out")
        #expect(sinceToday.hasPrefix("# Account review — 2026-11-25\n\n1 account, since 2026-11-25."))
    }
}

import Foundation
import Testing
import WorkbookTestSupport

/// A new user builds a map for a new account, sees the missing User Buyer, fixes it, and finds the map after a restart.
@Suite struct InfluenceMapEndToEndTests {
    func start(_ folder: TemporaryFolder) throws -> TmuxSession {
        try TmuxSession.workbook(in: folder, width: 120, height: 34)
    }

    /// Adds a person with the name typed, then opens their role form and says yes to the role `tabs` fields down.
    func addPerson(_ name: String, roleTabs: Int, in tmux: TmuxSession) throws {
        tmux.press("a")
        try tmux.waitFor("New person")
        tmux.type(name)
        tmux.press("Enter")
        try tmux.waitFor("Added \(name).")
        tmux.press("b")
        try tmux.waitFor("\(name) in")
        for _ in 0..<roleTabs { tmux.press("Tab") }
        tmux.press("Right", "Enter")
        try tmux.waitFor("Updated \(name)'s part.")
    }

    @Test func buildAMapSeeTheMissingUserBuyerFixItAndFindItAfterRestart() throws {
        let folder = try TemporaryFolder()
        do {
            let tmux = try start(folder)
            try tmux.waitFor("No accounts yet.")
            try tmux.addAccount(named: "Nordwind Logistik GmbH")
            tmux.press("3")
            try tmux.waitFor("O adds the objective")
            tmux.press("O")
            try tmux.waitFor("New sales objective")
            tmux.type("Renew 40 forklifts in Hamburg")
            tmux.press("Enter")
            try tmux.waitFor("◆ Renew 40 forklifts in Hamburg")
            try addPerson("Heike Vogel", roleTabs: 0, in: tmux)
            try addPerson("Klaus Brandt", roleTabs: 1, in: tmux)
            tmux.press("r")
            try tmux.waitFor("Reports to")
            tmux.press("j", "Enter")
            try tmux.waitFor("Klaus Brandt reports to Heike Vogel.")
            try addPerson("佐藤 健", roleTabs: 3, in: tmux)
            let before = try tmux.waitFor("EB Heike Vogel")
            #expect(before.contains("UB — nobody"))
            #expect(before.contains("└─ Klaus Brandt"))
            #expect(before.contains("User Buyer"), "a red flag names the missing role")
            try addPerson("Mia Krüger", roleTabs: 2, in: tmux)
            let after = try tmux.waitFor("UB Mia Krüger")
            #expect(!after.contains("UB — nobody"))
            tmux.press("q")
            try tmux.waitFor("DONE")
        }
        let again = try start(folder)
        try again.waitFor("Nordwind Logistik GmbH")
        again.press("3")
        // The whole frame, not its first lines: wait for all of it before reading it.
        let screen = try again.waitUntil("the restored map") { $0.contains("◆ Renew 40 forklifts in Hamburg") && $0.contains("└─ Klaus Brandt") }
        #expect(screen.contains("EB Heike Vogel"))
        #expect(screen.contains("TB Klaus Brandt"))
        #expect(screen.contains("CO 佐藤 健"))
        #expect(screen.contains("└─ Klaus Brandt"))
        again.press("q")
        try again.waitFor("DONE")
    }
}

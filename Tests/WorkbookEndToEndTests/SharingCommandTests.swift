import Foundation
import Testing
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport

/// The sharing commands as a user runs them: `merge-driver` as git calls it, `clone`, `git-setup`,
/// `check` in a clone, `repair` after a line merge, and the app's sync key and conflicts list in tmux.
@Suite(.serialized) struct SharingCommandTests {
    static let account = """
    {
      "formatVersion": 1,
      "id": "00000000000000aa",
      "industry": "",
      "name": "Acme",
      "notes": "Met the COO.",
      "owner": "",
      "stage": "prospect"
    }

    """

    static func variant(_ changes: [String: String]) -> String {
        var text = account
        for (key, value) in changes {
            text = text.replacingOccurrences(of: "\"\(key)\": \"\(key == "notes" ? "Met the COO." : key == "stage" ? "prospect" : "Acme")\"",
                                             with: "\"\(key)\": \"\(value)\"")
        }
        return text
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func git(_ arguments: [String], in folder: String) throws -> Subprocess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Test"; environment["GIT_AUTHOR_EMAIL"] = "t@localhost"
        environment["GIT_COMMITTER_NAME"] = "Test"; environment["GIT_COMMITTER_EMAIL"] = "t@localhost"
        return try Subprocess.run(["git", "-C", folder] + arguments, environment: environment)
    }

    @Test func theDriverMergesIntoOursAndLeavesItUntouchedWhenItCannot() throws {
        let folder = try TemporaryFolder()
        let base = folder.path + "/O", ours = folder.path + "/A", theirs = folder.path + "/B"
        try Self.write(Self.account, to: base)
        try Self.write(Self.variant(["stage": "vendor", "notes": "Met the COO.\\nBudget ok."]), to: ours)
        try Self.write(Self.variant(["name": "Acme Corp", "notes": "Met the COO.\\nCFO sceptical."]), to: theirs)
        let merged = try WorkbookBinary.run(["merge-driver", base, ours, theirs, "accounts/00000000000000aa.json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let account = try AccountFileFormat.decode(Array(try Data(contentsOf: URL(fileURLWithPath: ours))), fileName: "00000000000000aa.json")
        #expect(account.name == "Acme Corp" && account.stage == .vendor && account.notes == "Met the COO.\nBudget ok.\nCFO sceptical.")
        #expect(account.conflicts.isEmpty)

        // Both sides added the file: the ancestor is empty.
        try Self.write("", to: base)
        try Self.write(Self.variant(["stage": "partner"]), to: ours)
        try Self.write(Self.variant(["stage": "lost"]), to: theirs)
        #expect(try WorkbookBinary.run(["merge-driver", base, ours, theirs, "accounts/00000000000000aa.json"]).status == 0)
        let both = try AccountFileFormat.decode(Array(try Data(contentsOf: URL(fileURLWithPath: ours))), fileName: "00000000000000aa.json")
        #expect(both.conflicts.map(\.path) == [["stage"]])

        let marked = "<<<<<<< HEAD\n" + Self.account + "=======\n" + Self.variant(["name": "B"]) + ">>>>>>> theirs\n"
        try Self.write(marked, to: ours)
        let refused = try WorkbookBinary.run(["merge-driver", base, ours, theirs, "accounts/00000000000000aa.json"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("conflict marker"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: ours)), as: UTF8.self) == marked)
    }

    @Test func aCloneWithoutTheDriverFailsTheCheckAndRepairMergesWhatTheLineMergeBroke() throws {
        let folder = try TemporaryFolder()
        let bare = folder.path + "/team.git", alice = folder.path + "/alice", bob = folder.path + "/bob"
        _ = try Subprocess.run(["git", "init", "-q", "--bare", "-b", "main", bare])
        #expect(try WorkbookBinary.run(["clone", bare, alice]).status == 0)
        try Self.write(Self.account, to: alice + "/accounts/00000000000000aa.json")
        #expect(try WorkbookBinary.run(["sync", "--data", alice]).status == 0)
        // Bob clones with plain git and never runs git-setup.
        #expect(try Subprocess.run(["git", "clone", "-q", bare, bob]).status == 0)
        let unset = try WorkbookBinary.run(["check", "--data", bob])
        #expect(unset.status == 1)
        #expect(unset.stdout.contains("merge driver is not set up") && unset.stdout.contains("line merge"))

        try Self.write(Self.variant(["stage": "vendor"]), to: alice + "/accounts/00000000000000aa.json")
        #expect(try WorkbookBinary.run(["sync", "--data", alice]).status == 0)
        try Self.write(Self.variant(["stage": "partner", "name": "Acme AG"]), to: bob + "/accounts/00000000000000aa.json")
        _ = try Self.git(["commit", "-qam", "bob"], in: bob)
        let pulled = try Self.git(["pull", "--no-rebase", "--no-edit"], in: bob)
        #expect(pulled.status != 0, "git's line merge should have stopped")
        let broken = try WorkbookBinary.run(["check", "--data", bob])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("unmerged") && broken.stdout.contains("conflict markers"))

        let repaired = try WorkbookBinary.run(["repair", "--data", bob])
        #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
        #expect(repaired.stdout.contains("merged again") && repaired.stdout.contains("finished the merge"))
        let account = try AccountFileFormat.decode(Array(try Data(contentsOf: URL(fileURLWithPath: bob + "/accounts/00000000000000aa.json"))),
                                                   fileName: "00000000000000aa.json")
        #expect(account.name == "Acme AG")
        #expect(account.conflicts.map(\.path) == [["stage"]])
        #expect(try WorkbookBinary.run(["git-setup", "--data", bob]).status == 0)
        let fine = try WorkbookBinary.run(["check", "--data", bob])
        #expect(fine.status == 0, "\(fine.stdout)")
        #expect(fine.stdout.contains("conflicts: 1 recorded"))
    }

    /// Two clones on this machine, as two new users: Alice syncs a stage change, Bob changes the same
    /// stage in the app, presses Y, sees the badge, resolves with C and 2, and syncs again.
    @Test func twoTeammatesSyncAndResolveInTheApp() throws {
        let folder = try TemporaryFolder()
        let bare = folder.path + "/team.git", alice = folder.path + "/alice", bob = folder.path + "/bob"
        _ = try Subprocess.run(["git", "init", "-q", "--bare", "-b", "main", bare])
        #expect(try WorkbookBinary.run(["clone", bare, alice]).status == 0)
        try Self.write(Self.account, to: alice + "/accounts/00000000000000aa.json")
        #expect(try WorkbookBinary.run(["sync", "--data", alice]).status == 0)
        #expect(try WorkbookBinary.run(["clone", bare, bob]).status == 0)
        try Self.write(Self.variant(["stage": "vendor"]), to: alice + "/accounts/00000000000000aa.json")
        #expect(try WorkbookBinary.run(["sync", "--data", alice]).status == 0)
        try Self.write(Self.variant(["stage": "partner"]), to: bob + "/accounts/00000000000000aa.json")

        let session = try TmuxSession(width: 110, height: 30,
                                      shellCommand: "\(TmuxSession.quote(WorkbookBinary.path)) --data \(TmuxSession.quote(bob)); echo DONE")
        try session.waitFor("Acme")
        try session.waitFor("Y sync")
        session.press("Y")
        try session.waitFor("1 conflict to resolve")
        try session.waitFor("≠ Acme")
        session.press("C")
        try session.waitFor("stage: \u{201C}partner\u{201D} on one side, \u{201C}vendor\u{201D} on the other")
        session.press("1")
        try session.waitFor("Resolved stage: \u{201C}partner\u{201D}")
        session.press("Y")
        try session.waitFor("Synced: sent your changes")
        session.press("q")
        try session.waitFor("DONE")
        #expect(try WorkbookBinary.run(["sync", "--data", alice]).status == 0)
        for clone in [alice, bob] {
            let account = try AccountFileFormat.decode(Array(try Data(contentsOf: URL(fileURLWithPath: clone + "/accounts/00000000000000aa.json"))),
                                                       fileName: "00000000000000aa.json")
            #expect(account.stage == .partner && account.conflicts.isEmpty, "\(clone)")
        }
    }

    /// A file that reached the disk with markers (a pull while the driver was missing) is listed by
    /// `!` and not loaded; `R` merges it again from git's stages, finishes the merge and shows it.
    @Test func theAppRepairsAFileAGitMergeLeftWithMarkers() throws {
        let folder = try TemporaryFolder()
        let bare = folder.path + "/team.git", alice = folder.path + "/alice", bob = folder.path + "/bob"
        _ = try Subprocess.run(["git", "init", "-q", "--bare", "-b", "main", bare])
        #expect(try WorkbookBinary.run(["clone", bare, alice]).status == 0)
        try Self.write(Self.account, to: alice + "/accounts/00000000000000aa.json")
        #expect(try WorkbookBinary.run(["sync", "--data", alice]).status == 0)
        #expect(try WorkbookBinary.run(["clone", bare, bob]).status == 0)
        try Self.write(Self.variant(["name": "Acme Nord"]), to: alice + "/accounts/00000000000000aa.json")
        #expect(try WorkbookBinary.run(["sync", "--data", alice]).status == 0)
        try Self.write(Self.variant(["name": "Acme Süd", "stage": "vendor"]), to: bob + "/accounts/00000000000000aa.json")
        _ = try Self.git(["commit", "-qam", "bob"], in: bob)
        _ = try Self.git(["config", "--remove-section", "merge.workbook"], in: bob)
        #expect(try Self.git(["pull", "--no-rebase", "--no-edit"], in: bob).status != 0)
        #expect(try WorkbookBinary.run(["git-setup", "--data", bob]).stdout.contains("a merge is stopped here"))

        let session = try TmuxSession(width: 110, height: 30,
                                      shellCommand: "\(TmuxSession.quote(WorkbookBinary.path)) --data \(TmuxSession.quote(bob)); echo DONE")
        try session.waitFor("Not loaded")
        session.press("!")
        try session.waitFor("R merges it again")
        session.press("R")
        try session.waitFor("merged again")
        try session.waitFor("≠ Acme")
        session.press("q")
        try session.waitFor("DONE")
        #expect(try Self.git(["ls-files", "-u"], in: bob).stdout.isEmpty)
        let account = try AccountFileFormat.decode(Array(try Data(contentsOf: URL(fileURLWithPath: bob + "/accounts/00000000000000aa.json"))),
                                                   fileName: "00000000000000aa.json")
        #expect(account.stage == .vendor)
        #expect(account.conflicts.map(\.path) == [["name"]])
    }
}

import Foundation
import Testing
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Real processes on one workbook: one writer at a time, stale locks taken over, the damaged
/// corpus opened by the real app without a byte changing, and `restore` from the command line.
@Suite(.serialized) struct LockTests {
    private func lockPID(_ data: String) -> Int32? {
        guard let bytes = FileManager.default.contents(atPath: data + "/.lock"),
              let document = try? JSONParser.parse(Array(bytes)) else { return nil }
        return document.objectValue?["pid"]?.intValue.flatMap { Int32(exactly: $0) }
    }

    private func waitUntil(_ what: String, timeout: TimeInterval = 15, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { throw StorageCrashSetupError(description: "timed out waiting for \(what)") }
            usleep(10_000)
        }
    }

    @Test func theSecondProcessIsReadOnlyAndAStaleLockIsTakenOver() throws {
        let folder = try TemporaryFolder()
        let data = folder.path + "/wb"
        // First writer: saves until killed.
        let first = try BurstProcess(binary: WorkbookBinary.path, data: data)
        first.readUntilFirstLine(timeoutMilliseconds: 15_000)
        try waitUntil("the lock file") { lockPID(data) == first.pid }

        // A second writer is refused and names the holder.
        let second = try WorkbookBinary.run(["debug-save-burst", "--data", data, "--count", "1"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("opened read-only: in use by pid \(first.pid) on host "), "\(second.stderr)")
        #expect(second.stdout.isEmpty, "nothing saved")

        // `workbook check` says who holds it.
        let check = try WorkbookBinary.run(["check", "--data", data])
        #expect(check.stdout.contains("note: in use by pid \(first.pid) on host "), "\(check.stdout)")

        // The app opens read-only and shows it.
        let tmux = try TmuxSession(width: 120, height: 30, shellCommand: "\(TmuxSession.quote(WorkbookBinary.path)) --data \(TmuxSession.quote(data)); echo DONE")
        try tmux.waitFor("READ-ONLY")
        tmux.press("q")
        try tmux.waitFor("DONE")

        // The holder is killed: its lock is stale; the next writer takes over and loses nothing.
        #expect(first.kill())
        var confirmed: [String: Int] = [:]
        for line in first.finish() {
            let parts = line.split(separator: " ")
            if parts.count == 3, let counter = Int(parts[2]) { confirmed[String(parts[1])] = counter }
        }
        #expect(!confirmed.isEmpty)
        #expect(lockPID(data) == first.pid, "the dead holder's details are still in the file")
        let third = try WorkbookBinary.run(["debug-save-burst", "--data", data, "--count", "3"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.split(separator: "\n").count == 3)
        for (id, counter) in confirmed {
            let account = try AccountFileFormat.decode(Array(try Data(contentsOf: URL(fileURLWithPath: data + "/accounts/\(id).json"))))
            #expect((SaveBurst.counterValue(account.notes) ?? 0) >= counter, "\(id): no confirmed update lost")
        }
        #expect(try WorkbookBinary.run(["check", "--data", data]).status == 0)
    }

    @Test func theAppStartsOnTheDamagedCorpusAndChangesNoByte() throws {
        let folder = try TemporaryFolder()
        let data = folder.path + "/wb"
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("WorkbookStorageTests/Fixtures/damaged").path
        try FileManager.default.copyItem(atPath: fixtures, toPath: data)
        try FileManager.default.createDirectory(atPath: data + "/accounts/folder.json", withIntermediateDirectories: false)
        let huge = open(data + "/accounts/huge.json", O_WRONLY | O_CREAT | O_EXCL, 0o600)
        ftruncate(huge, 50 * 1024 * 1024)
        close(huge)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder.path + "/outside.json"))
        try FileManager.default.createSymbolicLink(atPath: data + "/accounts/link.json", withDestinationPath: folder.path + "/outside.json")
        let damaged = ["copy-of-good", "duplicate-key", "huge", "invalid-utf8", "missing-name", "newer-version", "not-an-object", "truncated", "wrong-types"]
        func bytes() throws -> [String: Data] {
            var result: [String: Data] = [:]
            for name in damaged + ["good", "unknown-fields"] {
                result[name] = try Data(contentsOf: URL(fileURLWithPath: data + "/accounts/\(name).json"))
            }
            result["outside"] = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/outside.json"))
            return result
        }
        let before = try bytes()

        let tmux = try TmuxSession(width: 120, height: 30, shellCommand: "\(TmuxSession.quote(WorkbookBinary.path)) --data \(TmuxSession.quote(data)); echo \"EXIT=$?\"; echo DONE")
        let screen = try tmux.waitFor("11 unreadable files")
        #expect(screen.contains("Good Account"))
        #expect(screen.contains("From A Newer Build"))
        tmux.press("q")
        try tmux.waitFor("DONE")
        #expect(tmux.screen().contains("EXIT=0"))
        #expect(try bytes() == before, "every file byte-identical after the app ran")
        #expect(FileManager.default.fileExists(atPath: data + "/accounts/folder.json"))

        let check = try WorkbookBinary.run(["check", "--data", data])
        #expect(check.status == 1)
        for name in damaged + ["folder", "link"] {
            #expect(check.stdout.contains("accounts/\(name).json: "), "check names \(name)")
        }
        #expect(check.stderr.contains("11 problems"))
        #expect(try bytes() == before)
    }

    @Test func restoreFromTheCommandLineBacksUpWhatItReplaces() throws {
        let folder = try TemporaryFolder()
        let data = folder.path + "/wb"
        #expect(try WorkbookBinary.run(["debug-save-burst", "--data", data, "--count", "1", "--accounts", "1"]).status == 0)
        let path = data + "/accounts/burst-0.json"
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = FileWorkbookStore(directory: data)
            _ = try store.load()
            try store.backup([AccountID("burst-0")], reason: "before archiving Burst 0")
            store.close()
        }
        #expect(try WorkbookBinary.run(["debug-save-burst", "--data", data, "--count", "1", "--accounts", "1"]).status == 0)
        let changed = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(changed != original)

        let check = try WorkbookBinary.run(["check", "--data", data])
        #expect(check.status == 0)
        #expect(check.stdout.contains("before archiving Burst 0 (1 file)"), "\(check.stdout)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: data + "/.backups").first)

        let restore = try WorkbookBinary.run(["restore", name, "--data", data])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.contains("restored accounts/burst-0.json"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        let backups = try FileManager.default.contentsOfDirectory(atPath: data + "/.backups").sorted()
        #expect(backups.count == 2)
        let safety = try #require(backups.first { $0 != name })
        #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/.backups/\(safety)/accounts/burst-0.json")) == changed)

        let unknown = try WorkbookBinary.run(["restore", "no-such-backup", "--data", data])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("there is no backup \"no-such-backup\""))
    }
}

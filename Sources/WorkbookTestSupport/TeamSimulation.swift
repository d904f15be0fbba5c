import Foundation
import WorkbookApp
import WorkbookMerge
import WorkbookModel
import WorkbookStorage

/// Simulated reps sharing one workbook through a bare git repository on this machine, each editing
/// account files (as the app's saves would) and running the real `workbook sync`.
///
/// Used by the end-to-end test (a small fixed run) and by `Benchmarks/merge.sh` (20 reps, 2,000
/// accounts, 100 rounds). Every tally that must be zero is collected, not asserted, so one run
/// reports all of them.
public final class TeamSimulation {
    /// The size of a run.
    public struct Configuration: Sendable {
        public var reps: Int
        public var accounts: Int
        public var rounds: Int
        public var seed: UInt64
        /// Accounts most edits go to, so that reps meet in the same files.
        public var hotAccounts: Int
        public init(reps: Int, accounts: Int, rounds: Int, seed: UInt64, hotAccounts: Int = 8) {
            self.reps = reps
            self.accounts = accounts
            self.rounds = rounds
            self.seed = seed
            self.hotAccounts = hotAccounts
        }
    }

    /// What a run found; every count but `syncs`, `edits` and `conflictRecords` must be zero.
    public struct Tally: Sendable, CustomStringConvertible {
        public var syncs = 0
        public var edits = 0
        public var failedSyncs: [String] = []
        public var stuckSyncs = 0
        public var markerLines = 0
        public var invalidFiles: [String] = []
        public var lostEdits: [String] = []
        public var divergentReps = 0
        public var conflictRecords = 0
        public var finalFiles: [String: [UInt8]] = [:]

        public var description: String {
            "\(syncs) syncs, \(edits) edits, \(conflictRecords) conflict records; failed syncs \(failedSyncs.count), left merging \(stuckSyncs), "
                + "marker lines \(markerLines), invalid files \(invalidFiles.count), lost edits \(lostEdits.count), reps that differ \(divergentReps)"
        }
    }

    let configuration: Configuration
    let root: String
    let rebase: Bool
    let binary: String
    var tally = Tally()
    /// Every edit in the order made; additive ones (note lines, new commitments, new people) must be
    /// in the final files unless a later edit removed them.
    var log: [(file: String, edit: EditScripts.Edit)] = []

    public init(configuration: Configuration, root: String, rebase: Bool, binary: String = WorkbookBinary.path) {
        self.configuration = configuration
        self.root = root
        self.rebase = rebase
        self.binary = binary
    }

    func rep(_ index: Int) -> String { root + "/rep\(index)" }

    @discardableResult
    func run(_ argv: [String], in folder: String? = nil) throws -> Subprocess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Sim"; environment["GIT_AUTHOR_EMAIL"] = "sim@localhost"
        environment["GIT_COMMITTER_NAME"] = "Sim"; environment["GIT_COMMITTER_EMAIL"] = "sim@localhost"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = root
        let command = folder.map { ["git", "-C", $0] + argv.dropFirst() } ?? argv
        return try Subprocess.run(command, environment: environment, timeout: 300)
    }

    /// Sets up the bare repository and the clones, runs the rounds, converges, and checks.
    public func run() throws -> Tally {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try run(["git", "init", "-q", "--bare", "-b", "main", root + "/team.git"])
        let seedFolder = root + "/generated"
        let generated = try run([binary, "generate", "--accounts", "\(configuration.accounts)", "--seed", "\(configuration.seed)", "--data", seedFolder])
        guard generated.status == 0 else { throw SubprocessError("generate failed: \(generated.stderr)") }
        for index in 0..<configuration.reps {
            let cloned = try run([binary, "clone", root + "/team.git", rep(index)])
            guard cloned.status == 0 else { throw SubprocessError("clone failed: \(cloned.stderr)\(cloned.stdout)") }
            if rebase { try run(["git", "config", "pull.rebase", "true"], in: rep(index)) }
            if index == 0 {
                try FileManager.default.removeItem(atPath: rep(0) + "/accounts")
                try FileManager.default.copyItem(atPath: seedFolder + "/accounts", toPath: rep(0) + "/accounts")
                try FileManager.default.removeItem(atPath: rep(0) + "/workbook.json")
                try FileManager.default.copyItem(atPath: seedFolder + "/workbook.json", toPath: rep(0) + "/workbook.json")
                try sync(0)
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: seedFolder + "/accounts").filter { $0.hasSuffix(".json") }.sorted()
        var rng = SplitMix64(seed: configuration.seed)
        for round in 0..<configuration.rounds {
            var order = Array(0..<configuration.reps)
            for index in order.indices.reversed() { order.swapAt(index, Int(rng.next() % UInt64(index + 1))) }
            for index in order {
                var repRNG = SplitMix64(seed: configuration.seed &+ UInt64(round * 1_000 + index))
                for _ in 0..<(1 + Int(repRNG.next() % 2)) {
                    let hot = repRNG.next() % 10 < 7
                    let file = files[Int(repRNG.next() % UInt64(hot ? min(configuration.hotAccounts, files.count) : files.count))]
                    try edit(rep: index, file: file, tag: "r\(round)x\(index)", using: &repRNG)
                }
                try sync(index)
            }
        }
        // Two passes: the first brings everyone's last changes to the remote, the second back to everyone.
        for _ in 0..<2 { for index in 0..<configuration.reps { try sync(index) } }
        try inspect(files: files)
        return tally
    }

    func edit(rep index: Int, file: String, tag: String, using rng: inout SplitMix64) throws {
        let path = rep(index) + "/accounts/" + file
        guard let bytes = FileManager.default.contents(atPath: path), var document = try? JSONParser.parse(Array(bytes)) else {
            tally.invalidFiles.append("rep\(index)/\(file) before an edit")
            return
        }
        let edits = EditScripts.edit(&document, count: 1, side: tag, areas: [.fields, .notes, .people, .commitments, .influences], using: &rng)
        guard let account = try? AccountFileFormat.decode(document, fileName: file) else { return }
        try Data(AccountFileFormat.encode(account)).write(to: URL(fileURLWithPath: path))
        tally.edits += edits.count
        log += edits.map { (file, $0) }
    }

    func sync(_ index: Int) throws {
        let result = try run([binary, "sync", "--data", rep(index)])
        tally.syncs += 1
        if result.status != 0 { tally.failedSyncs.append("rep\(index): \(result.stderr)") }
        let unmerged = try run(["git", "ls-files", "-u"], in: rep(index))
        let gitDir = rep(index) + "/.git"
        if !unmerged.stdout.isEmpty || ["MERGE_HEAD", "rebase-merge", "rebase-apply"].contains(where: { FileManager.default.fileExists(atPath: gitDir + "/" + $0) }) {
            tally.stuckSyncs += 1
        }
    }

    func inspect(files: [String]) throws {
        let names = ["workbook.json"] + files.map { "accounts/" + $0 }
        for index in 0..<configuration.reps {
            for name in names {
                guard let data = FileManager.default.contents(atPath: rep(index) + "/" + name) else {
                    tally.invalidFiles.append("rep\(index)/\(name) missing")
                    continue
                }
                let bytes = Array(data)
                if index == 0 {
                    tally.finalFiles[name] = bytes
                } else if tally.finalFiles[name] != bytes {
                    tally.divergentReps += 1
                    break
                }
                if let line = FileMerge.markerLine(bytes) { tally.markerLines += 1; tally.invalidFiles.append("rep\(index)/\(name): marker on line \(line)") }
                if name == "workbook.json" {
                    if (try? WorkbookFileFormat.decode(bytes)) == nil { tally.invalidFiles.append("rep\(index)/\(name)") }
                } else if index == 0 {
                    guard let account = try? AccountFileFormat.decode(bytes, fileName: String(name.dropFirst("accounts/".count))) else {
                        tally.invalidFiles.append("rep\(index)/\(name)")
                        continue
                    }
                    tally.conflictRecords += account.conflicts.count
                }
            }
        }
        for (sequence, (file, edit)) in log.enumerated() {
            switch edit {
            case .appendLine: break
            case .set(let path, let value) where path.count == 2 && value.objectValue != nil: break
            default: continue
            }
            guard let bytes = tally.finalFiles["accounts/" + file], let document = try? JSONParser.parse(bytes) else { continue }
            let records = (document.objectValue?["conflicts"]?.arrayValue ?? []).compactMap(MergeConflict.init(json:))
            // An added element counts as kept while it is there: teammates may have edited its fields since.
            if case .set(let path, _) = edit, JSONPath.value(at: path, in: document) != nil { continue }
            let outcome = EditScripts.survives(edit, in: document, conflicts: records)
            if !outcome.survived, !outcome.recorded, !undoneLater(edit, file: file, after: sequence) { tally.lostEdits.append("\(file): \(edit)") }
        }
    }

    /// True when a later edit replaced the text (a rewrite of the notes) or removed the element the edit was in.
    func undoneLater(_ edit: EditScripts.Edit, file: String, after sequence: Int) -> Bool {
        log[(sequence + 1)...].contains { later in
            guard later.file == file else { return false }
            switch later.edit {
            case .set(let path, _): return path == edit.path
            case .remove(let path): return edit.path.starts(with: path)
            case .appendLine: return false
            }
        }
    }
}

import Foundation
import Testing
import WorkbookApp
import WorkbookMerge
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport

/// The edit-mix figure of `make bench` (Benchmarks/merge.sh sets MERGE_BENCH=1; skipped otherwise):
/// concurrent pairs of edits in three mixes, merged by the workbook's merge and by git's line merge
/// (`git merge-file`) on the same bytes. Prints one table and writes Benchmarks/merge-results.md.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MERGE_BENCH"] == "1")) struct MergeEditMixBenchmark {
    enum Mix: String, CaseIterable {
        case differentAccounts = "(a) different accounts"
        case disjoint = "(b) one account, disjoint fields, people and notes"
        case sameField = "(c) one account, 10 % same-field edits"
    }

    struct Row {
        var pairs = 0
        var mergedClean = 0
        var records = 0
        var divergent = 0
        var lost = 0
        var gitMarkers = 0
        var gitInvalid = 0
    }

    @Test func editMix() throws {
        let pairs = ProcessInfo.processInfo.environment["MERGE_BENCH_PAIRS"].flatMap(Int.init) ?? 10_000
        let folder = try TemporaryFolder()
        let pool = TerritoryGenerator.accounts(count: 200, seed: 7).map(AccountFileFormat.jsonValue)
        var rng = SplitMix64(seed: 7)
        var table: [(Mix, Row)] = []
        for mix in Mix.allCases {
            var row = Row()
            for _ in 0..<pairs {
                row.pairs += 1
                let base = pool[Int(rng.next() % UInt64(pool.count))]
                let fileName = (base.objectValue?["id"]?.stringValue ?? "") + ".json"
                var ours = base, theirs = base
                var oursEdits: [EditScripts.Edit] = [], theirsEdits: [EditScripts.Edit] = []
                switch mix {
                case .differentAccounts:
                    // Each side edits its own file: git and the driver only ever see one side changed.
                    oursEdits = EditScripts.edit(&ours, count: 3, side: "a", using: &rng)
                    row.mergedClean += 1
                    let other = pool[Int(rng.next() % UInt64(pool.count))]
                    var otherEdited = other
                    theirsEdits = EditScripts.edit(&otherEdited, count: 3, side: "b", using: &rng)
                    for (original, edited) in [(base, ours), (other, otherEdited)] {
                        let git = try lineMerge(original, edited, original, in: folder.path)
                        if git.markers { row.gitMarkers += 1 }
                        if !git.valid { row.gitInvalid += 1 }
                    }
                    continue
                case .disjoint, .sameField:
                    oursEdits = EditScripts.edit(&ours, count: 3, side: "a", areas: [.fields, .appendNotes, .editPeople], using: &rng)
                    theirsEdits = EditScripts.edit(&theirs, count: 3, side: "b", areas: [.commitments, .influences, .appendNotes], using: &rng)
                    // Only "fields" may touch the same field, and only ours edits them: in (b) they are kept apart.
                    if mix == .sameField, rng.next() % 10 == 0 {
                        let stages = RelationshipStage.allCases.map(\.rawValue)
                        let current = base.objectValue?["stage"]?.stringValue
                        let choices = stages.filter { $0 != current }
                        let first = choices[Int(rng.next() % UInt64(choices.count))]
                        let second = choices.filter { $0 != first }[Int(rng.next() % UInt64(choices.count - 1))]
                        JSONPath.set(.string(first), at: ["stage"], in: &ours)
                        JSONPath.set(.string(second), at: ["stage"], in: &theirs)
                        oursEdits.append(.set(["stage"], .string(first)))
                        theirsEdits.append(.set(["stage"], .string(second)))
                    }
                }
                let oursEdited = try normalized(ours, fileName), theirsEdited = try normalized(theirs, fileName)
                let baseValue = try normalized(base, fileName)
                let divergent = divergentEdits(oursEdits, theirsEdits, ours: oursEdited, theirs: theirsEdited, base: baseValue)
                row.divergent += divergent
                let merged = try FileMerge.merge(base: baseValue, ours: oursEdited, theirs: theirsEdited, kind: .account(fileName: fileName))
                row.records += merged.newConflicts.count
                if merged.newConflicts.isEmpty { row.mergedClean += 1 }
                let document = try JSONParser.parse(merged.bytes)
                let records = (document.objectValue?["conflicts"]?.arrayValue ?? []).compactMap(MergeConflict.init(json:))
                for (edit, side) in oursEdits.map({ ($0, oursEdited) }) + theirsEdits.map({ ($0, theirsEdited) })
                    where EditScripts.holds(edit, in: side) && !EditScripts.holds(edit, in: baseValue) {
                    let outcome = EditScripts.survives(edit, in: document, conflicts: records)
                    if !outcome.survived, !outcome.recorded { row.lost += 1 }
                }
                let git = try lineMerge(baseValue, oursEdited, theirsEdited, in: folder.path)
                if git.markers { row.gitMarkers += 1 }
                if !git.valid { row.gitInvalid += 1 }
            }
            table.append((mix, row))
        }
        var lines = [
            "Edit mix: \(pairs) concurrent pairs per mix (generated accounts, seed 7)",
            "",
            "| mix | merged without a record | records / true divergent edits | lost edits | git line merge: with markers | git: invalid JSON |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for (mix, row) in table {
            let files = mix == .differentAccounts ? row.pairs * 2 : row.pairs
            lines.append("| \(mix.rawValue) | \(percent(row.mergedClean, row.pairs)) | \(row.records) / \(row.divergent) | \(row.lost) | "
                + "\(percent(row.gitMarkers, files)) | \(percent(row.gitInvalid, files)) |")
            #expect(row.lost == 0, "\(mix.rawValue): \(row.lost) lost edits")
        }
        let text = lines.joined(separator: "\n")
        print(text)
        let results = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/merge-results.md")
        try Data((text + "\n").utf8).write(to: results)
    }

    func normalized(_ document: JSONValue, _ fileName: String) throws -> JSONValue {
        try JSONParser.parse(AccountFileFormat.encode(try AccountFileFormat.decode(document, fileName: fileName)))
    }

    /// Paths both sides set to different values (the truth a merge should record, no more).
    func divergentEdits(_ ours: [EditScripts.Edit], _ theirs: [EditScripts.Edit], ours oursDocument: JSONValue, theirs theirsDocument: JSONValue,
                        base: JSONValue) -> Int {
        var count = 0
        var seen = Set<[String]>()
        for edit in ours {
            guard case .set(let path, _) = edit, !seen.contains(path) else { continue }
            let mine = JSONPath.value(at: path, in: oursDocument), other = JSONPath.value(at: path, in: theirsDocument)
            let before = JSONPath.value(at: path, in: base)
            if mine != before, other != before, mine != other, theirs.contains(where: { $0.path == path }) {
                seen.insert(path)
                count += 1
            }
        }
        return count
    }

    /// `git merge-file` on the canonical bytes: does it leave markers, and is the result valid JSON?
    func lineMerge(_ base: JSONValue, _ ours: JSONValue, _ theirs: JSONValue, in folder: String) throws -> (markers: Bool, valid: Bool) {
        let paths = ["base", "ours", "theirs"].map { folder + "/" + $0 }
        for (path, value) in zip(paths, [base, ours, theirs]) { try Data(CanonicalJSON.encode(value)).write(to: URL(fileURLWithPath: path)) }
        let result = try Subprocess.run(["git", "merge-file", "-p", paths[1], paths[0], paths[2]])
        let markers = result.status != 0 || FileMerge.markerLine(Array(result.stdout.utf8)) != nil
        return (markers, (try? JSONParser.parse(result.stdout)) != nil)
    }

    func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "—" : String(format: "%.1f %%", Double(part) * 100 / Double(whole))
    }
}

import Foundation
import Testing
import WorkbookApp
import WorkbookMerge
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport

/// Generated accounts and random edit scripts: 10,000 triples (`MERGE_SEED` replays a run; the seed
/// is in every failure message). Checked for each: the result loads and is canonical; both orders give
/// the same bytes; every edit survives or is in a record; and, for every 4th, an unchanged side gives the other side.
@Suite struct MergePropertyTests {
    static let triples = ProcessInfo.processInfo.environment["MERGE_TRIPLES"].flatMap(Int.init) ?? 10_000
    static let seed: UInt64 = ProcessInfo.processInfo.environment["MERGE_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970)

    /// Generated accounts cut to a few people and commitments: the merge paths are the same, and
    /// 10,000 triples stay a few seconds of `make test`.
    static func pool(seed: UInt64) -> [JSONValue] {
        TerritoryGenerator.accounts(count: 40, seed: seed).map { account in
            var small = account
            small.people = Array(account.people.prefix(3))
            let kept = Set(small.people.map(\.id))
            small.influences = account.influences.filter { kept.contains($0.personID) }
            small.commitments = Array(account.commitments.prefix(3))
            return AccountFileFormat.jsonValue(small)
        }
    }

    /// Four slices of the triples, so that they run in parallel.
    @Test(arguments: 0..<4)
    func randomEditsMergeSafelyAndSymmetrically(slice: Int) throws {
        let seed = Self.seed &+ UInt64(slice)
        print("MergePropertyTests slice \(slice) seed: \(seed) (replay with MERGE_SEED=\(Self.seed))")
        var rng = SplitMix64(seed: seed)
        let pool = Self.pool(seed: seed)
        var failures = 0
        var conflictsSeen = 0
        for index in 0..<(Self.triples / 4) where failures < 5 {
            let base = pool[Int(rng.next() % UInt64(pool.count))]
            let fileName = (base.objectValue?["id"]?.stringValue ?? "") + ".json"
            var ours = base, theirs = base
            let oursEdits = EditScripts.edit(&ours, count: 1 + Int(rng.next() % 4), side: "a", using: &rng)
            let theirsEdits = EditScripts.edit(&theirs, count: 1 + Int(rng.next() % 4), side: "b", using: &rng)
            let kind = FileMerge.Kind.account(fileName: fileName)
            func fail(_ message: String) {
                failures += 1
                Issue.record("seed \(seed), triple \(index): \(message)\nours: \(oursEdits)\ntheirs: \(theirsEdits)")
            }
            let forward: FileMerge.Merged, backward: FileMerge.Merged
            do {
                forward = try FileMerge.merge(base: base, ours: ours, theirs: theirs, kind: kind)
                backward = try FileMerge.merge(base: base, ours: theirs, theirs: ours, kind: kind)
            } catch {
                fail("refused: \(error)")
                continue
            }
            if forward.bytes != backward.bytes { fail("merge(O,A,B) and merge(O,B,A) differ") }
            // FileMerge already read the result through the account format (it refuses what does not load).
            let merged = try JSONParser.parse(forward.bytes)
            if CanonicalJSON.encode(merged) != forward.bytes { fail("the result is not canonical") }
            if index % 4 == 0 {
                let unchanged = try FileMerge.merge(base: base, ours: base, theirs: theirs, kind: kind)
                if unchanged.bytes != AccountFileFormat.encode(try AccountFileFormat.decode(theirs, fileName: fileName)) {
                    fail("merging with an unchanged side did not give the other side")
                }
            }
            let records = (merged.objectValue?["conflicts"]?.arrayValue ?? []).compactMap(MergeConflict.init(json:))
            conflictsSeen += forward.newConflicts.count
            for (edit, side) in oursEdits.map({ ($0, ours) }) + theirsEdits.map({ ($0, theirs) }) 
                where EditScripts.holds(edit, in: side) && !EditScripts.holds(edit, in: base) {
                let outcome = EditScripts.survives(edit, in: merged, conflicts: records)
                if !outcome.survived, !outcome.recorded {
                    fail("lost: \(edit)")
                }
            }
        }
        #expect(conflictsSeen > 0, "the edit scripts never collided: the test would not notice a broken conflict path")
    }
}

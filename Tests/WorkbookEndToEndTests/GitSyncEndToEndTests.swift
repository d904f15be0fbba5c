import Foundation
import Testing
import WorkbookTestSupport

/// Real git, the real binary: simulated reps on a bare repository, edit → `workbook sync` in random
/// order, with `git pull` merging and with `git pull --rebase`. The fixed run here is small enough
/// for `make test`; `Benchmarks/merge.sh` runs the full one (20 reps, 2,000 accounts, 100 rounds)
/// through `GIT_SIM_FULL=1`.
@Suite(.serialized) struct GitSyncEndToEndTests {
    static var configuration: TeamSimulation.Configuration {
        let environment = ProcessInfo.processInfo.environment
        if environment["GIT_SIM_FULL"] == "1" {
            let rounds = environment["GIT_SIM_ROUNDS"].flatMap(Int.init) ?? 100
            return TeamSimulation.Configuration(reps: 20, accounts: 2_000, rounds: rounds, seed: 2026, hotAccounts: 40)
        }
        return TeamSimulation.Configuration(reps: 4, accounts: 40, rounds: 5, seed: 2026, hotAccounts: 4)
    }

    @Test func repsSyncingInMergeAndRebaseModeNeverSeeMarkersAndEndWithTheSameFiles() throws {
        let folder = try TemporaryFolder()
        let configuration = Self.configuration
        let started = Date()
        let merging = try TeamSimulation(configuration: configuration, root: folder.path + "/merge", rebase: false).run()
        let rebasing = try TeamSimulation(configuration: configuration, root: folder.path + "/rebase", rebase: true).run()
        let seconds = Int(Date().timeIntervalSince(started))
        print("git sync simulation (\(configuration.reps) reps, \(configuration.accounts) accounts, \(configuration.rounds) rounds, \(seconds) s):\n  merge:  \(merging)\n  rebase: \(rebasing)")
        for (mode, tally) in [("merge", merging), ("rebase", rebasing)] {
            #expect(tally.failedSyncs.isEmpty, "\(mode): \(tally.failedSyncs.prefix(3))")
            #expect(tally.stuckSyncs == 0, "\(mode)")
            #expect(tally.markerLines == 0, "\(mode)")
            #expect(tally.invalidFiles.isEmpty, "\(mode): \(tally.invalidFiles.prefix(3))")
            #expect(tally.lostEdits.isEmpty, "\(mode): \(tally.lostEdits.prefix(3))")
            #expect(tally.divergentReps == 0, "\(mode)")
            #expect(tally.syncs == configuration.reps * (configuration.rounds + 2) + 1)
        }
        #expect(merging.conflictRecords > 0 || configuration.rounds < 5, "no edits collided: the run would not notice a broken conflict path")
        let differing = merging.finalFiles.keys.filter { merging.finalFiles[$0] != rebasing.finalFiles[$0] }.sorted()
        #expect(differing.isEmpty && merging.finalFiles.count == rebasing.finalFiles.count, "merge and rebase ended differently in \(differing.prefix(5))")
    }
}

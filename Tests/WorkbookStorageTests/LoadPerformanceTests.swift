import Foundation
import Testing
import WorkbookModel
import WorkbookStorage

/// Timing of a 10,000-account load; run on demand with `WORKBOOK_PERF=1` (best in release:
/// `swift test -c release -Xswiftc -enable-testing --filter LoadPerformance`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["WORKBOOK_PERF"] == "1"))
struct LoadPerformanceTests {
    @Test func tenThousandAccountFiles() throws {
        let root = try FileWorkbookStore.temporaryDirectory(prefix: "workbook-perf-")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var generator = SystemRandomNumberGenerator()
        // About 4 KB per file, like an account with its people and commitments.
        let people = JSONValue.array((0..<8).map { index in
            .object(["id": .string("p\(index)"), "name": .string("Person \(index) Müller-Łukasiewicz"), "role": .string("buyer"), "notes": .string("Said \"yes\", maybe.\nCall back.")])
        })
        let commitments = JSONValue.array((0..<10).map { index in
            .object(["id": .string("c\(index)"), "due": .string("2026-0\(index % 9 + 1)-1\(index)"), "text": .string("Send the revised offer, 東京 office"), "done": .bool(index % 2 == 0)])
        })
        let accounts = (0..<10_000).map { index in
            Account(id: AccountID.random(using: &generator), name: "Account \(index)", industry: "Logistics", stage: .vendor,
                    annualValue: index * 100, owner: "dana", notes: "Notes, with \"quotes\"",
                    unknownFields: ["people": people, "commitments": commitments])
        }
        var start = Date()
        var total = 0
        for account in accounts { total += AccountFileFormat.encode(account).count }
        let encodeTime = Date().timeIntervalSince(start)
        start = Date()
        try FileWorkbookStore.createWorkbook(at: root, settings: WorkbookSettings(), accounts: accounts)
        let created = Date().timeIntervalSince(start)
        start = Date()
        let loaded = try FileWorkbookStore(directory: root).load()
        let loadTime = Date().timeIntervalSince(start)
        #expect(loaded.accounts.count == 10_000)
        start = Date()
        let store = FileWorkbookStore(directory: root)
        _ = try store.load()
        var account = loaded.accounts[0]
        account.notes = "changed"
        let saveStart = Date()
        try store.save(account)
        let saveTime = Date().timeIntervalSince(saveStart)
        let size = AccountFileFormat.encode(account).count
        print("PERF encode \(Int(encodeTime * 1000)) ms for \(total) bytes, create \(Int(created * 1000)) ms, load \(Int(loadTime * 1000)) ms, save \(String(format: "%.2f", saveTime * 1000)) ms, file \(size) bytes")
    }
}

import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// The list index is a per-user cache: it speeds up the first screen, and it must never show
/// anything the files do not say (docs/PERFORMANCE.md).
@Suite struct ListIndexTests {
    /// A store whose cache folder is `cache`. The files of a test are all minutes young: `settle`
    /// 0 trusts entries however recent (the real store waits 2 s, see `aFileChangedJustBeforeTheIndexWasTakenIsRead`).
    private func store(_ root: String, cache: String, settle: Int64 = 0) -> FileWorkbookStore {
        let store = FileWorkbookStore(directory: root, fileSystem: POSIXFileSystem(), environment: ["USER": "tester", "XDG_CACHE_HOME": cache])
        store.indexSettleNanoseconds = settle
        return store
    }

    private func accounts(_ count: Int) -> [Account] {
        (0..<count).map { index in
            var account = sampleAccount(String(format: "%016x", index + 1), name: "Account \(index)")
            account.notes = "notes of \(index)"
            if index == 1 { account.name = "Tab\there, new\nline, back\\slash \u{201C}quoted\u{201D} 東京" }
            if index == 2 { account.archived = ArchiveMark(on: CalendarDate(year: 2026, month: 1, day: 2)!, by: "dana") }
            if index == 3 { account.annualValue = nil; account.nextMeeting = nil }
            if index == 4 { account.segment = "Mid-market" }
            return account
        }
    }

    /// Opens once in full and writes the index, as the app does; returns the cache folder.
    private func prepare(_ root: String, accounts: [Account]) throws -> String {
        let cache = root + "-cache"
        _ = try FileWorkbookStore.createWorkbook(at: root, settings: WorkbookSettings(owner: "tester", currency: "EUR"), accounts: accounts)
        let first = store(root, cache: cache)
        let loaded = try first.load()
        let pending = try #require(first.listIndex(for: loaded.accounts))
        pending.write()
        first.close()
        return cache
    }

    private func byID(_ accounts: [Account]) -> [AccountID: Account] {
        Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0) })
    }

    @Test func encodingRoundTripsEveryListedField() {
        let entries = accounts(5).enumerated().map { index, account in
            ListIndex.Entry(fileName: account.id.rawValue + ".json",
                            fingerprint: FileFingerprint(inode: UInt64(index), device: 9, size: 100 + index, modified: -5, changed: 1 << 60),
                            hash: UInt64.max - UInt64(index), formatVersion: 1, summary: ListIndex.summary(of: account))
        }
        let index = ListIndex(directory: "/a\tb/c", readAt: 1_700_000_000_000_000_000, entries: entries)
        #expect(ListIndex.decode(index.encode(), directory: "/a\tb/c") == index)
    }

    @Test func aDamagedTruncatedOrForeignIndexIsNotUsed() {
        let entry = ListIndex.Entry(fileName: "00000001.json", fingerprint: FileFingerprint(inode: 1, device: 2, size: 3, modified: 4, changed: 5),
                                    hash: 6, formatVersion: 1, summary: ListIndex.summary(of: sampleAccount("00000001")))
        let bytes = ListIndex(directory: "/w", readAt: 7, entries: [entry, entry]).encode()
        #expect(ListIndex.decode(bytes, directory: "/w") != nil)
        #expect(ListIndex.decode(bytes, directory: "/other") == nil)
        for cut in [1, 10, bytes.count / 2, bytes.count - 1] {
            #expect(ListIndex.decode(Array(bytes.prefix(cut)), directory: "/w") == nil, "cut at \(cut)")
        }
        var flipped = bytes
        flipped[bytes.count / 2] = 0xFF
        #expect(ListIndex.decode(flipped, directory: "/w") == nil)
        #expect(ListIndex.decode(Array("garbage\n".utf8), directory: "/w") == nil)
        #expect(ListIndex.decode([], directory: "/w") == nil)
    }

    @Test func aQuickOpenShowsTheIndexedSummariesAndTheFullLoadEverything() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            let second = store(root, cache: cache)
            let quick = try #require(try second.loadQuickly())
            #expect(quick.summaryOnly == Set(all.map(\.id)))
            #expect(byID(quick.accounts) == byID(all.map(ListIndex.summary(of:))))
            #expect(quick.readOnlyReason == nil)
            let full = try second.load()
            #expect(byID(full.accounts) == byID(all))
            #expect(full.summaryOnly.isEmpty)
        }
    }

    @Test func theIndexLivesInTheUserCacheNeverInTheWorkbook() throws {
        try withTemporaryDirectory { root in
            let cache = try prepare(root, accounts: accounts(2))
            let (folder, name) = ListIndex.location(for: root, environment: ["XDG_CACHE_HOME": cache])
            #expect(folder == cache + "/account-workbook/list-index")
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name))
            #expect(try directoryEntries(root).allSatisfy { !$0.contains("idx") && !$0.contains("index") })
            #expect(try directoryEntries(root + "/accounts").count == 2)
        }
    }

    /// An in-place edit of the same size (an editor, a script) changes mtime and ctime: the file is decoded, never summarised.
    @Test func aFileChangedSinceTheIndexIsReadNotSummarised() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            let path = root + "/accounts/" + all[4].id.rawValue + ".json"
            let edited = String(decoding: try readBytes(path), as: UTF8.self).replacingOccurrences(of: "Account 4", with: "Account X")
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()
            let quick = try #require(try store(root, cache: cache).loadQuickly())
            let shown = try #require(byID(quick.accounts)[all[4].id])
            #expect(shown.name == "Account X")
            #expect(shown.notes == "notes of 4")
            #expect(!quick.summaryOnly.contains(all[4].id))
            #expect(quick.summaryOnly.count == 5)
        }
    }

    /// A file changed within the clock's granularity of the read could keep its fingerprint: such
    /// young entries are decoded, never summarised.
    @Test func aFileChangedJustBeforeTheIndexWasTakenIsRead() throws {
        try withTemporaryDirectory { root in
            let all = accounts(3)
            let cache = try prepare(root, accounts: all)
            let quick = try #require(try store(root, cache: cache, settle: 2_000_000_000).loadQuickly())
            #expect(quick.summaryOnly.isEmpty)
            #expect(byID(quick.accounts) == byID(all))
        }
    }

    @Test func newAndRemovedFilesAreNoticed() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            try FileManager.default.removeItem(atPath: root + "/accounts/" + all[0].id.rawValue + ".json")
            let added = sampleAccount("00000000000000ff", name: "Newcomer")
            try writeBytes(AccountFileFormat.encode(added), to: root + "/accounts/00000000000000ff.json")
            let quick = try #require(try store(root, cache: cache).loadQuickly())
            let shown = byID(quick.accounts)
            #expect(shown[all[0].id] == nil)
            #expect(shown[added.id] == added)
            #expect(shown.count == 6)
        }
    }

    @Test func aChangedFileThatNoLongerReadsIsLeftToTheFullLoad() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            try writeText("{ broken", to: root + "/accounts/" + all[3].id.rawValue + ".json")
            let second = store(root, cache: cache)
            let quick = try #require(try second.loadQuickly())
            #expect(byID(quick.accounts)[all[3].id] == nil)
            let full = try second.load()
            #expect(full.problems.map(\.file) == ["accounts/" + all[3].id.rawValue + ".json"])
        }
    }

    @Test func aDamagedIndexFileMeansAFullLoad() throws {
        try withTemporaryDirectory { root in
            let cache = try prepare(root, accounts: accounts(3))
            let (folder, name) = ListIndex.location(for: root, environment: ["XDG_CACHE_HOME": cache])
            var bytes = try readBytes(folder + "/" + name)
            bytes.removeLast(5)
            try writeBytes(bytes, to: folder + "/" + name)
            #expect(try store(root, cache: cache).loadQuickly() == nil)
            try FileManager.default.removeItem(atPath: folder + "/" + name)
            #expect(try store(root, cache: cache).loadQuickly() == nil)
        }
    }

    @Test func manyChangedFilesMeanAFullLoad() throws {
        try withTemporaryDirectory { root in
            let all = accounts(FileWorkbookStore.quickOpenStaleLimit + 2)
            let cache = try prepare(root, accounts: all)
            for account in all {
                var changed = account
                changed.notes += " (edited)"
                try writeBytes(AccountFileFormat.encode(changed), to: root + "/accounts/" + account.id.rawValue + ".json")
            }
            #expect(try store(root, cache: cache).loadQuickly() == nil)
        }
    }

    /// Saving a summary would write it over the whole account: refused until the full load.
    @Test func aSummaryCannotBeSavedBeforeTheFullLoad() throws {
        try withTemporaryDirectory { root in
            let all = accounts(3)
            let cache = try prepare(root, accounts: all)
            let second = store(root, cache: cache)
            let quick = try #require(try second.loadQuickly())
            let before = try readBytes(root + "/accounts/" + all[0].id.rawValue + ".json")
            var summary = try #require(byID(quick.accounts)[all[0].id])
            summary.name = "Renamed"
            #expect(throws: StorageError.self) { try second.save(summary) }
            #expect(try readBytes(root + "/accounts/" + all[0].id.rawValue + ".json") == before)
            _ = try second.load()
            var full = all[0]
            full.name = "Renamed"
            try second.save(full)
            #expect(try second.reload(full.id) == full)
        }
    }
}

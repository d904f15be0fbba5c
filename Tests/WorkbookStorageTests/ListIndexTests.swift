import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// Opening as summaries, with the per-user list index: it spares reading the files, and it must
/// never show anything the files do not say (docs/PERFORMANCE.md).
@Suite struct ListIndexTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 25)!
    static let settings = WorkbookSettings(owner: "tester", currency: "EUR")

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
            if index == 0 {
                account.upsert(Commitment(id: CommitmentID("c1"), side: .intention, text: "Send the study", due: CalendarDate(year: 2026, month: 10, day: 1)))
            }
            if index == 1 { account.name = "Tab\there, new\nline, back\\slash \u{201C}quoted\u{201D} 東京" }
            if index == 2 { account.archived = ArchiveMark(on: CalendarDate(year: 2026, month: 1, day: 2)!, by: "dana") }
            if index == 3 { account.annualValue = nil; account.nextMeeting = nil }
            if index == 4 { account.segment = "Mid-market" }
            if index == 5 {
                account.productLines = [
                    ProductLine(id: EntityID("p1"), name: "Fleet\u{1E}tracking\u{1F}x", annualValue: 40_000, supplier: "Garmin\t\\"),
                    ProductLine(id: EntityID("p2"), name: "", annualValue: nil, supplier: ""),
                ]
                account.unknownFields["conflicts"] = .array([])
            }
            return account
        }
    }

    private func digest(_ account: Account) -> AccountDigest {
        AccountDigest(of: account, today: Self.today, settings: Self.settings)
    }

    /// Opens once (reading every file, as a first open does) and writes the index; returns the cache folder.
    private func prepare(_ root: String, accounts: [Account]) throws -> String {
        let cache = root + "-cache"
        _ = try FileWorkbookStore.createWorkbook(at: root, settings: Self.settings, accounts: accounts)
        let first = store(root, cache: cache)
        let opened = try first.openSummaries(today: Self.today)
        #expect(opened.filesDecoded == accounts.count)
        try writeIndex(first, entries(opened), settings: opened.settings)
        first.close()
        return cache
    }

    /// Writes the list index of these entries for today, as the app does after an open and at quit.
    private func writeIndex(
        _ store: FileWorkbookStore, _ entries: [(summary: Account, digest: AccountDigest)], settings: WorkbookSettings, order: String = ""
    ) throws {
        try #require(store.listIndex(for: entries, rulesKey: AccountDigest.rulesKey(today: Self.today, settings: settings), order: order)).write()
    }

    private func entries(_ workbook: LoadedWorkbook) -> [(summary: Account, digest: AccountDigest)] {
        workbook.accounts.map { ($0, workbook.digests[$0.id]!) }
    }

    private func byID(_ accounts: [Account]) -> [AccountID: Account] {
        Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0) })
    }

    @Test func encodingRoundTripsEveryListedFieldAndTheDigest() {
        let entries = accounts(6).enumerated().map { index, account in
            var digest = digest(account)
            if index == 4 { digest.rules = nil }
            return ListIndex.Entry(fingerprint: FileFingerprint(inode: UInt64(index), device: 9, size: 100 + index, modified: -5, changed: 1 << 60),
                                   verifiedAt: 1 << 61, hash: UInt64.max - UInt64(index), formatVersion: 1, summary: account.listSummary, digest: digest)
        }
        #expect(entries[0].digest.rules?.health ?? 100 < 100, "the overdue commitment costs health")
        #expect(entries[2].digest.rules?.health == nil, "an archived account has no health")
        #expect(entries[5].digest.hasMergeConflicts)
        let index = ListIndex(directory: "/a\tb/c", readAt: 1_700_000_000_000_000_000, rulesKey: "2026-11-25/ab", entries: entries)
        #expect(ListIndex.decode(index.encode(), directory: "/a\tb/c") == index)
    }

    @Test func aDamagedTruncatedOrForeignIndexIsNotUsed() throws {
        let account = sampleAccount("00000001")
        let entry = ListIndex.Entry(fingerprint: FileFingerprint(inode: 1, device: 2, size: 3, modified: 4, changed: 5),
                                    verifiedAt: 8, hash: 6, formatVersion: 1, summary: account.listSummary, digest: digest(account))
        let bytes = ListIndex(directory: "/w", readAt: 7, rulesKey: "k", entries: [entry, entry]).encode()
        #expect(ListIndex.decode(bytes, directory: "/w") != nil)
        #expect(ListIndex.decode(bytes, directory: "/other") == nil)
        for cut in [1, 10, bytes.count / 2, bytes.count - 1] {
            #expect(ListIndex.decode(Array(bytes.prefix(cut)), directory: "/w") == nil, "cut at \(cut)")
        }
        var flipped = bytes
        flipped[bytes.count / 2] = 0xFF
        #expect(ListIndex.decode(flipped, directory: "/w") == nil)
        // One letter of a name changed keeps the structure and valid text: the checksum still sees it.
        var renamed = bytes
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("Acme".utf8)) })
        renamed[at] = UInt8(ascii: "B")
        #expect(ListIndex.decode(renamed, directory: "/w") == nil)
        #expect(ListIndex.decode(Array("garbage\n".utf8), directory: "/w") == nil)
        #expect(ListIndex.decode([], directory: "/w") == nil)
    }

    @Test func anOpenWithTheIndexReadsNoFileAndGivesWhatReadingThemGives() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            let second = store(root, cache: cache)
            let opened = try second.openSummaries(today: Self.today)
            #expect(opened.filesDecoded == 0)
            #expect(opened.summaryOnly == Set(all.map(\.id)))
            #expect(byID(opened.accounts) == byID(all.map(\.listSummary)))
            #expect(opened.digests == Dictionary(uniqueKeysWithValues: all.map { ($0.id, digest($0)) }))
            #expect(opened.readOnlyReason == nil)
            #expect(opened.problems.isEmpty)
            // Opening an account reads it in full.
            #expect(try second.reload(all[1].id) == all[1])
        }
    }

    @Test func accountsComeBackInTheIndexOrderWithNewFilesAfter() throws {
        try withTemporaryDirectory { root in
            let all = accounts(8)
            let cache = root + "-cache"
            _ = try FileWorkbookStore.createWorkbook(at: root, settings: Self.settings, accounts: Array(all.prefix(7)))
            let first = store(root, cache: cache)
            let opened = try first.openSummaries(today: Self.today)
            // The index keeps the order it is given (the app gives list order): here a reversed one.
            let order = entries(opened).sorted { $0.summary.id > $1.summary.id }
            try writeIndex(first, order, settings: opened.settings)
            first.close()
            try FileWorkbookStore.createWorkbook(at: root + "-extra", settings: Self.settings, accounts: [all[7]]).close()
            try FileManager.default.copyItem(atPath: root + "-extra/accounts/\(all[7].id).json", toPath: root + "/accounts/\(all[7].id).json")
            let second = store(root, cache: cache)
            let again = try second.openSummaries(today: Self.today)
            #expect(again.filesDecoded == 1)
            #expect(again.accounts.map(\.id) == order.map(\.summary.id) + [all[7].id])
        }
    }

    /// The order the app wrote the index in comes back only while every account is as the index
    /// says: a file removed leaves the rest in order; a new or changed one, read, does not.
    @Test func theIndexOrderComesBackOnlyWhileNoFileHadToBeRead() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = root + "-cache"
            _ = try FileWorkbookStore.createWorkbook(at: root, settings: Self.settings, accounts: all)
            func open(writingOrder order: String? = nil) throws -> LoadedWorkbook {
                let store = store(root, cache: cache)
                defer { store.close() }
                let opened = try store.openSummaries(today: Self.today)
                if let order { try writeIndex(store, entries(opened), settings: opened.settings, order: order) }
                return opened
            }
            #expect(try open(writingOrder: "tag/1").listOrderTag == nil, "a first open reads every file")
            let second = try open()
            #expect(second.listOrderTag == "tag/1" && second.filesDecoded == 0)
            try FileManager.default.removeItem(atPath: root + "/accounts/" + all[0].id.rawValue + ".json")
            #expect(try open().listOrderTag == "tag/1")
            try writeBytes(AccountFileFormat.encode(sampleAccount("00000000000000ff", name: "Newcomer")), to: root + "/accounts/00000000000000ff.json")
            #expect(try open(writingOrder: "tag/1").listOrderTag == nil, "the new file was read")
            #expect(try open().listOrderTag == "tag/1")
            var changed = all[3]
            changed.name = "Changed"
            try writeBytes(AccountFileFormat.encode(changed), to: root + "/accounts/" + changed.id.rawValue + ".json")
            #expect(try open(writingOrder: "").listOrderTag == nil, "the changed file was read")
            #expect(try open().listOrderTag == nil, "an index that names no order gives none")
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

    /// An in-place edit of the same size (an editor, a script) changes mtime and ctime: the file is read, never taken from the index.
    @Test func aFileChangedSinceTheIndexIsRead() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            let path = root + "/accounts/" + all[4].id.rawValue + ".json"
            let edited = String(decoding: try readBytes(path), as: UTF8.self).replacingOccurrences(of: "Account 4", with: "Account X")
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()
            let opened = try store(root, cache: cache).openSummaries(today: Self.today)
            #expect(opened.filesDecoded == 1)
            #expect(byID(opened.accounts)[all[4].id]?.name == "Account X")
            #expect(opened.summaryOnly.count == 6)
        }
    }

    /// A file changed within the clock's granularity of the read could keep its fingerprint: such
    /// young entries are read again, never trusted.
    @Test func aFileChangedJustBeforeTheIndexWasTakenIsRead() throws {
        try withTemporaryDirectory { root in
            let all = accounts(3)
            let cache = try prepare(root, accounts: all)
            let opened = try store(root, cache: cache, settle: 2_000_000_000).openSummaries(today: Self.today)
            #expect(opened.filesDecoded == 3)
            #expect(byID(opened.accounts) == byID(all.map(\.listSummary)))
        }
    }

    @Test func newAndRemovedFilesAreNoticed() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            try FileManager.default.removeItem(atPath: root + "/accounts/" + all[0].id.rawValue + ".json")
            let added = sampleAccount("00000000000000ff", name: "Newcomer")
            try writeBytes(AccountFileFormat.encode(added), to: root + "/accounts/00000000000000ff.json")
            let opened = try store(root, cache: cache).openSummaries(today: Self.today)
            let shown = byID(opened.accounts)
            #expect(shown[all[0].id] == nil)
            #expect(shown[added.id] == added.listSummary)
            #expect(opened.digests[added.id] == digest(added))
            #expect(shown.count == 6)
            #expect(opened.filesDecoded == 1)
        }
    }

    /// Every problem a full load reports is reported by an open from the index too.
    @Test func aChangedFileThatNoLongerReadsIsReportedAndProtected() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            let file = "accounts/" + all[3].id.rawValue + ".json"
            try writeText("{ broken", to: root + "/" + file)
            try writeText("{}", to: root + "/accounts/Not An Id.json")
            let second = store(root, cache: cache)
            let opened = try second.openSummaries(today: Self.today)
            #expect(byID(opened.accounts)[all[3].id] == nil)
            let full = try makeStore(root).loadExisting()
            #expect(opened.problems == full.problems)
            #expect(opened.problems.map(\.file).contains(file))
            #expect(throws: StorageError.self) { try second.save(all[3]) }
        }
    }

    @Test func withoutAUsableIndexEveryFileIsRead() throws {
        try withTemporaryDirectory { root in
            let all = accounts(3)
            let cache = try prepare(root, accounts: all)
            let (folder, name) = ListIndex.location(for: root, environment: ["XDG_CACHE_HOME": cache])
            var bytes = try readBytes(folder + "/" + name)
            bytes.removeLast(5)
            try writeBytes(bytes, to: folder + "/" + name)
            let damaged = try store(root, cache: cache).openSummaries(today: Self.today)
            #expect(damaged.filesDecoded == 3)
            #expect(byID(damaged.accounts) == byID(all.map(\.listSummary)))
            try FileManager.default.removeItem(atPath: folder + "/" + name)
            #expect(try store(root, cache: cache).openSummaries(today: Self.today).filesDecoded == 3)
        }
    }

    /// Health depends on the day: figures kept from another day are not shown, but worked out again.
    @Test func ruleFiguresOfAnotherDayAreWorkedOutAgain() throws {
        try withTemporaryDirectory { root in
            let all = accounts(6)
            let cache = try prepare(root, accounts: all)
            let later = CalendarDate(year: 2027, month: 2, day: 1)!
            let second = store(root, cache: cache)
            let opened = try second.openSummaries(today: later)
            #expect(opened.filesDecoded == 0)
            #expect(opened.digests.values.allSatisfy { $0.rules == nil })
            #expect(opened.digests[all[5].id]?.hasMergeConflicts == true)
            let worked = second.digests(for: all.map(\.id), today: later, settings: opened.settings)
            #expect(worked == Dictionary(uniqueKeysWithValues: all.map { ($0.id, AccountDigest(of: $0, today: later, settings: Self.settings)) }))
        }
    }

    /// Saving a summary would write it over the whole account: refused until the account is opened.
    @Test func aSummaryCannotBeSavedBeforeItIsOpened() throws {
        try withTemporaryDirectory { root in
            let all = accounts(3)
            let cache = try prepare(root, accounts: all)
            let second = store(root, cache: cache)
            let opened = try second.openSummaries(today: Self.today)
            let before = try readBytes(root + "/accounts/" + all[0].id.rawValue + ".json")
            var summary = try #require(byID(opened.accounts)[all[0].id])
            summary.name = "Renamed"
            #expect(throws: StorageError.self) { try second.save(summary) }
            #expect(try readBytes(root + "/accounts/" + all[0].id.rawValue + ".json") == before)
            var full = try #require(try second.reload(all[0].id))
            full.name = "Renamed"
            try second.save(full)
            #expect(try second.reload(full.id) == full)
        }
    }

    /// The index written at quit describes the files as saved: the next open reads none of them.
    @Test func anIndexWrittenAfterSavesIsTrustedNextTime() throws {
        try withTemporaryDirectory { root in
            let all = accounts(4)
            let cache = try prepare(root, accounts: all)
            let second = store(root, cache: cache)
            let opened = try second.openSummaries(today: Self.today)
            var full = try #require(try second.reload(all[2].id))
            full.name = "Saved here"
            try second.save(full)
            var entries = entries(opened).filter { $0.summary.id != full.id }
            entries.append((full.listSummary, digest(full)))
            try writeIndex(second, entries, settings: opened.settings)
            second.close()
            let third = try store(root, cache: cache).openSummaries(today: Self.today)
            #expect(third.filesDecoded == 0)
            #expect(byID(third.accounts)[full.id]?.name == "Saved here")
            // With the real settle time, the file just saved is too young to be trusted: it is read again.
            let strict = store(root, cache: cache, settle: 2_000_000_000)
            let fourth = try strict.openSummaries(today: Self.today)
            #expect(fourth.filesDecoded >= 1)
            #expect(byID(fourth.accounts)[full.id]?.name == "Saved here")
        }
    }
}

/// Splitting work over the cores keeps every result in its place, for any count and chunking.
@Suite struct ParallelMapTests {
    @Test func everyIndexOnceInOrder() {
        for count in [0, 1, 2, 5, 10, 17, 100, 1_001] {
            for chunksPerCore in [0, 1, 2, 4, 8] {
                #expect(ParallelMap.map(count, chunksPerCore: chunksPerCore) { $0 * 3 } == (0..<count).map { $0 * 3 }, "\(count) \(chunksPerCore)")
            }
        }
    }
}

/// `lstat`s relative to an opened folder must say what `lstat` by the whole path says.
@Suite struct LinkStatusTests {
    @Test func statusesByFolderAgreeWithStatusesByPath() throws {
        try withTemporaryDirectory { root in
            let manager = FileManager.default
            try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/a.json"))
            try manager.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: root + "/a.json")
            try manager.createDirectory(atPath: root + "/folder.json", withIntermediateDirectories: false)
            let names = ["a.json", "link.json", "folder.json", "missing.json"]
            let system = POSIXFileSystem()
            let byFolder = system.linkStatuses(of: names, inDirectory: root)
            let byPath = system.linkStatusesByPath(of: names, inDirectory: root)
            #expect(byFolder == byPath)
            #expect(byFolder.map { $0?.kind } == [.regular, .symbolicLink, .directory, nil])
            // A folder that cannot be opened: every name is looked up by its path, and none is there.
            #expect(system.linkStatuses(of: names, inDirectory: root + "/nowhere").allSatisfy { $0 == nil })
        }
    }
}

import Testing
@testable import WorkbookStorage
import WorkbookModel

/// `KnownFiles` keeps account files by id and other files by path: both ways of naming an account's
/// file must reach the same record, and nothing else may land among the accounts.
@Suite struct KnownFilesTests {
    static func record(_ byte: UInt8) -> KnownFile {
        KnownFile(fingerprint: FileFingerprint(), hash: UInt64(byte), formatVersion: FormatVersion.current, verifiedAt: 1)
    }

    @Test func anAccountFilesPathAndItsIDNameOneRecord() {
        var files = KnownFiles()
        let id = AccountID("0123456789abcdef")
        files["accounts/0123456789abcdef.json"] = Self.record(1)
        #expect(files[account: id] == Self.record(1))
        files[account: id] = Self.record(2)
        #expect(files["accounts/0123456789abcdef.json"] == Self.record(2))
        #expect(files.accounts.keys.sorted() == [id])
        files["accounts/0123456789abcdef.json"] = nil
        #expect(files[account: id] == nil && files.accounts.isEmpty)
    }

    @Test func otherPathsStayOutOfTheAccounts() {
        var files = KnownFiles()
        for path in ["workbook.json", "accounts/Not-Valid.json", "accounts/a.txt", "other/abc.json", "accounts/sub/abc.json"] {
            files[path] = Self.record(3)
            #expect(files[path] == Self.record(3), "\(path)")
        }
        #expect(files.accounts.isEmpty)
        #expect(files[account: AccountID("abc")] == nil)
    }

    @Test func aLongOrUnusualIDIsAddressedTheSameWays() {
        var files = KnownFiles()
        let id = AccountID("a-very-long-account-id_2026")
        files[account: id] = Self.record(4)
        #expect(files["accounts/a-very-long-account-id_2026.json"] == Self.record(4))
        #expect(files["accounts/a-very-long-account-id_2026"] == nil)
    }
}

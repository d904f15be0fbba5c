import Foundation
import WorkbookModel

/// The list-column index: a per-user cache of what the list, the book and the review need of every
/// account file (the listed fields and product lines of `Account.listSummary`, and the
/// `AccountDigest`: health, red flags, merge conflicts), each entry with the `stat` fingerprint and
/// hash of the file it was read from. With it, a workbook opens without decoding the files, and an
/// account's details are read only when it is opened (docs/PERFORMANCE.md).
///
/// It is never trusted over the files: an entry is used only when its file's inode, device, size,
/// mtime and ctime are all unchanged; files without a matching entry are decoded; a damaged,
/// truncated or foreign index is ignored. It lives under `$XDG_CACHE_HOME/account-workbook/`,
/// keyed by the workbook's absolute path, never in the workbook (which a team shares).
struct ListIndex: Equatable, Sendable {
    /// One account file as it was when the index was written.
    struct Entry: Equatable, Sendable {
        /// The account's file, named after its id.
        var fileName: String { AccountFileFormat.fileName(for: summary.id) }
        var fingerprint: FileFingerprint
        /// When the file was last seen to match the fingerprint and hash (nanoseconds since 1970).
        /// The entry is trusted only for a file last changed clearly before that: a change within
        /// the clock's granularity could leave the fingerprint as it was ("racy" entries, as git calls them).
        var verifiedAt: Int64
        var hash: UInt64
        var formatVersion: Int
        var summary: Account
        var digest: AccountDigest
    }

    static let magic = "account-workbook list index 7"
    static let columnCount = 23

    var directory: String
    /// When the index was taken (nanoseconds since 1970), for people reading it.
    var readAt: Int64
    /// The day and thresholds the entries' rule figures hold for (`AccountDigest.rulesKey`).
    var rulesKey: String
    /// What the entries' order is, in the app's words (`AccountListOrder.nameOrderTag`: the list's
    /// name order, listed accounts first); empty when it is none the app can trust.
    var order: String = ""
    var entries: [Entry]

    /// `$XDG_CACHE_HOME/account-workbook/list-index` (else `~/.cache/…`) and the file for `directory`.
    static func location(for directory: String, environment: [String: String]) -> (folder: String, name: String) {
        let folder = WorkbookLocation.cacheDirectory(environment: environment) + "/list-index"
        let hash = KnownFile.hash(Array(directory.utf8))
        let hex = String(hash, radix: 16)
        return (folder, String(repeating: "0", count: 16 - hex.count) + hex + ".idx")
    }

    // MARK: Bytes

    func encode() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + entries.count * 200)
        func field(_ text: String) {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): out += [92, 92]
                case 9: out += [92, UInt8(ascii: "t")]
                case 10: out += [92, UInt8(ascii: "n")]
                case 13: out += [92, UInt8(ascii: "r")]
                case 0x1E: out += [92, UInt8(ascii: "s")]
                case 0x1F: out += [92, UInt8(ascii: "u")]
                default: out.append(byte)
                }
            }
        }
        func separator() { out.append(9) }
        field(Self.magic); separator(); field(directory); separator(); field(String(readAt)); separator(); field(rulesKey); separator(); field(order)
        out.append(10)
        for entry in entries {
            let s = entry.summary, f = entry.fingerprint
            let columns: [String] = [
                entry.fileName, String(f.inode), String(f.device), String(f.size), String(f.modified), String(f.changed),
                String(entry.hash), String(entry.formatVersion), s.stage.rawValue,
                s.annualValue.map { String($0) } ?? "", s.nextMeeting?.iso ?? "",
                s.archived.map { $0.on.iso } ?? "", s.archived?.by ?? "", s.name, s.industry, s.owner, s.segment,
                entry.digest.hasMergeConflicts ? "1" : "",
                entry.digest.rules == nil ? "?" : entry.digest.rules!.health.map { String($0) } ?? "",
                entry.digest.rules?.healthHidingRatings.map { String($0) } ?? "",
                entry.digest.rules?.isFlagged == true ? "1" : "", String(entry.verifiedAt),
            ]
            for (index, column) in columns.enumerated() {
                if index > 0 { separator() }
                field(column)
            }
            separator()
            // Product lines: records split by 0x1E, their fields by 0x1F (both escaped inside text).
            for (index, line) in s.productLines.enumerated() {
                if index > 0 { out.append(0x1E) }
                field(line.id.rawValue); out.append(0x1F); field(line.name); out.append(0x1F)
                field(line.annualValue.map { String($0) } ?? ""); out.append(0x1F); field(line.supplier)
            }
            out.append(10)
        }
        // The trailer: how many entries, and a hash of every byte before it, so any damage is seen.
        let checksum = out.withUnsafeBufferPointer(StableHash.words)
        field("end"); separator(); field(String(entries.count)); separator(); field(String(checksum)); out.append(10)
        return out
    }
}

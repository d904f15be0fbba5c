import Foundation
import WorkbookModel

/// The list-column index: a per-user cache of the account fields the list and its detail pane show
/// (name, industry, segment, stage, value, next meeting, owner, archive mark) for every account
/// file, each entry with the `stat` fingerprint of the file it was read from. It lets the first screen be drawn before every
/// account is decoded (docs/PERFORMANCE.md).
///
/// It is never trusted over the files: an entry is used only when its file's inode, device, size,
/// mtime and ctime are all unchanged; files without a matching entry are decoded; a damaged,
/// truncated or foreign index is ignored. It lives under `$XDG_CACHE_HOME/account-workbook/`,
/// keyed by the workbook's absolute path, never in the workbook (which a team shares).
struct ListIndex: Equatable, Sendable {
    /// One account file as it was when the index was written.
    struct Entry: Equatable, Sendable {
        var fileName: String
        var fingerprint: FileFingerprint
        var hash: UInt64
        var formatVersion: Int
        var summary: Account
    }

    static let magic = "account-workbook list index 3"

    var directory: String
    /// When the load the entries come from began (nanoseconds since 1970). A file whose ctime is
    /// not clearly older could have changed again within the clock's granularity without its
    /// fingerprint showing it ("racy" entries, as git calls them): it is decoded, not summarised.
    var readAt: Int64
    var entries: [Entry]

    /// `$XDG_CACHE_HOME/account-workbook/list-index` (else `~/.cache/…`) and the file for `directory`.
    static func location(for directory: String, environment: [String: String]) -> (folder: String, name: String) {
        let folder = WorkbookLocation.cacheDirectory(environment: environment) + "/list-index"
        let hash = KnownFile.hash(Array(directory.utf8))
        let hex = String(hash, radix: 16)
        return (folder, String(repeating: "0", count: 16 - hex.count) + hex + ".idx")
    }

    /// The summary an entry keeps: the listed fields only; everything else stays empty until the file is decoded.
    static func summary(of account: Account) -> Account {
        var summary = Account(id: account.id, name: account.name)
        summary.industry = account.industry
        summary.segment = account.segment
        summary.stage = account.stage
        summary.annualValue = account.annualValue
        summary.nextMeeting = account.nextMeeting
        summary.owner = account.owner
        summary.archived = account.archived
        return summary
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
                default: out.append(byte)
                }
            }
        }
        func separator() { out.append(9) }
        field(Self.magic); separator(); field(directory); separator(); field(String(readAt)); out.append(10)
        for entry in entries {
            let s = entry.summary, f = entry.fingerprint
            let columns: [String] = [
                entry.fileName, String(f.inode), String(f.device), String(f.size), String(f.modified), String(f.changed),
                String(entry.hash), String(entry.formatVersion), s.stage.rawValue,
                s.annualValue.map { String($0) } ?? "", s.nextMeeting?.iso ?? "",
                s.archived.map { $0.on.iso } ?? "", s.archived?.by ?? "", s.name, s.industry, s.owner, s.segment,
            ]
            for (index, column) in columns.enumerated() {
                if index > 0 { separator() }
                field(column)
            }
            out.append(10)
        }
        field("end"); separator(); field(String(entries.count)); out.append(10)
        return out
    }

    /// Nil for anything that is not a complete index of `directory` written by this build.
    static func decode(_ bytes: [UInt8], directory: String) -> ListIndex? {
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else { return nil } // Cut short: the last line has no newline.
        lines.removeLast()
        guard lines.count >= 2, let header = fields(lines[0]), header.count == 3, header[0] == magic, header[1] == directory,
              let readAt = Int64(header[2]) else { return nil }
        guard let trailer = fields(lines[lines.count - 1]), trailer.count == 2, trailer[0] == "end",
              Int(trailer[1]) == lines.count - 2 else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(lines.count - 2)
        for line in lines[1..<(lines.count - 1)] {
            guard let columns = fields(line), columns.count == 17, let entry = entry(columns) else { return nil }
            entries.append(entry)
        }
        return ListIndex(directory: directory, readAt: readAt, entries: entries)
    }

    private static func entry(_ c: [String]) -> Entry? {
        let fileName = c[0]
        guard fileName.hasSuffix(".json"), AccountID.isWellFormed(String(fileName.dropLast(5))),
              let inode = UInt64(c[1]), let device = UInt64(c[2]), let size = Int(c[3]), let modified = Int64(c[4]),
              let changed = Int64(c[5]), let hash = UInt64(c[6]), let version = Int(c[7]),
              let stage = RelationshipStage(rawValue: c[8]) else { return nil }
        var summary = Account(id: AccountID(String(fileName.dropLast(5))), name: c[13])
        summary.stage = stage
        summary.industry = c[14]
        summary.owner = c[15]
        summary.segment = c[16]
        if !c[9].isEmpty {
            guard let value = Int(c[9]) else { return nil }
            summary.annualValue = value
        }
        if !c[10].isEmpty {
            guard let date = CalendarDate(iso: c[10]) else { return nil }
            summary.nextMeeting = date
        }
        if !c[11].isEmpty {
            guard let date = CalendarDate(iso: c[11]) else { return nil }
            summary.archived = ArchiveMark(on: date, by: c[12])
        }
        let fingerprint = FileFingerprint(inode: inode, device: device, size: size, modified: modified, changed: changed)
        return Entry(fileName: fileName, fingerprint: fingerprint, hash: hash, formatVersion: version, summary: summary)
    }

    /// The tab-separated fields of one line with their escapes undone; nil on a bad escape or bad UTF-8.
    private static func fields(_ line: ArraySlice<UInt8>) -> [String]? {
        var result: [String] = []
        result.reserveCapacity(16)
        var start = line.startIndex
        while true {
            let end = line[start...].firstIndex(of: 9) ?? line.endIndex
            let slice = line[start..<end]
            if slice.contains(92) {
                guard let text = unescape(slice) else { return nil }
                result.append(text)
            } else {
                guard let text = String(validating: slice, as: UTF8.self) else { return nil }
                result.append(text)
            }
            if end == line.endIndex { return result }
            start = end + 1
        }
    }

    private static func unescape(_ slice: ArraySlice<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slice.count)
        var escaped = false
        for byte in slice {
            if escaped {
                switch byte {
                case 92: bytes.append(92)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "r"): bytes.append(13)
                default: return nil
                }
                escaped = false
            } else if byte == 92 {
                escaped = true
            } else {
                bytes.append(byte)
            }
        }
        return escaped ? nil : String(validating: bytes, as: UTF8.self)
    }
}

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
        var fileName: String
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

    static let magic = "account-workbook list index 4"
    static let columnCount = 23

    var directory: String
    /// When the index was taken (nanoseconds since 1970), for people reading it.
    var readAt: Int64
    /// The day and thresholds the entries' rule figures hold for (`AccountDigest.rulesKey`).
    var rulesKey: String
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
        field(Self.magic); separator(); field(directory); separator(); field(String(readAt)); separator(); field(rulesKey)
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
        field("end"); separator(); field(String(entries.count)); out.append(10)
        return out
    }

    /// Nil for anything that is not a complete index of `directory` written by this build. The
    /// entries' rule figures hold only for the day and thresholds of `rulesKey`: the reader checks.
    static func decode(_ bytes: [UInt8], directory: String) -> ListIndex? {
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else { return nil } // Cut short: the last line has no newline.
        lines.removeLast()
        guard lines.count >= 2, let header = fields(lines[0]), header.count == 4, header[0] == magic, header[1] == directory,
              let readAt = Int64(header[2]) else { return nil }
        guard let trailer = fields(lines[lines.count - 1]), trailer.count == 2, trailer[0] == "end",
              Int(trailer[1]) == lines.count - 2 else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(lines.count - 2)
        for line in lines[1..<(lines.count - 1)] {
            guard let lastTab = line.lastIndex(of: 9), let columns = fields(line[line.startIndex..<lastTab]),
                  columns.count == columnCount - 1, var entry = entry(columns),
                  let lines = productLines(line[(lastTab + 1)...]) else { return nil }
            entry.summary.productLines = lines
            entries.append(entry)
        }
        return ListIndex(directory: directory, readAt: readAt, rulesKey: header[3], entries: entries)
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
        var rules: AccountDigest.RuleFigures?
        if c[18] != "?" {
            guard let health = optionalInt(c[18]), let hiding = optionalInt(c[19]) else { return nil }
            rules = AccountDigest.RuleFigures(health: health, healthHidingRatings: hiding, isFlagged: c[20] == "1")
        }
        let fingerprint = FileFingerprint(inode: inode, device: device, size: size, modified: modified, changed: changed)
        guard let verifiedAt = Int64(c[21]) else { return nil }
        return Entry(fileName: fileName, fingerprint: fingerprint, verifiedAt: verifiedAt, hash: hash, formatVersion: version,
                     summary: summary, digest: AccountDigest(hasMergeConflicts: c[17] == "1", rules: rules))
    }

    /// "" is nil; anything else must be a number (the outer nil means a damaged column).
    private static func optionalInt(_ text: String) -> Int?? {
        if text.isEmpty { return .some(nil) }
        guard let value = Int(text) else { return nil }
        return .some(value)
    }

    /// The product-line column: records split by 0x1E, four fields each split by 0x1F.
    private static func productLines(_ column: ArraySlice<UInt8>) -> [ProductLine]? {
        guard !column.isEmpty else { return [] }
        var lines: [ProductLine] = []
        for record in column.split(separator: 0x1E, omittingEmptySubsequences: false) {
            let parts = record.split(separator: 0x1F, omittingEmptySubsequences: false)
            guard parts.count == 4, let id = text(parts[0]), let name = text(parts[1]), let value = text(parts[2]),
                  let supplier = text(parts[3]), let annualValue = optionalInt(value) else { return nil }
            lines.append(ProductLine(id: EntityID(id), name: name, annualValue: annualValue, supplier: supplier))
        }
        return lines
    }

    private static func text(_ slice: ArraySlice<UInt8>) -> String? {
        slice.contains(92) ? unescape(slice) : String(validating: slice, as: UTF8.self)
    }

    /// The tab-separated fields of one line with their escapes undone; nil on a bad escape or bad UTF-8.
    private static func fields(_ line: ArraySlice<UInt8>) -> [String]? {
        var result: [String] = []
        result.reserveCapacity(16)
        var start = line.startIndex
        while true {
            let end = line[start...].firstIndex(of: 9) ?? line.endIndex
            guard let text = text(line[start..<end]) else { return nil }
            result.append(text)
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
                case UInt8(ascii: "s"): bytes.append(0x1E)
                case UInt8(ascii: "u"): bytes.append(0x1F)
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

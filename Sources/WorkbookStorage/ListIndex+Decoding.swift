import Dispatch
import Foundation
import WorkbookModel

/// Reading the list index back: on every core, numbers straight from the bytes, and nothing at all
/// from an index that is cut short, damaged (its checksum) or written for another folder.
extension ListIndex {
    /// Nil for anything that is not a complete index of `directory` written by this build. The
    /// entries' rule figures hold only for the day and thresholds of `rulesKey`: the reader checks.
    static func decode(_ bytes: [UInt8], directory: String) -> ListIndex? {
        guard bytes.last == 10 else { return nil } // Cut short: the last line has no newline.
        let body = bytes.dropLast()
        guard let trailerStart = body.lastIndex(of: 10).map({ $0 + 1 }),
              let trailer = textFields(body[trailerStart...]), trailer.count == 3, trailer[0] == "end",
              let count = Int(trailer[1]), let checksum = UInt64(trailer[2]),
              bytes.withUnsafeBufferPointer({ StableHash.words(UnsafeBufferPointer(rebasing: $0[..<trailerStart])) }) == checksum,
              count < bytes.count else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(count + 1)
        // memchr finds each line's end many bytes at a time: the index is megabytes long.
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var start = 0
            while start < trailerStart, let found = memchr(base + start, 10, trailerStart - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lines.append(bytes[start..<end])
                start = end + 1
            }
        }
        guard lines.count == count + 1, let header = textFields(lines[0]), header.count == 5, header[0] == magic,
              header[1] == directory, let readAt = Int64(header[2]) else { return nil }
        guard let entries = entriesInParallel(lines.dropFirst()) else { return nil }
        return ListIndex(directory: directory, readAt: readAt, rulesKey: header[3], order: header[4], entries: entries)
    }

    private static func entriesInParallel(_ lines: ArraySlice<ArraySlice<UInt8>>) -> [Entry]? {
        let first = lines.startIndex
        let entries = ParallelMap.map(lines.count, chunksPerCore: ParallelMap.chunksPerCore(2, forLightItems: lines.count)) { index in entry(lines[first + index]) }
        var result: [Entry] = []
        result.reserveCapacity(entries.count)
        for entry in entries {
            guard let entry else { return nil }
            result.append(entry)
        }
        return result
    }

    /// One entry: `columnCount` tab-separated columns, the last the product lines.
    private static func entry(_ line: ArraySlice<UInt8>) -> Entry? {
        var c: [ArraySlice<UInt8>] = []
        c.reserveCapacity(columnCount)
        var start = line.startIndex
        while let tab = line[start...].firstIndex(of: 9) {
            c.append(line[start..<tab])
            start = tab + 1
        }
        c.append(line[start...])
        let fileName = c[0], stem = fileName.dropLast(5)
        guard c.count == columnCount, fileName.count > 5, fileName.suffix(5).elementsEqual(".json".utf8), AccountID.isWellFormed(utf8: stem),
              let inode = unsigned(c[1]), let device = unsigned(c[2]), let size = signed(c[3]), let modified = signed(c[4]),
              let changed = signed(c[5]), let hash = unsigned(c[6]), let version = signed(c[7]), let verifiedAt = signed(c[21]),
              let stageName = text(c[8]), let stage = RelationshipStage(rawValue: stageName),
              let name = text(c[13]), let industry = text(c[14]), let owner = text(c[15]), let segment = text(c[16]),
              let value = optional(c[9]), let lines = productLines(c[22]) else { return nil }
        var summary = Account(id: AccountID(utf8: stem), name: name)
        summary.stage = stage
        summary.industry = industry
        summary.owner = owner
        summary.segment = segment
        summary.annualValue = value.map(Int.init)
        summary.productLines = lines
        if !c[10].isEmpty {
            guard let iso = text(c[10]), let date = CalendarDate(iso: iso) else { return nil }
            summary.nextMeeting = date
        }
        if !c[11].isEmpty {
            guard let iso = text(c[11]), let date = CalendarDate(iso: iso), let by = text(c[12]) else { return nil }
            summary.archived = ArchiveMark(on: date, by: by)
        }
        var rules: AccountDigest.RuleFigures?
        if !(c[18].count == 1 && c[18].first == UInt8(ascii: "?")) {
            guard let health = optional(c[18]), let hiding = optional(c[19]) else { return nil }
            rules = AccountDigest.RuleFigures(health: health.map(Int.init), healthHidingRatings: hiding.map(Int.init), isFlagged: isSet(c[20]))
        }
        let fingerprint = FileFingerprint(inode: inode, device: device, size: Int(size), modified: modified, changed: changed)
        return Entry(fingerprint: fingerprint, verifiedAt: verifiedAt, hash: hash, formatVersion: Int(version),
                     summary: summary, digest: AccountDigest(hasMergeConflicts: isSet(c[17]), rules: rules))
    }

    private static func isSet(_ column: ArraySlice<UInt8>) -> Bool { column.count == 1 && column.first == UInt8(ascii: "1") }

    /// Decimal digits, nothing else; nil when empty, not a number, or too large.
    private static func unsigned(_ column: ArraySlice<UInt8>) -> UInt64? {
        guard !column.isEmpty, column.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in column {
            guard byte >= 48, byte <= 57 else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(byte - 48))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }

    private static func signed(_ column: ArraySlice<UInt8>) -> Int64? {
        if column.first == UInt8(ascii: "-") {
            guard let magnitude = unsigned(column.dropFirst()), magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard let magnitude = unsigned(column), magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// "" is nil; anything else must be a number (the outer nil means a damaged column).
    private static func optional(_ column: ArraySlice<UInt8>) -> Int64?? {
        if column.isEmpty { return .some(nil) }
        guard let value = signed(column) else { return nil }
        return .some(value)
    }

    /// The product-line column: records split by 0x1E, four fields each split by 0x1F.
    private static func productLines(_ column: ArraySlice<UInt8>) -> [ProductLine]? {
        guard !column.isEmpty else { return [] }
        var lines: [ProductLine] = []
        for record in column.split(separator: 0x1E, omittingEmptySubsequences: false) {
            let parts = record.split(separator: 0x1F, omittingEmptySubsequences: false)
            guard parts.count == 4, let id = text(parts[0]), let name = text(parts[1]), let value = optional(parts[2]),
                  let supplier = text(parts[3]) else { return nil }
            lines.append(ProductLine(id: EntityID(id), name: name, annualValue: value.map(Int.init), supplier: supplier))
        }
        return lines
    }

    private static func text(_ slice: ArraySlice<UInt8>) -> String? {
        if slice.contains(92) { return unescape(slice) }
        return slice.allSatisfy({ $0 < 0x80 }) ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
    }

    /// The tab-separated fields of a header or trailer line, as text.
    private static func textFields(_ line: ArraySlice<UInt8>) -> [String]? {
        var result: [String] = []
        for field in line.split(separator: 9, omittingEmptySubsequences: false) {
            guard let text = text(field) else { return nil }
            result.append(text)
        }
        return result
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

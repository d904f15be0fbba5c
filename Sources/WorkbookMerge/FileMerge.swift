import WorkbookModel
import WorkbookStorage

/// The merge of one workbook file as git hands it over: bytes of the ancestor and both sides in,
/// canonical bytes out, or the reason why no valid merge is possible.
public enum FileMerge {
    /// Which rules apply to the file, from its path in the repository.
    public enum Kind: Sendable, Equatable {
        case account(fileName: String)
        case workbook
        /// Any other JSON file: merged by shape only.
        case other

        public init(path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name == WorkbookFileFormat.fileName {
                self = .workbook
            } else if path.split(separator: "/").dropLast().last == "accounts", name.hasSuffix(".json") {
                self = .account(fileName: name)
            } else {
                self = .other
            }
        }
    }

    /// A merged file: its bytes and how many new disagreements it records.
    public struct Merged: Sendable, Equatable {
        public var bytes: [UInt8]
        public var newConflicts: [MergeConflict]
    }

    /// Why nothing was written: git then keeps the file unmerged and `workbook check` names it.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// `base` empty or nil: both sides added the file.
    public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], kind: Kind) -> Result<Merged, Refusal> {
        do {
            let baseValue = try base.flatMap { $0.isEmpty ? nil : $0 }.map { try document($0, side: "the common ancestor", kind: kind) }
            let oursValue = try document(ours, side: "our side", kind: kind)
            let theirsValue = try document(theirs, side: "their side", kind: kind)
            return .success(try merge(base: baseValue, ours: oursValue, theirs: theirsValue, kind: kind))
        } catch let refusal as Refusal {
            return .failure(refusal)
        } catch {
            return .failure(Refusal(description: "\(error)"))
        }
    }

    /// The merge on parsed documents: rules checked, conflicts recorded, canonical bytes.
    public static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue, kind: Kind) throws(Refusal) -> Merged {
        var merger = Merger()
        guard var merged = merger.merge([], key: nil, base, ours, theirs) else { throw Refusal(description: "the merge left nothing") }
        if case .account = kind {
            MergeRules.missingReferences(merged: &merged, base: base, ours: ours, theirs: theirs, into: &merger)
            MergeRules.reportsToLoops(merged: merged, base: base, sides: [ours, theirs], into: &merger)
        }
        merged = recording(merger.conflicts, in: merged)
        let bytes = try normalized(merged, kind: kind)
        return Merged(bytes: bytes, newConflicts: merger.conflicts.sorted { $0.id < $1.id })
    }

    /// Adds the new records to the `conflicts` list; a record with the same id (the same field) is replaced.
    static func recording(_ conflicts: [MergeConflict], in document: JSONValue) -> JSONValue {
        guard !conflicts.isEmpty, case .object(var members) = document else { return document }
        var records: [String: JSONValue] = [:]
        var unkeyed: [JSONValue] = []
        for record in members[JSONMerge.conflictsKey]?.arrayValue ?? [] {
            if let id = record.objectValue?["id"]?.stringValue { records[id] = record } else { unkeyed.append(record) }
        }
        for conflict in conflicts { records[conflict.id] = conflict.jsonValue }
        members[JSONMerge.conflictsKey] = .array(records.sorted { ArrayShape.byteOrder($0.key, $1.key) }.map(\.value) + unkeyed)
        return .object(members)
    }

    /// Read through the file's format and written back, so the bytes are those the app itself writes.
    static func normalized(_ document: JSONValue, kind: Kind) throws(Refusal) -> [UInt8] {
        do {
            switch kind {
            case .account(let fileName): return AccountFileFormat.encode(try AccountFileFormat.decode(document, fileName: fileName))
            case .workbook: return WorkbookFileFormat.encode(try WorkbookFileFormat.decode(document))
            case .other: return CanonicalJSON.encode(document)
            }
        } catch {
            throw Refusal(description: "the merged file would not be valid: \(error)")
        }
    }

    /// One side parsed and checked: no conflict markers, valid JSON, a format this build reads, valid fields.
    static func document(_ bytes: [UInt8], side: String, kind: Kind) throws(Refusal) -> JSONValue {
        if let line = markerLine(bytes) {
            throw Refusal(description: "\(side) has a conflict marker on line \(line) (a line merge reached this file)")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw Refusal(description: "\(side) is not valid JSON: \(error)")
        }
        if let version = value.objectValue?["formatVersion"]?.intValue, version > FormatVersion.current {
            throw Refusal(description: "\(side) was written by a newer version (format \(version)); this build reads format \(FormatVersion.current): update workbook")
        }
        do {
            switch kind {
            case .account(let fileName): _ = try AccountFileFormat.decode(value, fileName: fileName)
            case .workbook: _ = try WorkbookFileFormat.decode(value)
            case .other: break
            }
        } catch {
            throw Refusal(description: "\(side) is not a valid file: \(error)")
        }
        return value
    }

    /// The first line (1-based) that starts like one of git's conflict markers, if any.
    public static func markerLine(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var start = 0
        let markers: [[UInt8]] = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"].map { Array($0.utf8) }
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let text = bytes[start..<end]
            if markers.contains(where: { text.starts(with: $0) }) { return line }
            line += 1
            start = end + 1
        }
        return nil
    }
}

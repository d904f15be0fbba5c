import WorkbookMerge
import WorkbookStorage

/// `workbook merge-driver %O %A %B %P`: git's merge driver for one workbook file.
///
/// Exit 0 whenever a valid file was written to `%A` (recorded conflicts included), so `git pull`
/// never stops half-way; exit 1, with `%A` untouched, only when no valid merge is possible.
public enum MergeDriver {
    /// The exit status and, on failure, the message for git's output.
    public struct Outcome: Sendable, Equatable {
        public var status: Int32
        public var message: String?
    }

    public static func run(base: String, ours: String, theirs: String, path: String) -> Outcome {
        let kind = FileMerge.Kind(path: path)
        let bytes: (base: [UInt8]?, ours: [UInt8], theirs: [UInt8])
        do {
            guard let oursBytes = try SharedFiles.read(path: ours), let theirsBytes = try SharedFiles.read(path: theirs) else {
                return Outcome(status: 1, message: "workbook merge-driver: \(path): a side is missing")
            }
            bytes = (try SharedFiles.read(path: base), oursBytes, theirsBytes)
        } catch {
            return Outcome(status: 1, message: "workbook merge-driver: \(path): \(error)")
        }
        switch FileMerge.merge(base: bytes.base, ours: bytes.ours, theirs: bytes.theirs, kind: kind) {
        case .failure(let refusal):
            return Outcome(status: 1, message: "workbook merge-driver: \(path): \(refusal); left for `workbook repair`")
        case .success(let merged):
            do {
                if merged.bytes != bytes.ours { try SharedFiles.replace(path: ours, with: merged.bytes) }
            } catch {
                return Outcome(status: 1, message: "workbook merge-driver: \(path): \(error)")
            }
            let count = merged.newConflicts.count
            return Outcome(status: 0, message: count == 0 ? nil : "workbook merge-driver: \(path): \(count) conflict\(count == 1 ? "" : "s") recorded for the app to resolve")
        }
    }
}

import Foundation

/// Writes a document the user asked for (the handover pack) into a folder of theirs, atomically,
/// so a crash never leaves half a pack; the only way the app writes outside the workbook.
public enum UserDocumentWriter {
    /// Writes `bytes` as `name` in `directory` (default: the current folder) and returns the full path.
    public static func write(_ bytes: [UInt8], named name: String, in directory: String? = nil) throws -> String {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
            throw StorageError("\u{201C}\(name)\u{201D} is not a file name")
        }
        let folder = directory ?? FileManager.default.currentDirectoryPath
        do {
            try AtomicFileWriter(fileSystem: POSIXFileSystem()).replace(directory: folder, name: name, with: bytes)
        } catch {
            throw StorageError("could not write \(folder)/\(name): \(FileWorkbookStore.reason(error))")
        }
        return folder + "/" + name
    }
}

import WorkbookModel

/// File access for the git side of sharing (the merge driver, `git-setup`, repair), which must go
/// through storage like everything else: whole-file reads and atomic replacements.
public enum SharedFiles {
    /// The bytes at `path`, nil when nothing is there; links are not followed.
    public static func read(path: String) throws -> [UInt8]? {
        do {
            return try POSIXFileSystem().readRegularFile(atPath: path, limit: ResourceFiles.maximumSize, followLinks: false)
        } catch .missing {
            return nil
        } catch {
            throw StorageError("\(path) \(error.message)")
        }
    }

    /// Replaces the file at `path` atomically (temporary file, `fsync`, `rename`, `fsync` the folder).
    public static func replace(path: String, with bytes: [UInt8]) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        do {
            try AtomicFileWriter(fileSystem: POSIXFileSystem()).replace(directory: directory.isEmpty ? "/" : directory, name: name, with: bytes)
        } catch .notWritten(let error) {
            throw StorageError("\(path) was not written: \(error.reason)")
        } catch .writtenButNotFlushed(let error) {
            throw StorageError("\(path) was written but may not survive a power cut: \(error.reason)")
        }
    }
}

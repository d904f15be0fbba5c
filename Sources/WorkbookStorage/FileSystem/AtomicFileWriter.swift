#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that a crash at any moment leaves either the old bytes or the new ones:
/// temp file (O_EXCL, 0600) in the same directory, write all, `fsync`, `rename`, `fsync` the directory.
///
/// The data file itself is never opened for writing, so it is never truncated in place.
struct AtomicFileWriter {
    let fileSystem: any FileSystem

    /// Where in the sequence a save failed: before the rename nothing changed on disk, after it the
    /// new bytes are in place but may not survive a power cut.
    enum Failure: Error {
        case notWritten(SystemCallError)
        case writtenButNotFlushed(SystemCallError)
    }

    func replace(directory: String, name: String, with bytes: [UInt8]) throws(Failure) {
        let target = directory + "/" + name
        let temporary = directory + "/" + Self.temporaryName(for: name)
        let descriptor: Int32
        do {
            descriptor = try fileSystem.createExclusive(atPath: temporary, permissions: 0o600)
        } catch {
            throw .notWritten(error)
        }
        do {
            try writeAll(bytes, to: descriptor)
            try fileSystem.fsync(descriptor)
        } catch {
            try? fileSystem.close(descriptor)
            try? fileSystem.unlink(atPath: temporary)
            throw .notWritten(SystemCallError(operation: error.operation, path: temporary, code: error.code))
        }
        do {
            // A failing close can report a deferred write error (NFS): the bytes may not be there.
            try fileSystem.close(descriptor)
            try fileSystem.rename(from: temporary, to: target)
        } catch {
            try? fileSystem.unlink(atPath: temporary)
            throw .notWritten(SystemCallError(operation: error.operation, path: temporary, code: error.code))
        }
        do {
            try fileSystem.fsyncDirectory(atPath: directory)
        } catch {
            throw .writtenButNotFlushed(error)
        }
    }

    /// Creates a file that must not exist yet. Without `sync` there is no `fsync`: for filling a
    /// brand-new workbook, where a crash loses nothing a person typed. Backups pass `sync: true`.
    func createNew(path: String, with bytes: [UInt8], sync: Bool = false) throws(SystemCallError) {
        let descriptor = try fileSystem.createExclusive(atPath: path, permissions: 0o600)
        do {
            try writeAll(bytes, to: descriptor)
            if sync { try fileSystem.fsync(descriptor) }
        } catch {
            try? fileSystem.close(descriptor)
            try? fileSystem.unlink(atPath: path)
            throw SystemCallError(operation: error.operation, path: path, code: error.code)
        }
        try fileSystem.close(descriptor)
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(SystemCallError) {
        var failure: SystemCallError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                do throws(SystemCallError) {
                    let written = try fileSystem.write(descriptor, UnsafeRawBufferPointer(rebasing: raw[offset...]))
                    if written <= 0 {
                        // write(2) returning 0 for a non-empty buffer means no progress is possible.
                        failure = SystemCallError(operation: "write", path: "", code: EIO)
                        return
                    }
                    offset += written
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
    }

    /// `.<name>.<random>.tmp`: hidden, so the loader skips it, and recognisable as stale after a crash.
    static func temporaryName(for name: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "." + name + "." + String(repeating: "0", count: 16 - random.count) + random + ".tmp"
    }

    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }
}

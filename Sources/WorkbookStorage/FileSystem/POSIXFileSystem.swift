#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through Glibc/Darwin calls.
struct POSIXFileSystem: FileSystem {
    func status(atPath path: String, followLinks: Bool) throws(SystemCallError) -> FileStatus? {
        var info = stat()
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        if result != 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw SystemCallError(operation: followLinks ? "stat" : "lstat", path: path, code: code)
        }
        return Self.status(info)
    }

    /// Relative to the directory opened once: each `lstat` then resolves one name instead of the
    /// whole path (at 100,000 files, a tenth of an open).
    func linkStatuses(of names: [String], inDirectory directory: String) -> [FileStatus?] {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return linkStatusesByPath(of: names, inDirectory: directory) }
        defer { _ = systemClose(descriptor) }
        return ParallelMap.map(names.count, chunksPerCore: ParallelMap.chunksPerCore(4, forLightItems: names.count)) { index in
            var info = stat()
            return fstatat(descriptor, names[index], &info, AT_SYMLINK_NOFOLLOW) == 0 ? Self.status(info) : nil
        }
    }

    private static func status(_ info: stat) -> FileStatus {
        #if os(Linux)
        let modified = info.st_mtim, changed = info.st_ctim
        #else
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #endif
        let fingerprint = FileFingerprint(
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev), size: Int(info.st_size),
            modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec))
        return FileStatus(kind: kind(info.st_mode), size: Int(info.st_size), permissions: UInt32(info.st_mode) & 0o7777, fingerprint: fingerprint)
    }

    private static func kind(_ mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    func listDirectory(atPath path: String) throws(SystemCallError) -> [String] {
        guard let directory = opendir(path) else {
            throw SystemCallError(operation: "opendir", path: path, code: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw SystemCallError(operation: "readdir", path: path, code: errno) }
                return names
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    func makeDirectory(atPath path: String, permissions: UInt32) throws(SystemCallError) {
        if mkdir(path, mode_t(permissions)) != 0 {
            throw SystemCallError(operation: "mkdir", path: path, code: errno)
        }
    }

    func readFile(atPath path: String, limit: Int, followLinks: Bool) throws(FileReadFailure) -> FileContents {
        // O_NOFOLLOW: a link could point outside the workbook; O_NONBLOCK: a FIFO must not hang the load.
        let descriptor = open(path, O_RDONLY | (followLinks ? 0 : O_NOFOLLOW) | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            switch code {
            case ENOENT: throw .missing
            case ELOOP, EMLINK: throw .symbolicLink
            default: throw .system(SystemCallError(operation: "open", path: path, code: code))
            }
        }
        defer { _ = systemClose(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) != 0 {
            throw .system(SystemCallError(operation: "fstat", path: path, code: errno))
        }
        switch Self.kind(info.st_mode) {
        case .regular: break
        case .directory: throw .directory
        case .symbolicLink: throw .symbolicLink
        case .other: throw .notRegularFile
        }
        let size = Int(info.st_size)
        if size > limit { throw .tooLarge(size: size, limit: limit) }
        var failure: SystemCallError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let count = read(descriptor, buffer.baseAddress! + total, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = SystemCallError(operation: "read", path: path, code: errno)
                    break
                }
                if count == 0 { break } // The file shrank while being read: keep what is there.
                total += count
            }
            initialized = total
        }
        if let failure { throw .system(failure) }
        return FileContents(bytes: bytes, status: Self.status(info))
    }

    func createExclusive(atPath path: String, permissions: UInt32) throws(SystemCallError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(permissions))
        if descriptor < 0 { throw SystemCallError(operation: "open", path: path, code: errno) }
        return descriptor
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        while true {
            let count = systemWrite(descriptor, bytes.baseAddress, bytes.count)
            if count >= 0 { return count }
            if errno != EINTR { throw SystemCallError(operation: "write", path: "", code: errno) }
        }
    }

    func fsync(_ descriptor: Int32) throws(SystemCallError) {
        while systemFsync(descriptor) != 0 {
            if errno != EINTR { throw SystemCallError(operation: "fsync", path: "", code: errno) }
        }
    }

    func close(_ descriptor: Int32) throws(SystemCallError) {
        // Not retried on EINTR: on Linux the descriptor is already released.
        if systemClose(descriptor) != 0 {
            throw SystemCallError(operation: "close", path: "", code: errno)
        }
    }

    func rename(from source: String, to destination: String) throws(SystemCallError) {
        if systemRename(source, destination) != 0 {
            throw SystemCallError(operation: "rename", path: destination, code: errno)
        }
    }

    func fsyncDirectory(atPath path: String) throws(SystemCallError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 { throw SystemCallError(operation: "open", path: path, code: errno) }
        defer { _ = systemClose(descriptor) }
        while systemFsync(descriptor) != 0 {
            let code = errno
            if code == EINTR { continue }
            // Some file systems cannot sync a directory; the rename itself has happened.
            if code == EINVAL || code == ENOTSUP { return }
            throw SystemCallError(operation: "fsync", path: path, code: code)
        }
    }

    func unlink(atPath path: String) throws(SystemCallError) {
        if systemUnlink(path) != 0 {
            throw SystemCallError(operation: "unlink", path: path, code: errno)
        }
    }

    func isReadableDirectory(atPath path: String) -> Bool {
        access(path, R_OK | X_OK) == 0
    }

    func removeDirectory(atPath path: String) throws(SystemCallError) {
        if rmdir(path) != 0 {
            throw SystemCallError(operation: "rmdir", path: path, code: errno)
        }
    }
}

// The protocol's method names shadow the C functions inside the type; these reach the C ones.
@inline(__always) private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
@inline(__always) private func systemFsync(_ descriptor: Int32) -> Int32 { fsync(descriptor) }
@inline(__always) private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int { write(descriptor, pointer, count) }
@inline(__always) private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
@inline(__always) private func systemUnlink(_ path: String) -> Int32 { unlink(path) }

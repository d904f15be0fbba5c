/// What kind of thing a path names, without following a symbolic link unless asked to.
enum FileKind: Hashable, Sendable {
    case regular, directory, symbolicLink, other
}

/// The few facts of `stat` the store needs.
struct FileStatus: Hashable, Sendable {
    var kind: FileKind
    var size: Int
    /// Permission bits only, e.g. 0o600.
    var permissions: UInt32
    /// What identifies one version of a file cheaply: inode, device, mtime and ctime (nanoseconds).
    /// A rename over the file (`sed -i`, `git checkout`, our own saves) changes the inode; an
    /// in-place write changes mtime and ctime.
    var fingerprint = FileFingerprint()
}

/// The `stat` facts that change when a file's content is replaced or rewritten; compared by
/// `FileWorkbookStore.changedFiles()` before it spends a read and a hash on a file.
struct FileFingerprint: Hashable, Sendable {
    var inode: UInt64 = 0
    var device: UInt64 = 0
    var size: Int = 0
    var modified: Int64 = 0
    var changed: Int64 = 0

    /// True when the file last changed at least `settle` nanoseconds before `verifiedAt`: a change
    /// within the clock's granularity could leave the fingerprint as it was ("racy", as git says),
    /// so only a settled fingerprint vouches for the content it was verified with.
    func isSettled(verifiedAt: Int64, settle: Int64) -> Bool {
        changed < verifiedAt - settle && modified < verifiedAt - settle
    }
}

/// A whole file and the `fstat` of the descriptor it was read from (taken before reading, so a
/// change made while reading shows up as a different fingerprint later).
struct FileContents: Sendable {
    var bytes: [UInt8]
    var status: FileStatus
}

/// Why a data file could not be read; each case becomes a problem that names the file.
enum FileReadFailure: Error, Hashable, Sendable {
    case missing
    case symbolicLink
    case directory
    case notRegularFile
    case tooLarge(size: Int, limit: Int)
    case system(SystemCallError)

    var message: String {
        switch self {
        case .missing: return "missing"
        case .symbolicLink: return "is a symbolic link; links are not followed, so it was not read"
        case .directory: return "is a folder where a file should be"
        case .notRegularFile: return "is not a regular file"
        case .tooLarge(let size, let limit): return "is \(size) bytes, over the \(limit / 1_000_000) MB limit; it was not read"
        case .system(let error): return "cannot be read: \(error.reason)"
        }
    }
}

/// The POSIX file operations the store uses: a seam so that tests can inject faults
/// (a full disk, a failing `fsync`) and check that nothing is lost.
protocol FileSystem: Sendable {
    /// `lstat` (or `stat` when `followLinks`); nil when nothing is at the path.
    func status(atPath path: String, followLinks: Bool) throws(SystemCallError) -> FileStatus?
    /// Entry names, without "." and "..", in no particular order.
    func listDirectory(atPath path: String) throws(SystemCallError) -> [String]
    func makeDirectory(atPath path: String, permissions: UInt32) throws(SystemCallError)
    /// Reads a whole regular file, refusing files over `limit` bytes. Workbook files are read with
    /// `followLinks: false`: a link could point anywhere, and writing through it would surprise.
    func readFile(atPath path: String, limit: Int, followLinks: Bool) throws(FileReadFailure) -> FileContents
    /// `open(O_WRONLY | O_CREAT | O_EXCL)`: never opens (or truncates) an existing file.
    func createExclusive(atPath path: String, permissions: UInt32) throws(SystemCallError) -> Int32
    /// One `write` call; returns how many bytes were written.
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int
    func fsync(_ descriptor: Int32) throws(SystemCallError)
    func close(_ descriptor: Int32) throws(SystemCallError)
    func rename(from source: String, to destination: String) throws(SystemCallError)
    /// Flushes a directory's entries, so that a `rename` survives a power cut.
    func fsyncDirectory(atPath path: String) throws(SystemCallError)
    func unlink(atPath path: String) throws(SystemCallError)
    /// True when the directory can be listed and entered (`access(R_OK | X_OK)`).
    func isReadableDirectory(atPath path: String) -> Bool
    /// `rmdir`: removes an empty directory (pruning old backups).
    func removeDirectory(atPath path: String) throws(SystemCallError)
    /// `lstat` of each name in `directory`, in order, on every core: nil for a name with nothing
    /// there or that could not be examined (reading the file then says why).
    func linkStatuses(of names: [String], inDirectory directory: String) -> [FileStatus?]
}

extension FileSystem {
    func linkStatuses(of names: [String], inDirectory directory: String) -> [FileStatus?] {
        linkStatusesByPath(of: names, inDirectory: directory)
    }

    /// `linkStatuses` through `status(atPath:)`, each name by its whole path.
    func linkStatusesByPath(of names: [String], inDirectory directory: String) -> [FileStatus?] {
        ParallelMap.map(names.count, chunksPerCore: ParallelMap.chunksPerCore(4, forLightItems: names.count)) { index in
            (try? status(atPath: directory + "/" + names[index], followLinks: false)) ?? nil
        }
    }

    func readRegularFile(atPath path: String, limit: Int, followLinks: Bool) throws(FileReadFailure) -> [UInt8] {
        try readFile(atPath: path, limit: limit, followLinks: followLinks).bytes
    }
}

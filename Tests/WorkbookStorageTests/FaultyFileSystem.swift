import Foundation
@testable import WorkbookStorage

/// The real file system with chosen calls failing with a chosen errno, to check that a failed save
/// loses nothing and says why; or, with `crashAfter`, a file system that "dies" after a given
/// number of changing operations, as a killed process would.
struct FaultyFileSystem: FileSystem {
    var failCreate: Int32?
    var failWrite: Int32?
    var failFsync: Int32?
    var failRename: Int32?
    var failFsyncDirectory: Int32?
    /// Writes at most this many bytes per call, as a pipe or a signal can make `write` do.
    var maximumWrite: Int?
    /// Counts the changing operations (create, write, fsync, close, rename, directory fsync, unlink,
    /// mkdir, rmdir) and logs them; with `crashAfter`, operation number `crashAfter + 1` and every
    /// later one fail with EIO and touch nothing: the disk is left exactly as after `crashAfter`
    /// operations, and the store's clean-up cannot run, as after a SIGKILL.
    let journal: Journal
    private let base = POSIXFileSystem()

    init(failCreate: Int32? = nil, failWrite: Int32? = nil, failFsync: Int32? = nil, failRename: Int32? = nil,
         failFsyncDirectory: Int32? = nil, maximumWrite: Int? = nil, crashAfter: Int? = nil) {
        self.failCreate = failCreate
        self.failWrite = failWrite
        self.failFsync = failFsync
        self.failRename = failRename
        self.failFsyncDirectory = failFsyncDirectory
        self.maximumWrite = maximumWrite
        self.journal = Journal(crashAfter: crashAfter)
    }

    /// The operations done so far, and the crash point.
    final class Journal: @unchecked Sendable {
        let crashAfter: Int?
        private(set) var operations: [String] = []
        private let lock = NSLock()

        init(crashAfter: Int?) { self.crashAfter = crashAfter }

        var crashed: Bool {
            lock.lock()
            defer { lock.unlock() }
            return crashAfter.map { operations.count >= $0 } ?? false
        }

        /// Records one operation, or throws when the process is "dead".
        func step(_ operation: String, _ path: String) throws(SystemCallError) {
            lock.lock()
            defer { lock.unlock() }
            if let crashAfter, operations.count >= crashAfter {
                throw SystemCallError(operation: operation, path: path, code: EIO)
            }
            operations.append(operation + " " + (path as NSString).lastPathComponent)
        }
    }

    func status(atPath path: String, followLinks: Bool) throws(SystemCallError) -> FileStatus? {
        try base.status(atPath: path, followLinks: followLinks)
    }

    func listDirectory(atPath path: String) throws(SystemCallError) -> [String] {
        try base.listDirectory(atPath: path)
    }

    func makeDirectory(atPath path: String, permissions: UInt32) throws(SystemCallError) {
        try journal.step("mkdir", path)
        try base.makeDirectory(atPath: path, permissions: permissions)
    }

    func readFile(atPath path: String, limit: Int, followLinks: Bool) throws(FileReadFailure) -> FileContents {
        try base.readFile(atPath: path, limit: limit, followLinks: followLinks)
    }

    func createExclusive(atPath path: String, permissions: UInt32) throws(SystemCallError) -> Int32 {
        if let failCreate { throw SystemCallError(operation: "open", path: path, code: failCreate) }
        try journal.step("create", path)
        return try base.createExclusive(atPath: path, permissions: permissions)
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        if let failWrite { throw SystemCallError(operation: "write", path: "", code: failWrite) }
        try journal.step("write", "")
        if let maximumWrite, bytes.count > maximumWrite {
            return try base.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<maximumWrite]))
        }
        return try base.write(descriptor, bytes)
    }

    func fsync(_ descriptor: Int32) throws(SystemCallError) {
        if let failFsync { throw SystemCallError(operation: "fsync", path: "", code: failFsync) }
        try journal.step("fsync", "")
        try base.fsync(descriptor)
    }

    func close(_ descriptor: Int32) throws(SystemCallError) {
        if journal.crashed {
            // A dead process's descriptors are closed by the kernel; nothing else happens.
            try? base.close(descriptor)
            throw SystemCallError(operation: "close", path: "", code: EIO)
        }
        try journal.step("close", "")
        try base.close(descriptor)
    }

    func rename(from source: String, to destination: String) throws(SystemCallError) {
        if let failRename { throw SystemCallError(operation: "rename", path: destination, code: failRename) }
        try journal.step("rename", destination)
        try base.rename(from: source, to: destination)
    }

    func fsyncDirectory(atPath path: String) throws(SystemCallError) {
        if let failFsyncDirectory { throw SystemCallError(operation: "fsync", path: path, code: failFsyncDirectory) }
        try journal.step("fsync-dir", path)
        try base.fsyncDirectory(atPath: path)
    }

    func unlink(atPath path: String) throws(SystemCallError) {
        try journal.step("unlink", path)
        try base.unlink(atPath: path)
    }

    func isReadableDirectory(atPath path: String) -> Bool {
        base.isReadableDirectory(atPath: path)
    }

    func removeDirectory(atPath path: String) throws(SystemCallError) {
        try journal.step("rmdir", path)
        try base.removeDirectory(atPath: path)
    }
}

import Foundation
@testable import WorkbookStorage

/// The real file system with chosen calls failing with a chosen errno, to check that a failed save
/// loses nothing and says why.
struct FaultyFileSystem: FileSystem {
    var failCreate: Int32?
    var failWrite: Int32?
    var failFsync: Int32?
    var failRename: Int32?
    var failFsyncDirectory: Int32?
    /// Writes at most this many bytes per call, as a pipe or a signal can make `write` do.
    var maximumWrite: Int?
    private let base = POSIXFileSystem()

    init(failCreate: Int32? = nil, failWrite: Int32? = nil, failFsync: Int32? = nil, failRename: Int32? = nil,
         failFsyncDirectory: Int32? = nil, maximumWrite: Int? = nil) {
        self.failCreate = failCreate
        self.failWrite = failWrite
        self.failFsync = failFsync
        self.failRename = failRename
        self.failFsyncDirectory = failFsyncDirectory
        self.maximumWrite = maximumWrite
    }

    func status(atPath path: String, followLinks: Bool) throws(SystemCallError) -> FileStatus? {
        try base.status(atPath: path, followLinks: followLinks)
    }

    func listDirectory(atPath path: String) throws(SystemCallError) -> [String] {
        try base.listDirectory(atPath: path)
    }

    func makeDirectory(atPath path: String, permissions: UInt32) throws(SystemCallError) {
        try base.makeDirectory(atPath: path, permissions: permissions)
    }

    func readRegularFile(atPath path: String, limit: Int, followLinks: Bool) throws(FileReadFailure) -> [UInt8] {
        try base.readRegularFile(atPath: path, limit: limit, followLinks: followLinks)
    }

    func createExclusive(atPath path: String, permissions: UInt32) throws(SystemCallError) -> Int32 {
        if let failCreate { throw SystemCallError(operation: "open", path: path, code: failCreate) }
        return try base.createExclusive(atPath: path, permissions: permissions)
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        if let failWrite { throw SystemCallError(operation: "write", path: "", code: failWrite) }
        if let maximumWrite, bytes.count > maximumWrite {
            return try base.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<maximumWrite]))
        }
        return try base.write(descriptor, bytes)
    }

    func fsync(_ descriptor: Int32) throws(SystemCallError) {
        if let failFsync { throw SystemCallError(operation: "fsync", path: "", code: failFsync) }
        try base.fsync(descriptor)
    }

    func close(_ descriptor: Int32) throws(SystemCallError) {
        try base.close(descriptor)
    }

    func rename(from source: String, to destination: String) throws(SystemCallError) {
        if let failRename { throw SystemCallError(operation: "rename", path: destination, code: failRename) }
        try base.rename(from: source, to: destination)
    }

    func fsyncDirectory(atPath path: String) throws(SystemCallError) {
        if let failFsyncDirectory { throw SystemCallError(operation: "fsync", path: path, code: failFsyncDirectory) }
        try base.fsyncDirectory(atPath: path)
    }

    func unlink(atPath path: String) throws(SystemCallError) {
        try base.unlink(atPath: path)
    }

    func isReadableDirectory(atPath path: String) -> Bool {
        base.isReadableDirectory(atPath: path)
    }
}

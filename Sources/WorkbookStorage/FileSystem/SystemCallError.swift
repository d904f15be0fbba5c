#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: which one, on which path, and the errno it returned.
struct SystemCallError: Error, Hashable, Sendable, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32

    /// The cause in words with the errno name, e.g. "disk full (ENOSPC)".
    var reason: String { ErrnoText.describe(code) }

    var description: String { "\(operation) \(path): \(reason)" }
}

/// Words for errno values, so that a person can act on a failure ("disk full", not "error 28").
enum ErrnoText {
    static func describe(_ code: Int32) -> String {
        if let known = known[code] { return "\(known.words) (\(known.name))" }
        return "\(String(cString: strerror(code))) (errno \(code))"
    }

    private static let known: [Int32: (name: String, words: String)] = [
        ENOSPC: ("ENOSPC", "disk full"),
        EDQUOT: ("EDQUOT", "disk quota exceeded"),
        EACCES: ("EACCES", "permission denied"),
        EPERM: ("EPERM", "operation not permitted"),
        EROFS: ("EROFS", "the disk is read-only"),
        EIO: ("EIO", "input/output error: the disk may be failing"),
        ENOENT: ("ENOENT", "no such file or folder"),
        ENOTDIR: ("ENOTDIR", "a part of the path is not a folder"),
        EISDIR: ("EISDIR", "is a folder"),
        EEXIST: ("EEXIST", "already exists"),
        ELOOP: ("ELOOP", "is a symbolic link, which is not followed"),
        EMFILE: ("EMFILE", "too many open files"),
        ENFILE: ("ENFILE", "too many open files on the system"),
        ENAMETOOLONG: ("ENAMETOOLONG", "the name is too long"),
        EFBIG: ("EFBIG", "the file is too large"),
        EXDEV: ("EXDEV", "cannot move between disks"),
        EBUSY: ("EBUSY", "the file is busy"),
        ENOMEM: ("ENOMEM", "out of memory"),
        EINVAL: ("EINVAL", "invalid argument"),
    ]
}

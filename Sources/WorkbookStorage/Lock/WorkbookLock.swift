import Foundation
import WorkbookModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a workbook's lock, as written into `.lock` by the holder, for display.
public struct LockHolder: Hashable, Sendable, CustomStringConvertible {
    public var pid: Int32
    public var host: String
    /// ISO 8601 with the holder's UTC offset, e.g. `2026-11-25T09:14:03+01:00`.
    public var since: String

    public init(pid: Int32, host: String, since: String) {
        self.pid = pid
        self.host = host
        self.since = since
    }

    /// "pid 1234 on host x since 2026-11-25 09:14 UTC+01:00": the holder's own clock time, with its
    /// offset, since the people sharing a machine need not share a time zone.
    public var description: String {
        var text = "pid \(pid) on host \(host.isEmpty ? "?" : host)"
        if since.count >= 16 {
            text += " since " + since.prefix(16).replacingOccurrences(of: "T", with: " ")
            let zone = since.dropFirst(19)
            if zone == "Z" { text += " UTC" } else if zone.count == 6, zone.first == "+" || zone.first == "-" { text += " UTC" + zone }
        }
        return text
    }

    /// Whether the holder process still runs: nil when it is on another host (or unknown).
    public var isRunning: Bool? {
        guard pid > 0, host == WorkbookLock.hostName() else { return nil }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

/// What trying to take the lock gave.
public enum LockStatus: Hashable, Sendable {
    /// This store holds the lock and may write.
    case acquired
    /// Another process holds it; this store is read-only.
    case heldBy(LockHolder)
    /// The lock could not be tried (read-only disk, permission denied…); this store is read-only.
    case unavailable(String)
}

/// The advisory lock of one workbook: `flock(LOCK_EX | LOCK_NB)` on `<workbook>/.lock`, which
/// holds the holder's pid, host and start time while it is held.
///
/// The kernel releases a `flock` when its holder dies, however it dies (SIGKILL included), so a
/// lock is never stale in the kernel's eyes: a `.lock` file that still names a dead process is
/// just taken over by the next instance. The descriptor is `O_CLOEXEC`, so programs the app
/// starts do not inherit the lock.
final class WorkbookLock: @unchecked Sendable {
    static let fileName = ".lock"

    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock of the workbook at `directory`, or says who holds it.
    static func acquire(directory: String, now: Date = Date()) -> (WorkbookLock?, LockStatus) {
        let path = directory + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            return (nil, .unavailable("cannot open the lock file \(fileName): \(ErrnoText.describe(errno))"))
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK {
                let holder = readHolder(descriptor: descriptor)
                close(descriptor)
                return (nil, .heldBy(holder))
            }
            close(descriptor)
            return (nil, .unavailable("cannot lock \(fileName): \(ErrnoText.describe(code))"))
        }
        let lock = WorkbookLock(descriptor: descriptor)
        let holder = LockHolder(pid: getpid(), host: hostName(), since: timestamp(now))
        let bytes = CanonicalJSON.encode(.object([
            "host": .string(holder.host), "pid": .integer(Int(holder.pid)), "since": .string(holder.since),
        ]))
        // Display only: a failure to write it must not cost the lock.
        _ = ftruncate(descriptor, 0)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return (lock, .acquired)
    }

    /// Clears the holder's details and releases the lock; closing the descriptor releases it too.
    func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// The holder's details from the lock file of `directory`, when it names one (for
    /// `workbook check`); nil when the file is missing or empty (nobody holds the lock).
    static func recordedHolder(directory: String) -> LockHolder? {
        let descriptor = open(directory + "/" + fileName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let holder = parseHolder(readAll(descriptor))
        return holder
    }

    /// The holder as written in the file. The holder writes it just after taking the lock, so a
    /// read can find it empty for a moment: retry briefly.
    private static func readHolder(descriptor: Int32) -> LockHolder {
        for attempt in 0..<20 {
            if let holder = parseHolder(readAll(descriptor)) { return holder }
            if attempt < 19 { usleep(5_000) }
        }
        return LockHolder(pid: 0, host: "", since: "")
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var offset: off_t = 0
        while result.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count <= 0 { break }
            result += buffer[0..<count]
            offset += off_t(count)
        }
        return result
    }

    private static func parseHolder(_ bytes: [UInt8]) -> LockHolder? {
        guard !bytes.isEmpty, let document = try? JSONParser.parse(bytes), let members = document.objectValue,
              let pid = members["pid"]?.intValue, let pid32 = Int32(exactly: pid)
        else { return nil }
        return LockHolder(pid: pid32, host: members["host"]?.stringValue ?? "", since: members["since"]?.stringValue ?? "")
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// ISO 8601 in local time with the offset, e.g. `2026-11-25T09:14:03+01:00`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

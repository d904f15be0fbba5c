import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// A fresh folder under the system temp folder, removed when `body` returns (or throws).
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = try FileWorkbookStore.temporaryDirectory(prefix: "workbook-storage-tests-")
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

func readBytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func writeText(_ text: String, to path: String) throws {
    try writeBytes(Array(text.utf8), to: path)
}

/// Permission bits of a path (not following links).
func permissions(_ path: String) throws -> UInt32 {
    var info = stat()
    guard lstat(path, &info) == 0 else { throw StorageError("lstat \(path) failed") }
    return UInt32(info.st_mode) & 0o777
}

/// Inode and modification time in nanoseconds: together they show whether a file was replaced or touched.
func identity(_ path: String) throws -> (inode: UInt64, modified: Int) {
    var info = stat()
    guard lstat(path, &info) == 0 else { throw StorageError("lstat \(path) failed") }
    #if os(Linux)
    let modified = info.st_mtim
    #else
    let modified = info.st_mtimespec
    #endif
    return (UInt64(info.st_ino), Int(modified.tv_sec) * 1_000_000_000 + Int(modified.tv_nsec))
}

func directoryEntries(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
}

/// The parse error for a document, or nil when it parses.
func parseError(_ text: String) -> JSONParseError? {
    parseError(bytes(text))
}

func parseError(_ input: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(input)
        return nil
    } catch {
        return error
    }
}

func sampleAccount(_ id: String = "a1b2c3d4e5f60718", name: String = "Acme Logistics") -> Account {
    Account(
        id: AccountID(id),
        name: name,
        industry: "Logistics",
        stage: .reliableSupplier,
        annualValue: 120_000,
        nextMeeting: CalendarDate(year: 2026, month: 3, day: 14),
        owner: "dana",
        notes: "Prefers \"short\" calls.\nAsk about Q3.",
        archived: nil
    )
}

/// A store over a temp folder with a fixed user, so tests do not depend on the environment.
func makeStore(_ directory: String, fileSystem: any FileSystem = POSIXFileSystem()) -> FileWorkbookStore {
    FileWorkbookStore(directory: directory, fileSystem: fileSystem, environment: ["USER": "tester"])
}

/// `Tests/WorkbookStorageTests/Fixtures/<relative>`.
func fixturePath(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + relative).path
}

/// Copies a fixture folder (a whole workbook) into `destination`, keeping only files and folders.
func copyFixture(_ relative: String, to destination: String) throws {
    let source = fixturePath(relative)
    if FileManager.default.fileExists(atPath: destination) { try FileManager.default.removeItem(atPath: destination) }
    try FileManager.default.copyItem(atPath: source, toPath: destination)
    // Fixtures are checked out with the umask's modes; a workbook is private.
    chmod(destination, 0o700)
    if let names = FileManager.default.enumerator(atPath: destination) {
        for case let name as String in names {
            let path = destination + "/" + name
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            chmod(path, isDirectory.boolValue ? 0o700 : 0o600)
        }
    }
}

/// Every regular file under `root` (relative path → bytes), skipping the lock and `.gitignore`.
func snapshot(_ root: String) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    guard let names = FileManager.default.enumerator(atPath: root) else { return result }
    for case let name as String in names {
        let path = root + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
        result[name] = try readBytes(path)
    }
    return result
}

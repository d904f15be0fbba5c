import Foundation
import WorkbookModel

/// How the accounts pane shows the list beside the details pane; `v` switches, and the choice is kept per user.
public enum AccountsView: String, CaseIterable, Sendable {
    /// Names and health, with the details of the account last shown (→) beside them: a move
    /// rewrites the two list rows only, a few dozen bytes (issue 5's budget for a slow link).
    case compact
    /// Every column that fits, and the details following the selection: each move rewrites the
    /// details pane as well.
    case table
}

/// What one person chose about the screen; not part of the workbook, so a team's git never sees it.
public struct ViewPreferences: Equatable, Sendable {
    public var accountsView: AccountsView
    /// Members this build does not know, kept so a newer build's choices survive a round trip.
    public var otherMembers: [String: JSONValue]

    public init(accountsView: AccountsView = .compact, otherMembers: [String: JSONValue] = [:]) {
        self.accountsView = accountsView
        self.otherMembers = otherMembers
    }
}

/// `view.json` in the per-user state folder (`$XDG_STATE_HOME/account-workbook`): the view
/// preferences. A missing file means the defaults; a damaged one is reported by name and never
/// written over.
public enum ViewPreferencesFile {
    public static let fileName = "view.json"

    /// Where the file is for this environment.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        WorkbookLocation.stateDirectory(environment: environment) + "/" + fileName
    }

    public static func encode(_ preferences: ViewPreferences) -> [UInt8] {
        var members = preferences.otherMembers
        members["accountsView"] = .string(preferences.accountsView.rawValue)
        return CanonicalJSON.encode(.object(members))
    }

    public static func decode(_ bytes: [UInt8]) throws(FileFormatError) -> ViewPreferences {
        let document = try JSONParser.parseFile(bytes)
        guard case .object(var members) = document else { throw FileFormatError("expected a JSON object at the top level") }
        var preferences = ViewPreferences()
        if let value = members.removeValue(forKey: "accountsView") {
            let names = AccountsView.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            guard case .string(let name) = value, let view = AccountsView(rawValue: name) else {
                throw FileFormatError.field("accountsView", "expected \(names)")
            }
            preferences.accountsView = view
        }
        preferences.otherMembers = members
        return preferences
    }

    /// The preferences at `path`: the defaults when there is no file; with a problem (and the
    /// defaults) when it cannot be read, in which case the caller must not save over it.
    public static func load(path: String) -> (preferences: ViewPreferences, problem: StorageProblem?) {
        do {
            guard let bytes = try ResourceFiles.read(path: path) else { return (ViewPreferences(), nil) }
            return (try decode(bytes), nil)
        } catch {
            return (ViewPreferences(), StorageProblem(file: path, message: "\(error) — the view is not remembered until it is fixed"))
        }
    }

    /// Writes the preferences at `path` atomically, making its folder (0700) when needed.
    public static func save(_ preferences: ViewPreferences, path: String) throws {
        try save(preferences, path: path, fileSystem: POSIXFileSystem())
    }

    static func save(_ preferences: ViewPreferences, path: String, fileSystem: any FileSystem) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        do {
            try FileWorkbookStore.makeDirectories(folder, fileSystem: fileSystem)
        } catch {
            throw StorageError("cannot make \(folder): \(error.reason)")
        }
        do {
            try AtomicFileWriter(fileSystem: fileSystem).replace(directory: folder, name: name, with: encode(preferences))
        } catch .notWritten(let error) {
            throw StorageError("cannot write \(path): \(error.reason)", kind: .notWritten(errno: error.code))
        } catch .writtenButNotFlushed(let error) {
            throw StorageError("\(path) was written but may not survive a power cut: \(error.reason)", kind: .writtenButNotFlushed(errno: error.code))
        }
    }
}

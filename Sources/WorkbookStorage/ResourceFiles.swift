import WorkbookModel

/// Reading of small resource files (themes) for the app, which must not touch files itself.
public enum ResourceFiles {
    /// Resources are small; anything bigger is a mistake (or an attack) and is refused.
    public static let maximumSize = 10 * 1_000_000

    /// The bytes of the file at `path`, nil when nothing is there; symbolic links are followed,
    /// since people link their dotfiles. Throws when the file exists but cannot be read.
    public static func read(path: String) throws -> [UInt8]? {
        try read(path: path, fileSystem: POSIXFileSystem())
    }

    static func read(path: String, fileSystem: any FileSystem) throws -> [UInt8]? {
        do {
            return try fileSystem.readRegularFile(atPath: path, limit: maximumSize, followLinks: true)
        } catch .missing {
            return nil
        } catch {
            throw StorageError("\(path) \(error.message)")
        }
    }

    /// The parsed JSON at `path`, nil when nothing is there; throws with line and column when the
    /// file is not valid JSON.
    public static func readJSON(path: String) throws -> JSONValue? {
        guard let bytes = try read(path: path) else { return nil }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw StorageError("\(path): \(error.description)")
        }
    }

    /// Full paths of the `*.json` files directly in `directory` (no hidden files), sorted by name;
    /// empty when the folder does not exist.
    public static func listJSONFiles(in directory: String) throws -> [String] {
        let fileSystem = POSIXFileSystem()
        let names: [String]
        do {
            guard try fileSystem.status(atPath: directory, followLinks: true) != nil else { return [] }
            names = try fileSystem.listDirectory(atPath: directory)
        } catch {
            throw StorageError("cannot list \(directory): \(error.reason)")
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { base + "/" + $0 }
    }
}

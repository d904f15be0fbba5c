import WorkbookModel
import WorkbookStorage

/// Finds a theme by name: a user's or the shipped `Themes/*.json`, else the compiled-in copy.
public enum ThemeLoader {
    /// Parses theme JSON bytes; errors name the source file.
    public static func parse(bytes: [UInt8], source: String) -> Result<Theme, ThemeError> {
        do {
            return Theme.parse(try JSONParser.parse(bytes), source: source)
        } catch {
            return .failure(ThemeError("\(source): \(error)"))
        }
    }

    /// Looks for `NAME.json` in each directory in order (or reads NAME itself when it is a path),
    /// falling back to the built-in theme of that name. `read` returns a file's bytes or nil when absent.
    public static func load(_ name: String, searchDirectories: [String], read: (String) throws -> [UInt8]?) -> Result<Theme, ThemeError> {
        let candidates = name.contains("/") || name.hasSuffix(".json")
            ? [name]
            : searchDirectories.map { $0 + "/" + name + ".json" }
        for path in candidates {
            do {
                if let bytes = try read(path) { return parse(bytes: bytes, source: path) }
            } catch {
                return .failure(ThemeError("cannot read \(path): \(error)"))
            }
        }
        if let builtIn = BuiltInThemes.named(name) { return .success(builtIn) }
        return .failure(ThemeError("no theme called \u{201C}\(name)\u{201D} (looked in \(searchDirectories.joined(separator: ", "))); built in: \(BuiltInThemes.names.joined(separator: ", "))"))
    }
}

import TerminalUI
import WorkbookModel

/// A named mapping from roles to styles, loaded from `Themes/*.json` or compiled in.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style { styles[role] ?? .plain }

    /// The same theme with every colour removed: what `NO_COLOR` and monochrome terminals get.
    public func withoutColor(named newName: String = "mono") -> Theme {
        Theme(name: newName, styles: styles.mapValues { Style(attributes: $0.attributes) })
    }

    /// Reads a theme document: `{"name": …, "roles": {"list.selected": {"fg": …, "bg": …, "attrs": [...]}}}`.
    /// Every role must be defined, so a theme can never leave part of the screen unstyled by accident.
    public static func parse(_ document: JSONValue, source: String) -> Result<Theme, ThemeError> {
        guard let root = document.objectValue else {
            return .failure(ThemeError("\(source): a theme must be a JSON object"))
        }
        guard let name = root["name"]?.stringValue, !name.isEmpty else {
            return .failure(ThemeError("\(source): missing \"name\""))
        }
        guard let roles = root["roles"]?.objectValue else {
            return .failure(ThemeError("\(source): missing \"roles\" object"))
        }
        var styles: [ThemeRole: Style] = [:]
        for (key, value) in roles {
            guard let role = ThemeRole(rawValue: key) else {
                return .failure(ThemeError("\(source): unknown role \"\(key)\""))
            }
            switch parseStyle(value) {
            case .success(let style): styles[role] = style
            case .failure(let problem): return .failure(ThemeError("\(source): role \"\(key)\": \(problem.message)"))
            }
        }
        let missing = ThemeRole.allCases.filter { styles[$0] == nil }.map(\.rawValue)
        if !missing.isEmpty {
            return .failure(ThemeError("\(source): roles not defined: \(missing.joined(separator: ", "))"))
        }
        return .success(Theme(name: name, styles: styles))
    }

    static func parseStyle(_ value: JSONValue) -> Result<Style, ThemeError> {
        guard let members = value.objectValue else { return .failure(ThemeError("expected an object")) }
        var style = Style()
        for (key, member) in members {
            switch key {
            case "fg", "bg":
                guard let text = member.stringValue, let color = Color(themeName: text) else {
                    return .failure(ThemeError("\"\(key)\" must be default, an ANSI colour name, 0–255 or #rrggbb"))
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let names = member.arrayValue else { return .failure(ThemeError("\"attrs\" must be an array")) }
                for entry in names {
                    guard let text = entry.stringValue, let attribute = TextAttributes.names.first(where: { $0.0 == text }) else {
                        return .failure(ThemeError("unknown attribute \(entry)"))
                    }
                    style.attributes.insert(attribute.1)
                }
            default:
                return .failure(ThemeError("unknown key \"\(key)\" (use fg, bg, attrs)"))
            }
        }
        return .success(style)
    }
}

/// Why a theme could not be used.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

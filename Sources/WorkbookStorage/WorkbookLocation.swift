import Foundation

/// Where the workbook, the configuration and per-user state live by default (XDG Base Directory).
public enum WorkbookLocation {
    public static let folderName = "account-workbook"

    /// `$XDG_DATA_HOME/account-workbook`, else `$HOME/.local/share/account-workbook`.
    public static func defaultDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        base("XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/" + folderName
    }

    /// `$XDG_CONFIG_HOME/account-workbook`, else `$HOME/.config/account-workbook`.
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        base("XDG_CONFIG_HOME", fallback: ".config", environment: environment) + "/" + folderName
    }

    /// `<config>/themes`, where user themes override the built-in ones.
    public static func themesDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configDirectory(environment: environment) + "/themes"
    }

    /// `$XDG_STATE_HOME/account-workbook`, else `$HOME/.local/state/account-workbook`: per-user
    /// state (last selection, window layout) that must not churn a shared workbook.
    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        base("XDG_STATE_HOME", fallback: ".local/state", environment: environment) + "/" + folderName
    }

    /// `$XDG_CACHE_HOME/account-workbook`, else `$HOME/.cache/account-workbook`: what can be rebuilt
    /// from the workbook at any time (the list index), never shared.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        base("XDG_CACHE_HOME", fallback: ".cache", environment: environment) + "/" + folderName
    }

    /// The XDG spec says to ignore empty and relative values, so only absolute ones are used.
    private static func base(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return trimmed(value) }
        return trimmed(home(environment)) + "/" + fallback
    }

    private static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        // No HOME (e.g. started by a service manager): the password database still knows.
        return NSHomeDirectory()
    }

    private static func trimmed(_ path: String) -> String {
        var result = path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result == "/" ? "" : result
    }
}

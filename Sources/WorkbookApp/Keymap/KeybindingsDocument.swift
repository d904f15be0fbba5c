/// Writes docs/KEYBINDINGS.md from the keymap, so the document cannot drift from what the keys do.
public enum KeybindingsDocument {
    public static func markdown(_ keymap: Keymap) -> String {
        var lines = [
            "# Key bindings",
            "",
            "Generated from `Keymap.standard` (`Sources/WorkbookApp/Keymap/Keymap.swift`); a test fails when this file is stale.",
            "Regenerate with `make goldens`. The hint bar and the `?` overlay come from the same table.",
        ]
        for scope in KeyScope.allCases {
            let bindings = keymap.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { continue }
            lines += ["", "## \(scope.rawValue)", "", "| Keys | Action |", "|---|---|"]
            for binding in bindings {
                let keys = binding.keys.map { "`\($0.description == "|" ? "\\|" : $0.description)`" }.joined(separator: " ")
                lines.append("| \(keys) | \(binding.help) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

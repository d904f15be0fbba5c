import TerminalUI

/// The themes compiled into the binary, so it always starts even when `Themes/` cannot be found.
public enum BuiltInThemes {
    public static let names = ["default", "mono", "high-contrast"]

    public static func named(_ name: String) -> Theme? {
        switch name {
        case "default": return standard
        case "mono": return mono
        case "high-contrast": return highContrast
        default: return nil
        }
    }

    private static func style(_ fg: Color = .default, _ bg: Color = .default, _ attributes: TextAttributes = []) -> Style {
        Style(foreground: fg, background: bg, attributes: attributes)
    }

    /// Mirrors `Themes/default.json`; a test keeps the two equal.
    public static let standard = Theme(name: "default", styles: [
        .base: style(),
        .titleBar: style(.ansi(15), .ansi(4)),
        .titleBrand: style(.ansi(15), .ansi(4), .bold),
        .tabActive: style(.ansi(0), .ansi(14), .bold),
        .tabInactive: style(.ansi(15), .ansi(4)),
        .paneBorder: style(.ansi(8)),
        .paneBorderFocused: style(.ansi(6), .default, .bold),
        .paneTitle: style(.default, .default, .bold),
        .listHeader: style(.ansi(6), .default, [.bold, .underline]),
        .listRow: style(),
        .listSelected: style(.ansi(0), .ansi(6)),
        .listSelectedUnfocused: style(.default, .ansi(8)),
        .detailLabel: style(.ansi(6)),
        .detailValue: style(),
        .textMuted: style(.ansi(8)),
        .dateOverdue: style(.ansi(9), .default, .bold),
        .dateSoon: style(.ansi(11)),
        .hintKey: style(.ansi(0), .ansi(7), .bold),
        .hintText: style(),
        .hintDisabled: style(.ansi(8), .default, .dim),
        .statusInfo: style(.ansi(10)),
        .statusWarning: style(.ansi(0), .ansi(11), .bold),
        .statusError: style(.ansi(15), .ansi(1), .bold),
        .badge: style(.ansi(0), .ansi(11), .bold),
        .dialogBorder: style(.ansi(14), .default, .bold),
        .dialogText: style(),
        .formLabel: style(.ansi(6)),
        .formField: style(.default, .ansi(0), .underline),
        .formFieldFocused: style(.ansi(0), .ansi(14)),
        .formError: style(.ansi(9), .default, .bold),
        .emptyState: style(.ansi(14), .default, .bold),
    ])

    /// Mirrors `Themes/mono.json`: attributes only, for `NO_COLOR` and monochrome terminals.
    public static let mono = Theme(name: "mono", styles: [
        .base: style(),
        .titleBar: style(.default, .default, .reverse),
        .titleBrand: style(.default, .default, [.reverse, .bold]),
        .tabActive: style(.default, .default, [.bold, .underline]),
        .tabInactive: style(.default, .default, .reverse),
        .paneBorder: style(.default, .default, .dim),
        .paneBorderFocused: style(.default, .default, .bold),
        .paneTitle: style(.default, .default, .bold),
        .listHeader: style(.default, .default, [.bold, .underline]),
        .listRow: style(),
        .listSelected: style(.default, .default, [.reverse, .bold]),
        .listSelectedUnfocused: style(.default, .default, .underline),
        .detailLabel: style(.default, .default, .dim),
        .detailValue: style(),
        .textMuted: style(.default, .default, .dim),
        .dateOverdue: style(.default, .default, [.bold, .underline]),
        .dateSoon: style(.default, .default, .bold),
        .hintKey: style(.default, .default, [.reverse, .bold]),
        .hintText: style(),
        .hintDisabled: style(.default, .default, .dim),
        .statusInfo: style(.default, .default, .bold),
        .statusWarning: style(.default, .default, [.reverse, .bold]),
        .statusError: style(.default, .default, [.reverse, .bold]),
        .badge: style(.default, .default, [.reverse, .bold]),
        .dialogBorder: style(.default, .default, .bold),
        .dialogText: style(),
        .formLabel: style(.default, .default, .dim),
        .formField: style(.default, .default, .underline),
        .formFieldFocused: style(.default, .default, .reverse),
        .formError: style(.default, .default, [.bold, .underline]),
        .emptyState: style(.default, .default, .bold),
    ])

    /// Mirrors `Themes/high-contrast.json`: bright on black, bold highlights, nothing dim, for a room reading one screen.
    public static let highContrast = Theme(name: "high-contrast", styles: [
        .badge: style(.ansi(0), .ansi(11), .bold),
        .base: style(.ansi(15), .ansi(0), []),
        .dateOverdue: style(.ansi(9), .ansi(0), [.bold, .underline]),
        .dateSoon: style(.ansi(11), .ansi(0), .bold),
        .detailLabel: style(.ansi(14), .ansi(0), .bold),
        .detailValue: style(.ansi(15), .ansi(0), []),
        .dialogBorder: style(.ansi(11), .ansi(0), .bold),
        .dialogText: style(.ansi(15), .ansi(0), []),
        .emptyState: style(.ansi(11), .ansi(0), .bold),
        .formError: style(.ansi(9), .ansi(0), [.bold, .underline]),
        .formField: style(.ansi(15), .ansi(0), .underline),
        .formFieldFocused: style(.ansi(0), .ansi(11), .bold),
        .formLabel: style(.ansi(14), .ansi(0), .bold),
        .hintDisabled: style(.ansi(7), .ansi(0), []),
        .hintKey: style(.ansi(0), .ansi(15), .bold),
        .hintText: style(.ansi(15), .ansi(0), []),
        .listHeader: style(.ansi(14), .ansi(0), [.bold, .underline]),
        .listRow: style(.ansi(15), .ansi(0), []),
        .listSelected: style(.ansi(0), .ansi(11), .bold),
        .listSelectedUnfocused: style(.ansi(15), .ansi(0), [.underline, .bold]),
        .paneBorder: style(.ansi(7), .ansi(0), []),
        .paneBorderFocused: style(.ansi(11), .ansi(0), .bold),
        .paneTitle: style(.ansi(15), .ansi(0), .bold),
        .statusError: style(.ansi(15), .ansi(1), .bold),
        .statusInfo: style(.ansi(10), .ansi(0), .bold),
        .statusWarning: style(.ansi(0), .ansi(11), .bold),
        .tabActive: style(.ansi(0), .ansi(11), [.bold, .underline]),
        .tabInactive: style(.ansi(15), .ansi(0), []),
        .textMuted: style(.ansi(7), .ansi(0), []),
        .titleBar: style(.ansi(15), .ansi(4), .bold),
        .titleBrand: style(.ansi(15), .ansi(4), .bold),
    ])
}

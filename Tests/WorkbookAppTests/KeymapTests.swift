import Foundation
import Testing
import TerminalUI
import WorkbookTestSupport
@testable import WorkbookApp

@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInOneScope() {
        for scope in KeyScope.allCases {
            var seen: [Key: String] = [:]
            for binding in Keymap.standard.bindings where binding.scope == scope {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) in \(scope) is bound to both \(seen[key] ?? "") and \(binding.help)")
                    seen[key] = binding.help
                }
            }
        }
    }

    @Test func conventionalKeysDoWhatUsersExpect() {
        let state = Fixtures.state()
        let keymap = Keymap.standard
        #expect(keymap.resolve(.character("j"), in: state) == .command(.moveDown))
        #expect(keymap.resolve(.down, in: state) == .command(.moveDown))
        #expect(keymap.resolve(.character("G"), in: state) == .command(.moveLast))
        #expect(keymap.resolve(.character("/"), in: state) == .command(.startFilter))
        #expect(keymap.resolve(.control("r"), in: state) == .rejected("Redo what was undone: nothing to redo"))
        #expect(keymap.resolve(.character("q"), in: state) == .command(.quit))
        #expect(keymap.resolve(.escape, in: state) == .command(.backOut))
        #expect(keymap.resolve(.character("2"), in: state) == .command(.showPane(.checklist)))
    }

    @Test func inAFormLettersAreTextAndEscapeCancels() {
        var state = Fixtures.state()
        state.modal = .form(AccountForm.new(ownedBy: ""))
        #expect(Keymap.standard.resolve(.character("q"), in: state) == .command(.text(.insert("q"))))
        #expect(Keymap.standard.resolve(.escape, in: state) == .command(.cancel))
        #expect(Keymap.standard.resolve(.control("c"), in: state) == .command(.interrupt))
    }

    @Test func keybindingsDocumentIsUpToDate() throws {
        let path = (#filePath as NSString).deletingLastPathComponent + "/../../docs/KEYBINDINGS.md"
        let generated = KeybindingsDocument.markdown(Keymap.standard)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        #expect(onDisk == generated, "docs/KEYBINDINGS.md is stale: run `make goldens` (UPDATE_GOLDENS=1 swift test)")
    }
}

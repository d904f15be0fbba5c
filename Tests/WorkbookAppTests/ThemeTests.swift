import Foundation
import Testing
import WorkbookModel
import WorkbookStorage
@testable import WorkbookApp

@Suite struct ThemeTests {
    static let themesDirectory = (#filePath as NSString).deletingLastPathComponent + "/../../Themes"

    static var shippedThemes: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: themesDirectory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func defaultAndMonoAreShipped() {
        #expect(Self.shippedThemes.contains("default.json"))
        #expect(Self.shippedThemes.contains("mono.json"))
    }

    @Test(arguments: shippedThemes)
    func everyShippedThemeParsesAndDefinesEveryRole(file: String) throws {
        let theme = try ThemeLoader.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Self.themesDirectory + "/" + file))), source: file).get()
        #expect(theme.styles.count == ThemeRole.allCases.count)
        #expect(theme.name + ".json" == file)
        if let builtIn = BuiltInThemes.named(theme.name) {
            #expect(builtIn == theme, "the compiled-in \(theme.name) matches Themes/\(file)")
        }
    }

    @Test func aThemeMissingARoleIsRejectedByName() {
        let document = JSONValue.object(["name": .string("half"), "roles": .object(["base": .object([:])])])
        guard case .failure(let error) = Theme.parse(document, source: "half.json") else {
            Issue.record("accepted a theme with missing roles")
            return
        }
        #expect(error.message.hasPrefix("half.json: roles not defined: title.bar"))
    }

    @Test func monoHasNoColours() {
        for style in BuiltInThemes.mono.styles.values {
            #expect(style.foreground == .default && style.background == .default)
        }
    }
}

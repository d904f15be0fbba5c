import Foundation
import Testing
import WorkbookTestSupport

/// `workbook` as a shell command: help, errors, export and check.
@Suite struct CommandLineTests {
    @Test func unknownFlagIsAUsageErrorWithExitCode2() throws {
        let result = try WorkbookBinary.run(["--colour"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown option \u{201C}--colour\u{201D}"))
        #expect(result.stderr.contains("Usage:"))
    }

    @Test func helpAndVersion() throws {
        let help = try WorkbookBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("workbook export --format json|markdown"))
        let version = try WorkbookBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("workbook "))
    }

    @Test func withoutATerminalTheAppSaysSoInsteadOfCrashing() throws {
        let folder = try TemporaryFolder()
        let result = try WorkbookBinary.run(["--data", folder.path + "/wb"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("terminal"))
    }

    @Test func exportAndCheckOnAWorkbookWithADamagedFile() throws {
        let folder = try TemporaryFolder()
        let accounts = folder.path + "/accounts"
        try FileManager.default.createDirectory(atPath: accounts, withIntermediateDirectories: true)
        try Data("{\n  \"formatVersion\": 1\n}\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/workbook.json"))
        let good = """
        {
          "formatVersion": 1,
          "id": "0000000000000001",
          "industry": "Logistics",
          "name": "Nordlys Shipping AS",
          "notes": "Tender every *spring*.",
          "owner": "Ingrid",
          "stage": "vendor"
        }

        """
        try Data(good.utf8).write(to: URL(fileURLWithPath: accounts + "/0000000000000001.json"))
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: accounts + "/0000000000000002.json"))

        let markdown = try WorkbookBinary.run(["export", "--format", "markdown", "--data", folder.path])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("## Nordlys Shipping AS"))
        #expect(markdown.stdout.contains("Tender every \\*spring\\*."))
        #expect(markdown.stderr.contains("0000000000000002.json"))

        let json = try WorkbookBinary.run(["export", "--format", "json", "--account", "nordlys shipping as", "--data", folder.path])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"name\": \"Nordlys Shipping AS\""))

        let missing = try WorkbookBinary.run(["export", "--format", "json", "--account", "Nobody", "--data", folder.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no account called"))

        let check = try WorkbookBinary.run(["check", "--data", folder.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("accounts/0000000000000002.json"))
        #expect(!check.stdout.split(separator: "\n").contains { $0.hasPrefix("accounts/0000000000000001.json") }, "the valid file is not reported")
    }
}

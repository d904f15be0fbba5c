import Foundation
import Testing
import WorkbookTestSupport

/// `workbook generate`: the benchmark's territory, byte for byte reproducible (docs/PERFORMANCE.md).
@Suite struct GenerateCommandTests {
    /// Every file under `root`, by relative path.
    private func files(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder)
            if !isFolder.boolValue { result[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)) }
        }
        return result
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let folder = try TemporaryFolder()
        for (name, seed) in [("a", "5"), ("b", "5"), ("c", "6")] {
            let result = try WorkbookBinary.run(["generate", "--accounts", "50", "--seed", seed, "--data", folder.path + "/" + name])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("generated 50 accounts"))
        }
        let a = try files(folder.path + "/a"), b = try files(folder.path + "/b"), c = try files(folder.path + "/c")
        #expect(a.count == 51) // workbook.json and 50 account files
        #expect(a.keys.contains("workbook.json"))
        #expect(a.keys.filter { $0.hasPrefix("accounts/") }.count == 50)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs between two runs with the same seed") }
        #expect(a.keys.sorted() != c.keys.sorted())

        let check = try WorkbookBinary.run(["check", "--data", folder.path + "/a"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let folder = try TemporaryFolder()
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/notes.txt"))
        let result = try WorkbookBinary.run(["generate", "--accounts", "3", "--data", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the folder is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }
}

import Foundation
import Testing
import WorkbookMerge
import WorkbookModel
import WorkbookStorage

/// The fixture corpus in `MergeFixtures/` (written by `generate.py`, expected results by hand):
/// every case is merged as given and with the sides swapped, and both must give the expected bytes.
@Suite struct MergeFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MergeFixtures").path

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }

    @Test func theCorpusHasAtLeastSixtyCases() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases)
    func caseMergesToTheExpectedBytesBothWaysRound(_ name: String) throws {
        let folder = Self.folder + "/" + name
        let base = Self.bytes(folder + "/base.json")
        let ours = try #require(Self.bytes(folder + "/ours.json"))
        let theirs = try #require(Self.bytes(folder + "/theirs.json"))
        let kind: FileMerge.Kind = name.hasPrefix("workbook-") ? .workbook : .account(fileName: "a1.json")
        let forward = FileMerge.merge(base: base, ours: ours, theirs: theirs, kind: kind)
        let backward = FileMerge.merge(base: base, ours: theirs, theirs: ours, kind: kind)
        if let refusal = Self.bytes(folder + "/expected-refusal.txt") {
            let message = String(decoding: refusal, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            for outcome in [forward, backward] {
                guard case .failure(let error) = outcome else {
                    Issue.record("\(name): expected a refusal containing \"\(message)\", got a merge")
                    continue
                }
                #expect(error.description.contains(message), "\(name): \(error.description)")
            }
            return
        }
        let expected = try #require(Self.bytes(folder + "/expected.json"))
        for (label, outcome) in [("ours/theirs", forward), ("theirs/ours", backward)] {
            switch outcome {
            case .failure(let error):
                Issue.record("\(name) (\(label)): refused: \(error)")
            case .success(let merged):
                if merged.bytes != expected {
                    Issue.record("\(name) (\(label)):\n--- got\n\(String(decoding: merged.bytes, as: UTF8.self))\n--- expected\n\(String(decoding: expected, as: UTF8.self))")
                }
            }
        }
    }

    /// Loading and saving every fixture through the app's format leaves it byte-identical.
    @Test(arguments: cases)
    func everyValidFixtureRoundTripsByteForByte(_ name: String) throws {
        let folder = Self.folder + "/" + name
        for file in ["base.json", "ours.json", "theirs.json", "expected.json"] {
            guard let bytes = Self.bytes(folder + "/" + file), !bytes.isEmpty, FileMerge.markerLine(bytes) == nil,
                  let document = try? JSONParser.parse(bytes), document.objectValue?["formatVersion"]?.intValue == 1 else { continue }
            if name.hasPrefix("workbook-") {
                guard let settings = try? WorkbookFileFormat.decode(document) else { continue }
                #expect(String(decoding: WorkbookFileFormat.encode(settings), as: UTF8.self) == String(decoding: bytes, as: UTF8.self), "\(name)/\(file)")
            } else {
                guard let account = try? AccountFileFormat.decode(document, fileName: "a1.json") else { continue }
                #expect(AccountFileFormat.encode(account) == bytes, "\(name)/\(file) does not round-trip")
            }
        }
    }
}

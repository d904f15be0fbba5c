import Foundation
import WorkbookModel

/// `commitment-templates.json` in the workbook: the first-meeting commitments a team offers, edited by hand.
///
/// `{"expectations": [...], "formatVersion": 1, "intentions": [...]}`, each list of plain strings kept
/// in the order the user wrote (a list people read top to bottom, not merged element by element).
public enum TemplateFile {
    public static let fileName = "commitment-templates.json"

    public static func encode(_ templates: CommitmentTemplates) -> [UInt8] {
        CanonicalJSON.encode(.object([
            "formatVersion": .integer(FormatVersion.current),
            "intentions": .array(templates.intentions.map(JSONValue.string)),
            "expectations": .array(templates.expectations.map(JSONValue.string)),
        ]))
    }

    public static func decode(_ bytes: [UInt8]) throws(FileFormatError) -> CommitmentTemplates {
        let document = try JSONParser.parseFile(bytes)
        guard case .object(let members) = document else { throw FileFormatError("expected a JSON object at the top level") }
        func list(_ key: String) throws(FileFormatError) -> [String] {
            guard let value = members[key] else { return [] }
            guard case .array(let items) = value else { throw FileFormatError.field(key, "expected an array of strings") }
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw FileFormatError.field(key, "expected strings, found \(item.kindName)") }
                if !text.trimmingWhitespace().isEmpty { texts.append(text) }
            }
            return texts
        }
        return CommitmentTemplates(intentions: try list("intentions"), expectations: try list("expectations"))
    }

    /// The workbook's templates. A missing file is written from `CommitmentTemplates.standard` when
    /// `seedIfMissing` (so the user has a file to edit); a damaged file is reported and left alone.
    public static func load(workbookDirectory: String, seedIfMissing: Bool) -> (templates: CommitmentTemplates, problem: StorageProblem?) {
        let path = workbookDirectory + "/" + fileName
        do {
            guard let bytes = try ResourceFiles.read(path: path) else {
                if seedIfMissing {
                    try? AtomicFileWriter(fileSystem: POSIXFileSystem()).createNew(path: path, with: encode(.standard))
                }
                return (.standard, nil)
            }
            return (try decode(bytes), nil)
        } catch {
            return (.standard, StorageProblem(file: fileName, message: "\(error) — using the standard templates"))
        }
    }
}

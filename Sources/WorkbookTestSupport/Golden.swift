import Foundation
import Testing
import TerminalUI

/// Compares a rendered screen with a checked-in text file; `UPDATE_GOLDENS=1` rewrites the file instead.
public enum Golden {
    /// `directory` is the folder of golden files, usually `Goldens/` beside the test file.
    public static func assertMatches(
        _ buffer: Buffer, named name: String, in directory: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        assertText(render(buffer), named: name + ".txt", in: directory, sourceLocation: sourceLocation)
    }

    /// Compares any text (an export, a report) with the golden file `name` in `directory`.
    public static func assertText(
        _ actual: String, named name: String, in directory: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let path = directory + "/" + name
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no golden file \(path); run with UPDATE_GOLDENS=1 to create it, then review it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var report: [String] = []
            for index in 0..<max(expectedLines.count, actualLines.count) {
                let e = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
                let a = index < actualLines.count ? String(actualLines[index]) : "<none>"
                if e != a { report.append("line \(index + 1):\n  expected |\(e)|\n  actual   |\(a)|") }
            }
            let shown: String = report.prefix(8).joined(separator: "\n")
            Issue.record("differs from \(path):\n\(shown)", sourceLocation: sourceLocation)
        }
    }

    /// The screen as text with a frame, so trailing spaces and the exact size are visible in review.
    public static func render(_ buffer: Buffer) -> String {
        let border = "+" + String(repeating: "-", count: buffer.size.width) + "+"
        let rows = buffer.textLines().map { "|" + $0 + "|" }
        return ([border] + rows + [border]).joined(separator: "\n") + "\n"
    }

    /// The `Goldens` folder beside a test file.
    public static func directory(besides file: String) -> String {
        (file as NSString).deletingLastPathComponent + "/Goldens"
    }
}

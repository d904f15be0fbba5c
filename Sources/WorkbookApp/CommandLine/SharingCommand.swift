/// The command-line verbs of sharing a workbook through git (README "Sharing with a team").
public enum SharingCommand: Equatable, Sendable {
    /// Called by git: merge `ours` and `theirs` against `base` into `ours`; `path` names the file.
    case mergeDriver(base: String, ours: String, theirs: String, path: String)
    case gitSetup(dataDirectory: String?)
    /// Clone into `directory`, else `--data`, else the default workbook folder.
    case clone(url: String, directory: String?)
    case sync(dataDirectory: String?)
    case repair(dataDirectory: String?)

    static func parse(_ verb: String, _ words: inout ArgumentWords) throws -> SharingCommand {
        var data: String?
        var positional: [String] = []
        while let word = words.next() {
            switch word.name {
            case "--data": data = try words.value(for: word)
            default:
                // git hands over temporary file names; none starts with "-", but a path may.
                guard verb == "merge-driver" || !word.name.hasPrefix("-") else { throw UsageError.unknown(word) }
                positional.append(word.name)
            }
        }
        switch verb {
        case "merge-driver":
            guard positional.count == 4 else { throw UsageError("merge-driver needs BASE OURS THEIRS PATH (git passes %O %A %B %P)") }
            return .mergeDriver(base: positional[0], ours: positional[1], theirs: positional[2], path: positional[3])
        case "clone":
            guard (1...2).contains(positional.count) else { throw UsageError("clone needs the repository's URL, and optionally a folder") }
            return .clone(url: positional[0], directory: positional.count == 2 ? positional[1] : data)
        default:
            guard positional.isEmpty else { throw UsageError("unexpected argument \u{201C}\(positional[0])\u{201D}") }
            switch verb {
            case "git-setup": return .gitSetup(dataDirectory: data)
            case "sync": return .sync(dataDirectory: data)
            default: return .repair(dataDirectory: data)
            }
        }
    }
}

import WorkbookModel

/// What the command line asked for, parsed and checked before anything touches the terminal or disk.
public enum Invocation: Equatable, Sendable {
    case open(OpenOptions)
    case export(ExportOptions)
    case check(dataDirectory: String?)
    /// `workbook restore BACKUP`: put a backup's files back (after backing up what they replace).
    case restore(backup: String, dataDirectory: String?)
    /// Hidden: `workbook debug-save-burst`, saves in a loop for the crash test (docs/STORAGE.md).
    case debugSaveBurst(SaveBurstOptions)
    /// `workbook generate`: write a deterministic synthetic territory for the benchmark (docs/PERFORMANCE.md).
    case generate(GenerateOptions)
    /// `workbook merge-driver %O %A %B %P`, `git-setup`, `clone`, `sync`, `repair`: sharing through git.
    case sharing(SharingCommand)
    /// Hidden: `workbook debug-bench --data DIR`, times a save and filter keystrokes in-process for `make bench`.
    case debugBench(dataDirectory: String, runs: Int)
    case help
    case version

    /// How to open the interactive app.
    public struct OpenOptions: Equatable, Sendable {
        public var dataDirectory: String?
        public var theme: String?
        public var readOnly = false
        public var demo = false
        /// `workbook review`: start in the account review over these accounts.
        public var review: ReviewScope?
        public var reviewTimer: Int?
        /// `--present`: start with presenting on.
        public var present = false
        /// `--slow-link`: draw for a slow connection (`AppState.isSlowLink`).
        public var slowLink = false
        public init(dataDirectory: String? = nil, theme: String? = nil, readOnly: Bool = false, demo: Bool = false,
                    review: ReviewScope? = nil, reviewTimer: Int? = nil, present: Bool = false) {
            self.dataDirectory = dataDirectory
            self.theme = theme
            self.readOnly = readOnly
            self.demo = demo
            self.review = review
            self.reviewTimer = reviewTimer
            self.present = present
        }
    }

    /// What `workbook export` prints.
    public struct ExportOptions: Equatable, Sendable {
        public var format: WorkbookExport.Format
        public var account: String?
        public var dataDirectory: String?
        /// `--format review` only: `--owner` and `--since`.
        public var report = ReviewReport.Options()
        /// `--since` as typed when it is relative (today, yesterday, -7, +7): the day depends on when
        /// the command runs, so `resolved(today:)` turns it into `report.since`.
        public var relativeSince: String?

        /// The options with a relative `--since` made a day.
        public func resolved(today: CalendarDate) -> ExportOptions {
            var options = self
            if let text = relativeSince, case .success(let day?) = AccountRules.parseDate(text, today: today) {
                options.report.since = day
                options.relativeSince = nil
            }
            return options
        }
    }

    /// What `workbook debug-save-burst` does: `count` saves (0: until killed) over `accounts` accounts.
    public struct SaveBurstOptions: Equatable, Sendable {
        public var dataDirectory: String?
        public var count = 0
        public var accounts = 3
    }

    /// What `workbook generate` writes: `accounts` accounts from `seed` into a new or empty folder.
    public struct GenerateOptions: Equatable, Sendable {
        public var accounts: Int
        public var seed: UInt64
        public var dataDirectory: String
        public init(accounts: Int, seed: UInt64 = 42, dataDirectory: String) {
            self.accounts = accounts
            self.seed = seed
            self.dataDirectory = dataDirectory
        }
    }

    public static let versionNumber = "0.1.0"

    public static let usage = """
    Usage:
      workbook [--data DIR] [--theme NAME] [--read-only] [--present] [--slow-link]
                                                            open the workbook
      workbook --demo [--theme NAME]                        open a sample territory in a temporary folder
      workbook review [--owner NAME | --type TYPE | --flagged | --list NAME]
                      [--timer MIN] [--present] [--slow-link] [--data DIR] [--theme NAME]
                                                            start in the account review (R in the app)
      workbook export --format json|markdown [--account NAME] [--data DIR]
                                                            print the workbook (or one account) to stdout
      workbook export --format handover --account NAME [--data DIR]
                                                            print the account's handover pack (Markdown)
      workbook export --format review [--owner NAME] [--since DATE] [--data DIR]
                                                            the review report in Markdown, after the meeting
      workbook check [--data DIR]                           validate every file; exit 1 on problems;
                                                            also lists privacy warnings and backups
      workbook restore BACKUP [--data DIR]                  put back the files of .backups/BACKUP
                                                            (what they replace is backed up first)
      workbook generate --accounts N [--seed S] --data DIR  write a synthetic territory for benchmarks
                                                            into a new or empty folder (same seed, same bytes)
      workbook clone URL [DIR]                              clone a shared workbook and set it up
      workbook git-setup [--data DIR]                       set up sharing in an existing git clone
      workbook sync [--data DIR]                            commit your changes, pull the team's, push
      workbook repair [--data DIR]                          merge files a stopped git merge left behind
      workbook merge-driver BASE OURS THEIRS PATH           git's merge driver (set up by git-setup)
      workbook --help | --version

    Options:
      --data DIR     the workbook folder (default: $XDG_DATA_HOME/account-workbook,
                     else ~/.local/share/account-workbook)
      --theme NAME   default, mono, or a theme file in ~/.config/account-workbook/themes
                     (NO_COLOR=1 selects mono)
      --read-only    open without changing anything
      --present      start presenting: sensitive fields are hidden on screen (Ctrl-P toggles);
                     R in the app starts a review with presenting on (its form can turn it off)
      --slow-link    for ssh over a slow connection: the list marks the selected row with ▶
                     only and takes the whole width (no detail pane), so moving writes a few bytes
      --type TYPE    prospect, vendor, reliable-supplier, partner or lost
      --timer MIN    minutes per account in a review (the screen shows the time spent)
    """

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) -> Result<Invocation, UsageError> {
        var words = ArgumentWords(arguments)
        let subcommand = words.peek.flatMap { $0.hasPrefix("-") ? nil : $0 }
        if subcommand != nil { _ = words.next() }
        do {
            switch subcommand {
            case nil: return .success(try parseOpen(&words))
            case "export": return .success(try parseExport(&words))
            case "review": return .success(try parseReview(&words))
            case "check": return .success(try parseCheck(&words))
            case "restore": return .success(try parseRestore(&words))
            case "debug-save-burst": return .success(try parseSaveBurst(&words))
            case "generate": return .success(try parseGenerate(&words))
            case "merge-driver", "git-setup", "clone", "sync", "repair":
                // `--help` asks for the usage, as with every other command (git never passes it to the driver).
                if subcommand != "merge-driver", words.peek == "--help" || words.peek == "-h" { return .success(.help) }
                return .success(.sharing(try SharingCommand.parse(subcommand ?? "", &words)))
            case "debug-bench": return .success(try parseBench(&words))
            case "help": return .success(.help)
            case let other?: throw UsageError("unknown command \u{201C}\(other)\u{201D}")
            }
        } catch let error as UsageError {
            return .failure(error)
        } catch {
            return .failure(UsageError("\(error)"))
        }
    }

    private static func parseOpen(_ words: inout ArgumentWords) throws -> Invocation {
        var options = OpenOptions()
        while let word = words.next() {
            switch word.name {
            case "--help", "-h": return .help
            case "--version", "-V": return .version
            case "--data": options.dataDirectory = try words.value(for: word)
            case "--theme": options.theme = try words.value(for: word)
            case "--read-only": try word.noValue(); options.readOnly = true
            case "--demo": try word.noValue(); options.demo = true
            case "--present": try word.noValue(); options.present = true
            case "--slow-link": try word.noValue(); options.slowLink = true
            default: throw UsageError.unknown(word)
            }
        }
        if options.demo, options.dataDirectory != nil {
            throw UsageError("--demo opens its own temporary folder; it cannot be combined with --data")
        }
        return .open(options)
    }

    private static func parseExport(_ words: inout ArgumentWords) throws -> Invocation {
        var format: WorkbookExport.Format?
        var account: String?
        var data: String?
        var report = ReviewReport.Options()
        var relativeSince: String?
        while let word = words.next() {
            switch word.name {
            case "--help", "-h": return .help
            case "--format":
                let value = try words.value(for: word)
                guard let parsed = WorkbookExport.Format(rawValue: value) else {
                    throw UsageError("--format must be json, markdown, handover or review, not \u{201C}\(value)\u{201D}")
                }
                format = parsed
            case "--account": account = try words.value(for: word)
            case "--owner": report.owner = try words.value(for: word)
            case "--since":
                let text = try words.value(for: word)
                // The same dates a form accepts; whether a text is a date does not depend on the day.
                guard case .success(.some) = AccountRules.parseDate(text, today: CalendarDate(dayNumber: 0)) else {
                    throw UsageError("--since needs a date: YYYY-MM-DD, today, yesterday, -7 or +7, not \u{201C}\(text)\u{201D}")
                }
                if let day = CalendarDate(iso: text.trimmingWhitespace()) { report.since = day } else { relativeSince = text }
            case "--data": data = try words.value(for: word)
            default: throw UsageError.unknown(word)
            }
        }
        guard let format else { throw UsageError("export needs --format json, markdown, handover or review") }
        if format == .handover, account == nil { throw UsageError("--format handover needs --account NAME: a handover is about one account") }
        if format != .review, report != ReviewReport.Options() {
            throw UsageError("--owner and --since go with --format review")
        }
        if format == .review, account != nil { throw UsageError("--format review takes --owner and --since, not --account") }
        return .export(ExportOptions(format: format, account: account, dataDirectory: data, report: report, relativeSince: relativeSince))
    }

    private static func parseCheck(_ words: inout ArgumentWords) throws -> Invocation {
        var data: String?
        while let word = words.next() {
            switch word.name {
            case "--help", "-h": return .help
            case "--data": data = try words.value(for: word)
            default: throw UsageError.unknown(word)
            }
        }
        return .check(dataDirectory: data)
    }

    private static func parseRestore(_ words: inout ArgumentWords) throws -> Invocation {
        var data: String?
        var backup: String?
        while let word = words.next() {
            switch word.name {
            case "--help", "-h": return .help
            case "--data": data = try words.value(for: word)
            default:
                guard !word.name.hasPrefix("-"), backup == nil else { throw UsageError.unknown(word) }
                backup = word.name
            }
        }
        guard let backup else { throw UsageError("restore needs the name of a backup (`workbook check` lists them)") }
        return .restore(backup: backup, dataDirectory: data)
    }

    private static func parseSaveBurst(_ words: inout ArgumentWords) throws -> Invocation {
        var options = SaveBurstOptions()
        while let word = words.next() {
            switch word.name {
            case "--data": options.dataDirectory = try words.value(for: word)
            case "--count", "--accounts":
                let text = try words.value(for: word)
                guard let number = Int(text), number >= (word.name == "--count" ? 0 : 1) else {
                    throw UsageError("\(word.name) needs a whole number, not \u{201C}\(text)\u{201D}")
                }
                if word.name == "--count" { options.count = number } else { options.accounts = number }
            default: throw UsageError.unknown(word)
            }
        }
        return .debugSaveBurst(options)
    }
}

extension Invocation {
    fileprivate static func parseBench(_ words: inout ArgumentWords) throws -> Invocation {
        var data: String?
        var runs = 20
        while let word = words.next() {
            switch word.name {
            case "--data": data = try words.value(for: word)
            case "--runs":
                let text = try words.value(for: word)
                guard let number = Int(text), number >= 2, number % 2 == 0 else { throw UsageError("--runs needs an even number of at least 2, not \u{201C}\(text)\u{201D}") }
                runs = number
            default: throw UsageError.unknown(word)
            }
        }
        guard let data else { throw UsageError("debug-bench needs --data DIR") }
        return .debugBench(dataDirectory: data, runs: runs)
    }

    /// `workbook review`: the open options with a review to start; one choice of accounts at most.
    fileprivate static func parseReview(_ words: inout ArgumentWords) throws -> Invocation {
        var options = OpenOptions()
        var scope: ReviewScope?
        func choose(_ chosen: ReviewScope) throws {
            if scope != nil { throw UsageError("choose one of --owner, --type, --flagged and --list") }
            scope = chosen
        }
        while let word = words.next() {
            switch word.name {
            case "--help", "-h": return .help
            case "--data": options.dataDirectory = try words.value(for: word)
            case "--theme": options.theme = try words.value(for: word)
            case "--present": try word.noValue(); options.present = true
            case "--slow-link": try word.noValue(); options.slowLink = true
            case "--owner": try choose(.owner(try words.value(for: word)))
            case "--list": try choose(.list(try words.value(for: word)))
            case "--flagged": try word.noValue(); try choose(.flagged)
            case "--type", "--stage":
                let text = try words.value(for: word)
                let key = text.lowercased().replacingOccurrences(of: " ", with: "-")
                guard let stage = RelationshipStage(rawValue: key) else {
                    throw UsageError("\(word.name) must be prospect, vendor, reliable-supplier, partner or lost, not \u{201C}\(text)\u{201D}")
                }
                try choose(.stage(stage))
            case "--timer":
                let text = try words.value(for: word)
                guard let minutes = Int(text), (1...120).contains(minutes) else {
                    throw UsageError("--timer needs minutes from 1 to 120, not \u{201C}\(text)\u{201D}")
                }
                options.reviewTimer = minutes
            default: throw UsageError.unknown(word)
            }
        }
        options.review = scope ?? .all
        return .open(options)
    }

    fileprivate static func parseGenerate(_ words: inout ArgumentWords) throws -> Invocation {
        var accounts: Int?
        var seed: UInt64 = 42
        var data: String?
        while let word = words.next() {
            switch word.name {
            case "--help", "-h": return .help
            case "--accounts":
                let text = try words.value(for: word)
                guard let number = Int(text), number >= 0 else { throw UsageError("--accounts needs a whole number, not \u{201C}\(text)\u{201D}") }
                accounts = number
            case "--seed":
                let text = try words.value(for: word)
                guard let number = UInt64(text) else { throw UsageError("--seed needs a whole number, not \u{201C}\(text)\u{201D}") }
                seed = number
            case "--data": data = try words.value(for: word)
            default: throw UsageError.unknown(word)
            }
        }
        guard let accounts else { throw UsageError("generate needs --accounts N") }
        guard let data else { throw UsageError("generate needs --data DIR (a new or empty folder)") }
        return .generate(GenerateOptions(accounts: accounts, seed: seed, dataDirectory: data))
    }
}

/// A command line that cannot be followed: the message says why; the program prints usage and exits 2.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func unknown(_ word: ArgumentWords.Word) -> UsageError {
        word.name.hasPrefix("-") ? UsageError("unknown option \u{201C}\(word.name)\u{201D}") : UsageError("unexpected argument \u{201C}\(word.name)\u{201D}")
    }
}

/// The arguments as a queue, splitting `--name=value` into a name and an inline value.
struct ArgumentWords {
    struct Word {
        var name: String
        var inlineValue: String?

        func noValue() throws {
            if inlineValue != nil { throw UsageError("\(name) takes no value") }
        }
    }

    private var remaining: [String]

    init(_ arguments: [String]) { remaining = arguments }

    var peek: String? { remaining.first }

    mutating func next() -> Word? {
        guard !remaining.isEmpty else { return nil }
        let raw = remaining.removeFirst()
        if raw.hasPrefix("--"), let equals = raw.firstIndex(of: "=") {
            return Word(name: String(raw[..<equals]), inlineValue: String(raw[raw.index(after: equals)...]))
        }
        return Word(name: raw, inlineValue: nil)
    }

    mutating func value(for word: Word) throws -> String {
        if let inline = word.inlineValue {
            guard !inline.isEmpty else { throw UsageError("\(word.name) needs a value") }
            return inline
        }
        guard let value = remaining.first, !value.hasPrefix("--") else { throw UsageError("\(word.name) needs a value") }
        remaining.removeFirst()
        return value
    }
}

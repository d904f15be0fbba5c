import WorkbookModel

/// What this store last read or wrote of each file, by path relative to the workbook folder.
/// Account files (all but one of them) are kept by id: an open of 100,000 accounts then builds
/// and hashes no path strings.
struct KnownFiles: Sendable {
    private var accountFiles: [AccountID: KnownFile] = [:]
    private var otherFiles: [String: KnownFile] = [:]

    private static let accountsPrefix = WorkbookScanner.accountsFolder + "/"

    /// The file at this relative path (`accounts/<id>.json` is the account's).
    subscript(file: String) -> KnownFile? {
        get {
            if let id = Self.accountID(inPath: file) { return accountFiles[id] }
            return otherFiles[file]
        }
        set {
            if let id = Self.accountID(inPath: file) { accountFiles[id] = newValue } else { otherFiles[file] = newValue }
        }
    }

    /// The file of the account with this id.
    subscript(account id: AccountID) -> KnownFile? {
        get { accountFiles[id] }
        set { accountFiles[id] = newValue }
    }

    /// Every known account file, by id.
    var accounts: [AccountID: KnownFile] { accountFiles }

    mutating func reserveAccountCapacity(_ count: Int) { accountFiles.reserveCapacity(count) }

    /// The id of the account whose file is at `path`, when it is one: a well-formed id's file name
    /// is exactly `<id>.json`, so a path and an id stand for each other one to one.
    private static func accountID(inPath path: String) -> AccountID? {
        guard path.hasPrefix(accountsPrefix) else { return nil }
        return AccountID(fileName: String(path.dropFirst(accountsPrefix.count)))
    }
}

/// One version of a file as this store last read or wrote it: how it looked to `stat`, and a hash
/// of its bytes (what decides whether it changed).
struct KnownFile: Hashable, Sendable {
    var fingerprint: FileFingerprint
    var size: Int
    var hash: UInt64
    /// The format version the bytes were written in (older ones are backed up before a rewrite).
    var formatVersion: Int
    /// When the bytes were last seen to match the fingerprint (nanoseconds since 1970): a list-index
    /// entry is written only for a file whose last change is clearly older than that.
    var verifiedAt: Int64

    init(fingerprint: FileFingerprint, bytes: [UInt8], formatVersion: Int) {
        self.fingerprint = fingerprint
        self.size = bytes.count
        self.hash = Self.hash(bytes)
        self.formatVersion = formatVersion
        verifiedAt = FileWorkbookStore.now()
    }

    /// A version known from the list index: what `stat` and the hash said when the index was taken.
    init(fingerprint: FileFingerprint, hash: UInt64, formatVersion: Int, verifiedAt: Int64) {
        self.fingerprint = fingerprint
        self.size = fingerprint.size
        self.hash = hash
        self.formatVersion = formatVersion
        self.verifiedAt = verifiedAt
    }

    init(_ contents: FileContents, formatVersion: Int) {
        self.init(fingerprint: contents.status.fingerprint, bytes: contents.bytes, formatVersion: formatVersion)
    }

    func matches(_ bytes: [UInt8]) -> Bool {
        bytes.count == size && Self.hash(bytes) == hash
    }

    /// 64-bit FNV-1a: fast, and plenty to tell two versions of one small file apart.
    static func hash(_ bytes: [UInt8]) -> UInt64 { StableHash.fnv1a(bytes) }
}

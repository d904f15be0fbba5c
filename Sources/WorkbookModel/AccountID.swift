/// The stable, random identifier of an account; it names the account's file and never changes.
public struct AccountID: Hashable, Comparable, Sendable, CustomStringConvertible {
    // An ASCII id of up to 16 bytes (every id this app makes is 16 hex digits) is kept in two words,
    // big-endian and zero-padded, instead of a String: 16 bytes is one too many for Swift's inline
    // small string, and an open hashes, compares and copies 100,000 of them many times over
    // (docs/PERFORMANCE.md). Any other id keeps its String in `text`, with both words zero.
    private let high: UInt64
    private let low: UInt64
    private let text: String?

    public var rawValue: String {
        if let text { return text }
        return withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return String(decoding: bytes[..<(bytes.firstIndex(of: 0) ?? 16)], as: UTF8.self)
        }
    }

    public init(_ rawValue: String) {
        var contiguous = rawValue
        if let (high, low) = contiguous.withUTF8(Self.packed) {
            (self.high, self.low, text) = (high, low, nil)
        } else {
            (high, low, text) = (0, 0, rawValue)
        }
    }

    /// The id spelled by these UTF-8 bytes (a file name's stem), without making a String when it packs.
    public init(utf8 bytes: ArraySlice<UInt8>) {
        if let (high, low) = bytes.withUnsafeBufferPointer(Self.packed) {
            (self.high, self.low, text) = (high, low, nil)
        } else {
            (high, low, text) = (0, 0, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The id an account file's name (`<id>.json`) spells; nil for any other name.
    public init?(fileName: String) {
        var name = fileName
        guard let id = name.withUTF8({ bytes -> AccountID? in
            guard bytes.count > 5, Self.isWellFormed(utf8: UnsafeBufferPointer(rebasing: bytes.dropLast(5))),
                  bytes.suffix(5).elementsEqual(".json".utf8) else { return nil }
            return Self.packed(UnsafeBufferPointer(rebasing: bytes.dropLast(5))).map { AccountID(high: $0.0, low: $0.1) }
                ?? AccountID(String(fileName.dropLast(5)))
        }) else { return nil }
        self = id
    }

    private init(high: UInt64, low: UInt64) { (self.high, self.low, text) = (high, low, nil) }

    /// 1 to 16 ASCII bytes other than NUL, big-endian and zero-padded; nil for anything else.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        var high: UInt64 = 0, low: UInt64 = 0, count = 0
        for byte in bytes {
            guard byte != 0, byte < 0x80, count < 16 else { return nil }
            if count < 8 { high |= UInt64(byte) << (56 - 8 * count) } else { low |= UInt64(byte) << (56 - 8 * (count - 8)) }
            count += 1
        }
        return count == 0 ? nil : (high, low)
    }

    public static func == (lhs: AccountID, rhs: AccountID) -> Bool {
        lhs.high == rhs.high && lhs.low == rhs.low && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        if let text { hasher.combine(text) } else { hasher.combine(high &* 0x9E37_79B9_7F4A_7C15 ^ low) }
    }

    /// What dictionaries and sets hash with: for a packed id, two multiplies and shifts of its words
    /// and the seed instead of a SipHash round (an open looks up 100,000 ids a dozen times).
    public func _rawHashValue(seed: Int) -> Int {
        guard text == nil else {
            var hasher = Hasher()
            hash(into: &hasher)
            return hasher.finalize() ^ seed
        }
        var mixed = (high ^ UInt64(bitPattern: Int64(seed))) &* 0x9E37_79B9_7F4A_7C15 ^ (low &* 0xC2B2_AE3D_27D4_EB4F)
        mixed ^= mixed >> 31
        mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
        return Int(bitPattern: UInt(truncatingIfNeeded: mixed ^ (mixed >> 29)))
    }

    /// A new random id: 16 lowercase hex digits (64 bits), safe as a file name on every system.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> AccountID {
        let value = generator.next()
        let hex = String(value, radix: 16)
        return AccountID(String(repeating: "0", count: 16 - hex.count) + hex)
    }

    /// True when the text could be an id this build wrote: what the storage module accepts as a file name.
    public static func isWellFormed(_ text: String) -> Bool {
        var contiguous = text
        return contiguous.withUTF8(isWellFormed(utf8:))
    }

    /// `isWellFormed` of the text these UTF-8 bytes spell.
    public static func isWellFormed(utf8 bytes: ArraySlice<UInt8>) -> Bool { bytes.withUnsafeBufferPointer(isWellFormed(utf8:)) }

    /// `isWellFormed` of the text these UTF-8 bytes spell.
    public static func isWellFormed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= 64 && bytes.allSatisfy { byte in
            (48...57).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool {
        // Zero padding sorts a prefix first, as String comparison does for ASCII.
        if lhs.text == nil, rhs.text == nil { return (lhs.high, lhs.low) < (rhs.high, rhs.low) }
        return lhs.rawValue < rhs.rawValue
    }
}

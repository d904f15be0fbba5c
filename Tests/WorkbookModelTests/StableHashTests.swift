import Testing
import WorkbookModel

/// The list index's checksum: it must be the same in every build and catch any damage.
@Suite struct StableHashTests {
    private func words(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer(StableHash.words) }

    @Test func theChecksumIsTheSameInEveryRunAndBuild() {
        // Pinned: changing the function changes what an index on disk must say (bump its magic).
        #expect(words([]) == PinnedValues.empty)
        #expect(words(Array("account-workbook list index".utf8)) == PinnedValues.text)
    }

    @Test func anyFlippedBitOrCutChangesTheChecksum() {
        let bytes = (0..<203).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let original = words(bytes)
        var seen: Set<UInt64> = [original]
        for index in bytes.indices {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[index] ^= 1 << bit
                seen.insert(words(damaged))
            }
        }
        #expect(seen.count == 1 + bytes.count * 8, "every single-bit change gives its own checksum")
        for cut in 0..<bytes.count { #expect(words(Array(bytes.prefix(cut))) != original) }
        #expect(words(bytes + [0]) != original, "a zero byte added to the tail counts")
    }

    private enum PinnedValues {
        static let empty: UInt64 = 10_446_227_545_017_889_331
        static let text: UInt64 = 14_972_738_190_525_561_589
    }
}

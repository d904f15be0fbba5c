import Testing
@testable import TerminalNcurses

@Suite struct ColorPairTableTests {
    /// Records what the table asked the terminal to define.
    final class Recorder {
        var defined: [(Int32, Int32, Int32)] = []
        var refuseFrom: Int32 = .max
    }

    private func table(capacity: Int32, recorder: Recorder) -> ColorPairTable {
        ColorPairTable(capacity: capacity, capability: .palette256) { number, fg, bg in
            guard number < recorder.refuseFrom else { return false }
            recorder.defined.append((number, fg, bg))
            return true
        }
    }

    @Test func defaultColoursGetTheirOwnPairNotPairZero() {
        // ncurses resets every attribute (sgr0) to reach pair 0, but only the colours to reach a pair of default colours.
        let recorder = Recorder()
        var pairs = table(capacity: 16, recorder: recorder)
        let plain = pairs.pair(foreground: -1, background: -1)
        #expect(plain != 0)
        #expect(pairs.pair(foreground: -1, background: -1) == plain)
        #expect(recorder.defined.count == 1)
        #expect(recorder.defined.first.map { [$0.0, $0.1, $0.2] } == [plain, -1, -1])
    }

    @Test func withoutRoomDefaultColoursFallBackToPairZero() {
        let recorder = Recorder()
        var pairs = table(capacity: 2, recorder: recorder)
        #expect(pairs.pair(foreground: 1, background: -1) == 1)
        #expect(pairs.pair(foreground: -1, background: -1) == 0)
    }

    @Test func pairsAreDefinedLazilyAndCached() {
        let recorder = Recorder()
        var pairs = table(capacity: 16, recorder: recorder)
        #expect(pairs.pair(foreground: 1, background: -1) == 1)
        #expect(pairs.pair(foreground: 2, background: 4) == 2)
        #expect(pairs.pair(foreground: 1, background: -1) == 1)
        #expect(recorder.defined.count == 2)
        #expect(recorder.defined[1] == (2, 2, 4))
    }

    @Test func fullTableFallsBackToNearestPair() {
        let recorder = Recorder()
        var pairs = table(capacity: 3, recorder: recorder)
        #expect(pairs.pair(foreground: 196, background: -1) == 1)  // bright red
        #expect(pairs.pair(foreground: 21, background: -1) == 2)   // blue
        // No room for a third: a darker red is drawn with the red pair.
        #expect(pairs.pair(foreground: 160, background: -1) == 1)
        #expect(recorder.defined.count == 2)
    }

    @Test func refusedDefinitionStopsAllocating() {
        let recorder = Recorder()
        recorder.refuseFrom = 2
        var pairs = table(capacity: 100, recorder: recorder)
        #expect(pairs.pair(foreground: 1, background: 0) == 1)
        #expect(pairs.pair(foreground: 2, background: 0) == 1)
        #expect(pairs.pair(foreground: 3, background: 0) == 1)
        #expect(recorder.defined.count == 1)
    }
}

import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func wideGraphemesTakeTwoCellsWithAContinuation() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        let used = buffer.write("東京x", x: 0, y: 0, style: .plain)
        #expect(used == 5)
        #expect(buffer[0, 0].grapheme == "東")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[4, 0].grapheme == "x")
        #expect(buffer.textLines() == ["東京x "])
    }

    @Test func aWideGraphemeThatDoesNotFitBecomesASpace() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        buffer.write("a東京", x: 0, y: 0, style: .plain)
        #expect(buffer.textLines() == ["a東"])
        var clipped = Buffer(size: Size(width: 4, height: 1))
        clipped.write("ab東", x: 0, y: 0, style: .plain, maxWidth: 3)
        #expect(clipped.textLines() == ["ab  "])
        #expect(!clipped[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("東京", x: 0, y: 0, style: .plain)
        buffer.put("x", x: 1, y: 0, style: .plain)
        #expect(buffer.textLines() == [" x京"])
        buffer.put("y", x: 2, y: 0, style: .plain)
        #expect(buffer.textLines() == [" xy "])
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func writingOutsideTheGridOrClipDoesNothing() {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        #expect(buffer.write("abc", x: 0, y: 5, style: .plain) == 0)
        buffer.write("abcdef", x: 1, y: 0, style: .plain, clip: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(buffer.textLines() == [" a ", "   "])
        _ = Buffer(size: .zero).text
    }

    @Test func diffOfIdenticalFramesIsEmptyAndACursorMoveTouchesTwoRows() {
        var before = Buffer(size: Size(width: 20, height: 5))
        for row in 0..<5 { before.write("row \(row)", x: 0, y: row, style: .plain) }
        #expect(BufferDiff.runs(from: before, to: before).isEmpty)
        var after = before
        let highlight = Style(attributes: .reverse)
        after.restyle(Rect(x: 0, y: 2, width: 20, height: 1), style: highlight)
        var moved = after
        moved.restyle(Rect(x: 0, y: 2, width: 20, height: 1), style: .plain)
        moved.restyle(Rect(x: 0, y: 3, width: 20, height: 1), style: highlight)
        let runs = BufferDiff.runs(from: after, to: moved)
        #expect(Set(runs.map(\.y)) == [2, 3])
    }

    @Test func diffWithoutAComparableFrameRedrawsEveryRow() {
        let frame = Buffer(size: Size(width: 4, height: 3))
        #expect(BufferDiff.runs(from: nil, to: frame).count == 3)
        #expect(BufferDiff.runs(from: Buffer(size: Size(width: 5, height: 3)), to: frame).count == 3)
    }

    @Test func aChangeInsideAWideGraphemeRewritesTheWholeGrapheme() {
        var before = Buffer(size: Size(width: 6, height: 1))
        before.write("ab東", x: 0, y: 0, style: .plain)
        var after = before
        after.write("東", x: 2, y: 0, style: Style(attributes: .bold))
        let runs = BufferDiff.runs(from: before, to: after)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2)
        #expect(runs[0].cells.count == 2)
    }

    @Test func wrapBreaksAtSpacesAndInsideLongWords() {
        #expect(TextWrap.lines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.lines("東京精密工業", width: 5) == ["東京", "精密", "工業"])
        #expect(TextWrap.lines("a\nb", width: 5) == ["a", "b"])
    }
}

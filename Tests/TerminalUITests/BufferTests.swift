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

/// `Buffer.paintingForm`: what the terminal is handed, with fewer attribute switches and nothing visible changed.
@Suite struct PaintingFormTests {
    static let alert = Style(foreground: .ansi(9), attributes: .bold)
    static let highlight = Style(foreground: .ansi(0), background: .ansi(6), attributes: .bold)

    /// Style switches a terminal makes painting the row from left to right.
    static func switches(_ buffer: Buffer, row: Int) -> Int {
        var count = 0
        for x in 1..<buffer.size.width where buffer[x, row].style != buffer[x - 1, row].style { count += 1 }
        return count
    }

    /// Everything a viewer can see of each cell: the grapheme, the background, underline and reverse;
    /// and of a non-blank cell its whole style.
    static func visible(_ buffer: Buffer) -> [String] {
        buffer.cells.map { cell in
            let shown = cell.style.attributes.intersection([.underline, .reverse])
            let blank = cell.grapheme == " " && !cell.isContinuation && shown.isEmpty
            return "\(cell.grapheme)|\(cell.isContinuation)|\(cell.style.background)|\(shown.rawValue)|\(blank ? "" : "\(cell.style)")"
        }
    }

    @Test func aShortGapBetweenTwoRunsOfOneStyleTakesThatStyle() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        buffer.write("! 2025-08-24  ", x: 0, y: 0, style: Self.alert)
        buffer.write("20 ✖", x: 15, y: 0, style: Self.alert)
        let painted = buffer.paintingForm()
        #expect(Self.switches(buffer, row: 0) == 3)
        #expect(Self.switches(painted, row: 0) == 1, "only the end of the text is left")
        #expect(painted[14, 0].style == Self.alert)
        #expect(Self.visible(painted) == Self.visible(buffer))
    }

    @Test func gapsBetweenDifferentStylesOrTooWideOrVisibleKeepTheirStyle() {
        var buffer = Buffer(size: Size(width: 40, height: 4))
        buffer.write("late", x: 0, y: 0, style: Self.alert)
        buffer.write("soon", x: 6, y: 0, style: Style(foreground: .ansi(11)))
        buffer.write("│", x: 0, y: 1, style: Self.alert)
        buffer.write("│", x: 39, y: 1, style: Self.alert)
        buffer.write("a", x: 0, y: 2, style: Self.alert)
        buffer.put(" ", x: 1, y: 2, style: Style(attributes: .underline))
        buffer.write("b", x: 2, y: 2, style: Self.alert)
        buffer.write("on", x: 0, y: 3, style: Self.alert)
        buffer.fill(Rect(x: 2, y: 3, width: 2, height: 1), style: Self.highlight)
        buffer.write("on", x: 4, y: 3, style: Self.alert)
        #expect(buffer.paintingForm() == buffer)
    }

    @Test func aFullRowHighlightAndWideGraphemesAreLeftAsTheyAre() {
        var buffer = Buffer(size: Size(width: 12, height: 2))
        buffer.fill(Rect(x: 0, y: 0, width: 12, height: 1), style: Self.highlight)
        buffer.write("▶ 東京 AB", x: 0, y: 0, style: Self.highlight)
        buffer.write("東京", x: 0, y: 1, style: Self.alert)
        buffer.write("東", x: 6, y: 1, style: Self.alert)
        let painted = buffer.paintingForm()
        #expect(Self.visible(painted) == Self.visible(buffer))
        #expect(Self.switches(painted, row: 0) == 0)
        #expect(painted[4, 1].style == Self.alert, "the gap between two wide names joins them")
        #expect(painted.paintingForm() == painted, "painting twice changes nothing")
    }
}

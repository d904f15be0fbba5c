import CNcursesw
import Testing
import TerminalUI
@testable import TerminalNcurses

@Suite struct InputDecoderTests {
    private func feed(_ text: String, into decoder: inout InputDecoder) -> [InputEvent] {
        text.unicodeScalars.flatMap { decoder.feed(.character($0.value)) }
    }

    @Test func plainKeysPassStraightThrough() {
        var decoder = InputDecoder()
        #expect(feed("a\r\u{12}", into: &decoder) == [.key(.character("a")), .key(.enter), .key(.control("r"))])
        #expect(decoder.feed(.keyCode(KEY_UP)) == [.key(.up)])
    }

    @Test func loneEscapeIsDeliveredOnTimeout() {
        var decoder = InputDecoder()
        #expect(feed("\u{1B}", into: &decoder) == [])
        #expect(decoder.isWaitingAfterEscape)
        #expect(decoder.timeout() == [.key(.escape)])
        #expect(!decoder.isWaitingAfterEscape)
    }

    @Test func altLetterIsEscapeThenLetter() {
        var decoder = InputDecoder()
        #expect(feed("\u{1B}x", into: &decoder) == [.key(.escape), .key(.character("x"))])
    }

    @Test func doubleEscapeIsTwoEscapes() {
        var decoder = InputDecoder()
        #expect(feed("\u{1B}\u{1B}", into: &decoder) == [.key(.escape)])
        #expect(decoder.timeout() == [.key(.escape)])
    }

    @Test func abandonedSequenceReplaysItsCharacters() {
        var decoder = InputDecoder()
        #expect(feed("\u{1B}[2", into: &decoder) == [])
        #expect(decoder.timeout() == [.key(.escape), .key(.character("[")), .key(.character("2"))])
        #expect(feed("\u{1B}[2x", into: &decoder) == [.key(.escape), .key(.character("[")), .key(.character("2")), .key(.character("x"))])
    }

    @Test func homeAndEndVariantsThatTerminfoMisses() {
        var decoder = InputDecoder()
        #expect(feed("\u{1B}[1~\u{1B}[4~\u{1B}OH\u{1B}[F", into: &decoder) == [.key(.home), .key(.end), .key(.home), .key(.end)])
    }

    @Test func bracketedPasteIsOneEvent() {
        var decoder = InputDecoder()
        let events = feed("\u{1B}[200~hello 漢字\rnext\r\nline\u{1B}[201~q", into: &decoder)
        #expect(events == [.paste("hello 漢字\nnext\nline"), .key(.character("q"))])
    }

    @Test func pastedTextIsNeverReadAsKeys() {
        var decoder = InputDecoder()
        var events = feed("\u{1B}[200~q\u{03}", into: &decoder)
        events += decoder.feed(.keyCode(KEY_UP))
        events += feed("\u{1B}[20x\u{1B}\u{1B}[201~", into: &decoder)
        #expect(events == [.paste("q\u{03}\u{1B}[20x\u{1B}")])
    }

    @Test func interruptedPasteDeliversWhatArrived() {
        var decoder = InputDecoder()
        #expect(feed("\u{1B}[200~half\u{1B}[2", into: &decoder) == [])
        #expect(decoder.isInPaste)
        #expect(decoder.timeout() == [.paste("half\u{1B}[2")])
        #expect(!decoder.isInPaste)
    }

    @Test func emptyPaste() {
        var decoder = InputDecoder()
        #expect(feed("\u{1B}[200~\u{1B}[201~", into: &decoder) == [.paste("")])
    }

    @Test func extendedKeyCodesAreNamedOnDemand() {
        var decoder = InputDecoder(keyName: { $0 == 600 ? "kUP5" : nil })
        #expect(decoder.feed(.keyCode(600)) == [.key(.up)])
        #expect(decoder.feed(.keyCode(601)) == [])
    }
}


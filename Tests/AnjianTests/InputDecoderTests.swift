import Testing
import AnjianScreen

@Suite struct InputDecoderTests {
    @Test func charactersThatArriveTogetherStayWhole() {
        #expect(InputDecoder.decode("二楼配电箱") == [.text("二楼配电箱")])
        #expect(InputDecoder.decode("j") == [.key(.character("j"))])
    }

    @Test func controlKeysAndALoneEscape() {
        #expect(InputDecoder.decode("\u{13}") == [.key(.control("s"))])
        #expect(InputDecoder.decode("\u{1B}") == [.key(.escape)])
        #expect(InputDecoder.decode("\u{1B}q") == [.key(.escape), .key(.character("q"))])
        #expect(InputDecoder.decode("\t") == [.key(.tab)])
        #expect(InputDecoder.decode("\r") == [.key(.enter)])
    }

    @Test func unbracketedLineBreaksInsideTextAreTextAndATrailingOneIsEnter() {
        #expect(InputDecoder.decode("莱州\n矿业") == [.text("莱州\n矿业")])
        #expect(InputDecoder.decode("莱州\r\n") == [.text("莱州"), .key(.enter)])
    }

    @Test func aBracketedPasteIsOneTextEvenWithATrailingLineBreak() {
        #expect(InputDecoder.decode("\u{1B}[200~单\n\u{1B}[201~") == [.text("单\n")])
        #expect(InputDecoder.decode("\u{1B}[200~a\r\nb\tc\u{1B}[201~") == [.text("a\nb\tc")])
        #expect(InputDecoder.decode("x\u{1B}[200~y\u{1B}[201~") == [.key(.character("x")), .text("y")])
    }

    @Test func aPasteSpanningTwoBatchesIsStillOne() {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for s in "\u{1B}[200~第一段\n".unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(events.isEmpty)
        for s in "第二段\u{1B}[201~".unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(events == [.text("第一段\n第二段")])
    }

    @Test func anEscapeThatIsNotAMarkerStaysAKey() {
        #expect(InputDecoder.decode("\u{1B}[2x") == [.key(.escape), .text("[2x")])
    }
}

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
        #expect(InputDecoder.decode("\u{1B}[200~单\n\u{1B}[201~") == [.paste("单\n")])
        #expect(InputDecoder.decode("\u{1B}[200~a\r\nb\tc\u{1B}[201~") == [.paste("a\nb\tc")])
        #expect(InputDecoder.decode("x\u{1B}[200~y\u{1B}[201~") == [.key(.character("x")), .paste("y")])
    }

    @Test func aPasteSpanningTwoBatchesIsStillOne() {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for s in "\u{1B}[200~第一段\n".unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(events.isEmpty)
        for s in "第二段\u{1B}[201~".unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(events == [.paste("第一段\n第二段")])
    }

    /// Home and End in the forms terminfo may not list arrive as bytes: they are Home and End,
    /// never Esc followed by text (issue #9: `ESC[4~` cleared the filter and closed help).
    @Test func homeAndEndSequencesAreHomeAndEnd() {
        for home in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}OH", "\u{1B}[H"] {
            #expect(InputDecoder.decode(home) == [.key(.home)], "\(Array(home.utf8))")
        }
        for end in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}OF", "\u{1B}[F"] {
            #expect(InputDecoder.decode(end) == [.key(.end)], "\(Array(end.utf8))")
        }
        #expect(InputDecoder.decode("ab\u{1B}[4~c") == [.text("ab"), .key(.end), .key(.character("c"))])
        // Split across reads, it is still one key.
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for s in "\u{1B}[".unicodeScalars { decoder.scalar(s, into: &events) }
        for s in "4~".unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(events == [.key(.end)])
        // Esc and a letter typed quickly stay Esc and the letter.
        #expect(InputDecoder.decode("\u{1B}O") == [.key(.escape), .key(.character("O"))])
        #expect(InputDecoder.decode("\u{1B}[4x") == [.key(.escape), .text("[4x")])
        // Inside a bracketed paste they are pasted bytes, never keys.
        #expect(InputDecoder.decode("\u{1B}[200~a\u{1B}[4~b\u{1B}[201~") == [.paste("a[4~b")])
    }

    @Test func anEscapeThatIsNotAMarkerStaysAKey() {
        #expect(InputDecoder.decode("\u{1B}[2x") == [.key(.escape), .text("[2x")])
    }
}

/// A paste marker can neither freeze the keys nor smuggle keys in (issue #8).
@Suite struct PasteSafetyDecoderTests {
    static let start = "\u{1B}[200~", end = "\u{1B}[201~"
    func pasted(_ text: String) -> InputEvent { .paste(text) }

    @Test func anUnterminatedPasteEndsWhenTheInputPausesAndKeepsItsText() {
        #expect(InputDecoder.decode(Self.start + "莱州\n") == [pasted("莱州\n")])
        #expect(InputDecoder.decode(Self.start).isEmpty)
        #expect(InputDecoder.decode(Self.start + "ab").count == 1)
    }

    /// The terminal reads on while `pastePending` and calls `flush` after a pause; then keys
    /// act again.
    @Test func afterAFlushKeysAreKeysAgain() {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for s in (Self.start + "ab").unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(events.isEmpty && decoder.pastePending)
        decoder.special(.resize(width: 100, height: 30), into: &events)  // a resize is never held
        #expect(events == [.resize(width: 100, height: 30)])
        decoder.flush(into: &events)
        #expect(events == [.resize(width: 100, height: 30), pasted("ab")] && !decoder.pastePending)
        events = []
        for s in "q".unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.special(.key(.up), into: &events)
        decoder.scalar("\u{3}", into: &events)
        decoder.endOfBatch(into: &events)
        #expect(events == [.key(.character("q")), .key(.up), .key(.control("c"))])
    }

    @Test func aStrayStartMarkerEndsWithNothingPasted() {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for s in Self.start.unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(decoder.pastePending)
        decoder.flush(into: &events)
        decoder.scalar("q", into: &events)
        decoder.endOfBatch(into: &events)
        #expect(events == [.key(.character("q"))])
    }

    /// Input right after a complete paste waits for the pause; without a second end marker it
    /// is keys (typed at once after the paste), arrows included.
    @Test func whatFollowsAnEndWithoutAnotherEndIsInput() {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for s in (Self.start + "a" + Self.end + "q").unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.special(.key(.down), into: &events)
        decoder.endOfBatch(into: &events)
        #expect(events.isEmpty && decoder.pastePending)
        decoder.flush(into: &events)
        #expect(events == [pasted("a"), .key(.character("q")), .key(.down)])
        // A complete paste with nothing after it needs no pause.
        events = []
        for s in (Self.start + "b" + Self.end).unicodeScalars { decoder.scalar(s, into: &events) }
        decoder.endOfBatch(into: &events)
        #expect(events == [pasted("b")] && !decoder.pastePending)
    }

    @Test func aPastedEndMarkerDoesNotEndThePaste() {
        #expect(InputDecoder.decode(Self.start + "管道" + Self.end + "泄漏\u{13}q" + Self.end) == [pasted("管道泄漏q")])
        #expect(InputDecoder.decode(Self.start + "a" + Self.end + "\u{13}" + Self.start + "b" + Self.end) == [pasted("ab")])
        // Control characters, DEL, C1 and escape sequences in a paste are dropped, never keys.
        #expect(InputDecoder.decode(Self.start + "x\u{3}\u{7F}\u{9B}\u{1B}[Ay" + Self.end) == [pasted("x[Ay")])
    }
}

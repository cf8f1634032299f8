import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

extension AppState {
    /// Bytes as the terminal delivers them in one burst followed by a pause, decoded as the
    /// terminal does; the effects of every event.
    mutating func receive(_ bytes: String) -> [Effect] {
        InputDecoder.decode(bytes).flatMap { update($0) }
    }
}

/// Input can neither freeze the program nor give it commands nobody typed (issue #8).
@Suite struct InputSafetyTests {
    static let start = "\u{1B}[200~", end = "\u{1B}[201~"

    @Test func aPasteInTheListFiltersAndDoesNotQuit() {
        var state = makeState()
        let effects = state.receive(Self.start + "hello q" + Self.end)
        #expect(!effects.contains(.quit))
        #expect(state.modal == nil && state.route == .enterprises)
        #expect(state.filtering && state.filter.text == "hello q")
        // Typed as keys, the same letters still act.
        state.press(.escape)
        #expect(state.update(.key(.character("q"))) == [.quit])
    }

    @Test func lettersInAPasteOpenNoForm() {
        for pasted in ["s", "h", "sh", "jjs", "/h"] {
            var state = makeState()
            _ = state.receive(Self.start + pasted + Self.end)
            #expect(state.modal == nil, "\(pasted)")
            #expect(state.filter.text == pasted && state.selected == 0, "\(pasted)")
        }
        // On a page (no filter) a paste does nothing but say so.
        var state = makeState()
        state.press(.enter)
        let page = state.route
        let effects = state.receive(Self.start + "sh q" + Self.end)
        #expect(effects.isEmpty && state.modal == nil && state.route == page)
        #expect(state.context.message == state.context.strings[.pasteIgnored])
    }

    @Test func aPasteInAFormIsTextWhateverItHolds() {
        var state = makeState()
        state.press(.character("h"))
        #expect(state.hazardForm != nil)
        // A pasted end marker, more text and Ctrl-S: all of it is the paste.
        let effects = state.receive(Self.start + "管道" + Self.end + "泄漏\u{13}q" + Self.end)
        #expect(!effects.contains { if case .store = $0 { true } else { false } })
        #expect(state.hazardForm?.form.value("description") == "管道泄漏q")
        // Control characters in a paste are never keys.
        _ = state.receive(Self.start + "\u{13}\u{3}\u{1B}" + Self.end)
        #expect(state.hazardForm?.form.value("description") == "管道泄漏q")
        // Ctrl-S typed afterwards saves.
        let saved = state.update(.key(.control("s")))
        #expect(saved.contains { if case .store = $0 { true } else { false } })
    }

    @Test func anUnterminatedPasteEndsAndKeysWorkAgain() {
        var state = makeState()
        let effects = state.receive(Self.start + "莱州")
        #expect(effects.isEmpty && state.filter.text == "莱州")
        state.press(.escape, .escape)
        #expect(state.update(.key(.character("q"))) == [.quit])
    }

    @Test func textNeverCarriesAControlCharacter() {
        var input = TextInput()
        input.insert("a\u{13}\u{7F}\u{9B}\u{1B}b\n", keepingLineBreaks: true)
        #expect(input.text == "ab\n")
    }

    @Test func keysDoNothingWhileTheTerminalIsTooSmall() {
        var state = makeState(width: 20, height: 5)
        #expect(AppView.render(state).lines().joined().contains("终端太小"))
        let hazards = state.hazardDirectory.records.count
        var effects: [Effect] = []
        for key: Key in [.character("h"), .character("s"), .enter, .character("2"), .character("/"), .down, .control("s")] {
            effects += state.update(.key(key))
        }
        effects += state.update(.text("管道泄漏"))
        effects += state.receive(Self.start + "sh" + Self.end)
        effects += state.update(.key(.control("s")))
        #expect(effects.isEmpty)
        #expect(state.modal == nil && state.route == .enterprises && state.selected == 0 && !state.filtering)
        #expect(state.hazardDirectory.records.count == hazards)
        // Ctrl-C and q still quit.
        #expect(state.update(.key(.control("c"))) == [.quit])
        #expect(state.update(.key(.character("q"))) == [.quit])
        // Made large enough, keys act again.
        _ = state.update(.resize(width: 80, height: 24))
        state.press(.character("h"))
        #expect(state.hazardForm != nil)
    }

    @Test func aTooSmallTerminalStopsKeysInAFormToo() {
        var state = makeState()
        state.press(.character("h"))
        state.type("管道")
        _ = state.update(.resize(width: 30, height: 8))
        var effects = state.update(.key(.control("s")))
        effects += state.update(.text("泄漏"))
        effects += state.update(.key(.escape))
        #expect(effects.isEmpty && state.hazardForm?.form.value("description") == "管道")
        _ = state.update(.resize(width: 80, height: 24))
        #expect(state.update(.key(.control("s"))).contains { if case .store = $0 { true } else { false } })
    }
}

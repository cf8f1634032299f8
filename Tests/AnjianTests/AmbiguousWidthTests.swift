import Testing
@testable import AnjianApp
@testable import AnjianScreen
import AnjianText

/// Issue 9: a terminal showing East Asian Ambiguous characters two cells wide keeps its columns;
/// the one width function and the Screen follow the mode.
@Suite struct AmbiguousWidthTests {
    @Test func theWidthFunctionFollowsTheMode() {
        let text = "逾期…“说明”→·—"
        let widths: [AmbiguousWidth: Int] = [.narrow: 14, .wide: 20, .ascii: 17]
        for (mode, width) in widths {
            let measured: Int = DisplayWidth.$ambiguous.withValue(mode) { text.displayWidth }
            #expect(measured == width, "\(mode)")
        }
        // Wide mode: every Ambiguous character, not only the UI's; ASCII mode leaves the others one cell.
        let wide: Int = DisplayWidth.$ambiguous.withValue(.wide) { "×○".displayWidth }
        let ascii: Int = DisplayWidth.$ambiguous.withValue(.ascii) { "×○".displayWidth }
        #expect(wide == 4 && ascii == 2)
    }

    @Test func truncationAndTheScreenAgree() {
        DisplayWidth.$ambiguous.withValue(.wide) {
            #expect("消防通道堆放杂物".truncated(toWidth: 9) == "消防通…")  // 6 + the ellipsis' 2
            var screen = Screen(width: 10, height: 1)
            screen.put("a…b", x: 0, y: 0)
            #expect(screen[1, 0].width == 2 && screen[2, 0].width == 0 && screen[3, 0].text == "b")
        }
        DisplayWidth.$ambiguous.withValue(.ascii) {
            #expect("消防通道堆放杂物".truncated(toWidth: 9) == "消防通…")  // 6 + "..."
            var screen = Screen(width: 12, height: 1)
            screen.put("消防通道…“a”→·—", x: 0, y: 0)
            #expect(screen.line(0) == "消防通道...\"")
            screen.put("“a”→·—", x: 0, y: 0)
            #expect(screen.line(0) == "\"a\"->.- ...\"")  // half of 道 overwritten: the other half blank
        }
    }

    @Test(arguments: AmbiguousWidth.allCases)
    func theHazardLedgerAt80x24(_ mode: AmbiguousWidth) {
        DisplayWidth.$ambiguous.withValue(mode) {
            var state = makeState()
            state.press(.character("2"))
            let screen = AppView.render(state)
            expectScreen(screen, named: "ambiguous-\(mode.rawValue)-hazards-zh-80x24")
            for line in screen.lines() { #expect(line.displayWidth <= 80, "\(line)") }
            if mode == .ascii { #expect(!screen.text.contains("…") && !screen.text.contains("·")) }
        }
    }

    @Test(arguments: AmbiguousWidth.allCases)
    func theHazardFormAt80x24(_ mode: AmbiguousWidth) {
        DisplayWidth.$ambiguous.withValue(mode) {
            var state = makeState(.en)
            state.press(.character("h"))
            expectScreen(AppView.render(state), named: "ambiguous-\(mode.rawValue)-hazard-form-en-80x24")
        }
    }

    @Test func theTerminalsAnswerIsReadAsVimReadsIt() {
        #expect(AmbiguousWidth(cursorReport: Array("\u{1B}[12;2R".utf8)) == .narrow)
        #expect(AmbiguousWidth(cursorReport: Array("x\u{1B}[1;3R".utf8)) == .wide)
        #expect(AmbiguousWidth(cursorReport: Array("\u{1B}[1;5R".utf8)) == nil)
        #expect(AmbiguousWidth(cursorReport: Array("\u{1B}[1;3".utf8)) == nil)
        #expect(AmbiguousWidth(cursorReport: []) == nil)
    }
}

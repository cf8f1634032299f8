import Testing
@testable import AnjianScreen

@Suite struct WidthTests {
    @Test func asciiCJKAndMixed() {
        #expect("abc".displayWidth == 3)
        #expect("烟台".displayWidth == 4)
        #expect("烟台JH新材料".displayWidth == 12)
        #expect("".displayWidth == 0)
    }

    @Test func fullWidthPunctuationIsWide() {
        #expect("，".displayWidth == 2)
        #expect("（芝罘）".displayWidth == 8)
        #expect("、".displayWidth == 2)
        #expect("Ａ".displayWidth == 2)
    }

    @Test func combiningMarksTakeNoCell() {
        #expect("e\u{301}".displayWidth == 1)
        #expect("Cafe\u{301}".displayWidth == 4)
        #expect("a\u{200B}b".displayWidth == 2)
    }

    @Test func ambiguousIsNarrow() {
        #expect("●▲←→×".displayWidth == 5)
        #expect("…".displayWidth == 1)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        let text = "烟台JH新材料科技有限公司"
        for width in 0...(text.displayWidth + 2) {
            let cut = text.truncated(toWidth: width)
            #expect(cut.displayWidth <= width, "width \(width): \(cut)")
            #expect(cut.displayWidth >= width - 1 || cut == text, "width \(width): \(cut)")
            if cut != text && width > 0 { #expect(cut.hasSuffix("…")) }
            #expect(text.hasPrefix(String(cut.dropLast())) || cut.isEmpty || cut == text)
        }
        #expect(text.truncated(toWidth: 6) == "烟台J…")
        #expect(text.truncated(toWidth: 5) == "烟台…")
        #expect("烟台".truncated(toWidth: 4) == "烟台")
    }

    @Test func paddingReachesExactWidth() {
        for width in 0...12 {
            #expect("莱州市ABC".padded(toWidth: width).displayWidth == width)
        }
        #expect("莱州".padded(toWidth: 6, alignment: .right) == "  莱州")
    }

    @Test func wrapping() {
        #expect("烟台市莱山区观海路".wrapped(toWidth: 8) == ["烟台市莱", "山区观海", "路"])
        #expect("hello big world".wrapped(toWidth: 9) == ["hello big", "world"])
        #expect("烟台市".wrapped(toWidth: 5) == ["烟台", "市"])
    }
}

@Suite struct ScreenGridTests {
    @Test func wideCharacterNeverWrittenIntoTheLastColumn() {
        var screen = Screen(width: 5, height: 1)
        let used = screen.put("烟台市", x: 0, y: 0)
        #expect(used == 5)
        #expect(screen.line(0) == "烟台")
        #expect(screen[4, 0].text == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("烟台市", x: 0, y: 0)
        screen.put("a", x: 1, y: 0)
        #expect(screen.line(0) == " a台市")
        screen.put("b", x: 2, y: 0)
        #expect(screen.line(0) == " ab 市")
    }

    @Test func clipsAtMaxWidth() {
        var screen = Screen(width: 10, height: 1)
        screen.put("烟台万华", x: 1, y: 0, maxWidth: 5)
        #expect(screen.line(0) == " 烟台")
    }
}

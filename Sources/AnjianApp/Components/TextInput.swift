import AnjianText
import AnjianScreen

/// A single line of text being edited: grapheme-aware (a Chinese character or an
/// accented letter is one step of the caret), with the caret's display column known
/// so the terminal cursor can sit exactly on it.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters`: the caret stands before this character.
    public private(set) var caret: Int

    public init(_ text: String = "") {
        characters = Array(text)
        caret = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Display cells before the caret.
    public var caretColumn: Int { DisplayWidth.of(String(characters[..<caret])) }

    /// Inserts at the caret. A single-line field turns a paste's line breaks and tabs
    /// into spaces (a paste never submits anything); a multi-line one keeps line breaks.
    public mutating func insert(_ text: String, keepingLineBreaks: Bool = false) {
        let cleaned = text.map { character -> Character in
            if character.isNewline { return keepingLineBreaks ? "\n" : " " }
            return character == "\t" ? " " : character
        }.filter { $0 == "\n" || !($0.unicodeScalars.first.map { $0.value < 0x20 } ?? true) }
        characters.insert(contentsOf: cleaned, at: caret)
        caret += cleaned.count
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .left: caret = max(0, caret - 1)
        case .right: caret = min(characters.count, caret + 1)
        case .home, .control("a"): caret = 0
        case .end, .control("e"): caret = characters.count
        case .backspace, .control("h"):
            if caret > 0 {
                characters.remove(at: caret - 1)
                caret -= 1
            }
        case .delete, .control("d"):
            if caret < characters.count { characters.remove(at: caret) }
        case .control("u"):
            characters.removeSubrange(0..<caret)
            caret = 0
        case .control("k"):
            characters.removeSubrange(caret...)
        case .control("w"):
            var start = caret
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<caret)
            caret = start
        default:
            return false
        }
        return true
    }
}

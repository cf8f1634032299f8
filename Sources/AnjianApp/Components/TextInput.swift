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
    /// Control characters (C0, DEL, C1) are dropped: text never carries a key.
    public mutating func insert(_ text: String, keepingLineBreaks: Bool = false) {
        let cleaned = text.map { character -> Character in
            if character.isNewline { return keepingLineBreaks ? "\n" : " " }
            return character == "\t" ? " " : character
        }.filter { $0 == "\n" || !($0.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? true) }
        characters.insert(contentsOf: cleaned, at: caret)
        caret += cleaned.count
    }

    /// Applies an editing key (a character, or one of `Keymap.textEditing`); returns false
    /// when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if case .character(let c) = key {
            insert(String(c))
            return true
        }
        guard let action = Keymap.action(for: key, in: Keymap.textEditing) else { return false }
        switch action {
        case .caretLeft: caret = max(0, caret - 1)
        case .caretRight: caret = min(characters.count, caret + 1)
        case .caretStart: caret = 0
        case .caretEnd: caret = characters.count
        case .deleteBackward:
            if caret > 0 {
                characters.remove(at: caret - 1)
                caret -= 1
            }
        case .deleteForward:
            if caret < characters.count { characters.remove(at: caret) }
        case .clearInput:
            characters.removeSubrange(0..<caret)
            caret = 0
        case .deleteToEnd:
            characters.removeSubrange(caret...)
        case .deleteWord:
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

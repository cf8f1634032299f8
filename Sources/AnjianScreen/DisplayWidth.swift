/// How the terminal shows East Asian Ambiguous characters (`…` `“` `”` `→` `·` `—`): one cell, or
/// two in the CJK setting of PuTTY, xterm or iTerm2, which shifts every column after one.
public enum AmbiguousWidth: String, Sendable, CaseIterable {
    case narrow, wide
    /// One cell, and the UI's own ambiguous characters drawn as ASCII (`...` `"` `->` `.` `-`):
    /// right in any terminal.
    case ascii

    /// The mode a terminal's cursor position report (`ESC [ row ; column R`) gives after it drew
    /// one ambiguous character at the start of a line: column 2 narrow, 3 wide, else nil.
    public init?(cursorReport bytes: [UInt8]) {
        guard bytes.last == UInt8(ascii: "R"), let start = bytes.lastIndex(of: 0x1B) else { return nil }
        let report = String(decoding: bytes[start...].dropFirst().dropLast(), as: UTF8.self)
        guard report.hasPrefix("["), let semicolon = report.firstIndex(of: ";") else { return nil }
        switch Int(report[report.index(after: semicolon)...]) {
        case 2?: self = .narrow
        case 3?: self = .wide
        default: return nil
        }
    }
}

/// Terminal display width: the one place that decides how many cells text takes.
/// CJK and other East Asian Wide/Fullwidth characters take 2, combining marks and
/// format characters 0, East Asian Ambiguous 1 (2 in `.wide` mode; in `.ascii` mode the
/// width of the ASCII the Screen draws instead). It does not depend on the C locale.
public enum DisplayWidth {
    /// The mode of the terminal in use: the program sets it once (detected at start, or
    /// `--ambiguous`), tests per test; every width, truncation, wrap and the Screen follow it.
    @TaskLocal public static var ambiguous: AmbiguousWidth = .narrow

    /// What `.ascii` mode draws for the ambiguous characters the UI uses.
    static let asciiForms: [UInt32: String] = [
        0x2026: "...", 0x201C: "\"", 0x201D: "\"", 0x2018: "'", 0x2019: "'",
        0x2192: "->", 0x2190: "<-", 0x00B7: ".", 0x2014: "-",
    ]

    /// The ASCII `.ascii` mode draws for a character, if it is one of the UI's ambiguous ones.
    public static func asciiForm(of character: Character) -> String? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        return asciiForms[scalar.value]
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // C1 controls
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }  // Hangul medial/final jamo, ZWSP
        if isWide(value) { return 2 }
        guard isAmbiguous(value) else { return 1 }
        switch ambiguous {
        case .narrow: return 1
        case .wide: return 2
        case .ascii: return asciiForms[value]?.count ?? 1
        }
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if character.isASCII { return of(first) }
        var width = of(first)
        if width == 0 {
            // A cluster that starts with a mark still takes the width of its first visible part.
            width = scalars.dropFirst().map(of).max() ?? 0
        }
        // Emoji presentation selector makes a narrow symbol wide.
        if width == 1, scalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        return width
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    static func isWide(_ value: UInt32) -> Bool {
        value >= 0x1100 && contains(wideRanges, value)
    }

    public static func isAmbiguous(_ value: UInt32) -> Bool {
        value >= 0xA1 && contains(ambiguousRanges, value)
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if value < range.lowerBound { high = mid - 1 } else if value > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}

public enum Alignment: Sendable { case left, right, center }

extension StringProtocol {
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// The longest prefix that fits in `width` cells, ending in `…` when something was
    /// cut. A wide character is never split: the result may be one cell narrower.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(self) <= width { return String(self) }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let budget = width - ellipsisWidth
        guard budget >= 0 else { return "" }
        var result = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// Truncated to `width` and padded with spaces to exactly `width` cells.
    public func padded(toWidth width: Int, alignment: Alignment = .left) -> String {
        let text = truncated(toWidth: width)
        let gap = Swift.max(0, width - DisplayWidth.of(text))
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// Lines of at most `width` cells, broken at spaces where possible and between
    /// characters otherwise (Chinese has no spaces), never inside a wide character.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in self.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            var lastSpace: String.Index? = nil
            for character in paragraph {
                let w = DisplayWidth.of(character)
                if used + w > width {
                    if let space = lastSpace, character != " " {
                        let head = String(line[..<space])
                        let tail = String(line[line.index(after: space)...])
                        lines.append(head)
                        line = tail
                        used = DisplayWidth.of(tail)
                    } else {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    lastSpace = nil
                    if character == " " { continue }
                }
                if character == " " { lastSpace = line.endIndex }
                line.append(character)
                used += w
            }
            lines.append(line)
        }
        return lines
    }
}

/// Terminal display width: the one place that decides how many cells text takes.
/// CJK and other East Asian Wide/Fullwidth characters take 2, combining marks and
/// format characters 0, East Asian Ambiguous 1. It does not depend on the C locale.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // C1 controls
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }  // Hangul medial/final jamo, ZWSP
        return isWide(value) ? 2 : 1
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
        guard value >= 0x1100 else { return false }
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
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

import AnjianScreen

/// Horizontal bars and a sparkline drawn as the terminal shows ambiguous characters: the block
/// elements (`▏`…`█`, `▁`…`█`) are East Asian Ambiguous, so where they take two cells each
/// counts as two, and in ASCII mode bars are `#` (a whole cell), `=` (half or more) and `|`
/// (less than half), the sparkline `_` (none) then `.` `-` `=` `#`.
enum Charts {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "=", "#"]

    /// A bar for `value` out of `maximum`, at most `width` cells (by the current mode); empty for 0.
    /// A value above zero shows at least its thinnest mark.
    static func bar(_ value: Int, of maximum: Int, width: Int, mode: AmbiguousWidth = DisplayWidth.ambiguous) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let cell = mode == .wide ? 2 : 1
        let characters = width / cell
        guard characters > 0 else { return "" }
        let units = max(1, Int((Double(min(value, maximum)) / Double(maximum) * Double(characters * 8)).rounded()))
        let (whole, rest) = (units / 8, units % 8)
        if mode == .ascii {
            return String(repeating: "#", count: whole) + (rest == 0 ? "" : rest >= 4 ? "=" : "|")
        }
        return String(repeating: "█", count: whole) + (rest == 0 ? "" : String(eighths[rest - 1]))
    }

    /// One mark per value, its height by the largest: the lowest mark for 0 (a baseline, so the
    /// months stay countable), the others above it.
    static func sparkline(_ values: [Int], mode: AmbiguousWidth = DisplayWidth.ambiguous) -> String {
        let maximum = values.max() ?? 0
        let marks = mode == .ascii ? asciiLevels : levels
        let steps = marks.count - 1
        return String(values.map { value -> Character in
            guard value > 0, maximum > 0 else { return marks[0] }
            let level = Int((Double(value) / Double(maximum) * Double(steps)).rounded(.up))
            return marks[max(1, min(steps, level))]
        })
    }
}

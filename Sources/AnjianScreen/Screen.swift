/// The eight basic terminal colours.
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}

/// One terminal cell. A wide character occupies its cell and a continuation cell
/// (`width == 0`, empty text) to its right.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var style: Style

    public static let blank = Cell(text: " ", width: 1, style: .plain)
    static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }
}

/// An in-memory grid of cells that knows display width: the UI renders into it, the
/// terminal draws it, and tests read it back as lines of text.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the real terminal cursor goes (the caret of a text field), or nil to hide it.
    public var cursor: (x: Int, y: Int)? = nil

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text from (x, y), clipped at `x + maxWidth` and the right edge. A wide
    /// character that would not fit whole is replaced by spaces. Returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        let ascii = DisplayWidth.ambiguous == .ascii
        for character in text {
            if ascii, let form = DisplayWidth.asciiForm(of: character) {
                // The width function counted these cells: the ASCII fits where the character would have.
                column += put(form, x: column, y: y, style: style, maxWidth: limit - column)
                if column >= limit { break }
                continue
            }
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit {
                while column < limit {
                    if column >= 0 { setCell(column, y, Cell(text: " ", width: 1, style: style)) }
                    column += 1
                }
                break
            }
            if column >= 0 {
                setCell(column, y, Cell(text: String(character), width: w, style: style))
                if w == 2 { setCell(column + 1, y, .continuation(style)) }
            }
            column += w
        }
        return column - x
    }

    /// Fills a rectangle with spaces of a style.
    public mutating func fill(x: Int = 0, y: Int, width w: Int? = nil, height h: Int = 1, style: Style) {
        let w = w ?? width - x
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                setCell(column, row, Cell(text: " ", width: 1, style: style))
            }
        }
    }

    /// Keeps wide characters whole: overwriting half of one blanks the other half.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        let old = cells[index]
        if old.width == 0, x > 0, cell.width != 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if old.width == 2, x + 1 < width, cell.width != 2 {
            cells[index + 1] = Cell(text: " ", width: 1, style: old.style)
        }
        cells[index] = cell
    }

    /// The text of each row, continuation cells skipped, trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<height).map { line($0) }
    }

    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width {
            let cell = self[x, y]
            if cell.width > 0 { text += cell.text }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The rows as one string with a frame, handy in test failure messages.
    public var text: String { lines().joined(separator: "\n") }
}

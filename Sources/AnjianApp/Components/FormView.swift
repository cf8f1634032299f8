import AnjianModel
import AnjianScreen
import AnjianText

/// Renders any `Form`: label column, value boxes in brackets (readable without colour),
/// errors on the line under their field, roster suggestions under the focused field,
/// the real cursor on the caret.
enum FormView {
    struct Placement {
        var field: Int
        var x: Int
        var y: Int
        var width: Int
    }

    static func labelWidth(_ s: Strings) -> Int { s.language == .zh ? 12 : 18 }

    /// Where each field goes, in form coordinates (row 0 is the first field row).
    static func layout(_ form: Form, strings s: Strings, width: Int) -> (placements: [Placement], errorRows: [Int: [(x: Int, text: String)]], height: Int) {
        var placements: [Placement] = []
        var errorRows: [Int: [(x: Int, text: String)]] = [:]
        var y = -1
        var x = 0
        var rowHeight = 1
        var rowErrors: [(x: Int, text: String)] = []
        func closeRow() {
            guard y >= 0 else { return }
            if !rowErrors.isEmpty {
                errorRows[y + rowHeight] = rowErrors
                rowHeight += 1
            }
            y += rowHeight
        }
        for (i, field) in form.fields.enumerated() {
            if field.startsRow || y < 0 {
                if y < 0 { y = 0 } else { closeRow() }
                rowErrors = []
                rowHeight = field.lineCount
                x = 1 + labelWidth(s)
            } else {
                x += 3 + field.label.displayWidth + 1
                rowHeight = max(rowHeight, field.lineCount)
            }
            let boxWidth = max(4, min(field.width, width - x - 3))
            placements.append(Placement(field: i, x: x, y: y, width: boxWidth))
            if let error = field.error { rowErrors.append((x, "! " + error)) }
            x += boxWidth + 2
        }
        closeRow()
        return (placements, errorRows, max(0, y))
    }

    static func render(_ form: Form, context: Context, into screen: inout Screen) {
        let s = context.strings
        let theme = context.theme
        screen.fill(y: 0, style: theme.title)
        screen.put(" " + form.title, x: 0, y: 0, style: theme.title, maxWidth: screen.width - 1)
        let (placements, errorRows, contentHeight) = layout(form, strings: s, width: screen.width)
        let top = 2
        let bodyHeight = screen.height - top - 2
        // Scroll so the focused field (and its suggestions) stay in view.
        let focused = placements[form.focus]
        let needed = focused.y + form.fields[form.focus].lineCount + (form.showsSuggestions ? form.suggestions.count : 0)
        let scroll = max(0, min(needed - bodyHeight, contentHeight - bodyHeight))
        func row(_ y: Int) -> Int? {
            let screenY = top + y - scroll
            return screenY >= top && screenY < top + bodyHeight ? screenY : nil
        }

        for placement in placements {
            let field = form.fields[placement.field]
            let isFocused = placement.field == form.focus
            let labelText = field.label
            if field.startsRow || placement.field == 0 {
                if let y = row(placement.y) {
                    screen.put(labelText.padded(toWidth: labelWidth(s) - 1, alignment: .right), x: 0, y: y,
                               style: isFocused ? Style(bold: true, underline: true) : theme.label)
                }
            } else if let y = row(placement.y) {
                let labelX = placement.x - 2 - labelText.displayWidth
                screen.put(labelText, x: labelX, y: y, style: isFocused ? Style(bold: true, underline: true) : theme.label)
            }
            renderBox(field, placement: placement, focused: isFocused, row: row, theme: theme, into: &screen)
        }
        for (y, errors) in errorRows {
            guard let screenY = row(y) else { continue }
            for error in errors {
                screen.put(error.text, x: error.x, y: screenY, style: theme.error, maxWidth: screen.width - error.x - 1)
            }
        }
        if form.showsSuggestions, let y = row(focused.y + 1) {
            for (i, suggestion) in form.suggestions.enumerated() where y + i < screen.height - 2 {
                let text = " " + suggestion.title.padded(toWidth: 8) + "  " + suggestion.detail + " "
                let style = i == form.highlighted ? theme.selected : Style(underline: false, dim: false)
                let shown = text.truncated(toWidth: screen.width - focused.x - 1)
                screen.fill(x: focused.x - 1, y: y + i, style: .plain)
                screen.put(shown, x: focused.x, y: y + i, style: style)
            }
        }
        let messageRow = screen.height - 2
        if form.confirmingDiscard {
            screen.fill(y: messageRow, style: .plain)
            screen.put(s[.confirmDiscard], x: 1, y: messageRow, style: theme.error)
        } else if let message = form.message {
            screen.put(message, x: 1, y: messageRow, style: theme.error, maxWidth: screen.width - 2)
        }
        Chrome.renderStatus(Chrome.operatorText(context), bindings: form.hintBindings, context: context, into: &screen)
    }

    static func renderBox(_ field: FormField, placement: Placement, focused: Bool, row: (Int) -> Int?,
                          theme: Theme, into screen: inout Screen) {
        let boxStyle = focused ? Style(reverse: true) : Style(underline: true)
        switch field.kind {
        case .choice(let options):
            guard let y = row(placement.y) else { return }
            let text = "< " + options[field.choice] + " >"
            screen.put(text.padded(toWidth: placement.width + 2), x: placement.x - 1, y: y, style: boxStyle)
        case .multiline(let lines):
            let (visible, caret, hidden) = wrap(field.input, width: placement.width, lines: lines)
            for line in 0..<lines {
                guard let y = row(placement.y + line) else { continue }
                screen.put("[", x: placement.x - 1, y: y, style: theme.dim)
                screen.put((line < visible.count ? visible[line] : "").padded(toWidth: placement.width),
                           x: placement.x, y: y, style: boxStyle)
                // More lines than the box shows: `^` where some are above, `v` where some are below.
                let more = line == 0 && hidden.above > 0 ? "^" : line == lines - 1 && hidden.below > 0 ? "v" : nil
                screen.put(more ?? "]", x: placement.x + placement.width, y: y, style: more == nil ? theme.dim : theme.label)
            }
            if focused, let y = row(placement.y + caret.row) {
                screen.cursor = (min(screen.width - 1, placement.x + caret.column), y)
            }
        default:
            guard let y = row(placement.y) else { return }
            let (text, caretColumn) = focused ? window(field.input, width: placement.width)
                : (field.text.truncated(toWidth: placement.width), 0)
            screen.put("[", x: placement.x - 1, y: y, style: theme.dim)
            screen.put(text.padded(toWidth: placement.width), x: placement.x, y: y, style: boxStyle)
            screen.put("]", x: placement.x + placement.width, y: y, style: theme.dim)
            if focused { screen.cursor = (min(screen.width - 1, placement.x + caretColumn), y) }
        }
    }

    /// The part of a single-line input to show in `width` cells so the caret is visible,
    /// and the caret's column in it.
    static func window(_ input: TextInput, width: Int) -> (text: String, caret: Int) {
        var start = 0
        let characters = input.characters
        while DisplayWidth.of(String(characters[start..<input.caret])) > width - 1 { start += 1 }
        let caretColumn = DisplayWidth.of(String(characters[start..<input.caret]))
        let text = String(characters[start...]).truncated(toWidth: width, ellipsis: "")
        return (text, caretColumn)
    }

    /// Multi-line input wrapped to `width`; the rows shown (scrolled to the caret), the
    /// caret's row and column among them, and how many rows are hidden above and below.
    static func wrap(_ input: TextInput, width: Int, lines: Int)
        -> ([String], (row: Int, column: Int), hidden: (above: Int, below: Int)) {
        var rows: [String] = [""]
        var column = 0
        var caret = (row: 0, column: 0)
        for (i, character) in input.characters.enumerated() {
            if character == "\n" {
                if i == input.caret { caret = (rows.count - 1, column) }
                rows.append("")
                column = 0
                continue
            }
            let w = DisplayWidth.of(character)
            if column + w > width {
                rows.append("")
                column = 0
            }
            // After wrapping: the caret before a character that moved to the next row is there too.
            if i == input.caret { caret = (rows.count - 1, column) }
            rows[rows.count - 1].append(character)
            column += w
        }
        if input.caret == input.characters.count {
            if column >= width { rows.append(""); column = 0 }
            caret = (rows.count - 1, column)
        }
        let first = max(0, caret.row - lines + 1)
        return (Array(rows.dropFirst(first).prefix(lines)), (caret.row - first, caret.column),
                (first, max(0, rows.count - first - lines)))
    }
}

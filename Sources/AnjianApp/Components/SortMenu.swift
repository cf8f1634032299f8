import AnjianText
import AnjianScreen

/// The sort menu of a list (F6, `<`, `>`, as in htop): the column among those shown, typed
/// (its name or pinyin) or chosen with Left / Right, and the order; Enter sorts.
struct SortMenu: ModalComponent {
    var form: Form
    var writes: Bool { false }
    /// Each column's place in its type's `allCases`, and the order it starts in.
    let columns: [(index: Int, ascending: Bool)]

    init(titles: [String], columns: [(index: Int, ascending: Bool)], current: Int?, ascending: Bool, strings s: Strings, today: String) {
        self.columns = columns
        let chosen = current ?? 0
        form = Form(title: s[.sortMenuTitle], fields: [
            FormField(id: "column", label: s[.fieldSortColumn], kind: .choice(titles), choice: chosen, width: 14),
            FormField(id: "order", label: s[.fieldSortOrder], kind: .choice([s[.sortAscending], s[.sortDescending]]),
                      choice: (current == nil ? columns.first?.ascending ?? true : ascending) ? 0 : 1, width: 14),
        ], today: today)
        form.message = s[.sortMenuHelp]
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch event {
        case .key(.enter): return chosen()
        case .key(.escape): return [.closeModal]
        default: break
        }
        let before = form.choice("column")
        let outcome = form.handle(event)
        let after = form.choice("column")
        // Another column starts in its own order (overdue days largest first).
        if after != before, columns.indices.contains(after), let order = form.index(of: "order") {
            form.fields[order].choice = columns[after].ascending ? 0 : 1
        }
        switch outcome {
        case .save: return chosen()
        case .cancel: return [.closeModal]
        default: return []
        }
    }

    private func chosen() -> [Command] {
        let choice = form.choice("column")
        guard columns.indices.contains(choice) else { return [.closeModal] }
        return [.deliver(.sort(column: columns[choice].index, ascending: form.choice("order") == 0)), .closeModal]
    }
}

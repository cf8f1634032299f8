import AnjianModel
import AnjianScreen
import AnjianText

/// The enforcement documents issued for a visit or a hazard, as page lines: the same on both pages.
enum DocumentLines {
    static func lines(_ documents: [IssuedDocument]?, context: Context) -> [PageLine] {
        guard let documents, !documents.isEmpty else { return [] }
        let s = context.strings
        let valueWidth = PageState.valueWidth(s, width: context.width)
        var lines = [PageLine(label: "", value: ""),
                     PageLine(label: s.documentsSection(documents.count), value: "", style: context.theme.header, isHeader: true)]
        for document in documents {
            let text = [s[document.kind.name], document.number, String(document.issuedAt.prefix(10)), document.issuedBy.name]
                .filter { !$0.isEmpty }.joined(separator: "  ")
            lines += PageLine.wrapped("", text, valueWidth: valueWidth)
        }
        return lines
    }
}

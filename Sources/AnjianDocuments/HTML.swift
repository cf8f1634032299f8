import Foundation
import AnjianModel

/// The pieces every document is written with: escaped ledger text, blank lines to fill by hand,
/// and the page around them. The output is also well-formed XML (every tag closed, attributes
/// quoted, no named entities but XML's own), so a parser can check it.
enum HTML {
    /// Ledger text as element content: `<`, `>`, `&` and quotes escaped, line breaks as `<br/>`,
    /// and characters XML does not allow (other control characters) left out.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var lastWasCarriageReturn = false
        for scalar in value.unicodeScalars {
            defer { lastWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r", "\u{2028}", "\u{2029}", "\u{85}": out += "<br/>"
            // CR LF is one line break.
            case "\n": if !lastWasCarriageReturn { out += "<br/>" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0's characters: no C0 controls but tab and line breaks, no U+FFFE/U+FFFF.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A value from the ledger, or a blank line to fill by hand when the ledger has none:
    /// never a guess. `field` names it in the markup (`data-field`) for tests and readers.
    static func value(_ value: String?, field: String, wide: Bool = false) -> String {
        guard let value, !value.isBlank else { return blank(field: field, wide: wide) }
        return "<span class=\"value\" data-field=\"\(field)\">\(text(value))</span>"
    }

    /// A line to write on: an ideographic space gives the empty line its height on screen.
    static func blank(field: String, wide: Bool = false) -> String {
        "<span class=\"blank\(wide ? " wide" : "")\" data-field=\"\(field)\">\u{3000}</span>"
    }

    /// `2026-11-25` as `2026年11月25日`; anything else as given (escaped), nothing as a blank date.
    static func date(_ day: String?, field: String) -> String {
        guard let day, !day.isBlank else { return blankDate(field: field) }
        let parts = day.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return value(day, field: field)
        }
        return "<span class=\"value\" data-field=\"\(field)\">\(y)年\(m)月\(d)日</span>"
    }

    /// `　　年　　月　　日`: a date written by hand (at signing).
    static func blankDate(field: String) -> String {
        "<span class=\"date-blank\" data-field=\"\(field)\"><span class=\"blank short\">\u{3000}</span>年<span class=\"blank tiny\">\u{3000}</span>月<span class=\"blank tiny\">\u{3000}</span>日</span>"
    }

    /// The whole page: head with the A4 print stylesheet, the authority, title and number, the body.
    static func page(title: String, authority: String, number: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(text(title))\u{3000}\(text(number))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <div class="sheet">
        <header>
        <div class="authority">\(value(authority, field: "authority"))</div>
        <h1>\(text(title))</h1>
        <div class="number">\(value(number, field: "number"))</div>
        </header>
        \(body)
        </div>
        </body>
        </html>

        """
    }

    /// A4 on paper, a centred sheet on screen; official fonts by name, then what Linux and macOS have.
    static let stylesheet = """
    @page { size: A4; margin: 25mm 22mm 20mm 25mm; }
    html { background: #e8e8e8; }
    body { margin: 0; padding: 8mm 0; color: #000;
      font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
      font-size: 12pt; line-height: 1.5; overflow-wrap: break-word; }
    .sheet { background: #fff; width: 163mm; margin: 0 auto; padding: 20mm 22mm 18mm 25mm; box-shadow: 0 0 3mm #999; }
    header { text-align: center; margin-bottom: 4mm; }
    .authority, h1, h2, .label-strong {
      font-family: "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
    .authority { font-size: 15pt; letter-spacing: 0.15em; }
    h1 { font-size: 20pt; font-weight: bold; letter-spacing: 0.3em; margin: 2mm 0 1mm; }
    h2 { font-size: 12pt; font-weight: bold; margin: 2mm 0 0.5mm; }
    .number { font-size: 12pt; }
    p { margin: 0 0 1.5mm; }
    .indent { text-indent: 2em; }
    .blank { display: inline-block; min-width: 8em; border-bottom: 1px solid #000; text-indent: 0; }
    .blank.wide { min-width: 20em; }
    .blank.short { min-width: 2.5em; }
    .blank.tiny { min-width: 1.5em; }
    /* Filled-in values underlined as on the printed form; not in the header, the lists, the seal. */
    .fields .value, .indent .value, .addressee .value { border-bottom: 1px solid #000; padding: 0 0.3em; }
    .fields { width: 100%; border-collapse: collapse; margin-bottom: 2mm; }
    .fields td { padding: 0.5mm 1mm; vertical-align: top; }
    .fields td.label { white-space: nowrap; width: 1%; }
    .box { border: 1px solid #000; padding: 1.5mm 3mm; margin: 1mm 0 2mm; min-height: 10mm; }
    ol.hazards { margin: 1mm 0 3mm; padding-left: 2em; }
    ol.hazards li { margin-bottom: 1mm; }
    .major { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: bold; }
    .deadline { white-space: nowrap; }
    .signatures { margin-top: 5mm; font-size: 11pt; }
    .signature { display: flex; align-items: flex-end; gap: 1mm; margin-top: 2mm; }
    .signature .label, .signature .sign, .signature .date { flex: none; white-space: nowrap; }
    .signature .sign { display: inline-block; width: 20mm; border-bottom: 1px solid #000; }
    .signature .printed { flex: 1; }
    .nowrap { white-space: nowrap; }
    .seal { text-align: right; margin-top: 8mm; line-height: 2; }
    .seal .place { display: inline-block; width: 42mm; height: 20mm; border: 1px dashed #999; text-align: center;
      line-height: 20mm; color: #777; }
    .note { font-size: 10pt; margin-top: 6mm; }
    @media print {
      html { background: none; }
      body { padding: 0; }
      .sheet { width: auto; margin: 0; padding: 0; box-shadow: none; }
      .seal .place { border: none; color: transparent; }
      li, .signatures, .seal { break-inside: avoid; }
    }
    """
}

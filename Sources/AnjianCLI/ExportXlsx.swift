import Foundation
import ZIPFoundation

/// A minimal Office Open XML workbook: one sheet, the header row bold and frozen, column widths
/// from the content, dates as date serial numbers with a `yyyy-mm-dd` format, text as inline strings.
public enum ExportXlsx {
    public static func encode(_ table: ExportTable, sheetName: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheetName: sheetName)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet(table)),
        ]
        // A fixed time: the same table gives the same bytes.
        let stamp = Date(timeIntervalSince1970: 1_577_836_800)
        for (path, xml) in parts {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = header + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    </Types>
    """

    static let rootRelationships = header + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="\(relNS)/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

    static let workbookRelationships = header + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="\(relNS)/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="\(relNS)/styles" Target="styles.xml"/>\
    </Relationships>
    """

    static func workbook(sheetName: String) -> String {
        // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
        let name = String(sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return header + """
        <workbook xmlns="\(mainNS)" xmlns:r="\(relNS)"><sheets>\
        <sheet name="\(escaped(name.isEmpty ? "Sheet1" : name))" sheetId="1" r:id="rId1"/>\
        </sheets></workbook>
        """
    }

    /// Style 0 plain, 1 a date (`yyyy-mm-dd`, custom format 164), 2 the bold header.
    static let styles = header + """
    <styleSheet xmlns="\(mainNS)">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """

    static func sheet(_ table: ExportTable) -> String {
        var xml = header + #"<worksheet xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += "<cols>"
        for (i, width) in widths(table).enumerated() {
            xml += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(width)" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        xml += row(1, table.titles.map { ExportTable.Cell.text($0) }, style: 2)
        for (i, cells) in table.rows.enumerated() { xml += row(i + 2, cells, style: 0) }
        xml += "</sheetData>"
        if !table.titles.isEmpty {
            xml += #"<autoFilter ref="A1:\#(column(table.titles.count - 1))\#(table.rows.count + 1)"/>"#
        }
        return xml + "</worksheet>"
    }

    static func row(_ number: Int, _ cells: [ExportTable.Cell], style: Int) -> String {
        var xml = #"<row r="\#(number)">"#
        for (i, cell) in cells.enumerated() {
            let reference = column(i) + "\(number)"
            switch cell {
            case .date(let day):
                if let serial = serialDay(day) {
                    xml += #"<c r="\#(reference)" s="1"><v>\#(serial)</v></c>"#
                    continue
                }
                fallthrough
            case .text:
                let text = cell.text
                if text.isEmpty { continue }
                let space = text.first!.isWhitespace || text.last!.isWhitespace || text.contains("\n") ? #" xml:space="preserve""# : ""
                xml += #"<c r="\#(reference)" t="inlineStr"\#(style == 0 ? "" : #" s="\#(style)""#)><is><t\#(space)>\#(escaped(text))</t></is></c>"#
            }
        }
        return xml + "</row>"
    }

    /// A, B, … Z, AA, AB, …
    static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Days since 1899-12-30, Excel's (1900 system) serial number of a date.
    static func serialDay(_ day: String) -> Int? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return civilDays(parts[0], parts[1], parts[2]) - civilDays(1899, 12, 30)
    }

    /// Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func civilDays(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Widths in characters: a CJK character counts two; the widest line of a column, 8 to 60.
    static func widths(_ table: ExportTable) -> [Int] {
        table.titles.indices.map { i in
            var widest = displayWidth(table.titles[i])
            for row in table.rows where i < row.count {
                if case .date = row[i] { widest = max(widest, 10); continue }
                for line in row[i].text.split(separator: "\n") { widest = max(widest, displayWidth(String(line))) }
            }
            return min(60, max(8, widest + 2))
        }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic || (0xFF00...0xFFEF).contains($1.value)
            || (0x3000...0x303F).contains($1.value) ? 2 : 1) }
    }

    /// XML text: the five escapes, and the control characters XML 1.0 cannot hold dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

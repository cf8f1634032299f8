import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSV

/// A CSV file as Excel and WPS save it, read into rows that know their physical line.
public struct CSVTable: Sendable {
    public struct Row: Sendable, Equatable {
        /// The physical line (1-based) the record starts on, counting the line breaks inside quoted fields.
        public var line: Int
        public var fields: [String]
    }

    public enum Encoding: String, Sendable { case utf8, utf8WithBOM, gb18030 }

    public var encoding: Encoding
    /// The first non-blank record.
    public var header: Row?
    /// The records after the header; blank lines left out.
    public var rows: [Row]

    public enum Failure: Error, Equatable {
        /// Neither UTF-8 nor GB18030: the byte offset where conversion stopped.
        case undecodable(offset: Int)
        /// A quoted field not closed before the end of the file (the line it starts on).
        case unterminatedQuote(line: Int)
        /// A closing quote followed by something else than a comma or a line break (its line).
        case strayQuote(line: Int)
    }

    /// Decodes and splits the file. UTF-8 (a BOM is dropped); bytes that are not UTF-8 are read as
    /// GB18030 (which includes GBK), the encoding Chinese Windows saves CSV in.
    public static func read(_ data: Data) throws(Failure) -> CSVTable {
        let (text, encoding) = try decode(data)
        // The library reads on past a malformed quote, taking the rest of the file into one field:
        // such a file is refused, naming the line, before anything is made of its rows.
        try checkQuotes(text)
        let records = split(text)
        let nonBlank = records.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        return CSVTable(encoding: encoding, header: nonBlank.first, rows: Array(nonBlank.dropFirst()))
    }

    static func decode(_ data: Data) throws(Failure) -> (String, Encoding) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if data.starts(with: bom) {
            if let text = String(validating: data.dropFirst(3), as: UTF8.self) { return (text, .utf8WithBOM) }
        } else if let text = String(validating: data, as: UTF8.self) {
            return (text, .utf8)
        }
        return (try GB18030.decode(data), .gb18030)
    }

    /// Records by yaslab/CSV.swift; each record's line is the previous one's plus the line breaks
    /// it spanned (CRLF, LF or a lone CR each end one line, as the reader itself counts them).
    static func split(_ text: String) -> [Row] {
        guard !text.isEmpty, let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return [] }
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            // Excel writes a line break inside a cell as LF; one typed on Windows may come as CRLF.
            rows.append(Row(line: line, fields: fields.map { $0.replacingOccurrences(of: "\r\n", with: "\n") }))
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
        }
        return rows
    }

    /// RFC 4180's quoting, as Excel writes it: a field that starts with `"` ends with a `"` that is
    /// followed by a comma, a line break or the end; `""` inside is one quote. Checks only this.
    static func checkQuotes(_ text: String) throws(Failure) {
        var line = 1
        var quoted = false, quoteLine = 1
        var atFieldStart = true
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if bytes.first == UInt8(ascii: "\"") {
                        bytes.removeFirst()  // an escaped quote
                    } else {
                        quoted = false
                        if let next = bytes.first, next != UInt8(ascii: ","), next != 0x0A, next != 0x0D { throw .strayQuote(line: line) }
                    }
                } else if byte == 0x0A || (byte == 0x0D && bytes.first != 0x0A) {
                    line += 1
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where atFieldStart:
                quoted = true
                quoteLine = line
                atFieldStart = false
            case UInt8(ascii: ","):
                atFieldStart = true
            case 0x0A:
                line += 1
                atFieldStart = true
            case 0x0D:
                if bytes.first != 0x0A { line += 1 }
                atFieldStart = bytes.first != 0x0A
            default:
                atFieldStart = false
            }
        }
        if quoted { throw .unterminatedQuote(line: quoteLine) }
    }

    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var afterCR = false
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\r": count += 1; afterCR = true
            case "\n": if !afterCR { count += 1 }; afterCR = false
            default: afterCR = false
            }
        }
        return count
    }
}

/// GB18030 to UTF-8 through Glibc's iconv: Foundation on Linux has no GB18030 encoding.
enum GB18030 {
    static func decode(_ data: Data) throws(CSVTable.Failure) -> String {
        guard let converter = iconv_open("UTF-8", "GB18030"), converter != iconv_t(bitPattern: -1) else {
            throw .undecodable(offset: 0)
        }
        defer { iconv_close(converter) }
        var input = [UInt8](data)
        // GB18030 takes 1, 2 or 4 bytes for a character UTF-8 writes in at most 4: twice the size is enough.
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let inputCount = input.count, outputCount = output.count
        let (result, inLeft, outLeft): (Int, Int, Int) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputCount, outLeft = outputCount
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (result, inLeft, outLeft)
            }
        }
        guard result != -1, inLeft == 0 else { throw .undecodable(offset: inputCount - inLeft) }
        guard let text = String(validating: output[0..<(outputCount - outLeft)], as: UTF8.self) else {
            throw .undecodable(offset: 0)
        }
        return text
    }
}

import Foundation

/// 整改资金: an amount in 万元 (ten thousand yuan), so that hazards' funds can be summed. Files
/// written before funds were numbers hold text; `Funds(parsing:)` reads a number from it where it
/// can (`15`, `12.5 万元`, `3万`, `150000元`), and otherwise keeps the text (`十五万`): loaded with a
/// warning, refused by the forms until a number is given.
public enum Funds: Hashable, Sendable {
    /// 万元
    case amount(Double)
    /// Text that is not a number, as a file written before this rule held it.
    case text(String)

    /// A number in 万元 from what a person typed: digits with an optional decimal part, then an
    /// optional unit, `万元`/`万` (as is) or `元` (divided by 10,000). Full-width digits count;
    /// Chinese numerals (`十五万`) and negative amounts do not.
    public init(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        self = Self.amount(in: text).map(Funds.amount) ?? .text(text)
    }

    static func amount(in text: String) -> Double? {
        var digits = String(text.unicodeScalars.map { scalar -> Character in
            // Full-width digits and point, as Chinese input methods type them.
            if (0xFF10...0xFF19).contains(scalar.value) { return Character(UnicodeScalar(scalar.value - 0xFF10 + 48)!) }
            return scalar.value == 0xFF0E ? "." : Character(scalar)
        }).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        var scale = 1.0
        for (unit, factor) in [("万元", 1.0), ("万", 1.0), ("元", 0.0001)] where digits.hasSuffix(unit) {
            digits = String(digits.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            scale = factor
            break
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              digits.filter({ $0 == "." }).count <= 1, digits.first != ".", digits.last != ".",
              let value = Double(digits), value.isFinite else { return nil }
        return value * scale
    }

    /// The amount, when it is one.
    public var amount: Double? {
        if case .amount(let value) = self { return value }
        return nil
    }

    /// As the history and the page show it: the number without trailing zeros (`12.5`, `4`), or the text kept.
    public var text: String {
        switch self {
        case .amount(let value): return Self.format(value)
        case .text(let text): return text
        }
    }

    public static func format(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension Funds: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self.init(parsing: value) }
    public init(floatLiteral value: Double) { self = .amount(value) }
    public init(integerLiteral value: Int) { self = .amount(Double(value)) }
}

extension Funds: Codable {
    /// A number, or (in files written before funds were numbers) a string, read as `init(parsing:)` reads it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Double.self) {
            self = .amount(value)
        } else {
            self = Funds(parsing: try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .amount(let value): try container.encode(value)
        case .text(let text): try container.encode(text)
        }
    }
}

extension Sequence where Element == Hazard {
    /// The funds of the hazards that give a number, in 万元.
    public var totalFunds: Double { reduce(0) { $0 + ($1.rectification.funds?.amount ?? 0) } }
}

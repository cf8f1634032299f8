import Foundation

/// Unified social credit code (统一社会信用代码), GB 32100-2015, with the embedded
/// organization code (组织机构代码) of GB 11714.
public enum CreditCode {
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights: [Int] = (0..<17).map { i in
        var w = 1
        for _ in 0..<i { w = w * 3 % 31 }
        return w
    }
    static let organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    public enum Problem: Hashable, Sendable {
        case empty
        case wrongLength(Int)
        /// A character outside the code's alphabet (I, O, S, V, Z, punctuation…); position is 1-based.
        case forbiddenCharacter(Character, position: Int)
        case checkCharacterMismatch(expected: Character, found: Character)
    }

    public enum Warning: Hashable, Sendable {
        /// Positions 9–17 carry a GB 11714 organization code whose check digit is wrong.
        case organizationCodeCheckMismatch(expected: Character, found: Character)
    }

    public struct Check: Hashable, Sendable {
        /// Upper-cased, surrounding spaces removed.
        public let normalized: String
        public let problems: [Problem]
        public let warnings: [Warning]
        public var isValid: Bool { problems.isEmpty }
        /// Positions 3–8: the administrative division code, when the code is long enough.
        public var areaCode: String? {
            guard normalized.count == 18 else { return nil }
            return String(Array(normalized)[2..<8])
        }
    }

    public static func normalize(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespaces).uppercased()
    }

    public static func check(_ raw: String) -> Check {
        let code = normalize(raw)
        let chars = Array(code)
        guard !chars.isEmpty else { return Check(normalized: code, problems: [.empty], warnings: []) }
        var problems: [Problem] = []
        for (i, c) in chars.enumerated() where !alphabet.contains(c) {
            problems.append(.forbiddenCharacter(c, position: i + 1))
        }
        if chars.count != 18 { problems.insert(.wrongLength(chars.count), at: 0) }
        guard problems.isEmpty else { return Check(normalized: code, problems: problems, warnings: []) }

        let values = chars.map { alphabet.firstIndex(of: $0)! }
        let sum = (0..<17).reduce(0) { $0 + values[$1] * weights[$1] }
        let expected = alphabet[(31 - sum % 31) % 31]
        if expected != chars[17] {
            problems.append(.checkCharacterMismatch(expected: expected, found: chars[17]))
        }
        var warnings: [Warning] = []
        if let expectedOrg = organizationCheckCharacter(Array(chars[8..<16])), expectedOrg != chars[16] {
            warnings.append(.organizationCodeCheckMismatch(expected: expectedOrg, found: chars[16]))
        }
        return Check(normalized: code, problems: problems, warnings: warnings)
    }

    /// GB 11714 check character over the 8 body characters (digits 0–9, letters A=10 … Z=35).
    public static func organizationCheckCharacter(_ body: [Character]) -> Character? {
        guard body.count == 8 else { return nil }
        var sum = 0
        for (c, w) in zip(body, organizationWeights) {
            guard let ascii = c.asciiValue else { return nil }
            let value: Int
            switch ascii {
            case 48...57: value = Int(ascii) - 48
            case 65...90: value = Int(ascii) - 65 + 10
            default: return nil
            }
            sum += value * w
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }
}

/// Chinese telephone numbers as written in the bureau's lists.
public enum PhoneNumber {
    public enum Kind: Hashable, Sendable { case mobile, landline }

    /// Mainland mobile `1[3-9]` + 9 digits, or a landline `0AA(A)-NNNNNNN(N)` with the
    /// area code (e.g. `0535-6123456`, `010-12345678`). Spaces are ignored.
    public static func kind(of raw: String) -> Kind? {
        let text = raw.filter { $0 != " " }
        let bytes = Array(text.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        if bytes.count == 11, bytes[0] == 49, (51...57).contains(bytes[1]), bytes.allSatisfy(isDigit) {
            return .mobile
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2 {
            let area = Array(parts[0].utf8), local = Array(parts[1].utf8)
            if (3...4).contains(area.count), area[0] == 48, area[1] != 48, area.allSatisfy(isDigit),
               (7...8).contains(local.count), local[0] != 48, local.allSatisfy(isDigit) {
                return .landline
            }
        }
        return nil
    }

    public static func isValid(_ raw: String) -> Bool { kind(of: raw) != nil }
}

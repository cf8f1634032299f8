/// Yantai's districts, county-level cities and the two functional areas used in the
/// bureau's lists, with their administrative division codes (positions 3–8 of a
/// unified social credit code).
public struct District: Hashable, Sendable {
    public let name: String
    public let code: String
    public let englishName: String

    /// In the bureau's customary order: districts, county-level cities, functional areas.
    public static let all: [District] = [
        District(name: "芝罘区", code: "370602", englishName: "Zhifu"),
        District(name: "福山区", code: "370611", englishName: "Fushan"),
        District(name: "牟平区", code: "370612", englishName: "Muping"),
        District(name: "莱山区", code: "370613", englishName: "Laishan"),
        District(name: "蓬莱区", code: "370614", englishName: "Penglai"),
        District(name: "龙口市", code: "370681", englishName: "Longkou"),
        District(name: "莱阳市", code: "370682", englishName: "Laiyang"),
        District(name: "莱州市", code: "370683", englishName: "Laizhou"),
        District(name: "招远市", code: "370685", englishName: "Zhaoyuan"),
        District(name: "栖霞市", code: "370686", englishName: "Qixia"),
        District(name: "海阳市", code: "370687", englishName: "Haiyang"),
        District(name: "烟台经济技术开发区", code: "370676", englishName: "YEDA"),
        District(name: "烟台高新技术产业开发区", code: "370671", englishName: "Yantai Hi-tech Zone"),
    ]

    /// The 5 districts and 6 county-level cities (without the functional areas).
    public static var administrative: [District] { Array(all.prefix(11)) }

    public static func named(_ name: String) -> District? { all.first { $0.name == name } }

    /// The district a user means by its Chinese or English name or its code (`牟平区`, `Muping`,
    /// `370612`), nil for none: what the roster's avoid lists and the draw compare by.
    public static func meant(_ text: String) -> District? {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        return all.first { $0.name == wanted || $0.code == wanted || $0.englishName.lowercased() == wanted.lowercased() }
    }
    public static func withCode(_ code: String) -> District? { all.first { $0.code == code } }

    /// Position in `all`, for sorting in the customary order.
    public var order: Int { District.all.firstIndex(of: self) ?? District.all.count }
}

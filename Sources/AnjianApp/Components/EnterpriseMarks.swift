import AnjianModel
import AnjianScreen
import AnjianText

/// How an enterprise's name is marked wherever it appears: retired (left direct supervision) and
/// its place on the integrity red or black list.
enum EnterpriseMarks {
    /// For views 2 and 3, where the name has a narrow column: short markers first, so they are
    /// never cut off (`黑!〔退〕万华化学`).
    static func short(_ name: String, _ e: Enterprise, _ s: Strings) -> String {
        s.integrityMarkerShort(e.integrityStatus) + (e.isActive ? "" : s[.retiredMarkerShort]) + name
    }

    /// For view 1: `〔已退出〕` first, where a long name cannot push it out of its column.
    static func listName(_ e: Enterprise, _ s: Strings) -> String {
        e.isActive ? e.name : s[.retiredMarker] + e.name
    }

    /// For pages: the name, then `〔已退出〕`.
    static func long(_ name: String, _ e: Enterprise, _ s: Strings) -> String {
        e.isActive ? name : name + " " + s[.retiredMarker]
    }

    /// For the pages of its visits and hazards: as `long`, and its list (`黑榜!`) when it is on one.
    static func withList(_ e: Enterprise, _ s: Strings) -> String {
        long(e.name, e, s) + (e.integrityStatus == .none ? "" : "  " + s.integrity(e.integrityStatus))
    }

    /// A retired enterprise's rows are dimmed; a listed one keeps its list's colour.
    static func style(_ e: Enterprise, theme: Theme) -> Style {
        e.isActive ? .plain : theme.dim
    }
}

import Foundation

// A hazard's fields as the history records them, its number, and what its history counts.
extension Hazard {
    /// The editable fields as text, for the history's old → new.
    public var fieldTexts: [(field: String, text: String)] {
        [("discoveredOn", discoveredOn), ("foundBy", foundBy), ("location", location), ("description", description),
         ("category", category.rawValue), ("level", level.rawValue), ("rectification.responsible", rectification.responsible),
         ("rectification.measures", rectification.measures), ("rectification.funds", rectification.funds?.text ?? ""),
         ("rectification.deadline", rectification.deadline), ("rectification.contingencyPlan", rectification.contingencyPlan),
         ("rectification.rechecker", rectification.rechecker), ("supervisionListing.level", supervisionListing?.level.rawValue ?? ""),
         ("supervisionListing.date", supervisionListing?.date ?? ""),
         ("supervisionListing.documentNumber", supervisionListing?.documentNumber ?? "")]
    }

    public func changes(from old: Hazard) -> [FieldChange] {
        zip(old.fieldTexts, fieldTexts).compactMap { a, b in
            a.text == b.text ? nil : FieldChange(field: b.field, old: a.text, new: b.text)
        }
    }

    /// The next free number for an enterprise in a year, unique among `taken`.
    public static func nextNumber(year: String, enterpriseCode: String, taken: Set<String>) -> String {
        let stem = "YH-\(year)-\(enterpriseCode.suffix(6))-"
        var n = 1
        while taken.contains(stem + String(format: "%03d", n)) { n += 1 }
        return stem + String(format: "%03d", n)
    }

    /// How many times the deadline was extended (延期 N 次), counted from the history.
    public var extensionCount: Int { history.reduce(0) { $0 + ($1.action == .deadlineExtended ? 1 : 0) } }
}

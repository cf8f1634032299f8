import Foundation

/// The three enforcement documents (执法文书) printed from the ledger (issue 12).
public enum DocumentKind: String, Codable, CaseIterable, Sendable {
    /// 现场检查记录: the paper form of a dual-real-name visit, signed by both inspectors and the
    /// enterprise's person.
    case inspectionRecord
    /// 责令限期整改指令书: the order to rectify the hazards found on a visit by their deadlines.
    case rectificationOrder
    /// 整改复查意见书: the re-check opinion on hazards of an order, referring to its number.
    case recheckOpinion
}

/// A document as issued: its kind and number, when and by whom, and what it covers. Kept with the
/// visit (record, order) or the hazard (re-check opinion) it was issued for, so that reissuing
/// shows the same number.
public struct IssuedDocument: Codable, Hashable, Sendable {
    public var kind: DocumentKind
    /// The year of the number (`〔2026〕`) and the document's place in that year's sequence of its kind.
    public var year: Int
    public var sequence: Int
    /// The number as printed, from the pattern in force when it was issued (`（烟）应急检记〔2026〕第 12 号`).
    public var number: String
    /// When it was issued: ISO 8601 with its offset, as history entries write it.
    public var issuedAt: String
    public var issuedBy: InspectorRef
    /// The hazards it covers, as they were when it was issued: the visit's (a record, an order), or
    /// the one re-checked (an opinion). Records issued before this was kept for them have none.
    public var hazardIDs: [String]
    /// A re-check opinion: the number of the order it answers.
    public var orderNumber: String?
    /// A re-check opinion: which re-check it states (1 for the hazard's first verification): a
    /// later re-check has its own opinion. Absent on opinions issued before this was kept.
    public var verification: Int?

    public init(kind: DocumentKind, year: Int, sequence: Int, number: String, issuedAt: String, issuedBy: InspectorRef,
                hazardIDs: [String] = [], orderNumber: String? = nil, verification: Int? = nil) {
        self.kind = kind
        self.year = year
        self.sequence = sequence
        self.number = number
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.hazardIDs = hazardIDs
        self.orderNumber = orderNumber
        self.verification = verification
    }
}

/// Who issues the documents and how they are numbered: configuration, not code (another bureau
/// has another name and its own document codes).
public struct DocumentSettings: Codable, Hashable, Sendable {
    /// The issuing authority, printed at the head of each document.
    public var authority: String
    /// The number pattern per kind (`DocumentKind.rawValue`), with `{year}` and `{n}`.
    public var patterns: [String: String]
    /// Who hears an appeal against an order, as its notice names them: the people's government
    /// (`烟台市`) for administrative reconsideration (a department only where one is set), the
    /// people's court (`烟台市芝罘区`) for a suit. Unset: blank lines, filled in by hand.
    public var appeal: AppealBodies

    public init(authority: String, patterns: [String: String], appeal: AppealBodies = AppealBodies()) {
        self.authority = authority
        self.patterns = patterns
        self.appeal = appeal
    }

    public static let standard = DocumentSettings(authority: "烟台市应急管理局", patterns: [
        DocumentKind.inspectionRecord.rawValue: "（烟）应急检记〔{year}〕第 {n} 号",
        DocumentKind.rectificationOrder.rawValue: "（烟）应急责改〔{year}〕第 {n} 号",
        DocumentKind.recheckOpinion.rawValue: "（烟）应急复查〔{year}〕第 {n} 号",
    ])

    /// The printed number of a kind's `sequence`th document of `year`.
    public func number(_ kind: DocumentKind, year: Int, sequence: Int) -> String {
        let pattern = patterns[kind.rawValue] ?? Self.standard.patterns[kind.rawValue]!
        return pattern.replacingOccurrences(of: "{year}", with: String(year)).replacingOccurrences(of: "{n}", with: String(sequence))
    }
}

/// The bodies an order's notice of appeal names; each is a blank line on the paper when unset.
public struct AppealBodies: Codable, Hashable, Sendable {
    /// Before `人民政府`: `烟台市`.
    public var government: String?
    /// A department that also hears reconsideration, named in full; none by default (since the 2024
    /// revision of the law, the people's government at the same level hears it).
    public var department: String?
    /// Before `人民法院`: `烟台市芝罘区`.
    public var court: String?
    public init(government: String? = nil, department: String? = nil, court: String? = nil) {
        self.government = government
        self.department = department
        self.court = court
    }
}

extension DocumentKind {
    /// The next place in a year's sequence of this kind: one more than the highest issued.
    public func nextSequence(year: Int, issued: some Sequence<IssuedDocument>) -> Int {
        issued.filter { $0.kind == self && $0.year == year }.map(\.sequence).max().map { $0 + 1 } ?? 1
    }
}

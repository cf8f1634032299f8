import AnjianModel
import AnjianStore

// Enforcement documents as the ledger records them (issue 12): their names, the history's
// line for an issued one, and why one cannot be issued.
extension Text {
    public static let actDocumentIssued = Text(zh: "开具执法文书", en: "issue a document")
    public static let documentInspectionRecord = Text(zh: "现场检查记录", en: "on-site inspection record")
    public static let documentRectificationOrder = Text(zh: "责令限期整改指令书", en: "rectification order")
    public static let documentRecheckOpinion = Text(zh: "整改复查意见书", en: "re-check opinion")
}

extension DocumentKind {
    /// The document's title as printed.
    public var name: Text {
        switch self {
        case .inspectionRecord: .documentInspectionRecord
        case .rectificationOrder: .documentRectificationOrder
        case .recheckOpinion: .documentRecheckOpinion
        }
    }
}

extension Strings {
    /// The kind a history change's field `documents.<kind>` names (see `HistoryEntry.documentIssued`).
    func issuedDocumentKind(field: String) -> DocumentKind? {
        guard field.hasPrefix("documents.") else { return nil }
        return DocumentKind(rawValue: String(field.dropFirst("documents.".count)))
    }
}

extension Strings {
    func errorDocumentRefused(_ path: String, _ id: String, _ reason: DocumentRefusal) -> String {
        switch reason {
        case .noHazards:
            pick(zh: "\(path) 中的检查记录 \(id) 未登记隐患，无须开具责令限期整改指令书（文件未改动）",
                 en: "\(path): visit \(id) registered no hazard, so there is no rectification order to issue (the file was not changed)")
        case .notRechecked:
            pick(zh: "\(path) 中的隐患 \(id) 尚未复查验收，无法开具整改复查意见书（文件未改动）",
                 en: "\(path): hazard \(id) has not been re-checked yet, so there is no re-check opinion to issue (the file was not changed)")
        }
    }
}

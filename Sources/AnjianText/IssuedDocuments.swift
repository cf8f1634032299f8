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

// Printing from the screens (`p` on a visit's or a hazard's page).
extension Text {
    public static let actionPrint = Text(zh: "开具、打印执法文书", en: "issue and print an enforcement document")
    public static let hintPrint = Text(zh: "文书", en: "print")
    public static let printMenuTitle = Text(zh: "开具执法文书", en: "Print a document")
    public static let fieldDocument = Text(zh: "文书", en: "Document")
    public static let printing = Text(zh: "正在生成文书……", en: "Printing the document…")
    public static let printWhileLoading = Text(zh: "记录尚在载入：载入完成后才能给文书编号", en: "The records are still loading: a document is numbered once they are in")
    public static let printNotRechecked = Text(zh: "此隐患尚未复查验收，无法开具整改复查意见书", en: "This hazard has not been re-checked yet: there is no re-check opinion to issue")
}

extension Strings {
    /// The print menu's line for the chosen document: issued before (the same number again), or new.
    public func printMenuNote(_ issued: IssuedDocument?) -> String {
        guard let issued else { return pick(zh: "Enter 开具（取新编号），Esc 取消", en: "Enter issues it under a new number, Esc cancels") }
        return pick(zh: "已开具 \(issued.number)，Enter 重新打印（编号不变）", en: "Issued as \(issued.number); Enter prints it again")
    }

    /// The status line once printed: the document and the file (relative to the data directory).
    /// Short enough that the file's name shows whole at 80 columns.
    public func printedDocument(_ kind: DocumentKind, file: String, reissued: Bool) -> String {
        reissued ? pick(zh: "已重新打印（编号不变）：\(file)", en: "Printed again (same number): \(file)")
            : pick(zh: "\(self[kind.name])已开具：\(file)", en: "\(capitalized(self[kind.name])) issued: \(file)")
    }

    /// No PDF: the HTML's file, then why, as briefly (the file first: it must show at 80 columns).
    public func printedWithoutPDF(html: String, reason: String) -> String {
        pick(zh: "\(html)（无PDF，\(reason)）", en: "\(html) (no PDF: \(reason))")
    }

    public var noBrowserBrief: String {
        pick(zh: "需apt-get install chromium", en: "apt-get install chromium")
    }

    public func browserFailedBrief(_ browser: String) -> String {
        pick(zh: "\(browser) 未能生成", en: "\(browser) failed")
    }

    /// Issued (the number is taken) but its file could not be written.
    public func issuedNotWritten(_ number: String, _ reason: String) -> String {
        pick(zh: "已开具 \(number)，但文件未写入：\(reason)", en: "Issued as \(number), but its file was not written: \(reason)")
    }

    /// The section of a page listing the documents issued for it.
    public func documentsSection(_ count: Int) -> String {
        pick(zh: "执法文书（\(count)）", en: "Documents (\(count))")
    }

    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

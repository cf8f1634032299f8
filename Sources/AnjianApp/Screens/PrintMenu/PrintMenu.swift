import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// `p` on a visit's or a hazard's page: the documents it can have (a visit: the inspection record
/// and, when it found hazards, the rectification order; a re-checked hazard: the re-check
/// opinion), each saying whether it was issued before (printed again with the same number).
/// Enter issues and prints the chosen one; the status line then names the file.
struct PrintMenu: ModalComponent {
    var form: Form
    var writes: Bool { true }
    let kinds: [DocumentKind]
    let code: String
    let recordID: String
    /// Each kind's document as issued before, if it was.
    let issued: [DocumentKind: IssuedDocument]

    /// The menu for a visit, or nil with the reason it cannot print now.
    static func forVisit(_ visit: SupervisionEntry, context: Context) -> Result<PrintMenu, Refusal> {
        if let refusal = refusal(context) { return .failure(refusal) }
        if visit.isPlanned { return .failure(Refusal(message: context.strings.plannedVisitNotMade)) }
        var kinds: [DocumentKind] = [.inspectionRecord]
        if !context.ledger.hazards(foundOn: visit).isEmpty || visit.issuedDocument(.rectificationOrder) != nil {
            kinds.append(.rectificationOrder)
        }
        return .success(PrintMenu(kinds: kinds, code: visit.enterpriseCode, recordID: visit.id,
                                  issued: issued(kinds, visit.issuedDocument), strings: context.strings, today: context.today))
    }

    /// The menu for a hazard: only once it was re-checked (a verification passed or failed).
    static func forHazard(_ hazard: Hazard, context: Context) -> Result<PrintMenu, Refusal> {
        if let refusal = refusal(context) { return .failure(refusal) }
        guard !hazard.verifications.isEmpty else { return .failure(Refusal(message: context.strings[.printNotRechecked])) }
        return .success(PrintMenu(kinds: [.recheckOpinion], code: hazard.enterpriseCode, recordID: hazard.id,
                                  issued: issued([.recheckOpinion], hazard.issuedDocument), strings: context.strings, today: context.today))
    }

    struct Refusal: Error {
        var message: String
    }

    /// A number counts every document of the city: not while files are unread or damaged.
    private static func refusal(_ context: Context) -> Refusal? {
        let ledger = context.ledger
        if ledger.loading != nil { return Refusal(message: context.strings[.printWhileLoading]) }
        if let damaged = ledger.damagedFiles.first {
            return Refusal(message: context.strings.printDamagedLedger(ledger.damagedFiles.count, context.strings.storeError(damaged.error)))
        }
        return nil
    }

    /// Each kind's document as the record holds it issued (an opinion: for the latest re-check).
    private static func issued(_ kinds: [DocumentKind], _ lookup: (DocumentKind) -> IssuedDocument?) -> [DocumentKind: IssuedDocument] {
        Dictionary(uniqueKeysWithValues: kinds.compactMap { kind in lookup(kind).map { (kind, $0) } })
    }

    private init(kinds: [DocumentKind], code: String, recordID: String, issued: [DocumentKind: IssuedDocument],
                 strings s: Strings, today: String) {
        self.kinds = kinds
        self.code = code
        self.recordID = recordID
        self.issued = issued
        form = Form(title: s[.printMenuTitle], fields: [
            FormField(id: "document", label: s[.fieldDocument], kind: .choice(kinds.map { s[$0.name] }), width: 20),
        ], today: today)
        form.message = s.printMenuNote(issued[kinds[0]])
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch event {
        case .key(.enter): return chosen(context)
        case .key(.escape): return [.closeModal]
        default: break
        }
        let outcome = form.handle(event)
        let kind = kinds[min(max(form.choice("document"), 0), kinds.count - 1)]
        form.message = context.strings.printMenuNote(issued[kind])
        switch outcome {
        case .save: return chosen(context)
        case .cancel: return [.closeModal]
        default: return []
        }
    }

    private func chosen(_ context: Context) -> [Command] {
        let session = context.session
        let ledger = context.ledger
        let choice = form.choice("document")
        guard kinds.indices.contains(choice), let signer = session.signer,
              let index = ledger.directory.index(of: code) else { return [.closeModal] }
        let kind = kinds[choice]
        let issuedAt = session.now
        let highest = DocumentRequest.highestSequence(of: kind, year: Int(issuedAt.prefix(4)) ?? 0,
                                                      supervisions: ledger.supervisionIndex.records.lazy.map(\.item),
                                                      hazards: ledger.hazardIndex.records.lazy.map(\.item))
        let job = PrintJob(kind: kind, enterpriseCode: code, recordID: recordID, issuedBy: signer, issuedAt: issuedAt,
                           highestKnown: highest, pdf: true)
        return [.closeModal, .message(context.strings[.printing]), .effect(.printDocument(job, ledger.enterprises[index]))]
    }
}

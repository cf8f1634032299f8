import Foundation
import AnjianDocuments
import AnjianModel
import AnjianRuntime
import AnjianStore
import AnjianScreen
import AnjianText

extension AppState {
    /// Input from the terminal.
    public mutating func update(_ event: InputEvent) -> [Effect] { update(.input(event)) }

    /// The one place where the state changes: a message in, effects out.
    public mutating func update(_ message: Message) -> [Effect] {
        let effects = handle(message)
        offerDraftsAfterLoad()
        return effects
    }

    /// Drafts found at start are offered once the records are in and no form is open (one
    /// opened while loading is finished first).
    private mutating func offerDraftsAfterLoad() {
        guard !draftsAfterLoad.isEmpty, context.ledger.loading == nil, modal == nil else { return }
        modal = DraftOfferModal(draftsAfterLoad, context: context)
        draftsAfterLoad = []
    }

    private mutating func handle(_ message: Message) -> [Effect] {
        switch message {
        case .stored(let outcome): return stored(outcome)
        case .terminate: return stopping()
        case .filesChanged(let records, let problems):
            context.ledger.adopt(records)
            context.ledger.fileProblems(problems)
            notifyAll(.reloaded)
            if let problem = problems.first { context.message = context.strings.storeError(problem.error) }
            return []
        case .loadProgress(let progress):
            context.ledger.loadProgress(progress)
            return []
        case .recordsLoaded(let loaded):
            context.ledger.install(loaded)
            notifyAll(.reloaded)
            if context.message == nil { context.message = loadNews(loaded.records) }
            return []
        case .searchTextsBuilt(let hazards, let supervisions):
            context.ledger.installSearchTexts(hazards: hazards, supervisions: supervisions)
            return []
        case .hazardOrdersBuilt(let prepared):
            context.ledger.installHazardOrders(prepared)
            return []
        case .printed(let job, let outcome):
            printed(job, outcome)
            return []
        case .synced(let outcome):
            synced(outcome)
            return []
        case .masterDataUnreadable(let error):
            context.message = context.strings.storeError(error)
            return []
        case .input(.resize(let width, let height)):
            context.session.width = width
            context.session.height = height
            notifyAll(.resized)
            return [.redraw]
        case .input(let event):
            if context.tooSmall { return whileTooSmall(event) }
            if case .key(let key) = event, let effect = global(key) { return effect }
            if modal != nil { return run(modalInput(event)) }
            switch event {
            case .key(let key): return handle(key)
            case .text(let text): return handleText(text)
            case .paste(let text): return handlePaste(text)
            case .resize: return []
            }
        }
    }

    /// While "terminal too small" shows, nothing acts that the user cannot see: only Ctrl-C
    /// (and Ctrl-L, Ctrl-Z), and `q` where it quits, until the terminal is large enough again.
    private mutating func whileTooSmall(_ event: InputEvent) -> [Effect] {
        guard case .key(let key) = event else { return [] }
        if let effect = global(key) { return effect }
        return modal == nil && top.isTopLevel && binding(for: key) == .quit ? [.quit] : []
    }

    /// Ctrl-C, Ctrl-L, Ctrl-Z work everywhere, forms included. Saved data is on disk.
    private mutating func global(_ key: Key) -> [Effect]? {
        switch Keymap.global.first(where: { $0.keys.contains(key) })?.action {
        case .quit:
            // A changed form is not thrown away by a stray Ctrl-C: it is kept as a draft, offered
            // at the next start; a form that cannot be kept asks, and a second Ctrl-C quits.
            if let form = modal?.form, form.changed, !form.confirmingDiscard {
                if openDraft != nil, !draftFailed { return stopping() }
                modal?.form.confirmingDiscard = true
                return []
            }
            return [.quit]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        default: return nil
        }
    }

    private mutating func modalInput(_ event: InputEvent) -> [Command] {
        guard var open = modal else { return [] }
        if open.form.pinyin == nil { open.form.pinyin = context.ledger.pinyin }
        let commands = open.handle(event, context: &context)
        modal = open
        return commands
    }

    /// Several characters that arrived together. In a text field they are inserted whole;
    /// elsewhere they are keys, typed fast, until one of them opens a text field (`/`) or is
    /// Chinese text (an input method's commit), which starts a filter where the screen has one.
    private mutating func handleText(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        var rest = Substring(text)
        while let character = rest.first {
            if modal != nil { return effects + run(modalInput(.text(String(rest)))) }
            if top.isTyping {
                return effects + run(withTop { $0.input(.text(String(rest)), context: &$1) } ?? [])
            }
            if !character.isASCII, binding(for: .character(character)) == nil, withTopMutating({ $0.startTyping() }) {
                continue
            }
            effects += handle(.character(character))
            rest = rest.dropFirst()
            if effects.contains(.quit) { return effects }
        }
        return effects
    }

    /// A bracketed paste outside a form is text, never keys: a list takes it into its filter;
    /// elsewhere it is ignored, and the message line says so.
    private mutating func handlePaste(_ text: String) -> [Effect] {
        if top.isTyping || withTopMutating({ $0.startTyping() }) {
            return run(withTop { $0.input(.paste(text), context: &$1) } ?? [])
        }
        context.message = context.strings[.pasteIgnored]
        return []
    }

    private func binding(for key: Key) -> Action? {
        let bindings = top.isTyping ? Keymap.filtering : top.keymap(context)
        return bindings.first { $0.keys.contains(key) }?.action
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        context.message = nil
        guard let action = binding(for: key) ?? Keymap.global.first(where: { $0.keys.contains(key) })?.action else {
            // Chinese from an input method starts a filter where the screen has one; elsewhere
            // an unbound key does nothing.
            if case .character(let c) = key, !c.isASCII, !top.isTyping, !withTopMutating({ $0.startTyping() }) { return [] }
            return run(withTop { $0.input(.key(key), context: &$1) } ?? [])
        }
        switch action {
        case .quit: return top.isTopLevel ? [.quit] : []
        case .help:
            return run([.open(HelpScreen(for: top, context: context))])
        case .showView(let id): return run([.showView(id)])
        case .sync:
            let effects = run(syncRequested())
            if modal is OperatorFormModal { keyAwaitingSigner = key }
            return effects
        default:
            let asking = modal == nil
            let effects = run(withTop { $0.perform(action, key: key, context: &$1) } ?? [])
            // It asked for the operator first: once the operator is saved, the key acts again.
            if asking, modal is OperatorFormModal { keyAwaitingSigner = key }
            return effects
        }
    }

    /// Calls the top screen with the shared context.
    private mutating func withTop(_ body: (inout any ScreenComponent, inout Context) -> [Command]?) -> [Command]? {
        var screen = stack.removeLast()
        let result = body(&screen, &context)
        stack.append(screen)
        return result
    }

    private mutating func withTopMutating(_ body: (inout any ScreenComponent) -> Bool) -> Bool {
        var screen = stack.removeLast()
        let result = body(&screen)
        stack.append(screen)
        return result
    }

    /// Carries out what the screens and the modal asked for.
    private mutating func run(_ commands: [Command]) -> [Effect] {
        var effects: [Effect] = []
        for command in commands {
            switch command {
            case .open(let screen):
                stack.append(screen)
            case .back:
                if stack.count > 1 {
                    stack.removeLast()
                    _ = withTop { $0.refresh(.shown, context: &$1); return nil }
                }
            case .showView(let id):
                guard let view = Registry.view(id) else { break }
                parked[stack[0].tab] = stack[0]
                stack = [parked.removeValue(forKey: id) ?? view.make(&context)]
                context.view = id
                _ = withTop { $0.refresh(.shown, context: &$1); return nil }
            case .present(let form):
                if form.writes {
                    if let refusal = context.session.readOnlyMessage {
                        context.message = refusal
                        break
                    }
                    if context.session.signer == nil {
                        effects += run([.requireSigner])
                        break
                    }
                }
                modal = form
            case .closeModal:
                modal = nil
                modalSave = nil
                draftFailed = false
                if let name = reopenedDraft {
                    reopenedDraft = nil
                    effects.append(.store(.removeDraft(name: name)))
                }
                if let key = keyAwaitingSigner {
                    keyAwaitingSigner = nil
                    if context.session.signer != nil { effects += handle(key) }
                }
            case .draftReopened(let name):
                if modal != nil { reopenedDraft = name }
            case .deliver(let delivery):
                _ = withTop { $0.deliver(delivery, context: &$1); return nil }
            case .save(let operation):
                if let refusal = context.session.readOnlyMessage ?? context.ledger.saveRefusal(operation, strings: context.strings) {
                    if modal != nil { modal?.form.message = refusal } else { context.message = refusal }
                    break
                }
                if modal != nil { modalSave = operation }
                effects.append(.store(operation))
            case .requireSigner:
                modal = OperatorFormModal(strings: context.strings, today: context.today)
                context.message = context.strings[.operatorNeeded]
            case .message(let text):
                context.message = text
            case .effect(let effect):
                effects.append(effect)
            }
        }
        return effects
    }

    /// The runner's outcome: the ledger keeps what reached the disk, the screens follow, and
    /// the form that asked (whichever modal is open now) closes or shows the reason.
    private mutating func stored(_ outcome: StoreOutcome) -> [Effect] {
        let s = context.strings
        switch outcome {
        case .saved(.saveDraft, _) where modalSave != nil:
            return [.quit]  // the form is kept: nothing is lost by quitting
        case .saved(let operation, let written):
            let fromModal = modalSave == operation
            var effects: [Effect] = []
            if fromModal {
                modal = nil
                modalSave = nil
                if let name = reopenedDraft {
                    reopenedDraft = nil
                    effects.append(.store(.removeDraft(name: name)))  // saved in the ledger now
                }
            }
            // The files as written, with what other programs added: the views show them as they are.
            context.ledger.adopt(written)
            switch operation {
            case .saveSupervision(let entry, _):
                // The id may have moved on: it was given on disk meanwhile.
                let id = written.renamedEntries[entry.id] ?? entry.id
                let saved = context.ledger.supervisionEntry(entry.enterpriseCode, id) ?? entry
                context.message = s.saved(saved.id)
                notifyAll(.saved(.supervision(saved)))
            case .saveHazard(let hazard, _, let link):
                if let link, let visit = context.ledger.supervisionEntry(link.entry.enterpriseCode, link.entry.id) {
                    notifyAll(.saved(.supervision(visit)))
                }
                // The number may have moved on: another writer issued it meanwhile.
                let saved = context.ledger.hazard(hazard.enterpriseCode, hazard.id) ?? hazard
                let step = saved.history.last.map { s.step($0.action) } ?? ""
                context.message = step.isEmpty ? s.hazardSaved(saved.number) : s.stepDone(step, saved.number)
                notifyAll(.saved(.hazard(saved)))
            case .saveInspector(let inspector, let base):
                context.message = s.inspectorSavedMessage(inspector, base: base)
                notifyAll(.inspectorSaved(inspector, formerNumber: base?.certificateNumber))
            case .saveEnterprise(let enterprise, _):
                enterpriseSaved(CreditCode.normalize(enterprise.creditCode))
            case .rekeyEnterprise(let from, let to):
                let code = written.rekeyed[from.creditCode] ?? CreditCode.normalize(to.creditCode)
                // Pages of its records under the old code show nothing now: back to the enterprise.
                if stack.count > 2, top is EnterprisePageScreen { stack = [stack[0], top] }
                notifyAll(.saved(.enterprise(code)))
                context.message = s.enterpriseRekeyed(from.creditCode, code)
            case .recordDraw:
                if top is DrawPlanScreen { stack.removeLast() }  // kept: back to the visits, where the plan shows
                if let record = written.drawRecord { context.message = s.drawRecorded(record.id, visits: record.teams.count) }
                notifyAll(.reloaded)
            case .saveOperator, .saveDraft, .removeDraft, .issueDocument:
                break  // a document's file and status line: the printing (issue 12)
            }
            return effects
        case .failed(let operation, let error):
            // A lost lock stops every later save too: the session is read-only from now on, and says why.
            if case .lockLost = error { context.session.readOnly = .lockLost(error) }
            let text = s.saveFailed(s.storeError(error))
            if case .saveOperator = operation {
                context.message = s.storeError(error)
            } else if case .saveDraft = operation {
                // Not kept: the form stays open; a second Ctrl-C asks before discarding it.
                draftFailed = true
                modal?.form.message = s.draftNotKept(s.storeError(error))
            } else if modalSave == operation, modal != nil {
                modal?.form.message = text  // the form stays open with everything typed
            } else {
                context.message = text
            }
        }
        return []
    }

    /// An enterprise saved: every list and page follows, and the status line says what was done.
    private mutating func enterpriseSaved(_ code: String) {
        let s = context.strings
        notifyAll(.saved(.enterprise(code)))
        guard let index = context.ledger.directory.index(of: code) else { return }
        let saved = context.ledger.enterprises[index]
        switch saved.history?.last?.action {
        case .created?: context.message = s.enterpriseAdded(saved.name)
        case let action? where action != .edited: context.message = s.enterpriseStepDone(s.step(action), saved.name)
        default: context.message = s.enterpriseSaved(saved.name)
        }
    }

    /// A document printed: the ledger keeps the record of it, the pages show it, and the status
    /// line names the file (the PDF, else the HTML and why there is no PDF).
    private mutating func printed(_ job: PrintJob, _ outcome: Result<DocumentPrinter.Printed, StoreError>) {
        let s = context.strings
        switch outcome {
        case .failure(let error):
            if case .lockLost = error { context.session.readOnly = .lockLost(error) }
            context.message = s.saveFailed(s.storeError(error))
        case .success(let printed):
            context.ledger.adopt(printed.written)
            if let visit = context.ledger.supervisionEntry(job.enterpriseCode, job.recordID) {
                notifyAll(.saved(.supervision(visit)))
            } else if let hazard = context.ledger.hazard(job.enterpriseCode, job.recordID) {
                notifyAll(.saved(.hazard(hazard)))
            }
            let html: URL
            switch printed.html {
            case .failure(let error):
                context.message = s.issuedNotWritten(printed.document.number, s.storeError(error))
                return
            case .success(let url): html = url
            }
            switch printed.pdf {
            case .success(let pdf)?:
                context.message = s.printedDocument(job.kind, file: relativePath(pdf), reissued: printed.reissued)
            case .failure(let failure)?:
                let reason: String
                switch failure {
                case .noBrowser: reason = s.noBrowserBrief
                case .failed(let browser, _, _), .timedOut(let browser, _): reason = s.browserFailedBrief(browser)
                }
                context.message = s.printedWithoutPDF(html: relativePath(html), reason: reason)
            case nil:
                context.message = s.printedDocument(job.kind, file: relativePath(html), reissued: printed.reissued)
            }
        }
    }

    /// A path inside the data directory as the user knows it there (`documents/2026/…`).
    private func relativePath(_ url: URL) -> String {
        let base = context.session.dataPath.hasSuffix("/") ? context.session.dataPath : context.session.dataPath + "/"
        return url.path.hasPrefix(base) ? String(url.path.dropFirst(base.count)) : url.path
    }

    /// Every screen on the stack and every parked view learns of the change.
    /// What the start says once the records have loaded: damaged files first, then warnings.
    private func loadNews(_ records: LoadedRecords) -> String {
        let s = context.strings
        if !records.damagedFiles.isEmpty { return s.damagedOnLoad(records.damagedFiles.count) }
        if !records.fileWarnings.isEmpty { return s.warningsOnLoad(records.fileWarnings.count) }
        return s.recordsLoaded(hazards: context.ledger.hazardIndex.records.count, entries: context.ledger.supervisionIndex.records.count)
    }

    private mutating func notifyAll(_ change: Change) {
        for i in stack.indices { stack[i].refresh(change, context: &context) }
        for id in parked.keys { parked[id]!.refresh(change, context: &context) }
    }
}

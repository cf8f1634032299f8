import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The draw's inputs (`d` in view 3), as `anjian draw` takes them: one district, category, risk
/// grade and integrity status or any, the count (a number or a percentage), the team size, the
/// weighting and the seed (a random one shown, which may be typed over). Ctrl-S draws and opens
/// the preview (`DrawPlanScreen`); a refusal stays in the form with its reason. It writes
/// nothing itself, yet counts as writing: a read-only session refuses it, and the draw is signed.
struct DrawFormModal: ModalComponent {
    var form: Form
    var writes: Bool { true }
    /// The filters the title counted for.
    private var titledFor: DrawInputs?

    static let districts = District.all.map(\.name)

    init(seed: UInt64, context: Context) {
        let s = context.strings
        let any = s[.drawAny]
        let fields = [
            FormField(id: "district", label: s[.drawFieldDistrict], kind: .choice([any] + Self.districts.map { s.district($0) }), width: 14),
            FormField(id: "category", label: s[.drawFieldCategory], kind: .choice([any] + SupervisionCategory.allCases.map { s.category($0) }), width: 14),
            FormField(id: "risk", label: s[.drawFieldRisk], kind: .choice([any] + RiskGrade.allCases.map { s.riskLong($0) }), width: 14),
            FormField(id: "integrity", label: s[.drawFieldIntegrity], kind: .choice([any] + IntegrityStatus.allCases.map { s.integrity($0) }), width: 14),
            FormField(id: "count", label: s[.drawFieldCount], kind: .text, text: "10", width: 8),
            FormField(id: "team", label: s[.drawFieldTeam], kind: .text, text: "2", width: 4, startsRow: false),
            FormField(id: "weighted", label: s[.drawFieldWeighted], kind: .choice([s[.drawWeightedNo], s[.drawWeightedYes]]), width: 14),
            FormField(id: "seed", label: s[.drawFieldSeed], kind: .text, text: String(seed), width: 22),
        ]
        form = Form(title: "", fields: fields, today: context.today)
        form.saveHint = .hintDraw
        retitle(context)
    }

    /// The filters chosen (empty: any), as the draw's inputs take them.
    var filters: DrawInputs {
        func chosen<T>(_ id: String, _ all: [T]) -> [T] { form.choice(id) == 0 ? [] : [all[form.choice(id) - 1]] }
        return DrawInputs(districts: chosen("district", Self.districts), categories: chosen("category", SupervisionCategory.allCases),
                          riskGrades: chosen("risk", RiskGrade.allCases), integrity: chosen("integrity", IntegrityStatus.allCases),
                          count: .number(0), weighted: form.choice("weighted") == 1, seed: 0, date: "")
    }

    /// The title counts the enterprises the filters admit, so the count can be chosen knowing it.
    mutating func retitle(_ context: Context) {
        let filters = filters
        guard filters != titledFor else { return }  // not re-counted on every key typed
        titledFor = filters
        let candidates = Draw.candidates(context.ledger.enterprises, inputs: filters, openMajor: []).count
        let key = Keymap.formCommands.first { $0.action == .save }?.keys.first?.displayName ?? ""
        form.title = context.strings.drawFormTitle(candidates: candidates, key: key)
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        let outcome = form.handle(event)
        retitle(context)
        switch outcome {
        case .cancel: return [.closeModal]
        case .save:
            guard let record = draw(context) else { return [] }
            return [.closeModal, .open(DrawPlanScreen(record: record, form: self, context: &context))]
        default: return []
        }
    }

    /// The inputs checked field by field, then the draw; nil with the reasons shown in the form.
    mutating func draw(_ context: Context) -> DrawRecord? {
        let s = context.strings
        var errors: [(id: String, message: String)] = []
        let count = DrawCount.parse(form.value("count"))
        if count == nil { errors.append(("count", s[.drawCountBad])) }
        let team = Int(form.value("team").trimmingCharacters(in: .whitespaces))
        if team == nil { errors.append(("team", s[.drawTeamBad])) }
        let seed = UInt64(form.value("seed").trimmingCharacters(in: .whitespaces))
        if seed == nil { errors.append(("seed", s[.drawSeedBad])) }
        form.showErrors(errors)
        guard let count, let team, let seed else {
            if let first = errors.first, let index = form.index(of: first.id) { form.focus = index }
            form.message = s.formHasErrors(errors.count)
            return nil
        }
        var inputs = filters
        inputs.count = count
        inputs.inspectorsPerTeam = team
        inputs.seed = seed
        inputs.date = context.today
        // The weighting counts open major hazards: not known while the records load or a file is unread.
        if inputs.weighted {
            if context.ledger.loading != nil {
                form.message = s[.drawWhileLoading]
                return nil
            }
            if let damaged = context.ledger.damagedFiles.first {
                form.message = s.drawDamagedLedger(s.storeError(damaged.error))
                return nil
            }
        }
        let openMajor = Set(context.ledger.hazards.values.joined().filter { $0.level == .major && !$0.isClosed }.map(\.enterpriseCode))
        do {
            let result = try Draw.run(inputs, enterprises: context.ledger.enterprises, inspectors: context.ledger.roster.inspectors,
                                      openMajor: openMajor)
            return DrawRecord(id: "", drawnAt: context.session.now, drawnBy: context.session.signerOrNobody, inputs: inputs, result: result)
        } catch {
            form.message = s.drawRefusal(error)
            switch error {
            case .badCount: form.showErrors([("count", s.drawRefusal(error))])
            case .teamTooSmall: form.showErrors([("team", s.drawRefusal(error))])
            case .tooFewInspectors(let code, let eligible, let needed):
                form.showErrors([("team", s[.drawTooFewAfterAvoidance])])
                form.message = s.drawTooFewInspectors(code: code, eligible: eligible, needed: needed)
            case .noCandidates, .unknownAvoidDistrict: break
            }
            return nil
        }
    }
}

import AnjianText
import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore
import AnjianRuntime

/// The ledger every screen reads: enterprises, roster, records and their city-wide indexes.
/// Only the app changes it, when a save has reached the disk.
public struct LedgerData: Sendable {
    public var directory: EnterpriseDirectory
    public var roster: InspectorRoster
    /// The readings of Chinese characters, for matching pinyin (choice fields use it).
    public let pinyin: PinyinTable
    /// Entries by enterprise credit code: what the files hold.
    public private(set) var supervisions: [String: [SupervisionEntry]]
    public private(set) var supervisionIndex: SupervisionDirectory
    /// Hazards by enterprise credit code.
    public private(set) var hazards: [String: [Hazard]]
    public private(set) var hazardIndex: HazardDirectory
    /// Per-enterprise files found damaged on load: their records are missing and they are not written.
    public private(set) var damagedFiles: [FileProblem]
    /// While the per-enterprise files load behind the first frame: how far; nil once loaded.
    public private(set) var loading: LoadProgress?
    /// Each enterprise's place in pinyin order of names (or short names), computed on first use:
    /// sorting thousands of records by enterprise then compares numbers, not collated strings.
    var rankCache: [Bool: [Int]] = [:]
    /// Per enterprise file (visits, hazards): how many of its records carry sync conflicts, only
    /// where some do; kept with the records, so the headers count without a pass over the ledger.
    private(set) var supervisionConflicts: [String: Int] = [:]
    private(set) var hazardConflicts: [String: Int] = [:]

    public init(directory: EnterpriseDirectory, pinyin: PinyinTable, inspectors: [Inspector],
                supervisions: [String: [SupervisionEntry]], hazards: [String: [Hazard]], damagedFiles: [FileProblem] = [],
                loading: LoadProgress? = nil) {
        self.directory = directory
        self.pinyin = pinyin
        self.roster = InspectorRoster(inspectors, pinyin: pinyin)
        self.supervisions = supervisions
        self.supervisionIndex = SupervisionDirectory(supervisions, enterprises: directory, pinyin: pinyin,
                                                     labels: Strings.searchLabels)
        self.hazards = hazards
        self.hazardIndex = HazardDirectory(hazards, enterprises: directory, pinyin: pinyin)
        self.damagedFiles = damagedFiles
        self.loading = loading
        recountConflicts()
    }

    /// Records of the ledger waiting for a side of a sync conflict to be chosen: enterprises,
    /// inspectors, visits and hazards.
    public var conflictCount: Int {
        supervisionConflicts.values.reduce(0, +) + hazardConflicts.values.reduce(0, +)
            + directory.enterprises.count(where: \.hasConflicts) + roster.inspectors.count(where: \.hasConflicts)
    }

    private mutating func recountConflicts() {
        supervisionConflicts = [:]
        hazardConflicts = [:]
        for code in supervisions.keys { recountConflicts(supervisions: code) }
        for code in hazards.keys { recountConflicts(hazards: code) }
    }

    private mutating func recountConflicts(supervisions code: String) {
        let n = (supervisions[code] ?? []).count(where: \.hasConflicts)
        supervisionConflicts[code] = n == 0 ? nil : n
    }

    private mutating func recountConflicts(hazards code: String) {
        let n = (hazards[code] ?? []).count(where: \.hasConflicts)
        hazardConflicts[code] = n == 0 ? nil : n
    }

    mutating func loadProgress(_ progress: LoadProgress) {
        if loading != nil { loading = progress }
    }

    /// Takes in the records loaded behind the first frame. Files saved or changed by others while
    /// they loaded were read again since, by the save or the watch: those newer reads are kept.
    mutating func install(_ loaded: RecordsLoaded) {
        let newer = WrittenRecords(hazards: hazards, supervisions: supervisions)
        let problemsSince = damagedFiles
        supervisions = loaded.records.supervisions
        supervisionIndex = loaded.supervisionIndex
        hazards = loaded.records.hazards
        hazardIndex = loaded.hazardIndex
        damagedFiles = loaded.records.damagedFiles
        fileProblems(problemsSince)
        // Indexed over the enterprises as they were when the load began: an enterprise saved since is followed.
        if hazardIndex.enterprises.enterprises != directory.enterprises {
            supervisionIndex.replaceEnterprises(directory)
            hazardIndex.replaceEnterprises(directory)
        }
        recountConflicts()
        adopt(newer)
        loading = nil
    }

    /// The problem of an enterprise's file of this folder (or of the whole folder), if it was found damaged.
    public func damage(of code: String, _ folder: FileProblem.Folder) -> FileProblem? {
        damagedFiles.first { $0.concerns(code, folder) }
    }

    /// Files found damaged while the program runs: their records stay as they were, saves to them are refused.
    mutating func fileProblems(_ problems: [FileProblem]) {
        for problem in problems {
            damagedFiles.removeAll { $0.path == problem.path }
            damagedFiles.append(problem)
        }
    }

    /// Why a save may not happen: it would write a file found damaged on load.
    func saveRefusal(_ operation: StoreOperation, strings: Strings) -> String? {
        var files: [(code: String, folder: FileProblem.Folder)] = []
        switch operation {
        case .saveSupervision(let entry, _): files = [(entry.enterpriseCode, .supervisions)]
        case .saveHazard(let hazard, _, let link):
            files = [(hazard.enterpriseCode, .hazards)] + (link.map { [($0.entry.enterpriseCode, .supervisions)] } ?? [])
        case .issueDocument(let request):
            files = [(request.enterpriseCode, .supervisions)] + (request.kind == .recheckOpinion ? [(request.enterpriseCode, .hazards)] : [])
        case .saveEnterprise, .saveInspector, .rekeyEnterprise: break  // master data (issue 13): its screens adopt it
        case .recordDraw(let record): files = record.teams.map { ($0.enterpriseCode, .supervisions) }
        case .saveOperator, .saveDraft, .removeDraft: break
        }
        for file in files {
            if let damage = damage(of: file.code, file.folder) { return strings.damagedFileRefusal(file.folder, strings.storeError(damage.error)) }
        }
        return nil
    }

    public var enterprises: [Enterprise] { directory.enterprises }

    /// An enterprise's supervision entries, newest first.
    public func supervisionEntries(of code: String) -> [SupervisionEntry] {
        (supervisions[code] ?? []).sorted(by: SupervisionEntry.newestFirst)
    }

    public func supervisionEntry(_ code: String, _ id: String) -> SupervisionEntry? {
        supervisions[code]?.first { $0.id == id }
    }

    /// An enterprise's hazards: open ones first, by deadline.
    public func hazardEntries(of code: String) -> [Hazard] {
        (hazards[code] ?? []).sorted {
            ($0.isClosed ? 1 : 0, $0.rectification.deadline, $0.number) < ($1.isClosed ? 1 : 0, $1.rectification.deadline, $1.number)
        }
    }

    public func hazard(_ code: String, _ id: String) -> Hazard? { hazards[code]?.first { $0.id == id } }

    /// The hazards found on a visit, by number. A hazard's own reference to its visit counts
    /// too: a crash between writing the hazard and the visit's list of it loses nothing.
    public func hazards(foundOn visit: SupervisionEntry) -> [Hazard] {
        (hazards[visit.enterpriseCode] ?? []).filter { visit.hazardIDs.contains($0.id) || $0.supervisionID == visit.id }
            .sorted { $0.number < $1.number }
    }

    /// The visit a hazard was found on, by its reference or by the visit's list.
    public func visit(of hazard: Hazard) -> SupervisionEntry? {
        let entries = supervisions[hazard.enterpriseCode] ?? []
        return entries.first { $0.id == hazard.supervisionID } ?? entries.first { $0.hazardIDs.contains(hazard.id) }
    }

    /// Builds the search texts of the hazards (or the entries) if they are not there yet: the
    /// first filter needs them, the first frame does not.
    mutating func prepareHazardSearch() { hazardIndex.prepareSearchTexts() }
    mutating func prepareSupervisionSearch() { supervisionIndex.prepareSearchTexts() }

    /// Installs search texts built elsewhere (another thread) from `hazardIndex` / `supervisionIndex`
    /// or an older copy of them (`RecordIndex.makeSearchTexts`).
    public mutating func installSearchTexts(hazards: SearchTexts?, supervisions: SearchTexts?) {
        if let hazards { hazardIndex.installSearchTexts(hazards) }
        if let supervisions { supervisionIndex.installSearchTexts(supervisions) }
    }

    /// View 2's kept orders and the hazards' facts of the day (`HazardsScreen.refreshRows`).
    mutating func hazardOrder(_ spec: HazardDirectory.OrderSpec) -> HazardDirectory.Order { hazardIndex.order(spec) }
    mutating func hazardFacts(today: String, verificationDays: Int) -> [UInt8] {
        hazardIndex.hazardFacts(today: today, verificationDays: verificationDays)
    }
    /// Installs orders made elsewhere (`AppState.makeHazardOrders`, another thread).
    public mutating func installHazardOrders(_ prepared: HazardDirectory.Prepared) { hazardIndex.installPrepared(prepared) }

    mutating func enterpriseRank(shortName: Bool = false) -> [Int] {
        if let rank = rankCache[shortName] { return rank }
        let rank = directory.pinyinRank(by: shortName ? \.shortName : \.name)
        rankCache[shortName] = rank
        return rank
    }

    /// Files just written replace what the ledger held of them: the saved record, and what
    /// other programs added or changed in those files meanwhile.
    mutating func adopt(_ written: WrittenRecords) {
        adoptMasterData(written)
        // A file read whole again is no longer damaged (it was mended while the program ran).
        damagedFiles.removeAll { problem in
            guard let code = problem.enterpriseCode else { return false }
            return problem.folder == .hazards ? written.hazards[code] != nil : written.supervisions[code] != nil
        }
        // Records no longer in their file (another program removed them) leave the lists too.
        for (code, list) in written.supervisions {
            supervisionIndex.remove(Set((supervisions[code] ?? []).map(\.id)).subtracting(list.map(\.id)), enterpriseCode: code)
            supervisions[code] = list
            for entry in list { supervisionIndex.upsert(entry) }
            recountConflicts(supervisions: code)
        }
        for (code, list) in written.hazards {
            hazardIndex.remove(Set((hazards[code] ?? []).map(\.id)).subtracting(list.map(\.id)), enterpriseCode: code)
            hazards[code] = list
            for hazard in list { hazardIndex.upsert(hazard) }
            recountConflicts(hazards: code)
        }
    }
}

extension LedgerData {
    /// The enterprise list and the roster as written. A re-keyed enterprise's records leave its old
    /// code (those under the new one come with `written`); the directory and its pinyin index are
    /// built again, so the new or renamed enterprise is found, and the records follow it.
    mutating func adoptMasterData(_ written: WrittenRecords) {
        for (old, _) in written.rekeyed {
            supervisionIndex.remove(Set((supervisions[old] ?? []).map(\.id)), enterpriseCode: old)
            hazardIndex.remove(Set((hazards[old] ?? []).map(\.id)), enterpriseCode: old)
            supervisions[old] = nil
            hazards[old] = nil
            supervisionConflicts[old] = nil
            hazardConflicts[old] = nil
            damagedFiles.removeAll { $0.enterpriseCode == old }
        }
        if let inspectors = written.inspectors { roster = InspectorRoster(inspectors, pinyin: pinyin) }
        guard let enterprises = written.enterprises, enterprises != directory.enterprises else { return }
        directory = EnterpriseDirectory(enterprises: enterprises, pinyin: pinyin)
        supervisionIndex.replaceEnterprises(directory)
        hazardIndex.replaceEnterprises(directory)
        rankCache = [:]
    }
}

/// How many of the per-enterprise files have loaded.
public struct LoadProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}

/// The per-enterprise files' records with their city-wide indexes, built off the main thread.
public struct RecordsLoaded: Sendable {
    public var records: LoadedRecords
    public var hazardIndex: HazardDirectory
    public var supervisionIndex: SupervisionDirectory

    /// Builds the indexes as `LedgerData` does, over the app's own enterprise directory.
    public init(_ records: LoadedRecords, enterprises: EnterpriseDirectory, pinyin: PinyinTable) {
        self.records = records
        self.hazardIndex = HazardDirectory(records.hazards, enterprises: enterprises, pinyin: pinyin)
        self.supervisionIndex = SupervisionDirectory(records.supervisions, enterprises: enterprises, pinyin: pinyin,
                                                     labels: Strings.searchLabels)
    }
}

/// Why nothing can be saved.
public enum ReadOnlyReason: Sendable, Equatable {
    /// Another copy holds the data directory's lock.
    case heldBy(LockHolder)
    /// The data directory cannot be written.
    case notWritable
    /// Held, but the holder's record could not be read.
    case unknownHolder
    /// Our lock no longer guards the directory (it was removed, or the directory replaced).
    case lockLost(StoreError)
}

/// Who uses the program, in which language and terminal, and whether they may write.
public struct SessionState: Sendable {
    public var strings: Strings
    public var useColor: Bool
    public var isDemo: Bool
    public var dataPath: String
    public var width: Int
    public var height: Int
    public var signer: Operator?
    public var readOnly: ReadOnlyReason?
    public var clock: @Sendable () -> Date
    public var timeZone: TimeZone
    /// The re-check period of the figures (verification overdue): the model's default until it is a setting.
    public var verificationDays = Hazard.defaultVerificationDays

    /// Today in the user's time zone, from the session's clock (tests set it).
    public var today: String { CalendarDate.dayAndTime(clock(), in: timeZone).day }
    /// Now, as history entries record it.
    public var now: String { CalendarDate.timestamp(clock(), in: timeZone) }
    var signerOrNobody: Operator { signer ?? Operator(name: "", certificateNumber: "") }

    /// What the UI says when it may not change anything, or nil when it may.
    public var readOnlyMessage: String? {
        switch readOnly {
        case nil: return nil
        case .notWritable: return strings.readOnlyNotWritable(dataPath)
        case .unknownHolder: return strings[.readOnlyUnknown]
        case .heldBy(let holder):
            // The holder's time as the user reads a clock: in this session's zone, to the minute.
            let since = CalendarDate.localMinute(holder.since, in: timeZone) ?? holder.since
            return strings.readOnlyBanner(holder.operatorName, holder.pid, since)
        case .lockLost(let error): return strings.storeError(error)
        }
    }
}

/// What a screen sees: the ledger, the session, and the transient message of the status area.
public struct Context: Sendable {
    public internal(set) var ledger: LedgerData
    public internal(set) var session: SessionState
    /// A transient message for the line above the status line.
    public internal(set) var message: String? = nil
    /// The top-level view showing or under the pages showing: its tab is lit.
    public internal(set) var view: ViewID = 1

    var strings: Strings { session.strings }
    var today: String { session.today }
    var verificationDays: Int { session.verificationDays }
    var width: Int { session.width }
    var height: Int { session.height }
    /// The terminal is smaller than any screen: only "terminal too small" shows, and no key acts.
    var tooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }
    var theme: Theme { Theme(color: session.useColor) }
}

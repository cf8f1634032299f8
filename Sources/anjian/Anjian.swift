import ArgumentParser
import Foundation
import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianStore
import AnjianTerminal
import AnjianText

@main
struct Anjian: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anjian",
        abstract: "安监台账 Anjian: the work-safety supervision ledger in a terminal.",
        discussion: """
        Without a subcommand, opens the ledger in the terminal. The data directory is \
        --data DIR, else $ANJIAN_DATA, else $XDG_DATA_HOME/anjian (~/.local/share/anjian); \
        an empty or missing directory is initialised with the bundled demo ledger.
        """,
        version: "0.1.0"
    )

    @Option(name: .long, help: ArgumentHelp("The data directory.", valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: "UI language: zh or en (default: from LC_ALL / LC_MESSAGES / LANG).")
    var lang: LanguageOption?

    @Option(name: .long, help: ArgumentHelp("Who is using the program: NAME or NAME:CERTIFICATE (default: $ANJIAN_OPERATOR, else the remembered one, else asked once).", valueName: "NAME"))
    var `operator`: String?

    @Flag(name: .long, help: .hidden)
    var exitAfterFirstFrame = false

    enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
        case zh, en
    }

    func run() throws {
        let language = lang.map { Language(rawValue: $0.rawValue)! } ?? Language.detect()
        let strings = Strings(language)
        let directory = DataDirectory.resolve(flag: data)

        // Before anything is written: a program that cannot show its screen changes nothing.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardError.write(Data(("anjian: " + strings[.errorNotATerminal] + "\n").utf8))
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        let ledger: LoadedLedger
        let pinyin: PinyinTable
        var lock: DirectoryLock? = nil
        var holder: LockHolder? = nil
        var readOnly = false
        var notWritable = false
        var configProblem: String? = nil
        let configURL = OperatorConfig.url()
        var signer: Operator?
        do {
            try AtomicFile.ensureDirectory(directory)
            // One writer at a time: the lock is taken before anything is written.
            let me = LockHolder(pid: getpid(), operatorName: operatorHint(environment) ?? "",
                                since: CalendarDate.timestamp(Date(), in: .current))
            switch try DirectoryLock.acquire(directory, holder: me) {
            case .acquired(let acquired): lock = acquired
            case .heldBy(let other):
                holder = other
                readOnly = true
            case .notWritable:
                readOnly = true
                notWritable = true
            }
            ledger = try LedgerStore.open(directory, initializeIfEmpty: !readOnly)
            pinyin = try DemoLedger.pinyinTable()
            if let given = `operator` ?? environment["ANJIAN_OPERATOR"].flatMap({ $0.isEmpty ? nil : $0 }) {
                signer = OperatorConfig.parse(given, roster: ledger.inspectors)
            } else {
                do {
                    signer = try OperatorConfig.load(from: configURL)
                } catch let error as StoreError {
                    // A damaged preference does not stop the ledger: ask again, and leave the file alone.
                    configProblem = strings.storeError(error)
                }
            }
        } catch let error as StoreError {
            FileHandle.standardError.write(Data(("anjian: " + strings.storeError(error) + "\n").utf8))
            throw ExitCode(2)
        }

        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        LocaleGuard.ensureUTF8()
        let terminal = Terminal(useColor: useColor)
        Terminal.restoreOnSignals()
        defer {
            terminal.stop()
            lock?.release()
        }

        let size = terminal.size
        var state = AppState(directory: EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: pinyin),
                             language: language, useColor: useColor, isDemo: ledger.isDemo,
                             dataPath: directory.path, width: size.width, height: size.height, pinyin: pinyin,
                             inspectors: ledger.inspectors, supervisions: ledger.supervisions,
                             hazards: ledger.hazards, signer: signer)
        state.isReadOnly = readOnly
        state.readOnlyHolder = holder
        state.directoryNotWritable = notWritable
        if let configProblem {
            state.message = configProblem
        } else if ledger.initializedNow {
            state.message = strings.initializedDemo(directory.path)
        } else if !ledger.warnings.isEmpty {
            state.message = strings.warningsOnLoad(ledger.warnings.count)
        }
        if signer == nil {
            state.operatorForm = AppState.operatorForm(strings: strings,
                                                       today: CalendarDate.dayAndTime(Date(), in: .current).day)
            state.operatorForm?.message = configProblem
        }

        while true {
            terminal.draw(AppView.render(state))
            if exitAfterFirstFrame { return }
            for event in terminal.readEvents() {
                for effect in state.update(event) {
                    switch effect {
                    case .quit: return
                    case .redraw: terminal.invalidate()
                    case .suspend: terminal.suspend()
                    case .saveSupervision(let entry):
                        do {
                            var entries = state.supervisions[entry.enterpriseCode] ?? []
                            entries.upsert(entry)
                            try LedgerStore.saveSupervisions(entries, enterprise: entry.enterpriseCode, in: directory)
                            state.saveSucceeded(entry)
                        } catch let error as StoreError {
                            state.saveFailed(strings.storeError(error))
                        } catch {
                            state.saveFailed("\(error)")
                        }
                    case .saveHazard(let hazard):
                        do {
                            var list = state.hazards[hazard.enterpriseCode] ?? []
                            list.upsert(hazard)
                            try LedgerStore.saveHazards(list, enterprise: hazard.enterpriseCode, in: directory)
                            state.hazardSaveSucceeded(hazard)
                        } catch let error as StoreError {
                            state.saveFailed(strings.storeError(error))
                        } catch {
                            state.saveFailed("\(error)")
                        }
                    case .saveOperator(let chosen):
                        lock?.update(LockHolder(pid: getpid(), operatorName: chosen.name,
                                                since: CalendarDate.timestamp(Date(), in: .current)))
                        if configProblem != nil { continue }  // never overwrite a damaged file
                        do {
                            try OperatorConfig.save(chosen, to: configURL)
                        } catch let error as StoreError {
                            state.message = strings.storeError(error)
                        }
                    }
                }
            }
        }
    }

    /// The operator's name as far as it is known before the ledger is read, for the lock.
    func operatorHint(_ environment: [String: String]) -> String? {
        let given = `operator` ?? environment["ANJIAN_OPERATOR"]
        if let given, !given.isEmpty { return String(given.split(whereSeparator: { ":/：".contains($0) }).first ?? "") }
        return (try? OperatorConfig.load(from: OperatorConfig.url()))??.name
    }
}

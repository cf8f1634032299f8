import ArgumentParser
import Foundation
import AnjianApp
import AnjianModel
import AnjianRuntime
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
        let session: Session
        do {
            session = try Session.start(directory: directory, operatorFlag: `operator`, environment: environment,
                                        configURL: OperatorConfig.url(environment: environment), now: Date())
        } catch let error as StoreError {
            FileHandle.standardError.write(Data(("anjian: " + strings.storeError(error) + "\n").utf8))
            throw ExitCode(2)
        }
        let ledger = session.ledger, pinyin = session.pinyin, signer = session.signer
        let holder = session.holder, readOnly = session.readOnly, notWritable = session.notWritable
        let configProblem = session.configProblem.map { strings.storeError($0) }
        let runner = Runner(session: session)

        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        LocaleGuard.ensureUTF8()
        let terminal = Terminal(useColor: useColor)
        Terminal.restoreOnSignals()
        defer {
            terminal.stop()
            session.release()
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
                        switch runner.perform(.saveSupervision(entry)) {
                        case .saved: state.saveSucceeded(entry)
                        case .failed(_, let error): state.saveFailed(strings.storeError(error))
                        }
                    case .saveHazard(let hazard):
                        switch runner.perform(.saveHazard(hazard, linkedEntry: nil)) {
                        case .saved: state.hazardSaveSucceeded(hazard)
                        case .failed(_, let error): state.saveFailed(strings.storeError(error))
                        }
                    case .saveOperator(let chosen):
                        if case .failed(_, let error) = runner.perform(.saveOperator(chosen)) {
                            state.message = strings.storeError(error)
                        }
                    }
                }
            }
        }
    }
}

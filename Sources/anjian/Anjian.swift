import ArgumentParser
import Foundation
import AnjianApp
import AnjianDocuments
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianTerminal
import AnjianText

/// `anjian`: the terminal UI by default (`anjian`, `anjian --data DIR`), and the subcommands.
@main
struct Anjian: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "anjian",
            abstract: Help.text(zh: "安监台账：终端里的安全生产监管台账。", en: "安监台账 Anjian: the work-safety supervision ledger in a terminal."),
            discussion: Help.text(
                zh: "不带子命令时在终端中打开台账。数据目录为 --data DIR，否则 $ANJIAN_DATA，否则 $XDG_DATA_HOME/anjian（~/.local/share/anjian）；空目录或不存在的目录用演示台账初始化。",
                en: """
                Without a subcommand, opens the ledger in the terminal. The data directory is \
                --data DIR, else $ANJIAN_DATA, else $XDG_DATA_HOME/anjian (~/.local/share/anjian); \
                an empty or missing directory is initialised with the bundled demo ledger.
                """),
            version: "0.1.0",
            subcommands: [Open.self, Init.self, Validate.self, Import.self, Export.self, Stats.self, Print.self, DrawPlan.self, Sync.self, MergeDriverCommand.self],
            defaultSubcommand: Open.self
        )
    }

    enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
        case zh, en
    }
}

/// The terminal UI: what `anjian` without a subcommand runs.
struct Open: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "open", abstract: Help.text(zh: "在终端中打开台账（默认）。", en: "Open the ledger in the terminal (the default)."))
    }

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "数据目录。", en: "The data directory."), valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "界面语言：zh 或 en（默认按 LC_ALL / LC_MESSAGES / LANG）。",
                                                     en: "UI language: zh or en (default: from LC_ALL / LC_MESSAGES / LANG).")))
    var lang: Anjian.LanguageOption?

    @Option(name: .long, help: ArgumentHelp(Help.text(
        zh: "使用人：姓名 或 姓名:执法证号（默认取 $ANJIAN_OPERATOR，否则取记住的操作员，否则询问一次）。",
        en: "Who is using the program: NAME or NAME:CERTIFICATE (default: $ANJIAN_OPERATOR, else the remembered one, else asked once)."),
        valueName: "NAME"))
    var `operator`: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(
        zh: "终端如何显示 …“”→·—：auto（启动时询问终端）、narrow（一格）、wide（两格）或 ascii（画成 ASCII）（默认取 $ANJIAN_AMBIGUOUS，否则 auto）。",
        en: "How the terminal shows …“”→·—: auto (ask it at start), narrow, wide, or ascii (draw them as ASCII) (default: $ANJIAN_AMBIGUOUS, else auto)."),
        valueName: "MODE"))
    var ambiguous: AmbiguousOption?

    @Flag(name: .long, help: .hidden)
    var exitAfterFirstFrame = false

    /// For the benchmarks: the first frame with every record loaded, then exit.
    @Flag(name: .long, help: .hidden)
    var exitAfterLoad = false

    /// For the crash tests only (see `StressSaves`).
    @Option(name: .long, help: .hidden)
    var stressSaves: Int?

    enum AmbiguousOption: String, ExpressibleByArgument, CaseIterable {
        case auto, narrow, wide, ascii
    }

    /// The flag, else `ANJIAN_AMBIGUOUS`, else the terminal's answer (narrow without one).
    func ambiguousWidth(_ environment: [String: String]) -> AmbiguousWidth {
        let chosen = ambiguous ?? environment["ANJIAN_AMBIGUOUS"].flatMap(AmbiguousOption.init(rawValue:)) ?? .auto
        if let mode = AmbiguousWidth(rawValue: chosen.rawValue) { return mode }
        return Terminal.probeAmbiguousWidth() ?? .narrow
    }

    func run() throws {
        let language = lang.map { Language(rawValue: $0.rawValue)! } ?? Language.detect()
        let strings = Strings(language)
        let directory = DataDirectory.resolve(flag: data)

        if let stressSaves {
            let session = try Session.start(directory: directory, operatorFlag: "压力测试", environment: [:],
                                            configURL: URL(fileURLWithPath: "/dev/null"), now: Date())
            return try StressSaves.run(session, count: stressSaves)
        }
        // Before anything is written: a program that cannot show its screen changes nothing.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardError.write(Data(("anjian: " + strings[.errorNotATerminal] + "\n").utf8))
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        let session: Session
        do {
            session = try Session.start(directory: directory, operatorFlag: `operator`, environment: environment,
                                        configURL: OperatorConfig.url(environment: environment), now: Date(), deferRecords: true)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data(("anjian: " + strings.storeError(error) + "\n").utf8))
            throw ExitCode(2)
        }
        let runner = Runner(session: session)
        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        LocaleGuard.ensureUTF8()
        let mode = ambiguousWidth(environment)
        let terminal = Terminal(useColor: useColor)
        Terminal.watchTerminationSignals()
        defer {
            terminal.stop()
            session.release()
        }
        // Every width the program computes, and what the Screen draws, follows the terminal's mode.
        try DisplayWidth.$ambiguous.withValue(mode) {
            try loop(session: session, runner: runner, terminal: terminal, language: language, useColor: useColor)
        }
    }

    func loop(session: Session, runner: Runner, terminal: Terminal, language: Language, useColor: Bool) throws {
        var state = AppState(session: session, language: language, useColor: useColor, size: terminal.size)
        // The hazards and supervision entries load behind the first frame.
        let background = BackgroundLoad(session: session, for: state)
        // Files other programs change while we run are shown as they are, within a few seconds
        // (at once after a sync).
        var watch = FileWatch(directory: session.directory, snapshots: session.snapshots)
        var lastLook = Date()
        func lookForChanges() {
            lastLook = Date()
            var (records, problems) = watch.changes()
            let master = watch.masterDataChanges()
            // Our own saves change the files' stamps too: only what differs from the ledger is news.
            records.enterprises = master.enterprises.flatMap { $0 == state.ledger.enterprises ? nil : $0 }
            records.inspectors = master.inspectors.flatMap { $0 == state.ledger.roster.inspectors ? nil : $0 }
            if !records.hazards.isEmpty || !records.supervisions.isEmpty || !problems.isEmpty
                || records.enterprises != nil || records.inspectors != nil {
                _ = state.update(.filesChanged(records, problems: problems))
            }
            if let problem = master.problem { _ = state.update(.masterDataUnreadable(problem)) }
        }
        /// Runs effects to the end; false when the program is to quit.
        func perform(_ first: [Effect]) -> Bool {
            var effects = first
            while !effects.isEmpty {
                switch effects.removeFirst() {
                case .quit: return false
                case .redraw: terminal.invalidate()
                case .suspend: terminal.suspend()
                case .store(let operation): effects += state.update(.stored(runner.perform(operation)))
                case .printDocument(let job, let enterprise):
                    // A browser takes a second or two: the status line says it is printing meanwhile.
                    terminal.draw(AppView.render(state))
                    let outcome = Result { () throws(StoreError) in try DocumentPrinter.print(job, enterprise: enterprise, runner: runner) }
                    effects += state.update(.printed(job, outcome))
                case .sync(let signer):
                    terminal.draw(AppView.render(state))
                    let outcome = TUISync.run(session.directory, signer: signer, strings: state.strings)
                    lookForChanges()
                    effects += state.update(.synced(outcome))
                }
            }
            return true
        }
        while true {
            if exitAfterLoad { background.wait(into: &state) } else { background.deliver(into: &state) }
            if Date().timeIntervalSince(lastLook) >= 3 { lookForChanges() }
            terminal.draw(AppView.render(state))
            if exitAfterFirstFrame || exitAfterLoad { return }
            // A signal ends the wait for keys; the wait also ends each second, to look for one,
            // and ten times a second while the records load, to show how far they are.
            let events = terminal.readEvents(timeoutMilliseconds: background.isLoading ? 100 : 1000)
            if let signal = Terminal.terminationSignal {
                _ = perform(state.update(.terminate))
                throw ExitCode(128 + signal)
            }
            for event in events where !perform(state.update(event)) { return }
        }
    }
}

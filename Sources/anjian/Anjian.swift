import ArgumentParser
import Foundation
import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianStore
import AnjianTerminal

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

    @Flag(name: .long, help: .hidden)
    var exitAfterFirstFrame = false

    enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
        case zh, en
    }

    func run() throws {
        let language = lang.map { Language(rawValue: $0.rawValue)! } ?? Language.detect()
        let strings = Strings(language)
        let directory = DataDirectory.resolve(flag: data)

        let ledger: LoadedLedger
        let pinyin: PinyinTable
        do {
            ledger = try LedgerStore.open(directory)
            pinyin = try DemoLedger.pinyinTable()
        } catch let error as StoreError {
            FileHandle.standardError.write(Data(("anjian: " + strings.storeError(error) + "\n").utf8))
            throw ExitCode(2)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardError.write(Data("anjian: stdin and stdout must be a terminal\n".utf8))
            throw ExitCode(2)
        }

        let environment = ProcessInfo.processInfo.environment
        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        LocaleGuard.ensureUTF8()
        let terminal = Terminal(useColor: useColor)
        Terminal.restoreOnSignals()
        defer { terminal.stop() }

        let size = terminal.size
        var state = AppState(directory: EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: pinyin),
                             language: language, useColor: useColor, isDemo: ledger.isDemo,
                             dataPath: directory.path, width: size.width, height: size.height)
        if ledger.initializedNow {
            state.message = strings[.initializedDemo, directory.path]
        } else if !ledger.warnings.isEmpty {
            state.message = strings[.warningsOnLoad, ledger.warnings.count]
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
                    }
                }
            }
        }
    }
}

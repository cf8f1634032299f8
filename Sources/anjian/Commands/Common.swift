import ArgumentParser
import Foundation
import AnjianCLI
import AnjianStore
import AnjianText

/// The options every subcommand shares with the terminal UI: where the data is, which language.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "数据目录。", en: "The data directory."), valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "界面语言：zh 或 en（默认按 LC_ALL / LC_MESSAGES / LANG）。",
                                                     en: "Language: zh or en (default: from LC_ALL / LC_MESSAGES / LANG).")))
    var lang: Anjian.LanguageOption?

    var language: Language { lang.map { Language(rawValue: $0.rawValue)! } ?? Language.detect() }
    var strings: Strings { Strings(language) }
    var directory: URL { DataDirectory.resolve(flag: data) }
}

/// Help texts in the language of the environment: the parser builds them before `--lang` is read.
enum Help {
    static func text(zh: String, en: String) -> String { Language.detect() == .zh ? zh : en }
}

/// Ends a subcommand: the message on stderr (one line) and the status.
func fail(_ failure: CommandFailure) -> ExitCode {
    FileHandle.standardError.write(Data(("anjian: " + failure.message + "\n").utf8))
    return ExitCode(failure.status.rawValue)
}

func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

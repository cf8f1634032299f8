import ArgumentParser
import AnjianCLI
import AnjianSync

struct Init: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "init",
                             abstract: Help.text(zh: "新建数据目录：演示台账（--demo）或空台账（--empty）。",
                                                 en: "Create a data directory: the demo ledger (--demo) or an empty one (--empty)."))
    }

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "用演示台账（默认）。", en: "The demo ledger (the default).")))
    var demo = false

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "空台账。", en: "An empty ledger.")))
    var empty = false

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "从该 git 仓库取得团队的台账，并设为同步（见 docs/sync.md）。",
                                                     en: "Take the team's ledger from this git repository, set up to sync (see docs/sync.md)."),
                                            valueName: "URL"))
    var clone: String?

    func validate() throws {
        if clone != nil && (demo || empty) {
            throw ValidationError(Help.text(zh: "--clone 不能与 --demo、--empty 同用", en: "--clone excludes --demo and --empty"))
        }
        if demo && empty { throw ValidationError(Help.text(zh: "--demo 和 --empty 只能选一个", en: "--demo and --empty exclude each other")) }
    }

    func run() throws {
        do {
            if let clone {
                printLine(try SyncCommand.clone(clone, into: common.directory,
                                                driver: GitSync.driverCommand(executable: GitSync.currentExecutable), strings: common.strings))
                return
            }
            printLine(try InitializeCommand.run(directory: common.directory, demo: !empty, strings: common.strings))
        } catch {
            throw fail(error)
        }
    }
}

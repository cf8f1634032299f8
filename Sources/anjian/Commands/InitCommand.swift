import ArgumentParser
import AnjianCLI

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

    func validate() throws {
        if demo && empty { throw ValidationError(Help.text(zh: "--demo 和 --empty 只能选一个", en: "--demo and --empty exclude each other")) }
    }

    func run() throws {
        do {
            printLine(try InitializeCommand.run(directory: common.directory, demo: !empty, strings: common.strings))
        } catch {
            throw fail(error)
        }
    }
}

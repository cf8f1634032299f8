import ArgumentParser
import AnjianCLI

struct Validate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "validate",
                             abstract: Help.text(zh: "检查数据目录中的每个文件；无问题时退出码为 0。",
                                                 en: "Check every file of the data directory; exit 0 only when nothing is wrong."))
    }

    @OptionGroup var common: CommonOptions

    func run() throws {
        let report: ValidateCommand.Report
        do {
            report = try ValidateCommand.run(directory: common.directory, strings: common.strings)
        } catch {
            throw fail(error)
        }
        for line in report.lines { printLine(line) }
        if report.status != .success { throw ExitCode(report.status.rawValue) }
    }
}

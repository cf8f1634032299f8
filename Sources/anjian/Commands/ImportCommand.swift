import ArgumentParser
import Foundation
import AnjianCLI
import AnjianStore

struct Import: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "import",
                             abstract: Help.text(zh: "导入企业名单或执法人员名录（CSV，UTF-8 或 GBK）；有一行无效则不导入任何内容。",
                                                 en: "Import the enterprise list or the inspector roster (CSV, UTF-8 or GBK); one invalid row and nothing is imported."),
                             discussion: Help.text(zh: "表头的中英文写法见 docs/cli.md。退出码：0 成功，64 用法，65 数据有误，66 文件不存在，75 数据目录被占用。",
                                                   en: "The header names recognised are listed in docs/cli.md. Exit: 0 done, 64 usage, 65 invalid rows, 66 no such file, 75 the directory is held by another writer."))
    }

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case enterprises, inspectors
    }

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(Help.text(zh: "导入什么：enterprises（企业）或 inspectors（执法人员）。",
                                           en: "What to import: enterprises or inspectors.")))
    var kind: Kind

    @Argument(help: ArgumentHelp(Help.text(zh: "CSV 文件。", en: "The CSV file."), valueName: "FILE"))
    var file: String

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "只检查并报告，不写入。", en: "Only check and report; write nothing.")))
    var dryRun = false

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "导入有效行，报告并跳过无效行。", en: "Import the valid rows; report and skip the invalid ones.")))
    var skipInvalid = false

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "署名的操作人（默认 $ANJIAN_OPERATOR，否则记住的操作人）。",
                                                     en: "Who signs the changes (default: $ANJIAN_OPERATOR, else the remembered operator)."),
                                            valueName: "NAME:CERT"))
    var `operator`: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let options = ImportCommand.Options(kind: ImportKind(rawValue: kind.rawValue)!, file: URL(fileURLWithPath: file),
                                            directory: common.directory, dryRun: dryRun, skipInvalid: skipInvalid,
                                            operatorFlag: `operator`, environment: environment,
                                            configURL: OperatorConfig.url(environment: environment))
        let report: ImportCommand.Report
        do {
            report = try ImportCommand.run(options, strings: common.strings)
        } catch {
            throw fail(error)
        }
        for line in report.lines { printLine(line) }
        if let failure = report.failure { throw fail(failure) }
    }
}

import ArgumentParser
import Foundation
import AnjianCLI

struct Stats: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "stats",
                             abstract: Help.text(zh: "台账统计：企业、隐患、监管记录与抽查合格率。",
                                                 en: "The ledger's figures: enterprises, hazards, supervision entries, the pass rate."),
                             discussion: Help.text(
                                zh: "隐患按发现日期、监管记录按检查日期落入统计期间；企业按现状统计。隐患的状态与逾期按今天计算，与终端界面视图 2 的表头一致。",
                                en: "Hazards count when discovered in the period, supervision entries when dated in it; enterprises as they stand. Hazards' state and overdue figures are as of today, as view 2's header shows them."))
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "输出格式：text、json 或 markdown。", en: "Output: text, json or markdown."), valueName: "FORMAT"))
    var format: FormatOption = .text

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "统计期间的第一天（含）。", en: "The period's first day (included)."), valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "统计期间的最后一天（含）。", en: "The period's last day (included)."), valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "只统计这个区市（中文或英文名）。", en: "Only this district (Chinese or English name)."),
                                            valueName: "NAME"))
    var district: String?

    enum FormatOption: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    func run() throws {
        let options = StatsCommand.Options(format: StatsCommand.Format(rawValue: format.rawValue)!, since: since, until: until, district: district)
        let output: StatsCommand.Output
        do {
            output = try StatsCommand.run(directory: common.directory, options: options, strings: common.strings)
        } catch {
            throw fail(error)
        }
        for warning in output.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        printLine(output.report)
    }
}

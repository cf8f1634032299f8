import ArgumentParser
import Foundation
import AnjianCLI
import AnjianText
import AnjianStore

struct Export: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: Help.text(zh: "导出企业、监管记录、隐患台账或双随机抽查计划与结果（CSV、XLSX、JSON、Markdown），可按台账的条件筛选。",
                                en: "Export enterprises, supervision entries, hazards or the draws' plans and results (CSV, XLSX, JSON, Markdown), filtered as the ledgers filter."),
            discussion: Help.text(zh: "无 --output 时写到标准输出。已损坏的文件在标准错误上逐个说明，其余记录照常导出。",
                                  en: "Writes to standard output without --output. Damaged files are named on stderr, one line each; the rest is exported."))
    }

    @Argument(help: ArgumentHelp(Help.text(zh: "enterprises、supervisions、hazards 或 draws（双随机抽查计划与结果）。",
                                           en: "enterprises, supervisions, hazards or draws (the draws' plans and results).")))
    var kind: ExportCommand.Kind

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "csv（默认）、xlsx、json 或 markdown。", en: "csv (default), xlsx, json or markdown.")))
    var format: ExportCommand.Format = .csv

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "写入的文件（原子写入）。", en: "The file to write (atomically)."), valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "隐患状态：all、open、registered、rectifying、rectified、closed。",
                                                     en: "Hazard status: all, open, registered, rectifying, rectified, closed.")))
    var status: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "隐患等级：general 或 major。", en: "Hazard level: general or major.")))
    var level: String?

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "只导出逾期隐患（整改逾期或验收逾期）。", en: "Only overdue hazards (rectification or verification overdue).")))
    var overdue = false

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "rectification-overdue、verification-overdue、due-soon、not-overdue 或 closed-late。",
                                                     en: "rectification-overdue, verification-overdue, due-soon, not-overdue or closed-late.")))
    var timing: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "区市（中文名、英文名或区划代码）。", en: "District (Chinese or English name, or code).")))
    var district: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "企业名称、简称或区市（可用拼音）。", en: "Enterprise name, short name or district (pinyin too).")))
    var enterprise: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "隐患发现人（可用拼音）。", en: "Who found the hazard (pinyin too).")))
    var inspector: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "起始日期 YYYY-MM-DD（含）：隐患的发现日期、监管记录的日期、抽取日期。",
                                                     en: "From this day YYYY-MM-DD (included): a hazard's discovery date, an entry's date, a draw's date."), valueName: "DATE"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "截止日期 YYYY-MM-DD（含）。", en: "Until this day YYYY-MM-DD (included)."), valueName: "DATE"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "与台账 / 搜索相同的文本筛选（拼音、首字母）。",
                                                     en: "The ledgers' / text filter (pinyin, initials).")))
    var query: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "draws：只导出这次抽取（如 DR-2026-37062301333-001）。", en: "draws: only this draw (DR-2026-37062301333-001)."), valueName: "ID"))
    var draw: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var filters = ExportCommand.Filters()
        filters.status = status
        filters.level = level
        filters.overdue = overdue
        filters.timing = timing
        filters.district = district
        filters.enterprise = enterprise
        filters.inspector = inspector
        filters.since = since
        filters.until = until
        filters.query = query
        filters.draw = draw
        let strings = common.strings
        // The document is Chinese unless `--lang en` asks otherwise: it goes to Excel and reports
        // in a Chinese bureau whatever the shell's locale; the messages follow the environment.
        let document = Strings(common.lang.map { Language(rawValue: $0.rawValue)! } ?? .zh)
        let result: ExportCommand.Result
        do {
            result = try ExportCommand.run(kind: kind, format: format, filters: filters, directory: common.directory, strings: document)
        } catch {
            throw fail(error)
        }
        for line in result.skippedFiles { FileHandle.standardError.write(Data(("anjian: " + line + "\n").utf8)) }
        guard let output else {
            FileHandle.standardOutput.write(result.data)
            return
        }
        let url = URL(fileURLWithPath: output)
        do {
            try CommandLedger.refuseOutput(url, inside: common.directory, strings: strings)
        } catch {
            throw fail(error)
        }
        do {
            try AtomicFile.write(result.data, to: url, mode: 0o644)
        } catch {
            throw fail(CommandFailure(.cannotCreate, strings.exportCannotWrite(url.path, (error as? StoreError).map(strings.storeError) ?? error.localizedDescription)))
        }
        FileHandle.standardError.write(Data((strings.exportWritten(url.path, records: result.records) + "\n").utf8))
    }
}

extension ExportCommand.Kind: ExpressibleByArgument {}
extension ExportCommand.Format: ExpressibleByArgument {}

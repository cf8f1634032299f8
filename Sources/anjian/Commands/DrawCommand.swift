import ArgumentParser
import Foundation
import AnjianCLI
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian draw`: the double-random draw (双随机抽查), re-runnable by anyone (docs/draw.md).
struct DrawPlan: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "draw",
                             abstract: Help.text(zh: "双随机抽查：随机抽取检查对象和执法人员，记录可由任何人复现（见 docs/draw.md）。",
                                                 en: "The double-random draw: random enterprises and inspectors, re-runnable by anyone (see docs/draw.md)."))
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "抽取家数，或百分比（如 15%，向上取整）。", en: "How many enterprises, or a percentage (15%, rounded up)."),
                                            valueName: "N|P%"))
    var count: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "每组执法人员数（至少 2）。", en: "Inspectors per team (at least 2).")))
    var team: Int = 2

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "随机种子（0 到 18446744073709551615）；不给则随机生成并显示。",
                                                     en: "The seed (0 to 18446744073709551615); random and shown when not given.")))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "只抽这个区市（可重复）。", en: "Only this district (repeatable)."), valueName: "NAME"))
    var district: [String] = []

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "只抽这个监管类别（可重复）：\(SupervisionCategory.allCases.map(\.rawValue).joined(separator: "、"))。",
                                                     en: "Only this category (repeatable): \(SupervisionCategory.allCases.map(\.rawValue).joined(separator: ", "))."),
                                            valueName: "CATEGORY"))
    var category: [String] = []

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "只抽这个风险等级（可重复）：major、high、moderate、low。",
                                                     en: "Only this risk grade (repeatable): major, high, moderate, low."), valueName: "GRADE"))
    var risk: [String] = []

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "只抽这个诚信状态（可重复）：none、red、black。",
                                                     en: "Only this integrity status (repeatable): none, red, black."), valueName: "STATUS"))
    var integrity: [String] = []

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "重点企业（重大风险、诚信黑榜、有未销号重大隐患）以 3 倍机会抽取。",
                                                   en: "Key enterprises (major risk, black list, an open major hazard) hold 3 tickets.")))
    var weighted = false

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "只显示结果，不保存抽取记录。", en: "Show the plan only; keep no record.")))
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "重新抽取这份抽取记录并核对结果。", en: "Re-run this draw record and check it."), valueName: "RECORD"))
    var verify: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "抽取人：姓名:执法证号。", en: "Who draws: NAME:CERTIFICATE."), valueName: "NAME:CERT"))
    var `operator`: String?

    func run() throws {
        let strings = common.strings
        if let verify {
            let (outcome, text): (DrawRecord.Verification, String)
            do { (outcome, text) = try DrawCommand.verify(URL(fileURLWithPath: verify), directory: common.directory, strings: strings) } catch {
                throw fail(error)
            }
            printLine(text)
            if outcome != .matches { throw ExitCode(ExitStatus.problems.rawValue) }
            return
        }
        guard let count, let parsed = DrawCount.parse(count) else {
            throw fail(CommandFailure(.usage, strings.drawNeedsCount(count)))
        }
        let environment = ProcessInfo.processInfo.environment
        var options = DrawCommand.Options(directory: common.directory, count: parsed, configURL: OperatorConfig.url(environment: environment))
        options.districts = district
        do {
            options.categories = try category.map { value throws(CommandFailure) in try Self.value(value, strings) }
            options.riskGrades = try risk.map { value throws(CommandFailure) in try Self.value(value, strings) }
            options.integrity = try integrity.map { value throws(CommandFailure) in try Self.value(value, strings) }
        } catch {
            throw fail(error)
        }
        options.inspectorsPerTeam = team
        options.weighted = weighted
        options.seed = seed
        options.dryRun = dryRun
        options.operatorFlag = `operator`
        options.environment = environment
        let output: DrawCommand.Output
        do { output = try DrawCommand.run(options, strings: strings) } catch { throw fail(error) }
        FileHandle.standardOutput.write(Data(output.text.utf8))
    }

    static func value<T: RawRepresentable & CaseIterable>(_ text: String, _ strings: Strings) throws(CommandFailure) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw CommandFailure(.usage, strings.drawUnknownValue(text, known: T.allCases.map(\.rawValue)))
        }
        return value
    }
}

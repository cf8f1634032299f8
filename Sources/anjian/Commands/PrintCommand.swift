import ArgumentParser
import Foundation
import AnjianCLI
import AnjianModel
import AnjianStore
import AnjianText

struct Print: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "print",
                             abstract: Help.text(zh: "开具执法文书（HTML）：现场检查记录（record）、责令限期整改指令书（order）、整改复查意见书（recheck）。",
                                                 en: "Issue an enforcement document as HTML: the inspection record, the rectification order, the re-check opinion."))
    }

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case record, order, recheck
        var documentKind: DocumentKind {
            switch self {
            case .record: return .inspectionRecord
            case .order: return .rectificationOrder
            case .recheck: return .recheckOpinion
            }
        }
    }

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(Help.text(zh: "文书：record、order 或 recheck。", en: "The document: record, order or recheck.")))
    var kind: Kind

    @Argument(help: ArgumentHelp(Help.text(zh: "监管记录编号（record、order），或隐患标识或编号（recheck）。",
                                           en: "The supervision entry's id (record, order), or the hazard's id or number (recheck)."),
                                 valueName: "ID"))
    var id: String

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "写入此文件（默认：数据目录下 documents/<年>/）。",
                                                     en: "Write to this file (default: documents/<year>/ in the data directory)."),
                                           valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "签发人：姓名:执法证号。", en: "Who issues it: NAME:CERTIFICATE."),
                                           valueName: "NAME:CERT"))
    var `operator`: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let strings = common.strings
        let options = PrintDocumentCommand.Options(directory: common.directory, kind: kind.documentKind, id: id,
                                                   output: output.map { URL(fileURLWithPath: $0) }, operatorFlag: `operator`,
                                                   environment: environment, configURL: OperatorConfig.url(environment: environment))
        do {
            let result = try PrintDocumentCommand.run(options, strings: strings)
            printLine(strings.printDone(strings[kind.documentKind.name], result.document.number, result.path, reissued: result.reissued))
        } catch {
            throw fail(error)
        }
    }
}

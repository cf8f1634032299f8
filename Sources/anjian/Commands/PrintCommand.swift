import ArgumentParser
import Foundation
import AnjianCLI
import AnjianDocuments
import AnjianModel
import AnjianStore
import AnjianText

struct Print: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "print",
                             abstract: Help.text(zh: "开具执法文书（HTML，可另出 PDF）：现场检查记录（record）、责令限期整改指令书（order）、整改复查意见书（recheck）。",
                                                 en: "Issue an enforcement document as HTML (and PDF): the inspection record, the rectification order, the re-check opinion."))
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

    @Flag(name: .long, help: ArgumentHelp(Help.text(zh: "同时用 Chromium 生成 PDF（与 HTML 同名同目录）。",
                                                   en: "Also a PDF beside the HTML, printed by Chromium.")))
    var pdf = false

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "签发人：姓名:执法证号。", en: "Who issues it: NAME:CERTIFICATE."),
                                           valueName: "NAME:CERT"))
    var `operator`: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let strings = common.strings
        let options = PrintDocumentCommand.Options(directory: common.directory, kind: kind.documentKind, id: id,
                                                   output: output.map { URL(fileURLWithPath: $0) }, pdf: pdf, operatorFlag: `operator`,
                                                   environment: environment, configURL: OperatorConfig.url(environment: environment))
        let result: PrintDocumentCommand.Result
        do { result = try PrintDocumentCommand.run(options, strings: strings) } catch { throw fail(error) }
        printLine(strings.printDone(strings[kind.documentKind.name], result.document.number, result.path, reissued: result.reissued))
        switch result.pdf {
        case .success(let pdf): printLine(strings.pdfWritten(pdf.path))
        case .failure(let failure):
            // The document is issued and its HTML written; the PDF is what is missing.
            FileHandle.standardError.write(Data(("anjian: " + strings.pdfFailure(failure, html: result.path) + "\n").utf8))
            throw ExitCode(failure == .noBrowser ? ExitStatus.unavailable.rawValue : ExitStatus.software.rawValue)
        case nil: break
        }
    }
}

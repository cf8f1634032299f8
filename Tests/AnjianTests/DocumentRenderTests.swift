import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import AnjianDocuments
import AnjianModel

/// The text of a document as an XML parser reads it: all of it, and the text of each element
/// named by `data-field` (the ledger's values and the blank lines).
final class DocumentReader: NSObject, XMLParserDelegate {
    private(set) var text = ""
    private(set) var fields: [String: String] = [:]
    private var open: [String?] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let field = attributes["data-field"]
        open.append(field)
        if let field { fields[field, default: ""] += "" }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        for field in open.compactMap({ $0 }) { fields[field, default: ""] += string }
    }

    /// Parses `html`; records the parser's error, if any.
    static func read(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> DocumentReader {
        let reader = DocumentReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(String(describing: parser.parserError)) at line \(parser.lineNumber)",
                sourceLocation: sourceLocation)
        return reader
    }

    func isBlankLine(_ field: String) -> Bool {
        guard let text = fields[field] else { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// `　　年　　月　　日`: a date to write by hand.
    func isBlankDate(_ field: String) -> Bool {
        fields[field].map { $0.filter { !$0.isWhitespace } } == "年月日"
    }
}

/// A visit of the demo ledger with two hazards: the demo's major hazard found on its visit, and a
/// general one of another enterprise moved onto it (the demo has no visit with two).
struct DemoVisit {
    var enterprise: Enterprise
    var visit: SupervisionEntry
    var hazards: [Hazard]

    init() throws {
        let all = demoHazards.values.flatMap { $0 }.sorted { $0.number < $1.number }
        let major = try #require(all.first { $0.level == .major && $0.supervisionID != nil })
        let visits = demoSupervisions.values.flatMap { $0 }
        var visit = try #require(visits.first { $0.id == major.supervisionID })
        let enterprise = try #require(demoEnterprises.first { $0.creditCode == visit.enterpriseCode })
        var general = try #require(all.first { $0.level == .general && !$0.isClosed && $0.enterpriseCode != major.enterpriseCode })
        general.enterpriseCode = enterprise.creditCode
        general.supervisionID = visit.id
        visit.hazardIDs = [major.id, general.id]
        visit.conclusion = .rectificationOrdered
        self.enterprise = enterprise
        self.visit = visit
        self.hazards = [major, general]
    }
}

let documentSettings = DocumentSettings.standard
let issuer = InspectorRef(name: "王丽娟", certificateNumber: "37062301333")

func issued(_ kind: DocumentKind, sequence: Int, hazards: [Hazard] = [], orderNumber: String? = nil) -> IssuedDocument {
    IssuedDocument(kind: kind, year: 2026, sequence: sequence, number: documentSettings.number(kind, year: 2026, sequence: sequence),
                   issuedAt: "2026-11-25T15:10:00+08:00", issuedBy: issuer, hazardIDs: hazards.map(\.id), orderNumber: orderNumber)
}

/// `2026-11-30` as the documents print it.
func printedDate(_ day: String) -> String {
    let parts = day.split(separator: "-").compactMap { Int($0) }
    return "\(parts[0])年\(parts[1])月\(parts[2])日"
}

@Suite struct DocumentRenderTests {
    @Test func theInspectionRecordHoldsTheVisitTheInspectorsAndTheHazards() throws {
        let demo = try DemoVisit()
        let document = issued(.inspectionRecord, sequence: 12)
        let html = DocumentRenderer.inspectionRecord(document, settings: documentSettings, enterprise: demo.enterprise,
                                                     visit: demo.visit, hazards: demo.hazards)
        let reader = DocumentReader.read(html)
        #expect(document.number == "（烟）应急检记〔2026〕第 12 号")
        #expect(reader.fields["number"] == document.number)
        #expect(reader.fields["authority"] == "烟台市应急管理局")
        #expect(reader.text.contains("现场检查记录"))
        #expect(reader.fields["enterprise.name"] == demo.enterprise.name)
        #expect(reader.fields["enterprise.address"] == demo.enterprise.address)
        #expect(reader.fields["visit.date"] == printedDate(demo.visit.date))
        #expect(demo.visit.inspectors.count == 2)
        for (i, inspector) in demo.visit.inspectors.enumerated() {
            #expect(reader.fields["inspectors[\(i)].name"] == inspector.name)
            #expect(reader.fields["inspectors[\(i)].certificateNumber"] == inspector.certificateNumber)
            #expect(reader.fields["signature.inspectors[\(i)].name"] == inspector.name)
            #expect(reader.isBlankDate("signature.inspectors[\(i)].date"))
        }
        #expect(reader.fields["accompanying.name"] == demo.visit.accompanying.name)
        #expect(reader.fields["accompanying.position"] == demo.visit.accompanying.position)
        #expect(reader.fields["signature.accompanying.name"] == demo.visit.accompanying.name)
        expectHazards(demo.hazards, in: reader)
        #expect(html.contains("<span class=\"major\">【重大隐患】</span>"))
        #expect(reader.fields["visit.conclusion"] == "责令整改")
    }

    @Test func theOrderListsEachHazardWithItsDeadlineAndTheRightsOfAppeal() throws {
        let demo = try DemoVisit()
        let document = issued(.rectificationOrder, sequence: 7, hazards: demo.hazards)
        let html = DocumentRenderer.rectificationOrder(document, settings: documentSettings, enterprise: demo.enterprise,
                                                       visit: demo.visit, hazards: demo.hazards)
        let reader = DocumentReader.read(html)
        #expect(reader.fields["number"] == "（烟）应急责改〔2026〕第 7 号")
        #expect(reader.fields["authority"] == documentSettings.authority)
        #expect(reader.fields["seal.authority"] == documentSettings.authority)
        #expect(reader.fields["issuedOn"] == "2026年11月25日")
        #expect(reader.fields["enterprise.name"] == demo.enterprise.name)
        expectHazards(demo.hazards, in: reader)
        // Only the major one is marked.
        #expect(html.components(separatedBy: "【重大隐患】").count == 2)
        let notice = try #require(reader.fields["appealNotice"])
        #expect(notice.contains("60日内") && notice.contains("申请行政复议"))
        #expect(notice.contains("6个月内") && notice.contains("人民法院提起行政诉讼"))
        #expect(notice.contains("本指令不停止执行"))
        for (i, inspector) in demo.visit.inspectors.enumerated() {
            #expect(reader.fields["signature.inspectors[\(i)].name"] == inspector.name)
            #expect(reader.fields["signature.inspectors[\(i)].certificateNumber"] == inspector.certificateNumber)
        }
        #expect(reader.text.contains("（印章）"))
    }

    @Test func theOpinionRefersToTheOrderAndNamesTheVerifiersWithTheirCertificates() throws {
        let all = demoHazards.values.flatMap { $0 }.sorted { $0.number < $1.number }
        let closedMajor = try #require(all.first { $0.level == .major && $0.isClosed })
        let verification = try #require(closedMajor.verifications.last)
        let verifiers = try #require(verification.verifiers)
        #expect(verifiers.count == 2)
        let enterprise = try #require(demoEnterprises.first { $0.creditCode == closedMajor.enterpriseCode })
        let order = issued(.rectificationOrder, sequence: 7, hazards: [closedMajor])
        let document = issued(.recheckOpinion, sequence: 3, hazards: [closedMajor], orderNumber: order.number)
        let html = DocumentRenderer.recheckOpinion(document, settings: documentSettings, enterprise: enterprise, hazards: [closedMajor],
                                                   order: order)
        let reader = DocumentReader.read(html)
        #expect(reader.fields["number"] == "（烟）应急复查〔2026〕第 3 号")
        #expect(reader.fields["order.number"] == "（烟）应急责改〔2026〕第 7 号")
        #expect(reader.fields["order.date"] == "2026年11月25日")
        #expect(reader.fields["authority"] == documentSettings.authority)
        #expect(reader.fields["hazards[0].result"] == "验收通过并销号")
        #expect(reader.fields["hazards[0].verifiedOn"] == printedDate(verification.date))
        #expect(reader.fields["hazards[0].opinion"] == verification.remark)
        #expect(reader.fields["hazards[0].deadline"] == printedDate(closedMajor.rectification.deadline))
        for (i, verifier) in verifiers.enumerated() {
            #expect(reader.fields["verifiers[\(i)].name"] == verifier.name)
            #expect(reader.fields["verifiers[\(i)].certificateNumber"] == verifier.certificateNumber)
        }
    }

    @Test func verifiersWithoutCertificatesAndAnUnverifiedHazardPrintBlankLines() throws {
        let all = demoHazards.values.flatMap { $0 }.sorted { $0.number < $1.number }
        let closedGeneral = try #require(all.first { $0.level == .general && $0.isClosed && $0.verifications.last?.verifiers == nil })
        let open = try #require(all.first { $0.status == .registered })
        let enterprise = try #require(demoEnterprises.first { $0.creditCode == closedGeneral.enterpriseCode })
        // No order given: its number and date are lines to fill by hand.
        let document = issued(.recheckOpinion, sequence: 4, hazards: [closedGeneral, open])
        let reader = DocumentReader.read(DocumentRenderer.recheckOpinion(document, settings: documentSettings, enterprise: enterprise,
                                                                         hazards: [closedGeneral, open]))
        #expect(reader.isBlankLine("order.number"))
        #expect(reader.isBlankDate("order.date"))
        #expect(reader.fields["verifiers[0].name"] == closedGeneral.verifications.last?.verifier)
        #expect(reader.isBlankLine("verifiers[0].certificateNumber"))
        // The second row of the two the rule asks for.
        #expect(reader.isBlankLine("verifiers[1].name"))
        #expect(reader.isBlankLine("hazards[1].result"))
        #expect(reader.isBlankLine("hazards[1].opinion"))
    }

    @Test func ledgerTextIsEscapedAndReadsBackAsText() throws {
        var demo = try DemoVisit()
        let description = #"阀门<DN50> & "旧" 'O' 锈蚀&amp;"#
        demo.hazards[1].description = description + "\n第二行"
        demo.visit.findings = "1. a < b\r\n2. <script>alert(1)</script>"
        demo.enterprise.name = #"烟台"某"化工 & <有限> 公司"#
        let pages = [
            DocumentRenderer.inspectionRecord(issued(.inspectionRecord, sequence: 1), settings: documentSettings,
                                              enterprise: demo.enterprise, visit: demo.visit, hazards: demo.hazards),
            DocumentRenderer.rectificationOrder(issued(.rectificationOrder, sequence: 1), settings: documentSettings,
                                                enterprise: demo.enterprise, visit: demo.visit, hazards: demo.hazards),
        ]
        for html in pages {
            #expect(html.contains(#"阀门&lt;DN50&gt; &amp; &quot;旧&quot; &#39;O&#39; 锈蚀&amp;amp;<br/>第二行"#))
            #expect(!html.contains("<DN50>") && !html.contains("<有限>"))
            let reader = DocumentReader.read(html)
            #expect(reader.fields["hazards[1].description"] == description + "第二行")
            #expect(reader.fields["enterprise.name"] == demo.enterprise.name)
        }
        #expect(pages[0].contains("1. a &lt; b<br/>2. &lt;script&gt;"))
        #expect(!pages[0].contains("<script>"))
        #expect(DocumentReader.read(pages[0]).fields["visit.findings"] == "1. a < b2. <script>alert(1)</script>")
    }

    @Test func aFieldTheLedgerLacksIsABlankLineNotAGuess() throws {
        var demo = try DemoVisit()
        demo.enterprise.legalRepresentative = ""
        demo.visit.accompanying.position = "  "
        demo.visit.inspectors.removeLast()
        let html = DocumentRenderer.inspectionRecord(issued(.inspectionRecord, sequence: 2), settings: documentSettings,
                                                     enterprise: demo.enterprise, visit: demo.visit, hazards: demo.hazards)
        let reader = DocumentReader.read(html)
        // Not in the ledger at all: the place and the end of the visit.
        #expect(reader.isBlankLine("place"))
        #expect(reader.isBlankLine("visit.endTime"))
        // Empty in this record: blank, and not filled with the safety officer's name.
        #expect(reader.isBlankLine("enterprise.legalRepresentative"))
        #expect(reader.fields["enterprise.safetyResponsible.name"] == demo.enterprise.safetyResponsible.name)
        #expect(reader.isBlankLine("accompanying.position"))
        // The second inspector's row is there, blank, for the dual-real-name rule.
        #expect(reader.isBlankLine("inspectors[1].name") && reader.isBlankLine("inspectors[1].certificateNumber"))
        #expect(reader.fields["inspectors[0].name"] == demo.visit.inspectors[0].name)
    }

    @Test func thePageIsSelfContainedWithAnA4PrintStylesheetAndOfficialFonts() throws {
        let demo = try DemoVisit()
        let html = DocumentRenderer.rectificationOrder(issued(.rectificationOrder, sequence: 1), settings: documentSettings,
                                                       enterprise: demo.enterprise, visit: demo.visit, hazards: demo.hazards)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains(#""FangSong", "仿宋""#) && html.contains(#""Noto Serif CJK SC", "Source Han Serif SC", serif"#))
        #expect(html.contains(#""SimHei", "黑体""#) && html.contains("sans-serif"))
        for external in ["<link", "<script", "src=", "url(", "@import", "http://", "https://"] {
            // The xmlns is a name, not a resource.
            let found = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1999/xhtml\"", with: "").contains(external)
            #expect(!found, "external resource: \(external)")
        }
        // Another bureau: the name is configuration.
        var weihai = documentSettings
        weihai.authority = "威海市应急管理局"
        let other = DocumentRenderer.rectificationOrder(issued(.rectificationOrder, sequence: 1), settings: weihai,
                                                        enterprise: demo.enterprise, visit: demo.visit, hazards: demo.hazards)
        #expect(DocumentReader.read(other).fields["authority"] == "威海市应急管理局")
        #expect(!other.contains("烟台市应急管理局"))
    }

    func expectHazards(_ hazards: [Hazard], in reader: DocumentReader, sourceLocation: SourceLocation = #_sourceLocation) {
        for (i, hazard) in hazards.enumerated() {
            #expect(reader.fields["hazards[\(i)].description"] == hazard.description, sourceLocation: sourceLocation)
            #expect(reader.fields["hazards[\(i)].number"] == hazard.number, sourceLocation: sourceLocation)
            #expect(reader.fields["hazards[\(i)].deadline"] == printedDate(hazard.rectification.deadline), sourceLocation: sourceLocation)
        }
    }
}

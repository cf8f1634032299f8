import Foundation
import AnjianModel
import AnjianText

/// The three enforcement documents (执法文书) as HTML pages, laid out after the work-safety
/// enforcement document templates (安全生产执法文书式样). The text is Chinese whatever the UI's
/// language: these are Chinese official documents; labels the UI shares (kinds, conclusions,
/// levels, steps) come from AnjianText in Chinese.
///
/// Every field the ledger lacks is a blank line to fill by hand, never a guess: the place
/// inspected and the end of the visit are not in the ledger, and neither are the bodies that
/// hear an appeal, so these are always blank.
public enum DocumentRenderer {
    static let strings = Strings(.zh)

    public static let inspectionRecordTitle = "现场检查记录"
    public static let rectificationOrderTitle = "责令限期整改指令书"
    public static let recheckOpinionTitle = "整改复查意见书"

    /// The title of a kind's document.
    public static func title(_ kind: DocumentKind) -> String {
        switch kind {
        case .inspectionRecord: inspectionRecordTitle
        case .rectificationOrder: rectificationOrderTitle
        case .recheckOpinion: recheckOpinionTitle
        }
    }

    // MARK: 现场检查记录

    /// The on-site inspection record of a visit: the enterprise, the time and the people, what was
    /// checked and found, the hazards registered on the visit (in the order given), and signature
    /// lines for each inspector and the enterprise's accompanying person.
    public static func inspectionRecord(_ document: IssuedDocument, settings: DocumentSettings, enterprise: Enterprise,
                                        visit: SupervisionEntry, hazards: [Hazard]) -> String {
        let inspectors = twoRows(visit.inspectors)
        var body = "<table class=\"fields\">\n"
        body += row("被检查单位", HTML.value(enterprise.name, field: "enterprise.name", wide: true))
        body += row("地\u{3000}\u{3000}址", HTML.value(enterprise.address, field: "enterprise.address", wide: true))
        body += row("法定代表人", HTML.value(enterprise.legalRepresentative, field: "enterprise.legalRepresentative"))
        body += row("安全负责人", HTML.value(enterprise.safetyResponsible.name, field: "enterprise.safetyResponsible.name")
                    + "\u{3000}职务：" + HTML.value(enterprise.safetyResponsible.position, field: "enterprise.safetyResponsible.position")
                    + "\u{3000}联系电话：" + HTML.value(enterprise.safetyResponsible.phone, field: "enterprise.safetyResponsible.phone"))
        // Not in the ledger: written by hand.
        body += row("检查场所", HTML.blank(field: "place", wide: true))
        body += row("检查时间", HTML.date(visit.date, field: "visit.date") + "\u{3000}" + clock(visit.time, field: "visit.time")
                    + "\u{3000}至\u{3000}" + HTML.blank(field: "visit.endTime"))
        body += row("检查类型", HTML.value(strings.kind(visit.kind), field: "visit.kind"))
        for (i, inspector) in inspectors.enumerated() {
            body += row(i == 0 ? "检查人员" : "", HTML.value(inspector.name, field: "inspectors[\(i)].name")
                        + "\u{3000}执法证号：" + HTML.value(inspector.certificateNumber, field: "inspectors[\(i)].certificateNumber"))
        }
        body += row("陪同人员", HTML.value(visit.accompanying.name, field: "accompanying.name")
                    + "\u{3000}职务：" + HTML.value(visit.accompanying.position, field: "accompanying.position")
                    + "\u{3000}联系电话：" + HTML.value(visit.accompanying.phone, field: "accompanying.phone"))
        body += "</table>\n"
        body += "<p class=\"indent\">我们是" + HTML.value(settings.authority, field: "authority.statement") + "的执法人员"
            + inspectors.enumerated().map { HTML.value($1.name, field: "statement.inspectors[\($0)].name") }.joined(separator: "、")
            + "，证件号码为"
            + inspectors.enumerated().map { HTML.value($1.certificateNumber, field: "statement.inspectors[\($0)].certificateNumber") }
                .joined(separator: "、")
            + "，这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予以配合。</p>\n"
        body += "<h2>检查事项</h2>\n" + box(visit.itemsChecked, field: "visit.itemsChecked")
        body += "<h2>检查情况（发现的问题）</h2>\n" + box(visit.findings, field: "visit.findings")
        body += "<h2>本次检查登记的隐患</h2>\n"
        body += hazards.isEmpty ? "<p class=\"indent\" data-field=\"hazards\">无。</p>\n" : hazardList(hazards)
        body += "<p><span class=\"label-strong\">检查结论：</span>" + HTML.value(strings.conclusion(visit.conclusion), field: "visit.conclusion")
            + "</p>\n"
        body += signatures(inspectors.enumerated().map { i, inspector in
            SignatureRow(label: "检查人员（签名）", printed: HTML.value(inspector.name, field: "signature.inspectors[\(i)].name")
                         + "\u{3000}执法证号：" + HTML.value(inspector.certificateNumber, field: "signature.inspectors[\(i)].certificateNumber"),
                         dateField: "signature.inspectors[\(i)].date")
        } + [SignatureRow(label: "被检查单位现场负责人（签名）",
                          printed: HTML.value(visit.accompanying.name, field: "signature.accompanying.name") + "\u{3000}"
                            + HTML.value(visit.accompanying.position, field: "signature.accompanying.position"),
                          dateField: "signature.accompanying.date")])
        return HTML.page(title: inspectionRecordTitle, authority: settings.authority, number: document.number, body: body)
    }

    // MARK: 责令限期整改指令书

    /// The order to rectify the hazards found on a visit, each by its deadline (major hazards
    /// marked), with the notice of the rights of appeal as the template states it, the inspectors'
    /// signature lines and a place for the seal.
    public static func rectificationOrder(_ document: IssuedDocument, settings: DocumentSettings, enterprise: Enterprise,
                                          visit: SupervisionEntry, hazards: [Hazard]) -> String {
        var body = "<p class=\"addressee\">" + HTML.value(enterprise.name, field: "enterprise.name", wide: true) + "：</p>\n"
        body += "<p class=\"indent\">" + HTML.date(visit.date, field: "visit.date") + "，本机关执法人员依法对你单位进行了现场检查。经查，你单位存在下列问题：</p>\n"
        body += hazards.isEmpty ? "<p>" + HTML.blank(field: "hazards", wide: true) + "</p>\n" : hazardList(hazards)
        body += "<p class=\"indent\">现责令你单位对上述问题于各项所列期限前整改完毕，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。</p>\n"
        body += "<p class=\"indent\">整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。</p>\n"
        // The bodies that hear an appeal, from the settings; blank lines, as on the printed form, where
        // unset. Since the revised Administrative Reconsideration Law (2024) a municipal department's
        // act is reconsidered by the people's government at its level: a department is named only when set.
        let appeal = settings.appeal
        body += "<p class=\"indent\" data-field=\"appealNotice\">如果不服本指令，可以依法在60日内向" + HTML.value(appeal.government, field: "appeal.government")
            + "人民政府" + (appeal.department.map { "或者" + HTML.value($0, field: "appeal.department") } ?? "")
            + "申请行政复议，或者在6个月内依法向" + HTML.value(appeal.court, field: "appeal.court")
            + "人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。</p>\n"
        body += signatures(twoRows(visit.inspectors).enumerated().map { i, inspector in
            SignatureRow(label: "安全生产执法人员（签名）", printed: HTML.value(inspector.name, field: "signature.inspectors[\(i)].name")
                         + "\u{3000}执法证号：" + HTML.value(inspector.certificateNumber, field: "signature.inspectors[\(i)].certificateNumber"))
        } + [SignatureRow(label: "被检查单位负责人（签名）", printed: "", dateField: "signature.enterprise.date")])
        body += seal(settings.authority, issuedAt: document.issuedAt)
        body += "<p class=\"note\">本文书一式两份，一份由执法部门存档，一份交被检查单位。</p>\n"
        return HTML.page(title: rectificationOrderTitle, authority: settings.authority, number: document.number, body: body)
    }

    // MARK: 整改复查意见书

    /// The re-check opinion on hazards of an order: refers to the order by its number (the
    /// document's `orderNumber`) and, when given, its date (`order`); each hazard's latest
    /// verification (result, date, opinion); the verifiers with their certificate numbers.
    public static func recheckOpinion(_ document: IssuedDocument, settings: DocumentSettings, enterprise: Enterprise,
                                      hazards: [Hazard], order: IssuedDocument? = nil) -> String {
        let orderNumber = document.orderNumber
        var body = "<p class=\"addressee\">" + HTML.value(enterprise.name, field: "enterprise.name", wide: true) + "：</p>\n"
        body += "<p class=\"indent\">本机关于" + HTML.date(order.map { String($0.issuedAt.prefix(10)) }, field: "order.date")
            + "作出了《责令限期整改指令书》（" + HTML.value(orderNumber, field: "order.number")
            + "），经对你单位整改情况进行复查，提出如下意见：</p>\n"
        body += "<ol class=\"hazards\">\n"
        for (i, hazard) in hazards.enumerated() {
            let latest = stated(hazard, by: document)
            let result = latest.map { strings.step($0.passed ? .verifiedPassed : .verificationFailed) }
            body += "<li data-field=\"hazards[\(i)]\">" + hazardLine(hazard, index: i)
                + "<br/>复查结果：" + HTML.value(result, field: "hazards[\(i)].result")
                + "\u{3000}复查日期：" + HTML.date(latest?.date, field: "hazards[\(i)].verifiedOn")
                + "<br/>复查意见：" + HTML.value(latest?.remark, field: "hazards[\(i)].opinion", wide: true) + "</li>\n"
        }
        body += "</ol>\n"
        body += signatures(twoRows(verifiers(of: hazards.compactMap { stated($0, by: document) })).enumerated().map { i, verifier in
            SignatureRow(label: "复查人员（签名）", printed: HTML.value(verifier.name, field: "verifiers[\(i)].name")
                         + "\u{3000}执法证号：" + HTML.value(verifier.certificateNumber, field: "verifiers[\(i)].certificateNumber"))
        } + [SignatureRow(label: "被复查单位负责人（签名）", printed: "", dateField: "signature.enterprise.date")])
        body += seal(settings.authority, issuedAt: document.issuedAt)
        body += "<p class=\"note\">本文书一式两份，一份由执法部门存档，一份交被复查单位。</p>\n"
        return HTML.page(title: recheckOpinionTitle, authority: settings.authority, number: document.number, body: body)
    }

    /// The re-check an opinion states: the one it was issued for (a later re-check has its own
    /// opinion), else the latest.
    static func stated(_ hazard: Hazard, by document: IssuedDocument) -> Verification? {
        if let count = document.verification, hazard.verifications.indices.contains(count - 1) { return hazard.verifications[count - 1] }
        return hazard.verifications.last
    }

    /// The verifiers of these verifications, each once: with certificate numbers where the ledger
    /// has them, else the names as recorded and a blank for the number.
    static func verifiers(of verifications: [Verification]) -> [InspectorRef] {
        var result: [InspectorRef] = []
        for verification in verifications {
            let people = verification.verifiers ?? verification.verifier.split(whereSeparator: { "、,，;；".contains($0) })
                .map { InspectorRef(name: $0.trimmingCharacters(in: .whitespaces), certificateNumber: "") }
            for person in people where !person.name.isBlank || !person.certificateNumber.isBlank {
                let known = result.contains {
                    person.certificateNumber.isBlank ? $0.name == person.name : $0.certificateNumber == person.certificateNumber
                }
                if !known { result.append(person) }
            }
        }
        return result
    }

    // MARK: Pieces

    /// At least the two rows of the dual-real-name rule: a missing person is a blank row.
    static func twoRows(_ people: [InspectorRef]) -> [InspectorRef] {
        people + Array(repeating: InspectorRef(name: "", certificateNumber: ""), count: max(0, 2 - people.count))
    }

    /// A line to sign on: who signs, the place for the signature, the name (and certificate)
    /// printed beside it, and a date written at signing.
    struct SignatureRow {
        var label: String
        /// Markup, empty for none.
        var printed: String
        var dateField: String? = nil
    }

    /// The signature lines, one line each: who signs, the line to sign on, the printed name (which
    /// takes the width left and wraps only when longer), the date.
    static func signatures(_ rows: [SignatureRow]) -> String {
        "<div class=\"signatures\">\n" + rows.map { row in
            "<div class=\"signature\"><span class=\"label\">\(row.label)：</span><span class=\"sign\">\u{3000}</span><span class=\"printed\">"
                + (row.printed.isEmpty ? "" : "（" + row.printed + "）") + "</span><span class=\"date\">"
                + (row.dateField.map(HTML.blankDate(field:)) ?? "") + "</span></div>\n"
        }.joined() + "</div>\n"
    }

    static func row(_ label: String, _ content: String) -> String {
        "<tr><td class=\"label\">\(label.isEmpty ? "" : label + "：")</td><td>\(content)</td></tr>\n"
    }

    /// `09:30` as `09时30分`.
    static func clock(_ time: String, field: String) -> String {
        guard ClockTime.isValid(time) else { return HTML.value(time, field: field) }
        return "<span class=\"value\" data-field=\"\(field)\">\(time.prefix(2))时\(time.suffix(2))分</span>"
    }

    static func box(_ text: String, field: String) -> String {
        text.isBlank ? "<div class=\"box\" data-field=\"\(field)\"></div>\n"
            : "<div class=\"box\" data-field=\"\(field)\">\(HTML.text(text))</div>\n"
    }

    static func hazardList(_ hazards: [Hazard]) -> String {
        "<ol class=\"hazards\">\n"
            + hazards.enumerated().map { "<li data-field=\"hazards[\($0)]\">" + hazardLine($1, index: $0) + "</li>\n" }.joined()
            + "</ol>\n"
    }

    /// A hazard as the documents list it: the major mark, its description and place, its number,
    /// and the deadline.
    static func hazardLine(_ hazard: Hazard, index: Int) -> String {
        var line = ""
        if hazard.level == .major { line += "<span class=\"major\">【" + HTML.text(strings[HazardLevel.major.name]) + "】</span>" }
        line += HTML.value(hazard.description, field: "hazards[\(index)].description")
        if !hazard.location.isBlank { line += "（位置：" + HTML.text(hazard.location) + "）" }
        line += "（隐患编号：<span class=\"nowrap\">" + HTML.value(hazard.number, field: "hazards[\(index)].number") + "</span>）"
        line += "<span class=\"deadline\">\u{3000}整改期限：" + HTML.date(hazard.rectification.deadline, field: "hazards[\(index)].deadline")
            + "前</span>"
        return line
    }

    /// The place for the seal, the authority's name and the day of issue.
    static func seal(_ authority: String, issuedAt: String) -> String {
        "<div class=\"seal\"><div class=\"place\">（印章）</div><br/>" + HTML.value(authority, field: "seal.authority") + "<br/>"
            + HTML.date(String(issuedAt.prefix(10)), field: "issuedOn") + "</div>\n"
    }
}

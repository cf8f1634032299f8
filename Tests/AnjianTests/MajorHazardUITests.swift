import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

/// Issue 9 in the app: the steps' forms (day, note, evidence), two-person 销号, funds and 挂牌督办 in the form.
@Suite struct MajorHazardUITests {
    let openMajor = demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { $0.level == .major && !$0.isClosed }!

    func error(_ state: AppState, _ id: String) -> String? { state.hazardForm?.form.fields.first { $0.id == id }?.error }

    @Test func startingRectificationAsksForTheDayANoteAndEvidence() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let photo = dir.appendingPathComponent("配电箱整改前.jpg")
        try Data("jpg".utf8).write(to: photo)
        var state = makeState(width: 120, height: 50)  // the history in view
        let hazard = try #require(demoHazards.values.joined().first { $0.status == .registered })
        state.openHazardPage(hazard)
        #expect(state.update(.key(.character("r"))).isEmpty, "r no longer acts at once")
        let form = try #require(state.hazardForm)
        #expect(form.purpose == .step(.rectificationStarted, hazard))
        #expect(form.form.fields.map(\.id) == ["date", "note", "evidence"] && form.form.value("date") == "2026-11-25")
        state.fill("date", "2026-12-01")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(error(state, "date") == "日期 2026-12-01 晚于今天")
        state.fill("date", "2026-11-24")
        state.fill("note", "配电箱已停用，等待更换")
        state.fill("evidence", "photos/none.jpg")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(error(state, "evidence") == "证据文件不存在：photos/none.jpg")
        state.fill("evidence", photo.path)
        guard case .store(.saveHazard(let started, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.hazardForm?.form.message ?? "")")
            return
        }
        let step = try #require(started.history.last)
        #expect(started.status == .rectifying && step.date == "2026-11-24" && step.note == "配电箱已停用，等待更换")
        #expect(step.evidence == [photo.path])
        state.succeed(started)
        let page = AppView.render(state).text
        #expect(page.contains("开始整改  2026-11-24") && page.contains("说明：配电箱已停用，等待更换"))
        #expect(page.contains("证据材料：" + photo.path) && !page.contains("文件不存在"))
    }

    @Test func reportingRectifiedHasItsFormToo() throws {
        var state = makeState()
        let hazard = try #require(demoHazards.values.joined().first { $0.status == .rectifying })
        state.openHazardPage(hazard)
        state.press(.character("c"))
        #expect(state.hazardForm?.purpose == .step(.reportedRectified, hazard))
        state.fill("note", "企业报告已整改，附照片")
        guard case .store(.saveHazard(let reported, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved")
            return
        }
        #expect(reported.status == .rectified && reported.history.last?.date == "2026-11-25")
        #expect(reported.history.last?.note == "企业报告已整改，附照片" && reported.history.last?.evidence == nil)
    }

    @Test func closingAMajorHazardNeedsTwoVerifiersAndTheOpinion() throws {
        var state = makeState(width: 120, height: 50)
        state.openHazardPage(openMajor)
        state.press(.character("c"))
        state.succeed(state.update(.key(.control("s"))))
        state.press(.character("v"))
        let form = try #require(state.hazardForm?.form)
        #expect(form.fields.map(\.id) == ["verifier", "verifierCertificate", "verifier2", "verifier2Certificate", "date", "note", "evidence"])
        #expect(form.value("verifierCertificate") == demoOperator.certificateNumber && form.fields[form.focus].id == "verifier2")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(error(state, "verifier2") == "重大隐患销号须两名验收人，各填执法证号（不能是同一人）")
        state.type("sjj")
        state.press(.enter)  // picked from the roster: the certificate number comes with the name
        #expect(state.hazardForm?.form.value("verifier2") == "孙建军")
        #expect(state.hazardForm?.form.value("verifier2Certificate") == "37062301148")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(error(state, "note") == "重大隐患销号须填写整改复查意见")
        state.fill("note", "经复查，整改措施落实到位，同意销号")
        guard case .store(.saveHazard(let closed, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.hazardForm?.form.message ?? "")")
            return
        }
        #expect(closed.isClosed && closed.verifications.last?.verifiers?.map(\.name) == ["王丽娟", "孙建军"])
        state.succeed(closed)
        let page = AppView.render(state).text
        #expect(page.contains("王丽娟（37062301333）、孙建军（37062301148）"))
    }

    @Test func fundsInTheFormAreANumber() throws {
        var state = makeState()
        // An open general hazard without funds, the same one every run (dictionary order is not).
        let hazard = try #require(demoHazards.values.joined().sorted { $0.number < $1.number }
            .first { $0.level == .general && !$0.isClosed && $0.rectification.funds == nil })
        state.openHazardPage(hazard)
        state.press(.character("e"))
        state.fill("rectification.funds", "十五万")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(error(state, "rectification.funds") == "整改资金须为数字（万元），不是“十五万”")
        state.fill("rectification.funds", "15万元")
        guard case .store(.saveHazard(let saved, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.hazardForm?.form.message ?? "")")
            return
        }
        #expect(saved.rectification.funds == .amount(15))
        #expect(saved.history.last?.changes == [FieldChange(field: "rectification.funds", old: "", new: "15")])
    }

    @Test func theListingForSupervisionIsFilledInTheForm() throws {
        var state = makeState()
        state.openHazardPage(openMajor)
        state.press(.character("e"))
        #expect(state.hazardForm?.form.fields.first { $0.id == "rectification.rechecker" }?.label.hasSuffix("*") == true)
        state.focusField("supervisionListing.level")
        state.press(.right, .right)  // 省级
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(error(state, "supervisionListing.date") == Strings(.zh).problem(.invalidDate("")))
        #expect(error(state, "supervisionListing.documentNumber") == "必填")
        state.fill("supervisionListing.date", "2026-11-20")
        state.fill("supervisionListing.documentNumber", "鲁安办〔2026〕8号")
        guard case .store(.saveHazard(let saved, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.hazardForm?.form.message ?? "")")
            return
        }
        #expect(saved.supervisionListing == SupervisionListing(level: .province, date: "2026-11-20", documentNumber: "鲁安办〔2026〕8号"))
        state.succeed(saved)
        #expect(AppView.render(state).text.contains("挂牌督办          省级  2026-11-20  鲁安办〔2026〕8号"))
    }
}

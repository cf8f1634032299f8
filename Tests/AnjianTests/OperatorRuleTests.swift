import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianStore
import AnjianText

/// Issue 9: the operator is always a full real name with a certificate number.
@Suite struct OperatorRuleTests {
    @Test func aNameAloneIsAcceptedOnlyWhenItIsOneRosterInspectorOrTheRememberedOperator() {
        let roster = [Inspector(name: "王丽娟", certificateNumber: "37062301333", unit: "", avoidDistricts: [], avoidEnterprises: [])]
        #expect(OperatorConfig.resolve("王丽娟", roster: roster, remembered: nil) == Operator(name: "王丽娟", certificateNumber: "37062301333"))
        #expect(OperatorConfig.resolve("Sui:3706001", roster: roster, remembered: nil) == Operator(name: "Sui", certificateNumber: "3706001"))
        #expect(OperatorConfig.resolve("Sui", roster: roster, remembered: nil) == nil)
        #expect(OperatorConfig.resolve("Sui", roster: roster, remembered: Operator(name: "王丽娟", certificateNumber: "1")) == nil)
        let remembered = Operator(name: "Sui", certificateNumber: "3706001")
        #expect(OperatorConfig.resolve("Sui", roster: roster, remembered: remembered) == remembered)
    }

    @Test(arguments: [(flag: "Sui", environment: [:]), (flag: nil, environment: ["ANJIAN_OPERATOR": "Sui"])])
    func aNameWithoutCertificateIsAskedForOnceWithTheNameFilledIn(flag: String?, environment: [String: String]) throws {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let session = try Session.start(directory: root.appendingPathComponent("data"), operatorFlag: flag, environment: environment,
                                        configURL: root.appendingPathComponent("config.json"), now: Date())
        defer { session.release() }
        #expect(session.signer == nil && session.unconfirmedOperator == "Sui")
        let state = AppState(session: session, language: .zh, useColor: false, size: (80, 24))
        let form = try #require(state.operatorForm)
        #expect(form.value("name") == "Sui" && form.fields[form.focus].id == "certificateNumber")
        #expect(form.message == "“Sui”不是名录库中唯一的执法人员：请填写完整姓名和执法证号")
    }
}

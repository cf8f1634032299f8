import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianStore
import AnjianText

let demoEnterprises: [Enterprise] = try! DemoLedger.enterprises()
let demoDirectory = EnterpriseDirectory(enterprises: demoEnterprises, pinyin: pinyinTable)

let demoInspectors: [Inspector] = try! DemoLedger.inspectors()
let demoSupervisions: [String: [SupervisionEntry]] = try! DemoLedger.supervisions()
let demoHazards: [String: [Hazard]] = try! DemoLedger.hazards()
/// 2026-11-25 14:30 in Yantai.
let fixedNow = Date(timeIntervalSince1970: 1_795_588_200)
let demoOperator = Operator(name: "王丽娟", certificateNumber: "37062301333")

func makeState(_ language: Language = .zh, width: Int = 80, height: Int = 24, color: Bool = false,
               signer: Operator? = demoOperator) -> AppState {
    var state = AppState(directory: demoDirectory, language: language, useColor: color, isDemo: true,
                         dataPath: "/home/inspector/.local/share/anjian", width: width, height: height,
                         pinyin: pinyinTable, inspectors: demoInspectors, supervisions: demoSupervisions,
                         hazards: demoHazards, signer: signer)
    state.clock = { fixedNow }
    state.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    return state
}

extension AppState {
    /// Presses keys by name, as a user would.
    mutating func press(_ keys: Key...) {
        for key in keys { _ = update(.key(key)) }
    }

    mutating func type(_ text: String) {
        _ = update(.text(text))
    }
}

/// Compares a rendered screen with the reviewed text file `Screens/<name>.txt`.
/// `ANJIAN_RECORD_SCREENS=1 swift test` rewrites the files; review them with `git diff`.
func expectScreen(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Screens").appendingPathComponent(name + ".txt")
    let actual = screen.lines().joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["ANJIAN_RECORD_SCREENS"] == "1" {
        try! actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing reviewed screen \(url.path); record it with ANJIAN_RECORD_SCREENS=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report = "screen \(name) differs:\n"
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al { report += "line \(i + 1)\n  expected: \(el)\n  actual:   \(al)\n" }
        }
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
}

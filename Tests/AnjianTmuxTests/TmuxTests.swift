import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import AnjianModel
import AnjianRuntime
import AnjianScreen
@testable import AnjianStore

/// A fresh path under the temporary directory (not created).
func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("anjian-tmux-\(UUID().uuidString)")
}

/// The built `anjian` binary, beside the test bundle in the build directory.
let anjianBinary: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    // The test binary lives inside <build>/AnjianPackageTests.xctest on Linux, or beside it.
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("anjian").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return "anjian"
}()

/// Runs a command to its end, as the program runs git and Chromium (`ChildProcess`): not
/// Foundation's Process, whose waitUntilExit was seen here never to return for a tmux client;
/// output to files, not pipes, which a tmux server started by the command would keep open.
@discardableResult
func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    do {
        let outcome = try ChildProcess.run(arguments)
        return (outcome.status, outcome.out, outcome.err)
    } catch {
        throw TmuxError.failed("cannot start \(arguments[0]): \(error)")
    }
}

/// The real program in a real terminal: a private tmux server, keys sent by name,
/// the pane read back as text.
final class TmuxSession {
    let socket = "anjian-test-\(UUID().uuidString.prefix(8))"
    let statusFile: URL

    init(command: String, environment: [String: String], width: Int, height: Int) throws {
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status")
        let env = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let script = "env -i PATH=/usr/bin:/bin TERM=screen-256color \(env) \(command); echo $? > \(statusFile.path); sleep 600"
        let result = try run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t",
                              "-x", "\(width)", "-y", "\(height)", script])
        guard result.status == 0 else { throw TmuxError.failed(result.err) }
    }

    deinit {
        _ = try? run(["tmux", "-L", socket, "kill-server"])
        try? FileManager.default.removeItem(at: statusFile)
    }

    func keys(_ names: String...) throws {
        try run(["tmux", "-L", socket, "send-keys", "-t", "t"] + names)
    }

    func type(_ text: String) throws {
        try run(["tmux", "-L", socket, "send-keys", "-t", "t", "-l", text])
    }

    /// Pastes as a terminal does, bracketed (the program asked for it).
    func paste(_ text: String) throws {
        try run(["tmux", "-L", socket, "set-buffer", "-b", "p", text])
        try run(["tmux", "-L", socket, "paste-buffer", "-p", "-d", "-b", "p", "-t", "t"])
    }

    /// Raw bytes, as a terminal might send them (`send-keys -H`).
    func bytes(_ text: String) throws {
        try run(["tmux", "-L", socket, "send-keys", "-t", "t", "-H"] + text.utf8.map { String($0, radix: 16) })
    }

    func resize(_ width: Int, _ height: Int) throws {
        try run(["tmux", "-L", socket, "resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The real terminal cursor: where an input method would put its candidate window.
    func cursor() throws -> (x: Int, y: Int) {
        let text = try run(["tmux", "-L", socket, "display-message", "-p", "-t", "t", "#{cursor_x},#{cursor_y}"]).out
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
    }

    func capture() throws -> [String] {
        try run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "t"]).out
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Waits until the pane satisfies the condition (at most 10 s), returning its lines.
    @discardableResult
    func waitFor(_ what: String, within seconds: TimeInterval = 10, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var lines: [String] = []
        while Date() < deadline {
            lines = try capture()
            if condition(lines) {
                // A frame read while the terminal is still drawing it can hold the awaited text and
                // miss rows drawn just after: the screen is returned once a second look agrees.
                usleep(60_000)
                let again = try capture()
                if again == lines || condition(again) && Date() >= deadline { return again }
                lines = again
                continue
            }
            usleep(50_000)
        }
        throw TmuxError.timeout(what, lines.joined(separator: "\n"))
    }

    @discardableResult
    func waitFor(text: String, within seconds: TimeInterval = 10) throws -> [String] {
        try waitFor("\"\(text)\" on screen", within: seconds) { $0.joined(separator: "\n").contains(text) }
    }

    /// Types text and waits until the program has shown it. Text followed in the same read by Tab
    /// or Enter is taken as a paste (the Tab or line break becomes part of it), so the next key
    /// is sent only once the text is on screen.
    func typeShown(_ text: String) throws {
        try type(text)
        try waitFor(text: text)
    }

    /// Waits for the text, then until two captures a moment apart agree: a frame read while the
    /// terminal is still drawing it would fail the checks made on it, or compare unequal.
    @discardableResult
    func settled(_ text: String) throws -> [String] {
        var lines = try waitFor(text: text)
        for _ in 0..<40 {
            usleep(100_000)
            let again = try capture()
            if again == lines, again.joined(separator: "\n").contains(text) { return again }
            lines = again
        }
        throw TmuxError.timeout("a settled screen with \"\(text)\"", lines.joined(separator: "\n"))
    }

    /// Waits for the first screen with `text`, for the records loaded behind it, and for a settled
    /// frame: the load's last redraw would otherwise land in the middle of what a test reads.
    @discardableResult
    func started(_ text: String = "60/60 家") throws -> [String] {
        try waitFor(text: text)
        try recordsLoaded()
        return try settled(text)
    }

    /// Waits until the records have loaded behind the first frame (the status line's tag is gone).
    @discardableResult
    func recordsLoaded() throws -> [String] {
        try waitFor("the records loaded") { lines in lines.contains { !$0.isEmpty } && !lines.contains { $0.contains("载入中") || $0.contains("[loading") } }
    }

    func exitStatus() throws -> Int32 {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(50_000)
        }
        throw TmuxError.timeout("program exit", (try? capture().joined(separator: "\n")) ?? "")
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed(String)
    case timeout(String, String)
    var description: String {
        switch self {
        case .failed(let message): return "tmux failed: \(message)"
        case .timeout(let what, let screen): return "timed out waiting for \(what); screen:\n\(screen)"
        }
    }
}

/// The display column where `needle` starts in a captured line.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return line[..<range.lowerBound].displayWidth
}

@Suite(.serialized) struct TmuxTests {
    init() throws {
        let which = try run(["sh", "-c", "command -v tmux"])
        #expect(which.status == 0, "tmux is needed for the terminal tests: apt-get install -y tmux")
    }

    @Test func browseFilterOpenResizeAndQuitInChinese() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"], width: 100, height: 30)
        var screen = try session.started()
        #expect(screen.joined().contains("[演示数据]"))

        // Every row's district starts at the same display column.
        let enterprises = try LedgerStore.open(data).enterprises
        let columns = screen.compactMap { line -> Int? in
            guard let district = enterprises.first(where: { line.contains($0.name.prefix(6)) })?.district else { return nil }
            return displayColumn(of: district, in: line)
        }
        #expect(columns.count >= 20)
        #expect(Set(columns).count == 1, "district columns: \(columns)")

        // Filter by Chinese text: only 莱州市 enterprises remain.
        try session.keys("/")
        try session.type("莱州")
        // " 7/60" with its space: while 莱 alone is typed, "17/60" or "27/60" would match too.
        screen = try session.waitFor("the 莱州 filter applied") { lines in
            lines.contains { $0.contains(" 7/60 家") } && lines.contains { $0.hasPrefix("/ 筛选：莱州") }
        }
        let laizhou = enterprises.filter { $0.district == "莱州市" }
        let rows = screen.filter { line in enterprises.contains { line.contains($0.name.prefix(6)) } }
        #expect(rows.count == laizhou.count)
        #expect(rows.allSatisfy { $0.contains("莱州市") })
        // The terminal's cursor stands right after 莱州 (two wide characters) on the filter line.
        let filterLine = try #require(screen.firstIndex { $0.hasPrefix("/ 筛选：莱州") })
        let cursor = try session.cursor()
        #expect(cursor.y == filterLine)
        #expect(cursor.x == "/ 筛选：莱州".displayWidth)

        // Filter by pinyin initials of a heteronym: cd finds 长岛.
        try session.keys("Escape")
        try session.started()
        try session.keys("/", "c", "d")
        screen = try session.waitFor(text: "长岛")
        #expect(screen.contains { $0.contains("烟台长岛碧波海珍品加工有限公司") })

        // Open the detail of the selected row: its credit code is shown and valid.
        try session.keys("Down", "Up", "Enter", "Enter")
        screen = try session.waitFor(text: "统一社会信用代码")
        let codeLine = try #require(screen.first { $0.contains("统一社会信用代码") })
        let code = try #require(codeLine.split(separator: " ").first { $0.count == 18 })
        #expect(CreditCode.check(String(code)).isValid)
        #expect(codeLine.contains("[校验通过]"))

        // Resize smaller than the minimum and back.
        try session.resize(30, 8)
        try session.waitFor(text: "终端太小")
        try session.resize(100, 30)
        try session.waitFor(text: "统一社会信用代码")
        try session.keys("Escape")
        try session.waitFor(text: "直管企业")
        try session.keys("q")
        #expect(try session.exitStatus() == 0)

        let saved = try LedgerStore.open(data)
        #expect(saved.enterprises.count == 60)
        #expect(saved.enterprises.allSatisfy { CreditCode.check($0.creditCode).isValid })
    }

    @Test func englishAt80x24WithoutColourAndCtrlC() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path) --lang en",
                                      environment: ["LANG": "C.UTF-8", "NO_COLOR": "1", "ANJIAN_OPERATOR": "王丽娟"], width: 80, height: 24)
        var screen = try session.waitFor(text: "60 of 60")
        #expect(screen.contains { $0.contains("Major!") })
        #expect(screen[1].contains("Name") && screen[1].contains("District"))
        // The list keeps working with keys typed quickly.
        try session.keys("G")
        screen = try session.waitFor("last row selected") { $0.contains { $0.hasPrefix(">") && $0.contains("Haiyang") } }
        try session.keys("?")
        try session.waitFor(text: "Enterprise list")
        try session.keys("Escape", "C-c")
        #expect(try session.exitStatus() == 0)
    }

    @Test func chineseUILanguageFollowsLCMessagesAndLCAll() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "C.UTF-8", "LC_ALL": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟:123"], width: 80, height: 24)
        try session.started()
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test func damagedFileIsReportedWithLineAndNotTouched() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try LedgerStore.open(data)
        let file = data.appendingPathComponent("enterprises.json")
        let broken = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"name\" :", with: "\"name\" ")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8"], width: 250, height: 10)
        #expect(try session.exitStatus() == 2)
        let screen = try session.waitFor(text: "anjian:").joined(separator: " ")
        #expect(screen.contains(file.path))
        #expect(screen.contains("行第") && screen.contains("列已损坏：不是有效的 JSON（文件未改动）"))
        let pipe = try run([anjianBinary, "--data", data.path, "--lang", "en"])
        #expect(pipe.status == 2 && pipe.err.contains("must be a terminal"))
        #expect(try String(contentsOf: file, encoding: .utf8) == broken)
    }

    @Test func recordASupervisionVisitAndFindItAfterARestart() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let command = "\(anjianBinary) --data \(data.path)"
        let environment = ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"]
        var session: TmuxSession? = try TmuxSession(command: command, environment: environment, width: 80, height: 24)
        try session!.started()
        let enterprises = try LedgerStore.open(data).enterprises
        let target = try #require(enterprises.first { $0.name == "莱州鑫源矿业有限公司" })

        // Open the enterprise, s, a Chinese name, Tab, a certificate number, Ctrl-S.
        try session!.keys("/")
        try session!.type("鑫源")
        try session!.waitFor(text: " 1/60 家")
        try session!.keys("Enter", "Enter")
        try session!.waitFor(text: "监管记录（0 条）")
        try session!.keys("s")
        try session!.waitFor(text: "新建监管记录")
        try session!.type("张伟明")
        try session!.keys("Tab")
        try session!.type("37061988888")
        try session!.keys("C-s")
        var screen = try session!.waitFor(text: "已保存")
        #expect(screen.contains { $0.contains("监管记录（1 条）") })

        let file = data.appendingPathComponent("supervisions/\(target.creditCode).json")
        let saved = try JSONDecoder().decode(SupervisionsFile.self, from: Data(contentsOf: file))
        let entry = try #require(saved.entries.first)
        #expect(entry.inspectors == [InspectorRef(name: "王丽娟", certificateNumber: "37062301333"),
                                     InspectorRef(name: "张伟明", certificateNumber: "37061988888")])
        #expect(entry.accompanying == target.safetyResponsible)
        #expect(entry.history.first?.by.name == "王丽娟")

        // Ctrl-S without a second inspector saves nothing and says why; a paste with a
        // line break neither submits nor moves on.
        try session!.keys("s")
        try session!.waitFor(text: "新建监管记录")
        try session!.keys("C-s")
        screen = try session!.waitFor(text: "处需要修改")
        #expect(screen.contains { $0.contains("! 必填") })
        try session!.type("第一行\n第二行")
        // The box scrolls to the caret: its tail shows the line break turned into a space.
        screen = try session!.waitFor(text: "行 第二行 ]")
        #expect(screen.contains { $0.contains("新建监管记录") })
        try session!.keys("Escape")
        try session!.waitFor(text: "放弃未保存的修改")
        try session!.keys("y")
        try session!.waitFor(text: "监管记录（1 条）")
        #expect(try JSONDecoder().decode(SupervisionsFile.self, from: Data(contentsOf: file)).entries.count == 1)

        // View 3 shows it; it survives quitting and restarting.
        try session!.keys("3")
        try session!.waitFor(text: "张伟明")
        try session!.keys("q")
        #expect(try session!.exitStatus() == 0)
        session = nil
        let again = try TmuxSession(command: command, environment: environment, width: 100, height: 30)
        try again.started()
        try again.keys("3")
        screen = try again.waitFor(text: "张伟明")
        #expect(screen.contains { $0.contains("莱州鑫源矿业有限公司") && $0.contains("王丽娟、张伟明") })
        try again.keys("q")
        #expect(try again.exitStatus() == 0)
    }

    @Test func aSecondCopyIsReadOnlyAndNamesTheHolder() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let writer = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                     environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"], width: 100, height: 30)
        try writer.started()
        let reader = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                     environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "单志刚"], width: 100, height: 30)
        var screen = try reader.waitFor(text: "只读：王丽娟 正在使用此数据目录")
        #expect(screen[0].contains("[只读]"))
        try reader.keys("s")
        screen = try reader.waitFor(text: "只读：王丽娟")
        #expect(!screen.joined().contains("新建监管记录"))
        // The writer still saves.
        try writer.keys("s")
        try writer.waitFor(text: "新建监管记录")
        try writer.type("张伟明")
        try writer.keys("Tab")
        try writer.type("37061988888")
        try writer.keys("C-s")
        try writer.waitFor(text: "已保存")
        try reader.keys("q")
        try writer.keys("q")
        #expect(try reader.exitStatus() == 0)
        #expect(try writer.exitStatus() == 0)
    }

    @Test func theOperatorIsAskedOnceAndRemembered() throws {
        let data = temporaryDirectory(), config = temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: config)
        }
        let environment = ["LANG": "zh_CN.UTF-8", "XDG_CONFIG_HOME": config.path]
        let first = try TmuxSession(command: "\(anjianBinary) --data \(data.path)", environment: environment, width: 80, height: 24)
        try first.waitFor(text: "请填写操作员")
        try first.type("单志刚")
        try first.keys("C-s")
        try first.waitFor(text: "操作员 单志刚")
        try first.keys("q")
        #expect(try first.exitStatus() == 0)
        let second = try TmuxSession(command: "\(anjianBinary) --data \(data.path)", environment: environment, width: 80, height: 24)
        let screen = try second.waitFor(text: "操作员 单志刚")
        #expect(!screen.joined().contains("请填写操作员"))
        try second.keys("q")
        #expect(try second.exitStatus() == 0)
    }

    @Test func registerAHazardAndWalkItToClosed() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let command = "\(anjianBinary) --data \(data.path)"
        let environment = ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"]
        var session: TmuxSession? = try TmuxSession(command: command, environment: environment, width: 100, height: 30)
        try session!.started()
        let target = try #require(try LedgerStore.open(data).enterprises.first { $0.name == "莱州鑫源矿业有限公司" })
        try session!.keys("/")
        try session!.type("鑫源")
        try session!.waitFor(text: " 1/60 家")
        try session!.keys("Enter", "Enter")
        try session!.waitFor(text: "暂无隐患")
        try session!.keys("h")
        try session!.waitFor(text: "登记隐患")
        try session!.type("井口提升机制动器磨损超限")
        try session!.keys("C-s")
        var screen = try session!.waitFor(text: "已保存隐患")
        #expect(screen.contains { $0.contains("隐患（1 条：未销号 1，其中重大 0；整改逾期 0，验收逾期 0，7天内到期 0）") })
        #expect(screen.contains { $0.contains("已登记") && $0.contains("井口提升机制动器磨损超限") })

        // It is in view 2 too; open it there and walk it through the lifecycle.
        try session!.keys("2", "/")
        try session!.type("提升机")
        screen = try session!.waitFor(text: "显示 1 条")
        try session!.keys("Enter", "Enter")
        try session!.waitFor(text: "r 开始整改")
        try session!.keys("r")  // each step has its form: the day (today) and a note
        try session!.waitFor(text: "开始整改 · ")
        try session!.keys("C-s")
        try session!.waitFor(text: "c 整改完成待验收")
        try session!.keys("c")
        try session!.waitFor(text: "整改完成待验收 · ")
        try session!.type("制动器已更换")
        try session!.keys("C-s")
        try session!.waitFor(text: "v 验收通过并销号")
        try session!.keys("v")
        try session!.waitFor(text: "验收人")
        try session!.keys("C-s")
        screen = try session!.waitFor(text: "o 重新打开")
        #expect(screen.contains { $0.contains("已验收销号") })

        let file = data.appendingPathComponent("hazards/\(target.creditCode).json")
        let hazard = try #require(try JSONDecoder().decode(HazardsFile.self, from: Data(contentsOf: file)).hazards.first)
        #expect(hazard.status == .closed && hazard.verifications.first?.verifier == "王丽娟")
        #expect(hazard.history.map(\.action) == [.created, .rectificationStarted, .reportedRectified, .verifiedPassed])
        #expect(hazard.history.allSatisfy { $0.by.name == "王丽娟" })
        try session!.keys("Escape", "q")
        #expect(try session!.exitStatus() == 0)
        session = nil

        let again = try TmuxSession(command: command, environment: environment, width: 100, height: 30)
        try again.started()
        try again.keys("2", "/")
        try again.type("提升机")
        screen = try again.waitFor(text: "显示 1 条")
        #expect(screen.contains { $0.contains("已验收销号") })
        try again.keys("Escape", "q")
        #expect(try again.exitStatus() == 0)
    }

    @Test func theLedgerMarksOverdueAndMajorWithoutColour() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "NO_COLOR": "1", "ANJIAN_OPERATOR": "王丽娟"],
                                      width: 140, height: 40)
        try session.started()
        try session.keys("2")
        // A settled frame: one read while the list is still being drawn lacks its rows.
        let screen = try session.settled("整改率")
        #expect(screen.contains { $0.contains("重大隐患!") })
        #expect(screen.contains { $0.range(of: #"逾\d+天!"#, options: .regularExpression) != nil })
        // The demo's reports of September and October wait for their re-check: the bureau's backlog, marked apart.
        #expect(screen.contains { $0.range(of: #"验收逾\d+天!"#, options: .regularExpression) != nil })
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test func aDamagedConfigAsksAgainAndIsLeftAlone() throws {
        let data = temporaryDirectory(), config = temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: config)
        }
        let file = config.appendingPathComponent("anjian/config.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{ \"schemaVersion\" : 1, \"operator\" : ".write(to: file, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "XDG_CONFIG_HOME": config.path], width: 100, height: 24)
        let screen = try session.waitFor(text: "请填写操作员")
        #expect(screen.joined().contains("config.json"))
        try session.type("单志刚")
        try session.keys("C-s")
        try session.waitFor(text: "操作员 单志刚")
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "{ \"schemaVersion\" : 1, \"operator\" : ")
    }

    /// The program in Chinese at 80x24 on a fresh demo ledger, the enterprise list shown; after
    /// the body (back on the list) `q` quits. Returns the seconds from `q` to the exit.
    @discardableResult
    func withChineseList(_ body: (TmuxSession) throws -> Void) throws -> TimeInterval {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"], width: 80, height: 24)
        try session.started()
        try body(session)
        let quit = Date()
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
        return Date().timeIntervalSince(quit)
    }

    @Test func aBracketedPasteEndingInALineBreakPicksNothing() throws {
        try withChineseList { session in
            try session.keys("s")
            try session.waitFor(text: "新建监管记录")
            try session.paste("单\n")
            let screen = try session.waitFor(text: "单志刚")  // the suggestions are shown, nothing was picked
            #expect(screen.contains { $0.contains("检查人员2 [单 ") })
            #expect(screen.contains { $0.contains("执法证号 [              ]") && $0.contains("检查人员2") })
            try session.keys("Escape")
            try session.waitFor("suggestions closed") { !$0.joined().contains("单志刚") }
            try session.keys("Escape")
            try session.waitFor(text: "放弃未保存的修改")
            try session.keys("y")
            try session.started()
        }
    }

    /// A paste start with no end (a terminal's stray marker) does not freeze the keys: the
    /// paste ends by itself and `q` quits.
    @Test func aStrayPasteStartDoesNotFreezeTheKeys() throws {
        let quitting = try withChineseList { session in
            try session.bytes("\u{1B}[200~")
            usleep(800_000)
        }
        #expect(quitting < 2)
    }

    /// Pasted text holding an end marker, then Ctrl-S and a real end: all of it is the paste,
    /// in the form's field, and nothing is saved.
    @Test func aPastedEndMarkerAndCtrlSDoNotSave() throws {
        try withChineseList { session in
            try session.keys("h")
            try session.waitFor(text: "登记隐患")
            try session.bytes("\u{1B}[200~管道\u{1B}[201~泄漏\u{13}q\u{1B}[201~")
            try session.waitFor(text: "管道泄漏q")
            usleep(500_000)
            #expect(!(try session.capture().joined().contains("已保存")))
            try session.keys("C-s")
            try session.waitFor(text: "已保存隐患")
        }
    }

    /// A paste in the list is a filter, never keys: `q` in it does not quit, `h` opens no form.
    @Test func aPasteInTheListIsAFilterNotKeys() throws {
        try withChineseList { session in
            try session.paste("hello q")
            let screen = try session.waitFor(text: "没有匹配“hello q”的企业")
            #expect(!screen.joined().contains("登记隐患"))
            try session.keys("Escape", "Escape")
            try session.started()
        }
    }
}

@Suite(.serialized) struct DraftTmuxTests {
    /// An SSH drop (SIGHUP) with a half-filled hazard form: the form is kept as a draft, the
    /// terminal is restored, and the next start offers it back with everything typed.
    @Test func aHangupKeepsTheFormAndTheNextStartOffersIt() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let command = "\(anjianBinary) --data \(data.path)"
        let environment = ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"]
        var session: TmuxSession? = try TmuxSession(command: command, environment: environment, width: 100, height: 30)
        try session!.started()
        try session!.keys("h")
        try session!.waitFor(text: "登记隐患")
        try session!.type("二楼配电箱箱门未关闭")
        try session!.waitFor(text: "二楼配电箱箱门未关闭")
        let holder = try JSONDecoder().decode(LockHolder.self, from: Data(contentsOf: data.appendingPathComponent(".anjian.lock")))
        #expect(kill(holder.pid, SIGHUP) == 0)
        #expect(try session!.exitStatus() == 128 + SIGHUP)
        let drafts = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("drafts").path)
        #expect(drafts.count == 1)
        #expect(try LedgerStore.open(data).hazards.values.flatMap { $0 }.allSatisfy { $0.description != "二楼配电箱箱门未关闭" },
                "a draft is not a ledger entry")
        session = nil

        session = try TmuxSession(command: command, environment: environment, width: 100, height: 30)
        try session!.waitFor(text: "未保存的表单")
        try session!.keys("C-s")
        let screen = try session!.waitFor(text: "二楼配电箱箱门未关闭")
        #expect(screen.joined().contains("登记隐患"))
        // Kept until the reopened form is saved.
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("drafts").path).count == 1)
        try session!.keys("C-s")
        try session!.waitFor(text: "已保存隐患")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("drafts").path).filter { !$0.hasPrefix(".") }.isEmpty)
    }
}

@Suite struct CrashTests {
    /// A program registering hazards on a visit in a loop is killed (SIGKILL) at random moments,
    /// again and again. After each kill every file parses, each save it reported is there whole
    /// (the hazard and the visit's link to it), and the visit never lists a hazard that is missing.
    @Test func killedWhileSavingEveryFileParsesAndEachSaveIsWholeOrAbsent() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        var random = SystemRandomNumberGenerator()
        var reported = 0
        for round in 0..<25 {
            let out = data.deletingLastPathComponent().appendingPathComponent("\(data.lastPathComponent)-\(round).out")
            defer { try? FileManager.default.removeItem(at: out) }
            let pid = try spawn([anjianBinary, "--stress-saves", "100000", "--data", data.path], stdout: out.path)
            // Long enough to start (a loaded machine starts slowly) and save a few times.
            usleep(UInt32.random(in: 80_000...400_000, using: &random))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}

            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)  // every file parses
            let printed = ((try? String(contentsOf: out, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int($0) }
            reported += printed.count
            let code = try #require(ledger.supervisions.keys.sorted().first)
            let hazards = Set((ledger.hazards[code] ?? []).map(\.id))
            let visit = try #require(ledger.supervisions[code]?.first)
            for i in printed {
                #expect(hazards.contains("stress-\(pid)-\(i)") && visit.hazardIDs.contains("stress-\(pid)-\(i)"), "round \(round): save \(i)")
            }
            for id in visit.hazardIDs { #expect(hazards.contains(id), "round \(round): the visit lists \(id), which is missing") }
        }
        #expect(reported > 0, "the runs saved something before they were killed: \(reported)")
    }

    /// Killed while it fills a new data directory with the demo ledger: the next start
    /// finishes the job instead of calling the directory "not a data directory".
    @Test func killedWhileInitialisingTheNextStartInitialisesAgain() throws {
        var random = SystemRandomNumberGenerator()
        var cut = 0
        for _ in 0..<15 {
            let data = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let pid = try spawn([anjianBinary, "--stress-saves", "1", "--data", data.path], stdout: "/dev/null")
            usleep(UInt32.random(in: 0...40_000, using: &random))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            if !FileManager.default.fileExists(atPath: data.appendingPathComponent("ledger.json").path) { cut += 1 }
            let ledger = try LedgerStore.open(data)
            #expect(ledger.enterprises.count == 60 && ledger.isDemo)
        }
        #expect(cut > 0, "some runs were cut before the manifest was written")
    }

    /// Two copies started together on an empty directory: one fills it, the other waits its turn
    /// or reads; the directory always ends a whole ledger.
    @Test func twoCopiesStartedTogetherLeaveAWholeLedger() throws {
        for _ in 0..<20 {
            let data = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let first = try spawn([anjianBinary, "--stress-saves", "0", "--data", data.path], stdout: "/dev/null")
            let second = try spawn([anjianBinary, "--stress-saves", "0", "--data", data.path], stdout: "/dev/null")
            for pid in [first, second] {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            }
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            #expect(ledger.enterprises.count == 60 && ledger.damagedFiles.isEmpty)
        }
    }

    /// A ledger whose manifest went missing (a sync, a mistake) is refused, never taken for a
    /// directory to fill: nothing of it, its backups included, is touched.
    @Test func aLedgerWithoutItsManifestIsRefusedAndLeftAlone() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try run([anjianBinary, "--stress-saves", "3", "--data", data.path])
        let manifest = data.appendingPathComponent("ledger.json")
        try FileManager.default.removeItem(at: manifest)
        let before = try run(["sh", "-c", "cd \(data.path) && find . -type f | sort | xargs md5sum"]).out
        #expect(before.contains("./backups/"))
        let again = try run([anjianBinary, "--stress-saves", "1", "--data", data.path])
        #expect(again.status != 0)
        #expect(try run(["sh", "-c", "cd \(data.path) && find . -type f ! -name .anjian.lock | sort | xargs md5sum"]).out
                == before.split(separator: "\n").filter { !$0.hasSuffix(".anjian.lock") }.joined(separator: "\n") + "\n")
    }

    /// Starts a program with its output in a file and returns at once.
    func spawn(_ arguments: [String], stdout path: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw TmuxError.failed("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        return pid
    }
}

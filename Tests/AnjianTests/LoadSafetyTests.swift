import Foundation
import Testing
@testable import AnjianStore
import AnjianModel
import AnjianText
import AnjianRuntime
@testable import AnjianApp
import AnjianScreen

/// A demo data directory in a temporary folder, removed afterwards.
func withDemoLedger(_ body: (URL) throws -> Void) throws {
    let dir = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try LedgerStore.open(dir)
    try body(dir)
}

/// What loading `dir` reports: the problems that make a file unusable, and the warnings.
func loadProblems(_ dir: URL) throws -> (errors: [StoreError], warnings: [StoreError]) {
    let ledger = try LedgerStore.open(dir)
    return (ledger.damagedFiles.map(\.error), ledger.fileWarnings.map(\.error))
}

/// The one problem loading `dir` reports, worded in both languages.
func theProblem(_ dir: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> (StoreError, zh: String, en: String) {
    let errors = try loadProblems(dir).errors
    let error = try #require(errors.count == 1 ? errors.first : nil, "expected one problem, got \(errors)",
                             sourceLocation: sourceLocation)
    return (error, Strings(.zh).storeError(error), Strings(.en).storeError(error))
}

/// Foundation's wordings that must never reach the user.
func expectOwnWording(_ texts: String..., sourceLocation: SourceLocation = #_sourceLocation) {
    for text in texts {
        for foreign in ["NSCocoaErrorDomain", "permission", "Error Domain", "couldn’t", "couldn't"] {
            #expect(!text.contains(foreign), "\(text)", sourceLocation: sourceLocation)
        }
    }
}

func demoCode(_ dir: URL, _ folder: String, _ n: Int = 0) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path).sorted()
    return String(names[n].dropLast(5))
}

/// Item 1: what cannot be read is an error naming the path and why, never an empty folder.
@Suite struct UnreadableFileTests {
    @Test func aMissingFolderHasNoRecords() throws {
        try withDemoLedger { dir in
            try FileManager.default.removeItem(at: dir.appendingPathComponent("hazards"))
            #expect(try loadProblems(dir).errors.isEmpty)
            #expect(try LedgerStore.open(dir).hazards.isEmpty)
        }
    }

    @Test func aRegularFileInPlaceOfTheHazardsFolderIsAnError() throws {
        try withDemoLedger { dir in
            let folder = dir.appendingPathComponent("hazards")
            try FileManager.default.removeItem(at: folder)
            try Data("x".utf8).write(to: folder)
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .unreadable(path: folder.path, reason: .notAFolder(.regularFile)))
            #expect(zh.contains(folder.path) && zh.contains("不是文件夹"))
            #expect(en.contains(folder.path) && en.contains("not a folder"))
            expectOwnWording(zh, en)
        }
    }

    @Test func aDanglingSymlinkInPlaceOfTheSupervisionsFolderIsAnError() throws {
        try withDemoLedger { dir in
            let folder = dir.appendingPathComponent("supervisions")
            try FileManager.default.removeItem(at: folder)
            try FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: "/nonexistent/anjian")
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .unreadable(path: folder.path, reason: .danglingLink("/nonexistent/anjian")))
            #expect(zh.contains("/nonexistent/anjian") && en.contains("/nonexistent/anjian"))
            expectOwnWording(zh, en)
        }
    }

    @Test func aFolderInPlaceOfARecordFileIsAnError() throws {
        try withDemoLedger { dir in
            let file = dir.appendingPathComponent("hazards/\(try demoCode(dir, "hazards")).json")
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .unreadable(path: file.path, reason: .notAFile(.directory)))
            #expect(zh.contains(file.path) && zh.contains("文件夹") && en.contains("a folder"))
            expectOwnWording(zh, en)
        }
    }

    @Test func aFIFOInPlaceOfARecordFileIsAnErrorAndIsNotOpened() throws {
        try withDemoLedger { dir in
            let file = dir.appendingPathComponent("supervisions/\(try demoCode(dir, "supervisions")).json")
            try FileManager.default.removeItem(at: file)
            #expect(mkfifo(file.path, 0o600) == 0)
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .unreadable(path: file.path, reason: .notAFile(.fifo)))
            #expect(zh.contains("管道") && en.contains("pipe"))
            expectOwnWording(zh, en)
        }
    }

    @Test func invalidUTF8IsReportedAtItsLineColumnAndByte() throws {
        try withDemoLedger { dir in
            let file = dir.appendingPathComponent("hazards/\(try demoCode(dir, "hazards")).json")
            let text = try String(contentsOf: file, encoding: .utf8)
            // A byte that is never UTF-8 inside the second line's key, where the JSON syntax still holds.
            var bytes = [UInt8](text.utf8)
            let lineStart = try #require(bytes.firstIndex(of: 0x0A)) + 1
            bytes.insert(0xFF, at: lineStart + 3)
            try Data(bytes).write(to: file)
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .damaged(path: file.path, line: 2, column: 4, field: nil, reason: .invalidUTF8(offset: lineStart + 3)))
            #expect(zh.contains("第 2 行第 4 列") && zh.contains("UTF-8") && zh.contains("字节偏移 \(lineStart + 3)"))
            #expect(en.contains("line 2, column 4") && en.contains("UTF-8") && en.contains("byte offset \(lineStart + 3)"))
        }
    }
}

/// Item 2: supervision entries are checked like hazards; duplicates and stray files are reported.
@Suite struct LoadCheckTests {
    /// Rewrites the first supervision file after `change`; its path and what it holds now.
    func rewriteSupervisions(_ dir: URL, _ change: (inout [SupervisionEntry]) -> Void) throws -> (String, [SupervisionEntry]) {
        let code = try demoCode(dir, "supervisions")
        var entries = try LedgerStore.open(dir).supervisions[code]!
        change(&entries)
        try LedgerStore.saveSupervisions(entries, enterprise: code, in: dir)
        return (dir.appendingPathComponent("supervisions/\(code).json").path, entries)
    }

    /// Rewrites the `n`th hazard file after `change`; its path and what it holds now.
    func rewriteHazards(_ dir: URL, _ n: Int = 0, _ change: (inout [Hazard]) -> Void) throws -> (String, [Hazard]) {
        let code = try demoCode(dir, "hazards", n)
        var hazards = try LedgerStore.open(dir).hazards[code]!
        change(&hazards)
        try LedgerStore.saveHazards(hazards, enterprise: code, in: dir)
        return (dir.appendingPathComponent("hazards/\(code).json").path, hazards)
    }

    @Test(arguments: [
        ("inspectors[0].name", ValidationIssue.Problem.tooFewInspectors(0)),
        ("date", .invalidDate("2026-02-30")),
        ("accompanying.phone", .invalidPhone("abc")),
    ])
    func anInvalidSupervisionEntryIsReported(field: String, problem: ValidationIssue.Problem) throws {
        try withDemoLedger { dir in
            let (path, entries) = try rewriteSupervisions(dir) { entries in
                switch field {
                case "date": entries[0].date = "2026-02-30"
                case "accompanying.phone": entries[0].accompanying.phone = "abc"
                default: entries[0].inspectors = []
                }
            }
            let entry = entries[0]
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .invalidRecord(path: path, record: 0, name: entry.id, issue: ValidationIssue(field: field, problem: problem)))
            #expect(zh.contains(path) && zh.contains(field) && en.contains(entry.id))
        }
    }

    @Test func aRepeatedSupervisionIDIsReportedNotHidden() throws {
        try withDemoLedger { dir in
            let (path, entries) = try rewriteSupervisions(dir) { entries in
                entries.append(entries[0])
                entries[entries.count - 1].findings = "另一份记录"
            }
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .duplicateRecord(path: path, record: entries.count - 1, key: .supervisionID, value: entries[0].id,
                                              firstPath: path, firstRecord: 0))
            #expect(zh.contains("监管记录编号") && zh.contains(entries[0].id) && !zh.contains("信用代码"))
            #expect(en.contains("supervision entry id") && !en.contains("credit code"))
        }
    }

    @Test func aHazardIDRepeatedInAnotherFileIsWordedAsAnID() throws {
        try withDemoLedger { dir in
            let (firstPath, first) = try rewriteHazards(dir, 0) { _ in }
            let (path, theirs) = try rewriteHazards(dir, 1) { $0[0].id = first[0].id }
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .duplicateRecord(path: path, record: 0, key: .hazardID, value: theirs[0].id, firstPath: firstPath, firstRecord: 0))
            #expect(zh.contains("隐患标识") && zh.contains(firstPath) && !zh.contains("信用代码"))
            #expect(en.contains("hazard id") && en.contains(firstPath) && !en.contains("credit code"))
        }
    }

    @Test func aRepeatedHazardNumberIsAWarning() throws {
        try withDemoLedger { dir in
            let (path, hazards) = try rewriteHazards(dir) { hazards in
                hazards.append(hazards[0])
                hazards[hazards.count - 1].id = "h-copy"
            }
            let (errors, warnings) = try loadProblems(dir)
            #expect(errors.isEmpty)
            #expect(warnings == [.duplicateRecord(path: path, record: hazards.count - 1, key: .hazardNumber, value: hazards[0].number,
                                                  firstPath: path, firstRecord: 0)])
            #expect(Strings(.zh).storeError(warnings[0]).contains("隐患编号"))
            #expect(try LedgerStore.open(dir).hazards[hazards[0].enterpriseCode]?.count == hazards.count)
        }
    }

    @Test func aFileForACodeThatIsNoEnterpriseOfTheLedgerIsReported() throws {
        try withDemoLedger { dir in
            // A valid credit code (area 370602) that is not in the demo ledger.
            let code = try #require(CreditCode.alphabet.map { "91370602MA3C4LXR7" + String($0) }.first { CreditCode.check($0).isValid })
            try #require(!(try LedgerStore.open(dir).enterprises.contains { $0.creditCode == code }))
            var entry = try LedgerStore.open(dir).supervisions.values.first!.first!
            entry.enterpriseCode = code
            try LedgerStore.saveSupervisions([entry], enterprise: code, in: dir)
            let path = dir.appendingPathComponent("supervisions/\(code).json").path
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .unknownEnterprise(path: path, code: code))
            #expect(zh.contains("enterprises.json") && en.contains("not an enterprise of the ledger"))
        }
    }

    @Test func aFileWhoseNameIsNotACreditCodeIsReported() throws {
        try withDemoLedger { dir in
            let file = dir.appendingPathComponent("hazards/copy of ledger.json")
            try Data("{}".utf8).write(to: file)
            let (error, zh, en) = try theProblem(dir)
            #expect(error == .invalidFileName(path: file.path, problem: .wrongLength(14)))
            #expect(zh.contains("文件名") && en.contains("file name"))
        }
    }
}

/// Item 3: a damaged per-enterprise file is reported for its enterprise; the rest loads.
@Suite struct DamagedFileTests {
    @Test func anEmptyHazardFileDamagesThatFileOnly() throws {
        try withDemoLedger { dir in
            let code = try demoCode(dir, "hazards")
            let before = try LedgerStore.open(dir)
            let file = dir.appendingPathComponent("hazards/\(code).json")
            try Data().write(to: file)
            let ledger = try LedgerStore.open(dir)
            #expect(ledger.hazards[code] == nil && ledger.hazards.count == before.hazards.count - 1)
            #expect(ledger.supervisions == before.supervisions && ledger.enterprises == before.enterprises)
            #expect(ledger.damagedFiles == [FileProblem(path: file.path, enterpriseCode: code, folder: .hazards,
                                                        error: .damaged(path: file.path, line: 1, column: 1, field: nil,
                                                                        reason: .invalidJSON))])
            #expect(try Data(contentsOf: file).isEmpty)
        }
    }

    @Test func theLedgerFilesStillStopTheLoad() throws {
        try withDemoLedger { dir in
            try Data().write(to: dir.appendingPathComponent("inspectors.json"))
            #expect(throws: StoreError.self) { try LedgerStore.open(dir) }
        }
    }

    /// The runner reads the file before it writes: a damaged one fails the save and keeps its bytes.
    @Test(arguments: ["empty", "invalid entry"])
    func aSaveIntoADamagedFileFailsAndLeavesItByteIdentical(damage: String) throws {
        try withDemoLedger { dir in
            let code = try demoCode(dir, "supervisions")
            let file = dir.appendingPathComponent("supervisions/\(code).json")
            var entries = try LedgerStore.open(dir).supervisions[code]!
            let ours = entries[0]
            if damage == "empty" {
                try Data().write(to: file)
            } else {
                entries[entries.count - 1].inspectors.removeLast()
                try LedgerStore.saveSupervisions(entries, enterprise: code, in: dir)
            }
            let before = try Data(contentsOf: file)
            let runner = Runner(directory: dir, lock: nil, configURL: dir.appendingPathComponent("config.json"), configProblem: nil)
            guard case .failed(_, let error) = runner.perform(.saveSupervision(ours, base: ours)) else {
                Issue.record("the save should fail")
                return
            }
            #expect(Strings(.en).storeError(error).contains(file.path))
            #expect(try Data(contentsOf: file) == before)
        }
    }

    @Test func theEnterprisePageSaysItsHazardFileIsDamagedAndSavesToItAreRefused() throws {
        try withDemoLedger { dir in
            let code = try #require(demoSupervisions.keys.sorted().first)
            let file = dir.appendingPathComponent("hazards/\(code).json")
            try Data().write(to: file)
            let session = try Session.start(directory: dir, operatorFlag: "王丽娟", environment: [:],
                                            configURL: dir.appendingPathComponent("config.json"), now: fixedNow)
            defer { session.release() }
            var state = AppState(session: session, language: .zh, useColor: false, size: (100, 30))
            #expect(state.message == "有 1 个记录文件已损坏，其中的记录未载入（见企业页面）")
            state.openEnterprisePage(code)
            let lines = AppView.render(state).lines()
            #expect(lines.contains { $0.contains("! 隐患文件已损坏，记录未显示，也不能保存：") })
            #expect(lines.joined().replacingOccurrences(of: " ", with: "").contains("第1行第1列已损坏：不是有效的JSON"))
            #expect(lines.contains { $0.contains("隐患文件已损坏，记录未显示") })
            #expect(!lines.contains { $0.contains("暂无隐患") })

            state.press(.character("h"))
            #expect(state.openForm == nil && state.message?.contains("隐患文件已损坏") == true)

            // From a visit of the same enterprise: the form opens, the save is refused, nothing is written.
            let (_, _, effects) = try state.registerHazardOnAVisit("消防栓水压不足")
            #expect(!effects.contains { if case .store = $0 { return true } else { return false } })
            #expect(state.openForm?.message?.contains("隐患文件已损坏") == true)
            #expect(try Data(contentsOf: file).isEmpty)
        }
    }
}

import Foundation
import Testing
@testable import AnjianStore
import AnjianModel

func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-test-\(UUID().uuidString)")
    return url
}

func permissions(_ url: URL) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Suite struct StoreTests {
    @Test func missingDirectoryIsInitialisedFromTheDemoLedgerOwnerOnly() throws {
        let dir = temporaryDirectory().appendingPathComponent("nested/data")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent().deletingLastPathComponent()) }
        let ledger = try LedgerStore.open(dir)
        #expect(ledger.initializedNow && ledger.isDemo)
        #expect(ledger.enterprises.count == 60)
        #expect(permissions(dir) == 0o700)
        #expect(permissions(dir.appendingPathComponent("enterprises.json")) == 0o600)
        #expect(permissions(dir.appendingPathComponent("ledger.json")) == 0o600)
        let again = try LedgerStore.open(dir)
        #expect(!again.initializedNow && again.isDemo && again.enterprises == ledger.enterprises)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["enterprises.json", "hazards", "inspectors.json", "ledger.json", "supervisions"])
        #expect(Set(again.hazards.values.joined().map(\.status)) == Set(HazardStatus.allCases))
        #expect(permissions(dir.appendingPathComponent("supervisions")) == 0o700)
        #expect(!again.inspectors.isEmpty && !again.supervisions.isEmpty)
    }

    @Test func emptyDirectoryIsInitialisedToo() throws {
        let dir = temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try LedgerStore.open(dir).initializedNow)
    }

    @Test func filesArePrettySortedAndVersioned() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir)
        let text = try String(contentsOf: dir.appendingPathComponent("enterprises.json"), encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"enterprises\" : [\n"))
        #expect(text.contains("\"schemaVersion\" : 1"))
        #expect(text.contains("莱州"))  // not \u-escaped
        #expect(text.hasSuffix("}\n"))
        // Saving what was loaded gives the same bytes: stable key order.
        let before = try Data(contentsOf: dir.appendingPathComponent("enterprises.json"))
        try LedgerStore.saveEnterprises(try LedgerStore.open(dir).enterprises, in: dir)
        #expect(try Data(contentsOf: dir.appendingPathComponent("enterprises.json")) == before)
    }

    @Test func damagedJSONNamesLineAndColumnAndIsNotOverwritten() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir)
        let file = dir.appendingPathComponent("enterprises.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        // Break line 4: drop the comma after the first field of the first record.
        var lines = text.components(separatedBy: "\n")
        lines[3] = lines[3].replacingOccurrences(of: "\",", with: "\"")
        text = lines.joined(separator: "\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try LedgerStore.open(dir)
        } throws: { error in
            guard case StoreError.damaged(let path, let line?, let column?, _, _) = error else { return false }
            return path == file.path && line == 5 && column == 7
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func wrongTypeNamesTheField() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir)
        let file = dir.appendingPathComponent("enterprises.json")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"riskGrade\" : \"moderate\"", with: "\"riskGrade\" : \"medium\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try LedgerStore.open(dir)
        } throws: { error in
            guard case StoreError.damaged(_, nil, nil, let field?, .invalidValue("medium")) = error else { return false }
            return field.hasPrefix("enterprises[") && field.hasSuffix("].riskGrade")
        }
    }

    @Test func unknownVersionIsRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir)
        let file = dir.appendingPathComponent("enterprises.json")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 7")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.unsupportedVersion(path: file.path, found: 7, supported: 1)) {
            try LedgerStore.open(dir)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func invalidCreditCodeNamesRecordAndField() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var enterprises = try DemoLedger.enterprises()
        let good = enterprises[4].creditCode
        enterprises[4].creditCode = String(good.dropLast()) + (good.last == "A" ? "B" : "A")
        try AtomicFile.ensureDirectory(dir)
        try LedgerStore.initialize(dir, source: .empty)
        try LedgerStore.saveEnterprises(enterprises, in: dir)
        #expect {
            try LedgerStore.open(dir)
        } throws: { error in
            guard case StoreError.invalidRecord(_, 4, _, let issue) = error else { return false }
            return issue.field == "creditCode"
        }
    }

    @Test func duplicateCreditCodeIsRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var enterprises = try DemoLedger.enterprises()
        enterprises.append(enterprises[0])
        try LedgerStore.initialize(dir, source: .empty)
        try LedgerStore.saveEnterprises(enterprises, in: dir)
        #expect(throws: StoreError.duplicateKey(path: dir.appendingPathComponent("enterprises.json").path,
                                                record: 60, key: enterprises[0].creditCode)) {
            try LedgerStore.open(dir)
        }
    }

    @Test func aDirectoryWithOnlyOneOfOurFilesIsNotGuessedAt() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try LedgerStore.initialize(dir, source: .empty)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("enterprises.json"))
        #expect(throws: StoreError.notADataDirectory(path: dir.path, missing: "enterprises.json")) {
            try LedgerStore.open(dir)
        }
    }

    @Test func aFolderWithOtherFilesIsNeverFilledWithDemoData() throws {
        let dir = temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "会议纪要".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: StoreError.notADataDirectory(path: dir.path, missing: "enterprises.json")) {
            try LedgerStore.open(dir)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.txt"])
        // Our own lock file does not count as someone else's file.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("notes.txt"))
        #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent(".anjian.lock").path, contents: nil))
        #expect(try LedgerStore.open(dir).initializedNow)
    }

    @Test func anInconsistentHazardFileIsRefusedAndLeftAlone() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir)
        let folder = dir.appendingPathComponent("hazards")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first)
        let file = folder.appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"status\" : \"registered\"", with: "\"status\" : \"closed\"")
            .replacingOccurrences(of: "\"status\" : \"rectifying\"", with: "\"status\" : \"closed\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        // The file is damaged, not the ledger: it is reported and its records are not loaded.
        let damaged = try LedgerStore.open(dir).damagedFiles
        guard case .invalidRecord(let path, _, _, let issue)? = damaged.first?.error, damaged.count == 1 else {
            Issue.record("expected one damaged file: \(damaged)")
            return
        }
        #expect(path == file.path && issue.field == "closedOn")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func dataDirectoryPrecedence() {
        let env = ["ANJIAN_DATA": "/env/data", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]
        #expect(DataDirectory.resolve(flag: "/flag", environment: env).path == "/flag")
        #expect(DataDirectory.resolve(flag: nil, environment: env).path == "/env/data")
        #expect(DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]).path == "/xdg/anjian")
        #expect(DataDirectory.resolve(flag: nil, environment: ["HOME": "/home/u"]).path == "/home/u/.local/share/anjian")
        #expect(DataDirectory.resolve(flag: "~/d", environment: ["HOME": "/home/u"]).path == "/home/u/d")
    }

    @Test func syntaxScannerFindsTheFirstBadByte() {
        var ok = JSONSyntaxScanner(bytes: Array("{\"a\": [1, 2.5e3, true, null, \"x\\\"y\"]}".utf8))
        #expect(ok.firstError() == nil)
        var bad = JSONSyntaxScanner(bytes: Array("{\"a\": [1 2]}".utf8))
        #expect(bad.firstError() == 9)
    }
}

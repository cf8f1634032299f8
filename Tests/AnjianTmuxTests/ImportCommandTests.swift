import Foundation
import Testing
import AnjianModel
import AnjianStore

/// `anjian import` run as a process: the report on stdout, one line on stderr, the status, the files.
@Suite struct ImportCommandTests {
    static let signer = ["--operator", "于海波:37061901000"]

    /// A credit code with the right check character and organization-code digit.
    static func code(area: String, body: String) -> String {
        let alphabet = CreditCode.alphabet
        let first17 = Array("91" + area + body) + [CreditCode.organizationCheckCharacter(Array(body))!]
        var sum = 0, weight = 1
        for c in first17 {
            sum += alphabet.firstIndex(of: c)! * weight
            weight = weight * 3 % 31
        }
        return String(first17) + String(alphabet[(31 - sum % 31) % 31])
    }

    static let codeA = code(area: "370602", body: "12345678")
    static let codeB = code(area: "370681", body: "23456789")
    static let header = "统一社会信用代码,企业名称,所属区市,详细地址,行业类别,法定代表人,安全负责人,联系电话,监管责任人,颜色\r\n"
    static let rowA = "\(codeA),烟台测试化工有限公司,芝罘区,\"芝罘区某路1号\r\n2号厂区, 东门\",危险化学品生产,张三,李四,13912345678,王五,红\r\n"
    static let rowB = "\(codeB),龙口某机械有限公司,龙口市,龙口市某路2号,机械制造,钱七,孙八,0535-8123456,周九,\r\n"

    /// Every file of the data directory (the lock file aside) and its bytes.
    static func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: dir.path)!
        while let name = enumerator.nextObject() as? String {
            let url = dir.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !name.hasSuffix(DirectoryLock.fileName) else { continue }
            files[name] = try Data(contentsOf: url)
        }
        return files
    }

    func withLedger(_ body: (URL, URL) throws -> Void) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let data = base.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        try body(base, data)
    }

    @Test func aGB18030FileWithCRLFAndAMultiLineAddressImports() throws {
        try withLedger { base, data in
            let utf8 = base.appendingPathComponent("utf8.csv"), gbk = base.appendingPathComponent("gbk.csv")
            try Data((Self.header + Self.rowA + Self.rowB).utf8).write(to: utf8)
            #expect(try run(["sh", "-c", "iconv -f UTF-8 -t GB18030 '\(utf8.path)' > '\(gbk.path)'"]).status == 0)
            #expect(String(data: try Data(contentsOf: gbk), encoding: .utf8) == nil)
            let dry = try run([anjianBinary, "import", "enterprises", gbk.path, "--data", data.path, "--dry-run", "--lang", "en"])
            #expect(dry.status == 0 && dry.out.contains("Dry run (nothing written): 2 added"), "\(dry)")
            var result = try run([anjianBinary, "import", "enterprises", gbk.path, "--data", data.path, "--lang", "en"] + Self.signer)
            #expect(result.status == 0 && result.err.isEmpty, "\(result)")
            #expect(result.out.contains("warning: \(gbk.path): line 1: columns not recognised, ignored: 颜色"))
            #expect(result.out.contains("added \(Self.codeA) 烟台测试化工有限公司\nadded \(Self.codeB) 龙口某机械有限公司\n"))
            #expect(result.out.contains("2 added, 0 updated, 0 unchanged, 0 skipped"))
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            #expect(ledger.enterprises.count == 62)
            let a = try #require(ledger.enterprises.first { $0.creditCode == Self.codeA })
            #expect(a.address == "芝罘区某路1号\n2号厂区, 东门" && a.history?.first?.by.name == "于海波")
            // Again, with one field changed (UTF-8 with a BOM and LF this time): one updated, one unchanged.
            let again = base.appendingPathComponent("again.csv")
            try Data([0xEF, 0xBB, 0xBF] + Array((Self.header + Self.rowA + Self.rowB.replacingOccurrences(of: "孙八", with: "孙九"))
                .replacingOccurrences(of: "\r\n2号", with: "\u{1}").replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\u{1}", with: "\r\n2号").utf8)).write(to: again)
            result = try run([anjianBinary, "import", "enterprises", again.path, "--data", data.path, "--lang", "zh"] + Self.signer)
            #expect(result.status == 0 && result.out.contains("新增 0，更新 1，未变 1，跳过 0"), "\(result)")
            let b = try #require(try LedgerStore.open(data, initializeIfEmpty: false).enterprises.first { $0.creditCode == Self.codeB })
            #expect(b.safetyResponsible.name == "孙九")
            #expect(b.history?.last?.changes == [FieldChange(field: "safetyResponsible.name", old: "孙八", new: "孙九")])
        }
    }

    @Test func oneBadCheckCharacterImportsNothingAndNamesItsLine() throws {
        try withLedger { base, data in
            let bad = String(Self.codeB.dropLast()) + (Self.codeB.last == "1" ? "2" : "1")
            let file = base.appendingPathComponent("bad.csv")
            // Row A spans lines 2–3, so the bad row is line 4, the duplicate line 5.
            try Data((Self.header + Self.rowA + Self.rowB.replacingOccurrences(of: Self.codeB, with: bad) + Self.rowA.replacingOccurrences(of: "\r\n2号", with: "2号")).utf8).write(to: file)
            let before = try Self.snapshot(data)
            var result = try run([anjianBinary, "import", "enterprises", file.path, "--data", data.path, "--lang", "en"] + Self.signer)
            #expect(result.status == 65, "\(result)")
            #expect(result.out.contains("error: \(file.path): line 4: 统一社会信用代码: "), "\(result.out)")
            #expect(result.out.contains("error: \(file.path): line 5: 统一社会信用代码: \(Self.codeA) repeats line 2"), "\(result.out)")
            #expect(result.err == "anjian: \(file.path): 2 invalid rows (lines 4, 5); nothing was imported; --skip-invalid imports the valid rows\n")
            #expect(try Self.snapshot(data) == before)

            result = try run([anjianBinary, "import", "enterprises", file.path, "--data", data.path, "--dry-run", "--lang", "en"])
            let afterDryRun = try Self.snapshot(data)
            #expect(result.status == 65 && afterDryRun == before)

            result = try run([anjianBinary, "import", "enterprises", file.path, "--data", data.path, "--skip-invalid", "--lang", "en"] + Self.signer)
            #expect(result.status == 0 && result.out.contains("1 added, 0 updated, 0 unchanged, 2 skipped"), "\(result)")
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            #expect(ledger.enterprises.count == 61 && ledger.enterprises.last?.creditCode == Self.codeA)
            // The supervision and hazard files are the ones from before.
            let after = try Self.snapshot(data)
            for (name, bytes) in before where name.hasPrefix("supervisions/") || name.hasPrefix("hazards/") {
                #expect(after[name] == bytes, "\(name)")
            }
        }
    }

    @Test func anInspectorsRosterWithEnglishHeaders() throws {
        try withLedger { base, data in
            let file = base.appendingPathComponent("roster.csv")
            try Data("Name,Certificate_Number,Unit,Phone,Rank\n新人甲,37069999001,市局执法稽查支队,13800000001,一级\n于海波,37061901000,新科室,,\n".utf8).write(to: file)
            let result = try run([anjianBinary, "import", "inspectors", file.path, "--data", data.path, "--lang", "en"] + Self.signer)
            #expect(result.status == 0, "\(result)")
            #expect(result.out.contains("columns not recognised, ignored: Rank") && result.out.contains("1 added, 1 updated, 0 unchanged"))
            let roster = try JSONDecoder().decode([String: [Inspector]].self, from: Data(contentsOf: data.appendingPathComponent("inspectors.json")).dropFirstSchemaVersion())
            #expect(roster["inspectors"]?.contains { $0.certificateNumber == "37069999001" && $0.phone == "13800000001" } == true)
        }
    }

    @Test func aMissingFileAHeldDirectoryAndNoLedger() throws {
        try withLedger { base, data in
            var result = try run([anjianBinary, "import", "enterprises", base.appendingPathComponent("none.csv").path, "--data", data.path, "--lang", "en"])
            #expect(result.status == 66 && result.err.contains("does not exist"), "\(result)")

            let file = base.appendingPathComponent("ok.csv")
            try Data((Self.header + Self.rowB).utf8).write(to: file)
            let before = try Self.snapshot(data)
            guard case .acquired(let lock) = try DirectoryLock.acquire(data, holder: LockHolder(pid: getpid(), operatorName: "王丽娟", since: "2026-11-26T09:00:00+08:00")) else {
                Issue.record("the lock was not taken")
                return
            }
            result = try run([anjianBinary, "import", "enterprises", file.path, "--data", data.path, "--lang", "en"] + Self.signer)
            lock.release()
            #expect(result.status == 75 && result.err.contains("王丽娟") && result.err.contains("process \(getpid())"), "\(result)")
            #expect(try Self.snapshot(data) == before)

            result = try run([anjianBinary, "import", "enterprises", file.path, "--data", base.appendingPathComponent("empty").path] + Self.signer)
            #expect(result.status == 66 && !FileManager.default.fileExists(atPath: base.appendingPathComponent("empty/enterprises.json").path))
        }
    }
}

private extension Data {
    /// inspectors.json without its schemaVersion key, to decode the list alone.
    func dropFirstSchemaVersion() throws -> Data {
        var object = try JSONSerialization.jsonObject(with: self) as! [String: Any]
        object.removeValue(forKey: "schemaVersion")
        return try JSONSerialization.data(withJSONObject: object)
    }
}

/// The terminal UI holds the data directory: an import waits for nobody, writes nothing, exits 75
/// and names who holds it, as the UI's banner does.
@Suite(.serialized) struct SecondWriterTests {
    @Test func anImportWhileTheTUIHoldsTheDirectoryExits75AndNamesTheHolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-holder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let data = base.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟:37062301333"], width: 100, height: 30)
        try session.started()
        let csv = base.appendingPathComponent("e.csv")
        try Data((ImportCommandTests.header + ImportCommandTests.rowB).utf8).write(to: csv)
        let before = try ImportCommandTests.snapshot(data)
        let result = try run([anjianBinary, "import", "enterprises", csv.path, "--data", data.path, "--lang", "zh"] + ImportCommandTests.signer)
        #expect(result.status == 75, "\(result)")
        #expect(result.err.hasPrefix("anjian: ") && result.err.contains("王丽娟") && result.err.split(separator: "\n").count == 1, "\(result.err)")
        #expect(try ImportCommandTests.snapshot(data) == before)
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
    }
}

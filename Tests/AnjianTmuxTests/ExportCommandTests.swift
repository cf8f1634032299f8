import Foundation
import Testing

/// `anjian export` run as a process: the files it writes read by independent programs
/// (Python's openpyxl for the workbook, jsonschema for the JSON), stdout, stderr and statuses.
@Suite struct ExportCommandTests {
    /// A Python that has `module` (the pyenv one and the system one may differ), or nil.
    static func python(with module: String) -> String? {
        for candidate in ["python3", "/usr/bin/python3"] {
            if let result = try? run(["/usr/bin/env", candidate, "-c", "import \(module)"]), result.status == 0 { return candidate }
        }
        return nil
    }

    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func overdueHazardsAsXlsxOpenInOpenpyxlWithTheSameRowsAndChinese() throws {
        // .ci/run installs it (apt-get install -y python3-openpyxl); a machine without it fails here, not silently.
        let python = try #require(Self.python(with: "openpyxl"), "openpyxl is missing: apt-get install -y python3-openpyxl")
        let data = temporaryDirectory(), work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data); try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        #expect(try run([anjianBinary, "init", "--demo", "--data", data.path]).status == 0)
        let xlsx = work.appendingPathComponent("x.xlsx").path
        let written = try run([anjianBinary, "export", "hazards", "--overdue", "--format", "xlsx", "--output", xlsx,
                               "--data", data.path, "--lang", "zh"])
        #expect(written.status == 0 && written.out.isEmpty, "\(written.err)")
        // The same rows as CSV, from the same binary: the workbook must hold exactly them.
        let csvFile = work.appendingPathComponent("x.csv")
        let csv = try run([anjianBinary, "export", "hazards", "--overdue", "--output", csvFile.path, "--data", data.path, "--lang", "zh"])
        #expect(csv.status == 0 && csv.err.contains(csvFile.path))
        #expect(try Data(contentsOf: csvFile).starts(with: Data("\u{FEFF}隐患编号,".utf8)))
        let script = """
        import csv, io, sys, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        assert len(wb.worksheets) == 1, wb.sheetnames
        ws = wb.active
        assert ws.freeze_panes == 'A2', ws.freeze_panes
        rows = [["" if v is None else (v.strftime('%Y-%m-%d') if isinstance(v, datetime.datetime) else str(v)) for v in r]
                for r in ws.iter_rows(values_only=True)]
        # The CSV's marks for Excel (a tab before a long number, a ' before a formula) are not in the workbook's text cells.
        def unguard(v):
            v = v[1:] if v.startswith('\t') else v
            return v[1:] if len(v) > 1 and v[0] == "'" and v[1] in '=+-@' else v
        expected = [[unguard(v) for v in r] for r in csv.reader(io.StringIO(open(sys.argv[2], encoding='utf-8-sig', newline='').read()))]
        assert rows == expected, (rows[:2], expected[:2])
        found = ws.cell(row=2, column=8)
        assert found.is_date and isinstance(found.value, datetime.datetime) and found.number_format == 'yyyy-mm-dd', found.number_format
        assert ws.column_dimensions['B'].width > ws.column_dimensions['E'].width
        print(len(rows) - 1, ws.title, rows[0][0], rows[1][1])
        """
        let checked = try run(["/usr/bin/env", python, "-c", script, xlsx, csvFile.path])
        #expect(checked.status == 0, "\(checked.err)")
        let parts = checked.out.split(separator: " ")
        #expect(parts.count == 4 && Int(parts[0])! > 0 && parts[1] == "隐患台账" && parts[2] == "隐患编号" && parts[3].hasSuffix("公司\n"),
                "\(checked.out)")
    }

    @Test func jsonValidatesAgainstTheSchemas() throws {
        let python = try #require(Self.python(with: "jsonschema"), "jsonschema is missing: apt-get install -y python3-jsonschema")
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--demo", "--data", data.path]).status == 0)
        let schemas = Self.sourceRoot.appendingPathComponent("docs/schema").path
        let script = """
        import json, sys, glob, jsonschema
        schemas = [json.load(open(p)) for p in glob.glob(sys.argv[1] + '/*.schema.json')]
        export = next(s for s in schemas if s['$id'].endswith('/export-1.schema.json'))
        records = json.load(sys.stdin)
        try:  # jsonschema 4.18 and later
            from referencing import Registry, Resource
            registry = Registry().with_resources([(s['$id'], Resource.from_contents(s)) for s in schemas])
            validator = jsonschema.Draft202012Validator(export, registry=registry)
        except ImportError:  # Debian's python3-jsonschema (4.10)
            resolver = jsonschema.RefResolver.from_schema(export, store={s['$id']: s for s in schemas})
            validator = jsonschema.Draft202012Validator(export, resolver=resolver)
        validator.validate(records)
        print(len(records))
        """
        // The three kinds, and an export that matches nothing (an empty array is valid under each).
        for (kind, extra) in [("enterprises", []), ("supervisions", []), ("hazards", []), ("hazards", ["--query", "zzzzqqq"])] {
            let exported = try run([anjianBinary, "export", kind, "--format", "json", "--data", data.path] + extra)
            #expect(exported.status == 0)
            let input = temporaryDirectory().appendingPathExtension("json")
            try Data(exported.out.utf8).write(to: input)
            defer { try? FileManager.default.removeItem(at: input) }
            let checked = try run(["/bin/sh", "-c", "\"$0\" -c \"$1\" \"$2\" < \"$3\"", python, script, schemas, input.path])
            let count = Int(checked.out.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(checked.status == 0 && (extra.isEmpty ? count! > 0 : count == 0), "\(kind) \(extra): \(checked.err)")
        }
    }

    /// An export never replaces a file of the data directory (found in review: `--output DIR/enterprises.json`).
    @Test func anOutputInsideTheDataDirectoryIsRefused() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--demo", "--data", data.path]).status == 0)
        let ledger = data.appendingPathComponent("enterprises.json")
        let before = try Data(contentsOf: ledger)
        for target in [ledger.path, data.appendingPathComponent("hazards/new.csv").path, data.path + "/./x.csv"] {
            let result = try run([anjianBinary, "export", "hazards", "--data", data.path, "--output", target, "--lang", "en"])
            #expect(result.status == 73 && result.err.contains("inside the data directory"), "\(target): \(result)")
        }
        #expect(try Data(contentsOf: ledger) == before)
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("x.csv").path))
    }

    /// The document is Chinese whatever the shell's locale, unless `--lang en`; the message follows the locale.
    @Test func theDocumentIsChineseUnlessEnglishIsAsked() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--demo", "--data", data.path]).status == 0)
        let english = ["/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
        let zh = try run(english + [anjianBinary, "export", "hazards", "--data", data.path])
        #expect(zh.status == 0 && zh.out.drop { $0 == "\u{FEFF}" }.hasPrefix("隐患编号"), "\(zh.out.prefix(40))")
        let en = try run(english + [anjianBinary, "export", "hazards", "--data", data.path, "--lang", "en"])
        #expect(en.status == 0 && en.out.drop { $0 == "\u{FEFF}" }.hasPrefix("Number"), "\(en.out.prefix(40))")
        let file = temporaryDirectory().appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let written = try run(english + [anjianBinary, "export", "hazards", "--data", data.path, "--output", file.path])
        #expect(written.err.hasPrefix("Exported 32 records"), "the demo ledger's 32 hazards: \(written.err)")
    }

    @Test func statusesAndMessages() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--demo", "--data", data.path]).status == 0)
        let markdown = try run([anjianBinary, "export", "hazards", "--status", "open", "--format", "markdown", "--data", data.path, "--lang", "en"])
        #expect(markdown.status == 0 && markdown.out.hasPrefix("# Hazards\n") && markdown.out.contains("- Filters: open"))
        let missing = try run([anjianBinary, "export", "hazards", "--data", "/nonexistent-\(UUID().uuidString)", "--lang", "en"])
        #expect(missing.status == 66 && missing.err.contains("does not exist") && missing.out.isEmpty)
        let unwritable = try run([anjianBinary, "export", "hazards", "--output", "/nonexistent-\(UUID().uuidString)/x.csv",
                                  "--data", data.path, "--lang", "en"])
        #expect(unwritable.status == 73 && unwritable.err.contains("Cannot write"))
        let usage = try run([anjianBinary, "export", "enterprises", "--overdue", "--data", data.path, "--lang", "en"])
        #expect(usage.status == 64 && usage.err.contains("--overdue"))
        #expect(try run([anjianBinary, "export", "hazards", "--since", "2026-13-01", "--data", data.path]).status == 64)
        #expect(try run([anjianBinary, "export", "nothing", "--data", data.path]).status == 64)
    }
}

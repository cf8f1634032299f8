import Foundation
import Testing
@testable import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// The store's fast paths (issue 10) against the plain ones on the same data.
@Suite struct BlankTests {
    /// Every Unicode scalar is white space for the helpers exactly when Foundation's sets say so.
    @Test func everyScalarIsClassedAsFoundationsSetsClassIt() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.inWhitespaces == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(scalar.inWhitespacesAndNewlines == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 1_100_000)
    }

    /// Strings of spaces, line breaks, CJK, combining marks and letters, mixed at random:
    /// blank exactly when trimming leaves nothing.
    @Test func blankMeansWhatTrimmingSays() {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "\u{301}", "a", "隐患", "\u{200B}", "\u{FEFF}", "\u{0B}"]
        var random = SeededRandom(state: 10)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(Array(text.unicodeScalars))")
            #expect(text.isSpacesOnly == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(Array(text.unicodeScalars))")
        }
    }
}

@Suite struct ParseOnceTests {
    /// Today's checks, one after the other: what `JSONFiles.decode` did before it parsed once.
    static func checkedInOrder(_ data: Data, path: String) throws -> HazardsFile {
        if let offset = JSONFiles.firstInvalidUTF8(data) {
            let (line, column) = JSONFiles.location(of: offset, in: data)
            throw StoreError.damaged(path: path, line: line, column: column, field: nil, reason: .invalidUTF8(offset: offset))
        }
        return try JSONFiles.diagnose(HazardsFile.self, from: data, path: path, supportedVersion: 1)
    }

    static func outcome(_ body: () throws -> HazardsFile) -> Result<[Hazard], StoreError> {
        do { return .success(try body().hazards) } catch { return .failure(error as! StoreError) }
    }

    /// Seeded mutations of a demo file (truncated, bytes flipped, brackets deleted, invalid UTF-8,
    /// a field of the wrong type, another version): decoding once gives the records or the error,
    /// with its position or field, that the checks in order give.
    @Test(arguments: [5, 6, 7])
    func decodingOnceGivesWhatTheChecksInOrderGive(seed: UInt64) throws {
        let hazards = try FastStoreSamples.hazards()
        let original = [UInt8](try JSONFiles.encode(HazardsFile(enterpriseCode: hazards[0].enterpriseCode, hazards: hazards)))
        var random = SeededRandom(state: seed)
        var failures = 0
        for round in 0..<150 {
            var bytes = original
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 1:
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 2:
                let marks = bytes.indices.filter { "{}[]\",:".utf8.contains(bytes[$0]) }
                bytes.remove(at: marks.randomElement(using: &random)!)
            case 3: bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: Int.random(in: 0..<bytes.count, using: &random))
            case 4:
                let text = String(decoding: bytes, as: UTF8.self)
                let fields = ["\"status\" : \"registered\"", "\"level\" : \"general\"", "\"deadline\" : \""]
                let field = fields.randomElement(using: &random)!
                bytes = Array(text.replacingOccurrences(of: field, with: field.hasSuffix("\"") ? field.dropLast() + "12" : "\"x\" : 1").utf8)
            default:
                let version = Int.random(in: 0...3, using: &random)
                bytes = Array(String(decoding: bytes, as: UTF8.self)
                    .replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : \(version)").utf8)
            }
            let data = Data(bytes)
            let once = Self.outcome { try JSONFiles.decode(HazardsFile.self, from: data, path: "/x/h.json", supportedVersion: 1) }
            let inOrder = Self.outcome { try Self.checkedInOrder(data, path: "/x/h.json") }
            #expect(once == inOrder, "round \(round)")
            if case .failure = once { failures += 1 }
        }
        #expect(failures > 75, "most mutations must fail: \(failures)")
    }

    /// A file of another version is refused as such, even when its records decode.
    @Test func aFileOfAnotherVersionThatDecodesIsRefusedAsUnsupported() throws {
        let hazards = try FastStoreSamples.hazards()
        let text = String(decoding: try JSONFiles.encode(HazardsFile(enterpriseCode: hazards[0].enterpriseCode, hazards: hazards)), as: UTF8.self)
        let newer = Data(text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2").utf8)
        #expect(throws: StoreError.unsupportedVersion(path: "/x/h.json", found: 2, supported: 1)) {
            try JSONFiles.decode(HazardsFile.self, from: newer, path: "/x/h.json", supportedVersion: 1)
        }
    }
}

/// The demo's records, all given to one enterprise: every shape the demo holds in one file.
enum FastStoreSamples {
    static let code = "91370602469653906K"

    static func hazards(_ code: String = code) throws -> [Hazard] {
        try DemoLedger.hazards().values.flatMap { $0 }.sorted { $0.id < $1.id }.map { hazard in
            var hazard = hazard
            hazard.enterpriseCode = code
            return hazard
        }
    }

    static func entries(_ code: String = code) throws -> [SupervisionEntry] {
        try DemoLedger.supervisions().values.flatMap { $0 }.sorted { $0.id < $1.id }.map { entry in
            var entry = entry
            entry.enterpriseCode = code
            return entry
        }
    }
}

@Suite struct SpliceTests {
    /// Text that JSON escapes: quotes, backslashes, line breaks, a tab, a control character,
    /// slashes (written unescaped), Chinese and an emoji.
    static let awkward = "二楼\"配电箱\"\\接地\n第二行\t制表 a/b/c \u{1} 🚧"

    /// The demo's hazards (open, closed, major with a listing and verifiers, funds…) and variants
    /// with optional fields absent or present and awkward text.
    static func hazards() throws -> [Hazard] {
        var all = try FastStoreSamples.hazards()
        var odd = all[0]
        odd.id = "h-odd"
        odd.number = "YH-2026-53906K-900"
        odd.description = awkward
        odd.location = "/路径/with/slashes"
        odd.supervisionID = "S-53906K-20260901-1"
        odd.rectification.funds = .amount(12.5)
        all.append(odd)
        var bare = all[1]
        bare.id = "h-bare"
        bare.number = "YH-2026-53906K-901"
        bare.supervisionID = nil
        bare.rectification.funds = nil
        bare.supervisionListing = nil
        all.append(bare)
        return all
    }

    /// Every way a save changes one record of a file, for any kind of file: the spliced bytes are
    /// the bytes of the whole file encoded.
    func expectSplicesEqualWholeEncoding<File: PerEnterpriseFile>(_ type: File.Type, _ records: [File.Record],
                                                                  change: (File.Record, Int) -> File.Record,
                                                                  new: (Int) -> File.Record) throws {
        let code = FastStoreSamples.code
        func check(_ previous: [File.Record], _ next: [File.Record], _ id: String, _ what: String) throws {
            let old = try JSONFiles.encode(File(enterpriseCode: code, records: previous))
            let spliced = try LedgerStore.splice(File.self, next, changed: id, over: previous, old, enterprise: code)
            let whole = try JSONFiles.encode(File(enterpriseCode: code, records: next))
            #expect(spliced != nil, "\(what): not spliced")
            #expect(spliced == whole, "\(what): \(String(decoding: spliced ?? Data(), as: UTF8.self))")
        }
        for index in records.indices {
            var next = records
            next[index] = change(records[index], index)
            try check(records, next, records[index].id, "record \(index) of \(records.count) replaced")
        }
        try check(records, records + [new(1)], new(1).id, "a record added after \(records.count)")
        try check([], [new(2)], new(2).id, "an empty file given its first record")
        try check([records[0]], [change(records[0], 0)], records[0].id, "the only record replaced")
        try check([new(3)], [new(3), new(4)], new(4).id, "a second record added")
    }

    @Test func splicedHazardFilesAreTheWholeFileEncoded() throws {
        let hazards = try Self.hazards()
        #expect(hazards.contains { $0.supervisionListing != nil } && hazards.contains { $0.closedOn != nil })
        try expectSplicesEqualWholeEncoding(HazardsFile.self, hazards, change: { hazard, index in
            var hazard = hazard
            hazard.description = index.isMultiple(of: 2) ? Self.awkward : hazard.description + "（已核实）"
            hazard.supervisionID = index.isMultiple(of: 3) ? nil : "S-\(index)"
            hazard.rectification.funds = index.isMultiple(of: 2) ? .amount(Double(index) + 0.5) : nil
            return hazard
        }, new: { n in
            var hazard = hazards[n % hazards.count]
            hazard.id = "h-new-\(n)"
            hazard.number = "YH-2026-53906K-95\(n)"
            hazard.location = Self.awkward
            return hazard
        })
    }

    @Test func splicedSupervisionFilesAreTheWholeFileEncoded() throws {
        let entries = try FastStoreSamples.entries()
        try expectSplicesEqualWholeEncoding(SupervisionsFile.self, entries, change: { entry, index in
            var entry = entry
            entry.findings = Self.awkward
            entry.hazardIDs += index.isMultiple(of: 2) ? ["h-\(index)"] : []
            return entry
        }, new: { n in
            var entry = entries[n % entries.count]
            entry.id = "S-new-\(n)"
            entry.itemsChecked = Self.awkward
            entry.hazardIDs = []
            return entry
        })
    }

    /// Bytes not laid out as this program writes them (another tool's compact JSON, keys in
    /// another order) are not spliced: the whole file is encoded.
    @Test func bytesOfAnotherLayoutAreNotSpliced() throws {
        let hazards = try Self.hazards()
        let code = FastStoreSamples.code
        let file = HazardsFile(enterpriseCode: code, hazards: hazards)
        let compact = try JSONEncoder().encode(file)
        var changed = hazards
        changed[1].description = "改"
        #expect(try LedgerStore.splice(HazardsFile.self, changed, changed: changed[1].id, over: hazards, compact, enterprise: code) == nil)
        let reordered = Data(String(decoding: try JSONFiles.encode(file), as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : 1\n", with: "\"schemaVersion\" : 1,\n  \"x\" : 2\n").utf8)
        #expect(try LedgerStore.splice(HazardsFile.self, changed, changed: changed[1].id, over: hazards, reordered, enterprise: code) == nil)
        // Two records changed at once are not one splice either.
        changed[2].description = "也改"
        let ours = try JSONFiles.encode(file)
        #expect(try LedgerStore.splice(HazardsFile.self, changed, changed: changed[1].id, over: hazards, ours, enterprise: code) == nil)
    }

    /// Structure only: the element ranges of the records array, strings with brackets, escaped
    /// quotes and commas inside them included.
    @Test func theScanFindsEachElement() {
        let text = #"{ "a" : [1, {"x" : "]}\"[,"}], "hazards" : [ {"k" : "v\\"}, [ ], 12, "s,]" ], "z" : null }"#
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { RecordSplice.scanRecords(in: $0, key: "hazards") }
        let elements = found?.elements.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(elements == [#"{"k" : "v\\"}"#, "[ ]", "12", #""s,]""#])
        let twice = Array(#"{"hazards" : [], "hazards" : []}"#.utf8)
        #expect(twice.withUnsafeBufferPointer { RecordSplice.scanRecords(in: $0, key: "hazards") } == nil)
        let cut = Array(#"{"hazards" : [ {"k" : "v"#.utf8)
        #expect(cut.withUnsafeBufferPointer { RecordSplice.scanRecords(in: $0, key: "hazards") } == nil)
    }
}

@Suite struct SnapshotSaveTests {
    func withDemo(_ body: (URL, Runner) throws -> Void) throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-fast-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        let snapshots = FileSnapshots()
        _ = try LedgerStore.open(data, snapshots: snapshots)
        try body(data, Runner(directory: data, lock: nil, configURL: data.appendingPathComponent("config.json"), configProblem: nil,
                              snapshots: snapshots))
    }

    func onDisk(_ data: URL, _ code: String) throws -> [Hazard] { try LedgerStore.loadHazards(enterprise: code, in: data) }

    /// The file as written by the whole-file encoder: what a save leaves is exactly that.
    func expectCanonical(_ data: URL, _ code: String) throws {
        let bytes = try Data(contentsOf: data.appendingPathComponent("hazards/\(code).json"))
        #expect(bytes == (try JSONFiles.encode(HazardsFile(enterpriseCode: code, hazards: onDisk(data, code)))))
    }

    /// Another program rewrites the file between two saves: its record is kept, and a change it
    /// made to the record we save is still a conflict that writes nothing.
    @Test func anotherProgramsChangeBetweenTwoSavesIsReadAndKept() throws {
        try withDemo { data, runner in
            let ledger = try LedgerStore.open(data)
            #expect(runner.snapshots.count == ledger.hazards.count + ledger.supervisions.count)
            let code = try #require(ledger.hazards.keys.sorted().first)
            var ours = ledger.hazards[code]![0]
            let base = ours
            ours.location = "第一次保存"
            guard case .saved(_, let first) = runner.perform(.saveHazard(ours, base: base, link: nil)) else { Issue.record("first save"); return }
            #expect(first.hazards[code] == [ours])
            try expectCanonical(data, code)

            // Another program adds a record, writing compact JSON of its own.
            var theirs = try SpliceTests.hazards()[1]
            theirs.id = "h-theirs"
            theirs.number = "YH-2026-\(code.suffix(6))-777"
            theirs.enterpriseCode = code
            let url = data.appendingPathComponent("hazards/\(code).json")
            try JSONEncoder().encode(HazardsFile(enterpriseCode: code, hazards: [ours, theirs])).write(to: url)
            let before = ours
            ours.location = "第二次保存"
            guard case .saved(_, let second) = runner.perform(.saveHazard(ours, base: before, link: nil)) else { Issue.record("second save"); return }
            #expect(second.hazards[code] == [ours, theirs])
            #expect(try onDisk(data, code) == [ours, theirs])
            try expectCanonical(data, code)

            // Another program changes our record: our save over the version we read is a conflict.
            var changedElsewhere = ours
            changedElsewhere.location = "他处修改"
            try JSONFiles.encode(HazardsFile(enterpriseCode: code, hazards: [changedElsewhere, theirs])).write(to: url)
            let bytes = try Data(contentsOf: url)
            var late = ours
            late.location = "第三次保存"
            #expect(runner.perform(.saveHazard(late, base: ours, link: nil)) == .failed(.saveHazard(late, base: ours, link: nil),
                                                                                   .conflict(path: url.path, id: ours.id)))
            #expect(try Data(contentsOf: url) == bytes)
        }
    }

    /// Bytes the cache knows give the remembered records without a decode; other bytes are
    /// decoded (a damaged file refused and left as it is).
    @Test func rememberedBytesAreNotDecodedAgainAndOthersAre() throws {
        try withDemo { data, runner in
            let code = try #require(try LedgerStore.open(data).hazards.keys.sorted().first)
            let url = data.appendingPathComponent("hazards/\(code).json")
            let bytes = try Data(contentsOf: url)
            var marked = try onDisk(data, code)
            marked[0].location = "remembered, not decoded"
            runner.snapshots.remember(marked, of: bytes, at: url.path)
            #expect(try LedgerStore.readHazards(enterprise: code, in: data, snapshots: runner.snapshots).records == marked)
            var other = bytes
            other.append(0x0A)
            try other.write(to: url)
            #expect(try LedgerStore.readHazards(enterprise: code, in: data, snapshots: runner.snapshots).records != marked)
            let damaged = Data(bytes.prefix(bytes.count / 2))
            try damaged.write(to: url)
            var hazard = try #require(marked.first)
            hazard.location = "x"
            guard case .failed(_, .damaged) = runner.perform(.saveHazard(hazard, base: hazard, link: nil)) else {
                Issue.record("a damaged file must refuse the save"); return
            }
            #expect(try Data(contentsOf: url) == damaged)
        }
    }

    /// A hazard registered on a visit: both files spliced, both as the whole-file encoder writes them.
    @Test func aHazardOnAVisitSplicesBothFiles() throws {
        try withDemo { data, runner in
            let ledger = try LedgerStore.open(data)
            let code = try #require(ledger.supervisions.keys.sorted().first { ledger.hazards[$0] != nil })
            let visit = ledger.supervisions[code]![0]
            var hazard = ledger.hazards[code]![0]
            hazard.id = "h-on-visit"
            hazard.number = "YH-2026-\(code.suffix(6))-555"
            hazard.description = SpliceTests.awkward
            hazard.supervisionID = visit.id
            var linked = visit
            linked.addHazard(hazard.id)
            guard case .saved = runner.perform(.saveHazard(hazard, base: nil, link: VisitLink(entry: linked, base: visit))) else {
                Issue.record("save"); return
            }
            try expectCanonical(data, code)
            let entries = try LedgerStore.loadSupervisions(enterprise: code, in: data)
            #expect(entries.contains(linked))
            #expect(try Data(contentsOf: data.appendingPathComponent("supervisions/\(code).json"))
                    == (try JSONFiles.encode(SupervisionsFile(enterpriseCode: code, entries: entries))))
        }
    }
}

@Suite struct ConcurrentLoadTests {
    /// A ledger with damaged files (cut short, another enterprise's records, not JSON, a name of no
    /// enterprise) and warnings (dates after `now`) among good ones: loaded on several threads, the
    /// records, damaged files and warnings are those of loading one file after another, in order.
    @Test func concurrentLoadEqualsSequentialLoad() throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-conc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        let ledger = try LedgerStore.open(data)
        let codes = ledger.hazards.keys.sorted()
        let folder = data.appendingPathComponent("hazards")
        func file(_ code: String) -> URL { folder.appendingPathComponent(code + ".json") }
        let cut = try Data(contentsOf: file(codes[3]))
        try cut.prefix(cut.count / 2).write(to: file(codes[3]))
        try Data("not json".utf8).write(to: file(codes[9]))
        try JSONFiles.encode(HazardsFile(enterpriseCode: codes[12], hazards: ledger.hazards[codes[13]]!)).write(to: file(codes[12]))
        try JSONFiles.encode(HazardsFile(enterpriseCode: "X", hazards: [])).write(to: folder.appendingPathComponent("123.json"))
        let past = try #require(ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z"))
        let enterprises = Set(ledger.enterprises.map(\.creditCode))
        let sequential = LedgerStore.loadFolder(HazardsFile.self, folder, enterprises: enterprises, now: past, workers: 1)
        #expect(sequential.damaged.count == 4)
        #expect(sequential.warnings.count > 10)
        #expect(sequential.records.count == codes.count - 3)
        for workers in [2, 3, 8] {
            let concurrent = LedgerStore.loadFolder(HazardsFile.self, folder, enterprises: enterprises, now: past, workers: workers)
            #expect(concurrent.records == sequential.records)
            #expect(concurrent.damaged == sequential.damaged)
            #expect(concurrent.warnings == sequential.warnings)
        }
        let entries = LedgerStore.loadFolder(SupervisionsFile.self, data.appendingPathComponent("supervisions"), enterprises: enterprises,
                                             now: past, workers: 1)
        let entriesConcurrent = LedgerStore.loadFolder(SupervisionsFile.self, data.appendingPathComponent("supervisions"),
                                                       enterprises: enterprises, now: past, workers: 4)
        #expect(entries.records == entriesConcurrent.records && entries.warnings == entriesConcurrent.warnings)
        #expect(!entries.records.isEmpty)
    }
}

@Suite struct LinkedBackupTests {
    func info(_ url: URL) -> stat {
        var info = stat()
        _ = stat(url.path, &info)
        return info
    }

    /// The previous version is kept by a second name, not a copy: the backup holds the bytes the
    /// file held, owner-only, and is the only name of them once the new file is in place. A file
    /// that is not ours alone (another name, other permissions) is copied as before, its other
    /// name left as it was.
    @Test func thePreviousVersionIsKeptByLinkWhenItIsOursAlone() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try AtomicFile.ensureDirectory(folder)
        let file = folder.appendingPathComponent("a.json"), backups = folder.appendingPathComponent("backups")
        try AtomicFile.write(Data("one\n".utf8), to: file, backups: backups)
        let first = info(file)
        try AtomicFile.write(Data("two\n".utf8), to: file, backups: backups)
        let kept = try #require(Backups.versions(of: file, in: backups).last)
        #expect(try Data(contentsOf: kept) == Data("one\n".utf8))
        #expect(info(kept).st_ino == first.st_ino, "kept by a second name of the same file")
        #expect(info(kept).st_nlink == 1 && info(file).st_nlink == 1)
        #expect(info(kept).st_mode & 0o7777 == 0o600)

        // A second name elsewhere: copied, and that name still holds its bytes after later saves.
        let other = folder.appendingPathComponent("other-name")
        #expect(link(file.path, other.path) == 0)
        try AtomicFile.write(Data("three\n".utf8), to: file, backups: backups)
        let copied = try #require(Backups.versions(of: file, in: backups).last)
        #expect(info(copied).st_ino != info(other).st_ino)
        #expect(try Data(contentsOf: copied) == Data("two\n".utf8))
        #expect(try Data(contentsOf: other) == Data("two\n".utf8))

        // Readable by others (written by another tool): copied owner-only.
        chmod(file.path, 0o644)
        try AtomicFile.write(Data("four\n".utf8), to: file, backups: backups)
        let shared = try #require(Backups.versions(of: file, in: backups).last)
        #expect(try Data(contentsOf: shared) == Data("three\n".utf8))
        #expect(info(shared).st_mode & 0o7777 == 0o600)
        #expect(info(shared).st_ino != info(file).st_ino)
    }
}

@Suite struct DateCheckTests {
    /// The check as it was written first: split, count the characters, `Int`.
    static func plainIsValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    /// Real and almost-real dates, and random strings of digits, dashes, signs and other
    /// characters: the byte check says what the plain one says.
    @Test func theByteCheckSaysWhatThePlainCheckSays() {
        let known = ["2026-02-28", "2024-02-29", "2026-02-29", "1900-02-29", "2000-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                     "2026-4-01", "+202-01-01", "2026-+1-01", "2026-01-+1", "2026-01-1+", "++26-01-01", "2026--1-01", "2026-01-01-",
                     "2026-01-01\n", "２０２６-01-01", "2026-0\u{301}1-01", "", "2026-01", "-2026-01-01", "2026-1\r\n-01"]
        for text in known { #expect(CalendarDate.isValid(text) == Self.plainIsValid(text), "\(text.debugDescription)") }
        var random = SeededRandom(state: 11)
        let alphabet: [String] = Array("0123456789").map(String.init) + ["-", "-", "+", "a", " ", "\u{301}", "中", "1", "2"]
        var valid = 0
        for _ in 0..<20_000 {
            var text = "20\(Int.random(in: 0...9, using: &random))\(Int.random(in: 0...9, using: &random))-0\(Int.random(in: 1...9, using: &random))-"
                + "\(Int.random(in: 0...3, using: &random))\(Int.random(in: 0...9, using: &random))"
            var scalars = Array(text.unicodeScalars.map(String.init))
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let at = Int.random(in: 0...scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where at < scalars.count: scalars[at] = alphabet.randomElement(using: &random)!
                case 1 where at < scalars.count: scalars.remove(at: at)
                default: scalars.insert(alphabet.randomElement(using: &random)!, at: at)
                }
            }
            text = scalars.joined()
            #expect(CalendarDate.isValid(text) == Self.plainIsValid(text), "\(text.debugDescription)")
            if Self.plainIsValid(text) { valid += 1 }
        }
        #expect(valid > 2_000 && valid < 18_000)
    }
}

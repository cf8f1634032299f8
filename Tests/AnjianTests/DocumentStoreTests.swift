import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
@testable import AnjianStore
import AnjianText

/// Issuing enforcement documents (issue 12) as store operations: the number of each kind and
/// year, kept with the visit or hazard in the files (with history), given back on reissue.
@Suite struct DocumentStoreTests {
    static let issuedAt = "2026-11-25T10:00:00+08:00"

    func withDemo(_ body: (URL, Runner) throws -> Void) throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-documents-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        try body(data, Runner(directory: data, lock: nil, configURL: data.appendingPathComponent("config.json"), configProblem: nil))
    }

    func request(_ kind: DocumentKind, _ code: String, _ id: String, at time: String = issuedAt, highestKnown: Int = 0,
                 settings: DocumentSettings = .standard) -> DocumentRequest {
        DocumentRequest(kind: kind, enterpriseCode: code, recordID: id, issuedBy: demoOperator, issuedAt: time, settings: settings,
                        highestKnown: highestKnown)
    }

    /// Issues through the runner; the document, or a failed test.
    func issue(_ request: DocumentRequest, _ runner: Runner) throws -> (document: IssuedDocument, written: WrittenRecords) {
        guard case .saved(_, let written) = runner.perform(.issueDocument(request)) else {
            throw Failure("not issued: \(runner.perform(.issueDocument(request)))")
        }
        return (try #require(written.issuedDocument), written)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A demo visit with two hazards, registered on it through the app as a user would.
    func visitWithTwoHazards(_ data: URL, _ runner: Runner) throws -> SupervisionEntry {
        let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
        var app = AppState(directory: EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: pinyinTable), language: .zh,
                           useColor: false, isDemo: true, dataPath: data.path, width: 100, height: 30, pinyin: pinyinTable,
                           inspectors: ledger.inspectors, supervisions: ledger.supervisions, hazards: ledger.hazards,
                           signer: demoOperator, clock: { fixedNow }, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        var code = "", id = ""
        for description in ["二楼配电箱箱门未关闭", "消防通道堆放杂物"] {
            let (visitCode, entry, effects) = try app.registerHazardOnAVisit(description)
            (code, id) = (visitCode, entry.id)
            for case .store(let operation) in effects { _ = app.update(.stored(runner.perform(operation))) }
        }
        let visit = try #require(try LedgerStore.loadSupervisions(enterprise: code, in: data).first { $0.id == id })
        try #require(visit.hazardIDs.count == 2)
        return visit
    }

    func bytes(_ data: URL, _ folder: String, _ code: String) throws -> Data {
        try Data(contentsOf: data.appendingPathComponent("\(folder)/\(code).json"))
    }

    @Test func aVisitWithTwoHazardsGetsItsRecordAndItsOrderKeptInTheFileWithHistory() throws {
        try withDemo { data, runner in
            let visit = try visitWithTwoHazards(data, runner)
            let code = visit.enterpriseCode
            let record = try issue(request(.inspectionRecord, code, visit.id), runner)
            let order = try issue(request(.rectificationOrder, code, visit.id), runner)
            #expect(record.document.number == "（烟）应急检记〔2026〕第 1 号" && record.document.sequence == 1 && record.document.hazardIDs == visit.hazardIDs, "a record lists the hazards as they are when issued")
            #expect(order.document.number == "（烟）应急责改〔2026〕第 1 号", "each kind has its own sequence")
            #expect(order.document.hazardIDs == visit.hazardIDs && order.document.issuedBy == demoOperator)
            #expect(!record.written.reissued && !order.written.reissued)

            let onDisk = try #require(try LedgerStore.loadSupervisions(enterprise: code, in: data).first { $0.id == visit.id })
            #expect(onDisk.documents == [record.document, order.document])
            #expect(order.written.supervisions[code]?.first { $0.id == visit.id } == onDisk, "the outcome holds the file as written")
            let issuedEntries = onDisk.history.filter { $0.action == .documentIssued }
            #expect(issuedEntries.map(\.changes) == [[FieldChange(field: "documents.inspectionRecord", old: "", new: record.document.number)],
                                                     [FieldChange(field: "documents.rectificationOrder", old: "", new: order.document.number)]])
            #expect(issuedEntries.allSatisfy { $0.by == demoOperator && $0.at == Self.issuedAt })
            #expect(onDisk.history.dropLast(2) == visit.history[...], "the history before is kept")
            // The file says so in words a person reads.
            let text = String(decoding: try bytes(data, "supervisions", code), as: UTF8.self)
            #expect(text.contains("\"documentIssued\"") && text.contains("（烟）应急责改〔2026〕第 1 号"))
        }
    }

    @Test func numbersGoOnPerKindAndYearAcrossTheLedgerAndSurviveReopening() throws {
        try withDemo { data, runner in
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            let codes = ledger.supervisions.keys.sorted().filter { (ledger.supervisions[$0]?.count ?? 0) >= 2 }
            let first = try #require(codes.first), other = try #require(codes.dropFirst().first)
            let visits = ledger.supervisions[first]!
            // Two in one file: the second counts the first from the file on disk, though the program knew none.
            #expect(try issue(request(.inspectionRecord, first, visits[0].id), runner).document.sequence == 1)
            #expect(try issue(request(.inspectionRecord, first, visits[1].id), runner).document.sequence == 2)

            // After a restart the numbers are in the files: the ledger knows 2, another enterprise's file none.
            let reopened = try LedgerStore.open(data, initializeIfEmpty: false)
            let known = DocumentRequest.highestSequence(of: .inspectionRecord, year: 2026, supervisions: reopened.supervisions.values.joined(),
                                                        hazards: reopened.hazards.values.joined())
            #expect(known == 2)
            let third = try issue(request(.inspectionRecord, other, reopened.supervisions[other]![0].id, highestKnown: known), runner)
            #expect(third.document.number == "（烟）应急检记〔2026〕第 3 号")
            #expect(DocumentRequest.highestSequence(of: .rectificationOrder, year: 2026, supervisions: reopened.supervisions.values.joined(),
                                                    hazards: reopened.hazards.values.joined()) == 0)
            // A new year starts again at 1.
            let nextYear = try issue(request(.inspectionRecord, other, reopened.supervisions[other]![1].id, at: "2027-01-04T09:00:00+08:00",
                                             highestKnown: 0), runner)
            #expect(nextYear.document.year == 2027 && nextYear.document.sequence == 1)
        }
    }

    @Test func reissuingGivesBackTheSameDocumentAndWritesNothing() throws {
        try withDemo { data, runner in
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            let code = try #require(ledger.supervisions.keys.sorted().first)
            let visit = ledger.supervisions[code]![0]
            let issued = try issue(request(.inspectionRecord, code, visit.id), runner).document
            let before = try bytes(data, "supervisions", code)
            let again = try issue(request(.inspectionRecord, code, visit.id, at: "2026-12-01T08:00:00+08:00", highestKnown: 40), runner)
            #expect(again.document == issued && again.written.reissued)
            #expect(try bytes(data, "supervisions", code) == before, "no second history entry, no new number")
        }
    }

    @Test func aRecheckOpinionRefersToTheOrderThatCoversItsHazardOrLeavesTheNumberBlank() throws {
        try withDemo { data, runner in
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            // A verified hazard of an enterprise with a visit; the visit lists it (as one registered there would).
            let hazards = ledger.hazards.values.joined().filter { !$0.verifications.isEmpty && ledger.supervisions[$0.enterpriseCode] != nil }
            let hazard = try #require(hazards.first)
            let code = hazard.enterpriseCode
            var entries = ledger.supervisions[code]!
            entries[0].addHazard(hazard.id)
            try LedgerStore.saveSupervisions(entries, enterprise: code, in: data)

            let order = try issue(request(.rectificationOrder, code, entries[0].id), runner).document
            let opinion = try issue(request(.recheckOpinion, code, hazard.id), runner)
            #expect(opinion.document.orderNumber == order.number && opinion.document.hazardIDs == [hazard.id])
            #expect(opinion.document.number == "（烟）应急复查〔2026〕第 1 号")
            let onDisk = try #require(try LedgerStore.loadHazards(enterprise: code, in: data).first { $0.id == hazard.id })
            #expect(onDisk.documents == [opinion.document] && onDisk.history.last?.action == .documentIssued)
            #expect(opinion.written.hazards[code]?.first { $0.id == hazard.id } == onDisk)

            // A hazard no order of the ledger covers (its order was written on paper): the number is left blank.
            let uncovered = try #require(hazards.first { $0.id != hazard.id })
            let blank = try issue(request(.recheckOpinion, uncovered.enterpriseCode, uncovered.id, highestKnown: 1), runner).document
            #expect(blank.orderNumber == nil && blank.sequence == 2)
        }
    }

    @Test func whatCannotBeIssuedIsRefusedAndNothingIsWritten() throws {
        try withDemo { data, runner in
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            let code = try #require(ledger.supervisions.keys.sorted().first)
            let visit = try #require(ledger.supervisions[code]!.first { $0.hazardIDs.isEmpty })
            let unverified = try #require(ledger.hazards.values.joined().first { $0.verifications.isEmpty })
            let files = [("supervisions", code), ("hazards", unverified.enterpriseCode)]
            let before = try files.map { try bytes(data, $0.0, $0.1) }
            let cases: [(DocumentRequest, StoreError)] = [
                (request(.rectificationOrder, code, visit.id),
                 .documentRefused(path: data.appendingPathComponent("supervisions/\(code).json").path, id: visit.id, reason: .noHazards)),
                (request(.recheckOpinion, unverified.enterpriseCode, unverified.id),
                 .documentRefused(path: data.appendingPathComponent("hazards/\(unverified.enterpriseCode).json").path, id: unverified.id, reason: .notRechecked)),
                (request(.inspectionRecord, code, "S-no-such-visit"),
                 .conflict(path: data.appendingPathComponent("supervisions/\(code).json").path, id: "S-no-such-visit")),
            ]
            for (request, expected) in cases {
                guard case .failed(_, let error) = runner.perform(.issueDocument(request)) else {
                    Issue.record("issued: \(request)")
                    continue
                }
                #expect(error == expected)
                #expect(!Strings(.zh).storeError(error).isEmpty && Strings(.en).storeError(error).contains(error.path))
            }
            #expect(try files.map { try bytes(data, $0.0, $0.1) } == before)
        }
    }

    @Test func filesWithoutDocumentsLoadAndEncodeByteForByteAndOnesWithThemDecodeFast() throws {
        try withDemo { data, runner in
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            for code in ledger.supervisions.keys.sorted() {
                let original = try bytes(data, "supervisions", code)
                let entries = try LedgerStore.loadSupervisions(enterprise: code, in: data)
                #expect(entries.allSatisfy { $0.documents == nil })
                #expect(try LedgerStore.prepareSupervisions(entries, enterprise: code, in: data).data == original)
            }
            for code in ledger.hazards.keys.sorted() {
                let original = try bytes(data, "hazards", code)
                let hazards = try LedgerStore.loadHazards(enterprise: code, in: data)
                #expect(try LedgerStore.prepareHazards(hazards, enterprise: code, in: data).data == original)
            }
            // Files that hold documents: the tape decoder reads them as JSONDecoder does.
            let visit = try visitWithTwoHazards(data, runner)
            let code = visit.enterpriseCode
            _ = try issue(request(.rectificationOrder, code, visit.id), runner)
            let opinionHazard = try #require(ledger.hazards.values.joined().first { !$0.verifications.isEmpty })
            _ = try issue(request(.recheckOpinion, opinionHazard.enterpriseCode, opinionHazard.id), runner)
            let supervisionBytes = try bytes(data, "supervisions", code)
            let fastEntries = try #require(FastJSONDecoder.decode(SupervisionsFile.self, from: supervisionBytes))
            #expect(fastEntries.entries == (try JSONDecoder().decode(SupervisionsFile.self, from: supervisionBytes)).entries)
            #expect(fastEntries.entries.contains { $0.documents?.first?.hazardIDs.count == 2 })
            let hazardBytes = try bytes(data, "hazards", opinionHazard.enterpriseCode)
            let fastHazards = try #require(FastJSONDecoder.decode(HazardsFile.self, from: hazardBytes))
            #expect(fastHazards.hazards == (try JSONDecoder().decode(HazardsFile.self, from: hazardBytes)).hazards)
            #expect(fastHazards.hazards.contains { $0.documents?.first?.kind == .recheckOpinion })
        }
    }

    @Test func documentSettingsAreTheStandardOnesReadFromTheFileOrAnErrorNamingIt() throws {
        try withDemo { data, _ in
            #expect(try LedgerStore.documentSettings(in: data) == .standard, "no documents.json")
            let url = data.appendingPathComponent("documents.json")
            try Data("""
            {"schemaVersion": 1, "authority": "威海市应急管理局", "patterns": {"inspectionRecord": "（威）应急检记〔{year}〕{n}号"}}
            """.utf8).write(to: url)
            let settings = try LedgerStore.documentSettings(in: data)
            #expect(settings.authority == "威海市应急管理局")
            #expect(settings.number(.inspectionRecord, year: 2026, sequence: 4) == "（威）应急检记〔2026〕4号")
            #expect(settings.number(.rectificationOrder, year: 2026, sequence: 4) == "（烟）应急责改〔2026〕第 4 号", "a kind not given keeps the standard pattern")

            let damaged: [(String, StoreError)] = [
                ("{\"schemaVersion\": 1, \"authority\": ", .damaged(path: url.path, line: 1, column: 35, field: nil, reason: .invalidJSON)),
                ("{\"schemaVersion\": 1}", .damaged(path: url.path, line: nil, column: nil, field: "authority", reason: .missingField)),
                ("{\"schemaVersion\": 1, \"authority\": \"X\", \"patterns\": {\"inspectionRecord\": \"第 1 号\"}}",
                 .damaged(path: url.path, line: nil, column: nil, field: "patterns.inspectionRecord", reason: .invalidValue("第 1 号"))),
                ("{\"schemaVersion\": 1, \"authority\": \"X\", \"patterns\": {\"notice\": \"{n}\"}}",
                 .damaged(path: url.path, line: nil, column: nil, field: "patterns.notice", reason: .invalidValue("notice"))),
                ("{\"schemaVersion\": 2, \"authority\": \"X\"}", .unsupportedVersion(path: url.path, found: 2, supported: 1)),
            ]
            for (text, expected) in damaged {
                try Data(text.utf8).write(to: url)
                #expect(throws: expected) { try LedgerStore.documentSettings(in: data) }
                #expect(try Data(contentsOf: url) == Data(text.utf8), "left as it was")
                #expect(Strings(.en).storeError(expected).contains("documents.json"))
            }
        }
    }

    @Test func theHistorySaysWhichDocumentWasIssuedInBothLanguages() {
        let change = FieldChange(field: "documents.rectificationOrder", old: "", new: "（烟）应急责改〔2026〕第 7 号")
        #expect(Strings(.zh).historyChange(change) == "责令限期整改指令书 （烟）应急责改〔2026〕第 7 号")
        #expect(Strings(.en).historyChange(change) == "rectification order （烟）应急责改〔2026〕第 7 号")
        #expect(Strings(.zh).step(.documentIssued) == "开具执法文书" && Strings(.en).step(.documentIssued) == "issue a document")
    }
}

/// Patterns that would give two documents one number are refused (found in review).
@Suite struct DocumentPatternTests {
    @Test func aPatternWithoutTheYearOrSharedByTwoKindsIsDamage() throws {
        try withDemoLedger { dir in
            let url = dir.appendingPathComponent(LedgerStore.documentSettingsName)
            for patterns in [#"{"inspectionRecord":"检〔{year}〕第{n}号","rectificationOrder":"检〔{year}〕第{n}号"}"#,
                             #"{"inspectionRecord":"检第{n}号"}"#] {
                let bytes = Data(#"{"schemaVersion":1,"authority":"X局","patterns":"#.utf8 + Data(patterns.utf8) + Data("}".utf8))
                try bytes.write(to: url)
                #expect(throws: StoreError.self) { try LedgerStore.documentSettings(in: dir) }
                #expect(try Data(contentsOf: url) == bytes)
            }
            try Data(#"{"schemaVersion":1,"authority":"威海市应急管理局","patterns":{"inspectionRecord":"（威）检〔{year}〕{n}号"}}"#.utf8).write(to: url)
            #expect(try LedgerStore.documentSettings(in: dir).number(.inspectionRecord, year: 2026, sequence: 4) == "（威）检〔2026〕4号")
        }
    }
}

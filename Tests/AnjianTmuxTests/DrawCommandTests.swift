import Foundation
import Testing
import AnjianModel
@testable import AnjianStore

/// `anjian draw` as a process: the same plan for the same seed every time, another for another
/// seed, a kept record that `--verify` re-runs, and a tampered record caught.
@Suite struct DrawCommandTests {
    @Test func theSameSeedPrintsTheSamePlanAndAKeptRecordVerifies() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        let draw = [anjianBinary, "draw", "--data", data.path, "--count", "10", "--lang", "en"]
        let first = try run(draw + ["--seed", "42", "--dry-run"])
        let again = try run(draw + ["--seed", "42", "--dry-run"])
        let other = try run(draw + ["--seed", "43", "--dry-run"])
        #expect(first.status == 0 && first.out == again.out, "\(first)")
        #expect(first.out.contains("seed 42, 10 of 60 candidate enterprises"))
        #expect(first.out.split(separator: "\n").count == 13, "the header, 10 teams, 2 fingerprints: \(first.out)")
        #expect(other.out != first.out)

        let kept = try run(draw + ["--seed", "42", "--operator", "王丽娟:37062301333"])
        #expect(kept.status == 0 && kept.out.contains("DR-"), "\(kept)")
        // The kept plan is the dry run's, under its id.
        #expect(kept.out.split(separator: "\n").dropFirst() == first.out.split(separator: "\n").dropFirst())
        // Each team is a planned visit in its enterprise's file; the ledger loads clean and validates.
        let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
        let planned = ledger.supervisions.values.joined().filter(\.isPlanned)
        #expect(planned.count == 10 && planned.allSatisfy { $0.kind == .doubleRandom && $0.drawID?.hasPrefix("DR-") == true && $0.inspectors.count == 2 })
        #expect(ledger.damagedFiles.isEmpty && ledger.fileWarnings.isEmpty)
        #expect(try run([anjianBinary, "validate", "--data", data.path]).status == 0)
        let printPlanned = try run([anjianBinary, "print", "record", planned[0].id, "--data", data.path, "--lang", "en", "--operator", "王丽娟:37062301333"])
        #expect(printPlanned.status == 65 && printPlanned.err.contains("not made yet"), "\(printPlanned)")
        let folder = data.appendingPathComponent("draws")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let record = folder.appendingPathComponent(name)
        let verified = try run([anjianBinary, "draw", "--data", data.path, "--verify", record.path, "--lang", "en"])
        #expect(verified.status == 0 && verified.out.contains("the draw re-run gives the recorded result"), "\(verified)")

        // The record as docs/schema/draw.schema.json describes it (where Python's jsonschema is at hand).
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/schema/draw.schema.json")
        let check = "import json,sys,jsonschema\njsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])), cls=jsonschema.Draft202012Validator)"
        if try run(["/usr/bin/env", "python3", "-c", "import jsonschema"]).status == 0 {
            let validated = try run(["/usr/bin/env", "python3", "-c", check, schema.path, record.path])
            #expect(validated.status == 0, "\(validated.err)")
            // A file holding a planned visit is one the supervision schema accepts.
            let visits = schema.deletingLastPathComponent().appendingPathComponent("supervisions.schema.json")
            let plannedFile = data.appendingPathComponent("supervisions/\(planned[0].enterpriseCode).json")
            let plannedValid = try run(["/usr/bin/env", "python3", "-c", check, visits.path, plannedFile.path])
            #expect(plannedValid.status == 0, "\(plannedValid.err)")
        }

        // Someone swaps an inspector of the last team in the record: caught.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any])
        var teams = try #require(object["teams"] as? [[String: Any]])
        var inspectors = try #require(teams[teams.count - 1]["inspectors"] as? [[String: Any]])
        inspectors[0]["certificateNumber"] = "37069999999"
        teams[teams.count - 1]["inspectors"] = inspectors
        object["teams"] = teams
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: record)
        let tampered = try run([anjianBinary, "draw", "--data", data.path, "--verify", record.path, "--lang", "en"])
        #expect(tampered.status == 1 && tampered.out.contains("the record was altered"), "\(tampered)")

        // A team cut from the record with its count (the re-run then agrees): its planned visit
        // still carries the draw's id, so the cut is caught.
        var cut = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any])
        var keptTeams = try #require(cut["teams"] as? [[String: Any]])
        keptTeams.removeLast()
        cut["teams"] = keptTeams
        var inputs = try #require(cut["inputs"] as? [String: Any])
        inputs["count"] = ["number": 9]
        cut["inputs"] = inputs
        try JSONSerialization.data(withJSONObject: cut, options: [.sortedKeys]).write(to: record)
        let cutVerified = try run([anjianBinary, "draw", "--data", data.path, "--verify", record.path, "--lang", "en"])
        #expect(cutVerified.status == 1 && cutVerified.out.contains("not one per recorded team"), "\(cutVerified)")

        let refused = try run(draw + ["--seed", "1", "--team", "1", "--dry-run"])
        #expect(refused.status == 65 && refused.err.contains("A team needs at least 2 inspectors"), "\(refused)")
        let noCount = try run([anjianBinary, "draw", "--data", data.path, "--lang", "en"])
        #expect(noCount.status == 64 && noCount.err.contains("Give --count"), "\(noCount)")
    }
}

import ArgumentParser
import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore

/// `anjian --stress-saves N --data DIR` (hidden): registers N hazards on one visit, one store
/// operation each (the hazard's file and the visit's), printing each number once it is on disk.
/// The crash tests kill it at random moments and check that every file still parses and that
/// each save is there whole or not at all.
enum StressSaves {
    static func run(_ session: Session, count: Int) throws {
        let runner = Runner(session: session)
        let ledger = session.ledger
        guard let code = ledger.supervisions.keys.sorted().first, var visit = ledger.supervisions[code]?.first,
              let template = ledger.hazards.values.first?.first else { throw ExitCode(2) }
        var taken = Set((ledger.hazards[code] ?? []).map(\.number))
        let signer = Operator(name: "压力测试", certificateNumber: "0")
        for i in 0..<count {
            var hazard = template
            hazard.enterpriseCode = code
            hazard.supervisionID = visit.id
            hazard.description = "压力测试 \(i)"
            hazard.register(taken: taken, by: signer, at: "2026-11-25T14:30:00+08:00")
            hazard.id = "stress-\(getpid())-\(i)"
            var linked = visit
            linked.hazardIDs.append(hazard.id)
            let op = StoreOperation.saveHazard(hazard, base: nil, link: VisitLink(entry: linked, base: visit))
            guard case .saved(_, let written) = runner.perform(op), let saved = written.supervisions[code]?.first(where: { $0.id == visit.id })
            else { throw ExitCode(1) }
            visit = saved
            taken.insert(hazard.number)
            FileHandle.standardOutput.write(Data("\(i)\n".utf8))  // unbuffered: on disk means printed
        }
    }
}

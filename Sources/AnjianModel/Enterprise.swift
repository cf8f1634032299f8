import Foundation

/// A municipal-level directly-supervised production-safety enterprise (直管企业).
/// Identified by its unified social credit code.
public struct Enterprise: Codable, Hashable, Sendable {
    public var creditCode: String
    public var name: String
    public var shortName: String
    /// The district's or county-level city's name, one of `District.all`.
    public var district: String
    public var address: String
    public var industry: String
    public var category: SupervisionCategory
    public var riskGrade: RiskGrade
    public var legalRepresentative: String
    public var safetyResponsible: ContactPerson
    public var supervisors: [Supervisor]
    public var specialEquipment: SpecialEquipment?
    public var integrity: IntegrityRecord?
    public var notes: String
    /// Every change to the record (an import, an edit, a listing, a retirement), with who made
    /// it; absent in files written before `anjian import`.
    public var history: [HistoryEntry]?
    /// Set when the enterprise left direct supervision (it is never deleted: its visits and
    /// hazards stay); absent while it is supervised, and in files written before.
    public var retired: RetirementRecord?
    /// Fields changed differently on two clones, waiting for a choice (see `Conflicts.swift`);
    /// absent when there is none, so files written before read and write unchanged.
    public var conflicts: [FieldConflict]?

    public init(creditCode: String, name: String, shortName: String, district: String, address: String,
                industry: String, category: SupervisionCategory, riskGrade: RiskGrade,
                legalRepresentative: String, safetyResponsible: ContactPerson, supervisors: [Supervisor],
                specialEquipment: SpecialEquipment? = nil, integrity: IntegrityRecord? = nil, notes: String = "",
                history: [HistoryEntry]? = nil, retired: RetirementRecord? = nil) {
        self.creditCode = creditCode
        self.name = name
        self.shortName = shortName
        self.district = district
        self.address = address
        self.industry = industry
        self.category = category
        self.riskGrade = riskGrade
        self.legalRepresentative = legalRepresentative
        self.safetyResponsible = safetyResponsible
        self.supervisors = supervisors
        self.specialEquipment = specialEquipment
        self.integrity = integrity
        self.notes = notes
        self.history = history
        self.retired = retired
    }

    public var integrityStatus: IntegrityStatus { integrity?.status ?? .none }
}

/// The enterprise's safety responsible person (企业安全责任人) or another named contact.
public struct ContactPerson: Codable, Hashable, Sendable {
    public var name: String
    public var position: String
    public var phone: String
    public init(name: String, position: String, phone: String) {
        self.name = name
        self.position = position
        self.phone = phone
    }
}

/// The bureau's responsible supervisor (监管责任人 / 包保责任人).
public struct Supervisor: Codable, Hashable, Sendable {
    public var name: String
    public var phone: String
    public init(name: String, phone: String) {
        self.name = name
        self.phone = phone
    }
}

public enum SupervisionCategory: String, Codable, CaseIterable, Sendable {
    case hazardousChemicals, specialEquipment, mining, food, machinery, shipbuilding, port, other
}

/// Safety risk grade, most severe first (重大 red, 较大 orange, 一般 yellow, 低 blue).
public enum RiskGrade: String, Codable, CaseIterable, Sendable, Comparable {
    case major, high, moderate, low

    public var severity: Int { RiskGrade.allCases.count - RiskGrade.allCases.firstIndex(of: self)! }
    public static func < (a: RiskGrade, b: RiskGrade) -> Bool { a.severity < b.severity }
}

public enum IntegrityStatus: String, Codable, CaseIterable, Sendable {
    case none, red, black
}

/// A place on the integrity red or black list (诚信红黑榜).
public struct IntegrityRecord: Codable, Hashable, Sendable {
    public var status: IntegrityStatus
    public var reason: String
    /// The decision's date, `YYYY-MM-DD`.
    public var date: String
    /// The decision's document number (决定文号); absent in files written before it was asked.
    public var documentNumber: String?
    /// When the listing is to be reviewed (复核日期), `YYYY-MM-DD`; absent when none was set.
    public var reviewDate: String?
    public init(status: IntegrityStatus, reason: String, date: String, documentNumber: String? = nil, reviewDate: String? = nil) {
        self.status = status
        self.reason = reason
        self.date = date
        self.documentNumber = documentNumber
        self.reviewDate = reviewDate
    }
}

/// Leaving the roll (an enterprise out of direct supervision, an inspector who retired or moved):
/// the day and why. The record stays, and so do the records naming it.
public struct RetirementRecord: Codable, Hashable, Sendable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var reason: String
    public init(date: String, reason: String) {
        self.date = date
        self.reason = reason
    }
}

/// Counts of registered special equipment (特种设备) in use.
public struct SpecialEquipment: Codable, Hashable, Sendable {
    public var boilers: Int
    public var pressureVessels: Int
    public var pressurePiping: Int
    public var elevators: Int
    public var cranes: Int
    public var forklifts: Int
    public init(boilers: Int = 0, pressureVessels: Int = 0, pressurePiping: Int = 0,
                elevators: Int = 0, cranes: Int = 0, forklifts: Int = 0) {
        self.boilers = boilers
        self.pressureVessels = pressureVessels
        self.pressurePiping = pressurePiping
        self.elevators = elevators
        self.cranes = cranes
        self.forklifts = forklifts
    }
    public var total: Int { boilers + pressureVessels + pressurePiping + elevators + cranes + forklifts }
}

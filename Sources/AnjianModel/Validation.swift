import Foundation

/// One problem found in a record, naming the field (a JSON key path such as
/// `safetyResponsible.phone`) so that it can be shown beside it or reported with the file.
public struct ValidationIssue: Hashable, Sendable {
    public enum Severity: Hashable, Sendable { case error, warning }

    public enum Problem: Hashable, Sendable {
        case required
        case creditCode(CreditCode.Problem)
        case organizationCode(CreditCode.Warning)
        case unknownDistrict(String)
        /// The credit code's area part names another district than the record.
        case areaMismatch(codeArea: String, district: String)
        case invalidPhone(String)
        case invalidDate(String)
        case negativeCount(Int)
        case duplicateCreditCode(String)
        /// An enterprise's name another enterprise (this credit code) already has.
        case nameHeldBy(code: String)
        /// A certificate number another inspector of the roster already has.
        case duplicateCertificate(String)
        case invalidTime(String)
        /// A supervision entry names fewer than two inspectors.
        case tooFewInspectors(Int)
        case sameInspectorTwice(String)
        case deadlineBeforeDiscovery(String, String)
        /// One of the five rectification items (五落实) a major hazard must have.
        case requiredForMajorHazard
        /// A visit dated later than now (`YYYY-MM-DD HH:MM`), beyond the clock-skew tolerance.
        case visitInFuture(String)
        /// The conclusion 未发现问题 on a visit with findings or hazards registered on it.
        case noProblemWithFindings
        /// Funds (整改资金) that are not a number of 万元 (text kept from a file written before).
        case fundsNotANumber(String)
        /// 挂牌督办 on a hazard that is not major.
        case listingOnlyForMajorHazard
        /// A date before the hazard's discovery (date, discovery).
        case beforeDiscovery(String, String)
        /// A major hazard closed without two verifiers with certificate numbers.
        case closingNeedsTwoVerifiers
        /// A major hazard closed without a written verification opinion.
        case closingNeedsOpinion
        /// An evidence file that is not there.
        case evidenceMissing(String)
        /// A date later than today (a step, a verification, a closing).
        case dateInFuture(String)
    }

    public var field: String
    public var problem: Problem
    public var severity: Severity

    public init(field: String, problem: Problem, severity: Severity = .error) {
        self.field = field
        self.problem = problem
        self.severity = severity
    }
}

extension Array where Element == ValidationIssue {
    public var errors: [ValidationIssue] { filter { $0.severity == .error } }
    public var warnings: [ValidationIssue] { filter { $0.severity == .warning } }
}

extension Enterprise {
    /// Every problem of the record, errors and warnings, each with its field.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func require(_ value: String, _ field: String) {
            if value.isSpacesOnly {
                issues.append(ValidationIssue(field: field, problem: .required))
            }
        }
        let check = CreditCode.check(creditCode)
        issues += check.problems.map { ValidationIssue(field: "creditCode", problem: .creditCode($0)) }
        issues += check.warnings.map {
            ValidationIssue(field: "creditCode", problem: .organizationCode($0), severity: .warning)
        }
        require(name, "name")
        require(shortName, "shortName")
        require(district, "district")
        if !district.isEmpty {
            if let known = District.named(district) {
                // A warning: the code is given once, where the enterprise was registered, and
                // stays when it moves to another district.
                if check.isValid, let area = check.areaCode, area != known.code {
                    issues.append(ValidationIssue(field: "creditCode",
                                                  problem: .areaMismatch(codeArea: area, district: district), severity: .warning))
                }
            } else {
                issues.append(ValidationIssue(field: "district", problem: .unknownDistrict(district)))
            }
        }
        require(address, "address")
        require(industry, "industry")
        require(legalRepresentative, "legalRepresentative")
        require(safetyResponsible.name, "safetyResponsible.name")
        require(safetyResponsible.phone, "safetyResponsible.phone")
        if !safetyResponsible.phone.isEmpty, !PhoneNumber.isValid(safetyResponsible.phone) {
            issues.append(ValidationIssue(field: "safetyResponsible.phone",
                                          problem: .invalidPhone(safetyResponsible.phone)))
        }
        if supervisors.isEmpty {
            issues.append(ValidationIssue(field: "supervisors", problem: .required))
        }
        for (i, supervisor) in supervisors.enumerated() {
            require(supervisor.name, "supervisors[\(i)].name")
            if !supervisor.phone.isEmpty, !PhoneNumber.isValid(supervisor.phone) {
                issues.append(ValidationIssue(field: "supervisors[\(i)].phone", problem: .invalidPhone(supervisor.phone)))
            }
        }
        if let equipment = specialEquipment {
            let counts: [(String, Int)] = [
                ("boilers", equipment.boilers), ("pressureVessels", equipment.pressureVessels),
                ("pressurePiping", equipment.pressurePiping), ("elevators", equipment.elevators),
                ("cranes", equipment.cranes), ("forklifts", equipment.forklifts),
            ]
            for (key, count) in counts where count < 0 {
                issues.append(ValidationIssue(field: "specialEquipment.\(key)", problem: .negativeCount(count)))
            }
        }
        if let integrity, integrity.status != .none {
            require(integrity.reason, "integrity.reason")
            if !CalendarDate.isValid(integrity.date) {
                issues.append(ValidationIssue(field: "integrity.date", problem: .invalidDate(integrity.date)))
            }
            if let review = integrity.reviewDate, !review.isEmpty, !CalendarDate.isValid(review) {
                issues.append(ValidationIssue(field: "integrity.reviewDate", problem: .invalidDate(review)))
            }
        }
        if let retired { issues += retired.validate(field: "retired") }
        return issues
    }
}

extension RetirementRecord {
    /// A real date and a reason; `field` is where the record sits (`retired`).
    public func validate(field: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !CalendarDate.isValid(date) { issues.append(ValidationIssue(field: field + ".date", problem: .invalidDate(date))) }
        if reason.isBlank { issues.append(ValidationIssue(field: field + ".reason", problem: .required)) }
        return issues
    }
}

/// Dates as the ledger writes them: `YYYY-MM-DD`.
public enum CalendarDate {
    /// The date `days` after a valid `YYYY-MM-DD` (negative for before).
    public static func adding(days: Int, to text: String) -> String? {
        guard isValid(text) else { return nil }
        let parts = text.split(separator: "-").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let moved = calendar.date(byAdding: .day, value: days, to: date) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Whole days from one valid date to another (negative when `to` is earlier).
    public static func days(from: String, to: String) -> Int? {
        guard from.utf8.count == 10, to.utf8.count == 10 else { return nil }
        func dayNumber(_ text: String) -> Int {
            // Digits only, without allocating: this runs for every overdue row when sorting.
            var p = [0, 0, 0], part = 0
            for byte in text.utf8 {
                if byte == 45 { part += 1 } else if part < 3 { p[part] = p[part] * 10 + Int(byte &- 48) }
            }
            // Days since a fixed epoch (civil-from-days inverse, proleptic Gregorian).
            let y = p[1] <= 2 ? p[0] - 1 : p[0]
            let era = y / 400
            let yoe = y - era * 400
            let mp = (p[1] + 9) % 12
            let doy = (153 * mp + 2) / 5 + p[2] - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146_097 + doe
        }
        return dayNumber(to) - dayNumber(from)
    }

    /// `YYYY-MM-DD` and `HH:MM` of a moment in a time zone.
    public static func dayAndTime(_ date: Date, in zone: TimeZone) -> (day: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!), String(format: "%02d:%02d", c.hour!, c.minute!))
    }

    /// ISO 8601 with the zone's offset, e.g. `2026-11-25T14:30:00+08:00`, for histories.
    public static func timestamp(_ date: Date, in zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// An ISO 8601 timestamp in any zone (`2026-11-25T23:38:03Z`, `…+08:00`) as `yyyy-MM-dd HH:mm`
    /// in the given zone, or nil when the text is not one.
    public static func localMinute(_ timestamp: String, in zone: TimeZone) -> String? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var date = formatter.date(from: timestamp)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = formatter.date(from: timestamp)
        }
        guard let date else { return nil }
        let local = dayAndTime(date, in: zone)
        return local.day + " " + local.time
    }

    /// `YYYY-MM-DD` of a real day. Read byte by byte, as it is asked of every date of every
    /// record on load; each part is what `Int` reads (digits, a `+` before them allowed).
    public static func isValid(_ text: String) -> Bool {
        var parts = (0, 0, 0), lengths = (0, 0, 0), digits = (0, 0, 0), part = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                part += 1
                guard part < 3 else { return false }
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                switch part {
                case 0: parts.0 = parts.0 * 10 + digit; digits.0 += 1
                case 1: parts.1 = parts.1 * 10 + digit; digits.1 += 1
                default: parts.2 = parts.2 * 10 + digit; digits.2 += 1
                }
            case UInt8(ascii: "+"):
                // Only first in its part.
                let length = part == 0 ? lengths.0 : part == 1 ? lengths.1 : lengths.2
                guard length == 0 else { return false }
            default:
                return false
            }
            switch part {
            case 0: lengths.0 += 1
            case 1: lengths.1 += 1
            default: lengths.2 += 1
            }
            guard lengths.0 <= 4, lengths.1 <= 2, lengths.2 <= 2 else { return false }
        }
        guard part == 2, lengths == (4, 2, 2), digits.0 > 0, digits.1 > 0, digits.2 > 0 else { return false }
        let (y, m, d) = parts
        guard (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}

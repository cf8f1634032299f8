/// A calendar day as a number (days since 1970-01-01), for the generator's date arithmetic:
/// hundreds of thousands of dates are moved, and `Calendar` would cost seconds.
struct Day: Comparable, Hashable {
    let number: Int

    init(number: Int) { self.number = number }

    /// From a valid `YYYY-MM-DD` (the caller checks it with `CalendarDate.isValid`).
    init(_ text: String) {
        let parts = text.split(separator: "-").map { Int($0)! }
        // Days from civil (H. Hinnant), proleptic Gregorian.
        let y = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (parts[1] + 9) % 12
        let doy = (153 * mp + 2) / 5 + parts[2] - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`
    var text: String {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(y) + "-" + twoDigits(m) + "-" + twoDigits(d)
    }

    var year: Int { Int(text.prefix(4))! }

    /// Saturday or Sunday (1970-01-01 was a Thursday).
    var isWeekend: Bool {
        let weekday = ((number % 7) + 7 + 4) % 7  // 0 = Sunday
        return weekday == 0 || weekday == 6
    }

    static func + (day: Day, days: Int) -> Day { Day(number: day.number + days) }
    static func - (day: Day, days: Int) -> Day { Day(number: day.number - days) }
    static func - (a: Day, b: Day) -> Int { a.number - b.number }
    static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    /// A history timestamp on this day, in the city's zone (`2026-11-25T14:30:00+08:00`).
    func at(minute: Int) -> String {
        text + "T" + twoDigits(minute / 60) + ":" + twoDigits(minute % 60) + ":00+08:00"
    }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

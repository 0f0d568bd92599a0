/// Calendar dates of Unix timestamps in UTC, as the TC3 credential scope and the API's ISO-8601
/// times spell them (never the local time zone).
public enum UTCDate {
    /// `YYYY-MM-DD` of `timestamp` (Unix seconds) in UTC.
    public static func day(of timestamp: Int) -> String {
        var days = timestamp >= 0 ? timestamp / 86_400 : (timestamp - 86_399) / 86_400
        // Civil-from-days (Howard Hinnant), proleptic Gregorian calendar.
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

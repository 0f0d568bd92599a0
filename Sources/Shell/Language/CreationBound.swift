import Foundation

/// One side of a creation-time range, to the second, in UTC: what `created<DATE`,
/// `created>=DATE`, `age>90d` and the like turn into. Matching compares the first 19 characters
/// of the API's `CreatedTime` (`YYYY-MM-DDThh:mm:ss`) with the bound's, which allocates
/// nothing; a time written with another UTC offset is parsed instead.
public struct CreationBound: Sendable, Equatable {
    /// Which side of ``instant`` matches.
    public enum Side: Sendable, Equatable {
        /// Created strictly before the instant.
        case before
        /// Created at or after the instant.
        case notBefore
    }

    public let side: Side
    /// Unix seconds.
    public let instant: Int
    /// ``instant`` as `YYYY-MM-DDThh:mm:ss`.
    private let key: String

    public init(_ side: Side, _ instant: Int) {
        self.side = side
        self.instant = instant
        key = String(Self.iso(instant).prefix(19))
    }

    /// Whether an image created at `createdTime` is on the matching side; never for an image
    /// without a readable creation time.
    public func matches(_ createdTime: String?) -> Bool {
        guard let createdTime else { return false }
        let utf8 = createdTime.utf8
        let before: Bool
        if utf8.count >= 19, createdTime.hasSuffix("Z") || createdTime.hasSuffix("+00:00") || utf8.count == 19 {
            before = utf8.prefix(19).lexicographicallyPrecedes(key.utf8)
        } else if let date = Self.parse(createdTime) {
            before = date.timeIntervalSince1970 < Double(instant)
        } else {
            return false
        }
        return before == (side == .before)
    }

    /// Unix seconds of midnight UTC starting `YYYY-MM-DD`, or nil when `text` is not such a date.
    static func midnight(of text: Substring) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // Days-from-civil (Howard Hinnant), checked by turning the day back into a date.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let seconds = (era * 146_097 + doe - 719_468) * 86_400
        return iso(seconds).prefix(10) == text ? seconds : nil
    }

    /// `YYYY-MM-DDThh:mm:ssZ` of Unix seconds.
    private static func iso(_ seconds: Int) -> String {
        Date(timeIntervalSince1970: Double(seconds)).formatted(.iso8601)
    }

    /// An ISO 8601 time with any offset, with or without fractional seconds.
    private static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

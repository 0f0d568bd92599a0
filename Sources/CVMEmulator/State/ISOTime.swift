import TencentCloudCore

/// ISO-8601 UTC times as the API writes them.
enum ISOTime {
    /// `YYYY-MM-DDThh:mm:ssZ` for a Unix time.
    static func format(_ unixSeconds: Int) -> String {
        let seconds = ((unixSeconds % 86_400) + 86_400) % 86_400
        let hh = seconds / 3600
        let mm = seconds / 60 % 60
        let ss = seconds % 60
        return "\(UTCDate.day(of: unixSeconds))T\(two(hh)):\(two(mm)):\(two(ss))Z"
    }

    /// The same time with `+00:00` instead of `Z` (the form of the API's own examples).
    static func withOffset(_ iso: String) -> String {
        iso.hasSuffix("Z") ? String(iso.dropLast()) + "+00:00" : iso
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

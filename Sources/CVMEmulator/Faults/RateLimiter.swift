/// Per-account, per-action request rates over a sliding one-second window.
struct RateLimiter: Sendable {
    private var recent: [String: [Double]] = [:]

    /// Records a request at `now` and answers whether it is within `limit` per second.
    /// Refused requests are not counted.
    mutating func allow(account: String, action: String, limit: Int, now: Double) -> Bool {
        let key = account + "\u{0}" + action
        var times = recent[key, default: []]
        times.removeAll { $0 <= now - 1 }
        guard times.count < limit else {
            recent[key] = times
            return false
        }
        times.append(now)
        recent[key] = times
        return true
    }
}

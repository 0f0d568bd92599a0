/// Request rates over a sliding one-second window, per (SecretId, Host header, action): the
/// service counts per API, access point and sub-account, measured on arrival
/// (https://cloud.tencent.com/document/product/1278/109059).
struct RateLimiter: Sendable {
    private struct Key: Hashable {
        var secretId: String
        var host: String
        var action: String
    }

    private var recent: [Key: [Double]] = [:]

    /// Records a request at `now` and answers whether it is within `limit` per second.
    /// Refused requests are not counted.
    mutating func allow(secretId: String, host: String, action: String, limit: Int, now: Double) -> Bool {
        let key = Key(secretId: secretId, host: host.lowercased(), action: action)
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

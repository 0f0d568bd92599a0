/// Client-side throttling: one ``TokenBucket`` per (account, region, action), so a batch never
/// sends faster than the API's documented limits and rarely meets `RequestLimitExceeded`.
public actor RateLimiter {
    /// Requests per second for each action name; actions not listed are not throttled.
    public let limits: [String: Double]
    private var buckets: [String: TokenBucket] = [:]
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// The documented per-second limits of the actions cvmsh calls.
    public static let documented: [String: Double] = [
        "DescribeImages": 40,
        "ModifyImageSharePermission": 10,
        "DescribeImageSharePermission": 10,
        "DescribeImageQuota": 10,
        "DescribeRegions": 20,
        "GetCallerIdentity": 20,
    ]

    /// The fraction of each limit the buckets actually use. The service counts requests per
    /// sliding second as they arrive; pacing at exactly the limit lets network and scheduling
    /// jitter put limit + 1 requests in one window now and then (measured by `scripts/bench`:
    /// ~8 % of share calls answered `RequestLimitExceeded`, each costing a backoff and an
    /// attempt). 5 % headroom absorbs up to ~50 ms of jitter at 10/s.
    public let headroom: Double

    public init(limits: [String: Double] = RateLimiter.documented, headroom: Double = 0.95) {
        precondition(headroom > 0 && headroom <= 1)
        self.limits = limits
        self.headroom = headroom
        origin = clock.now
    }

    /// Waits until `action` may be sent for this account and region. Throws `CancellationError`
    /// if the task is cancelled while waiting (the call is then not sent at all).
    public func acquire(action: String, account: String, region: String?) async throws {
        guard let rate = limits[action] else { return }
        let key = "\(account)\u{1F}\(region ?? "")\u{1F}\(action)"
        let now = (clock.now - origin).seconds
        var bucket = buckets[key] ?? TokenBucket(rate: rate * headroom, now: now)
        let wait = bucket.reserve(now: now)
        buckets[key] = bucket
        if wait > 0 {
            try await Task.sleep(for: .seconds(wait))
        }
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

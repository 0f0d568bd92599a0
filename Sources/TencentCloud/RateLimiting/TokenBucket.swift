/// A token bucket that hands out reservations instead of polling: each call takes one token
/// now and learns how long to wait before using it. Pure, so it is tested on a virtual clock.
public struct TokenBucket: Sendable, Equatable {
    /// Tokens added per second (the API's documented requests per second).
    public let rate: Double
    /// Tokens the bucket holds at most (how many calls may start back to back).
    public let burst: Double
    private var tokens: Double
    private var updated: Double

    /// A full bucket at time `now` (seconds on any monotonic clock).
    public init(rate: Double, burst: Double = 1, now: Double) {
        precondition(rate > 0 && burst >= 1)
        self.rate = rate
        self.burst = burst
        tokens = burst
        updated = now
    }

    /// Takes one token and returns the seconds to wait before the call may start (0 when a token
    /// was available). Reservations queue in order: the n-th waiting caller waits n / rate.
    public mutating func reserve(now: Double) -> Double {
        if now > updated {
            tokens = min(burst, tokens + (now - updated) * rate)
            updated = now
        }
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / rate
    }
}

/// When to try a failed call again, as a pure function of the error and the attempt number.
///
/// Throttling (`RequestLimitExceeded*`), `InternalError*`, `ServiceUnavailable`, failures to
/// connect (nothing was sent) and, for idempotent calls, timeouts and 5xx answers are retried
/// with exponential backoff and full jitter. A call that is not idempotent is never re-sent
/// after an ambiguous failure: the caller gets the error and must re-read to decide.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included, for ordinary transient errors.
    public var maxAttempts: Int
    /// Attempts in all when the service is throttling; throttling is expected in big batches
    /// and must not surface as a failure.
    public var maxThrottledAttempts: Int
    /// The first backoff ceiling; doubled per attempt.
    public var base: Duration
    /// The largest backoff ceiling.
    public var cap: Duration

    public init(maxAttempts: Int = 4, maxThrottledAttempts: Int = 12, base: Duration = .milliseconds(200), cap: Duration = .seconds(5)) {
        self.maxAttempts = maxAttempts
        self.maxThrottledAttempts = maxThrottledAttempts
        self.base = base
        self.cap = cap
    }

    /// Never retry.
    public static let none = RetryPolicy(maxAttempts: 1, maxThrottledAttempts: 1)

    public enum Decision: Sendable, Equatable {
        case retry(after: Duration)
        case stop
    }

    /// The decision after the `attempt`-th failure of `error`'s kind (1-based; throttling and
    /// transient errors are counted apart by the caller). `random` is in `0..<1` and
    /// picks the jittered delay, so tests pass fixed values.
    public func decide(_ error: TencentCloudError, attempt: Int, idempotent: Bool, random: Double) -> Decision {
        let limit: Int
        switch Self.classify(error, idempotent: idempotent) {
        case .stop: return .stop
        case .throttled: limit = maxThrottledAttempts
        case .transient: limit = maxAttempts
        case .once: limit = 2
        }
        guard attempt < limit else { return .stop }
        let ceiling = min(cap.seconds, base.seconds * Double(1 << min(attempt - 1, 20)))
        return .retry(after: .seconds(ceiling * min(max(random, 0), 1)))
    }

    enum Class { case stop, throttled, transient, once }

    static func classify(_ error: TencentCloudError, idempotent: Bool) -> Class {
        switch error {
        case .api(let api):
            if api.code.hasPrefix("RequestLimitExceeded") { return .throttled }
            if api.code.hasPrefix("InternalError") || api.code == "InternalServerError"
                || api.code == "ServiceUnavailable" { return .transient }
            if api.code == "AuthFailure.SignatureExpire" { return .once }
            return .stop
        case .transport(let transport):
            if case .status(let status, _) = transport.kind {
                return status >= 500 && idempotent ? .transient : .stop
            }
            if !transport.ambiguous { return transport.kind == .tls ? .stop : .transient }
            return idempotent ? .transient : .stop
        case .decoding, .credential, .cancelled:
            return .stop
        }
    }
}

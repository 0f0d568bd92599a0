/// When to try a failed call again, as a pure function of the error and the attempt number.
///
/// Each failure is sorted into a ``FailureKind`` by switching over its ``ErrorCode`` or
/// transport kind; each kind is a small strategy with its own attempt budget. Throttling
/// (`RequestLimitExceeded*`), `InternalError*`, `ServiceUnavailable`, failures to connect
/// (nothing was sent) and, for idempotent calls, timeouts and 5xx answers are retried with
/// exponential backoff and full jitter. A call that is not idempotent is never re-sent after an
/// ambiguous failure: the caller gets the error and must re-read to decide.
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

    public init(
        maxAttempts: Int = 4, maxThrottledAttempts: Int = 12, base: Duration = .milliseconds(200),
        cap: Duration = .seconds(5)
    ) {
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

    /// How a failure may be retried; each kind has its own attempt budget.
    public enum FailureKind: Sendable, Hashable {
        /// Retrying cannot help (a client error, or an ambiguous failure of a change).
        case final
        /// The service refused the rate (`RequestLimitExceeded*`): ``maxThrottledAttempts``.
        case throttled
        /// A passing fault (server error, nothing sent, or an ambiguous read): ``maxAttempts``.
        case transient
        /// `AuthFailure.SignatureExpire`: one re-signed attempt, at once.
        case expiredSignature
    }

    /// The decision after the `attempt`-th failure of `error`'s kind (1-based; throttling and
    /// transient errors are counted apart by the caller). `random` is in `0..<1` and
    /// picks the jittered delay, so tests pass fixed values.
    public func decide(_ error: TencentCloudError, attempt: Int, idempotent: Bool, random: Double) -> Decision {
        let limit: Int
        switch Self.kind(of: error, idempotent: idempotent) {
        case .final: return .stop
        case .throttled: limit = maxThrottledAttempts
        case .transient: limit = maxAttempts
        case .expiredSignature: limit = 2
        }
        guard attempt < limit else { return .stop }
        let ceiling = min(cap.seconds, base.seconds * Double(1 << min(attempt - 1, 20)))
        return .retry(after: .seconds(ceiling * min(max(random, 0), 1)))
    }

    /// Whether a failed read (an idempotent call) is worth trying again at all, for callers that
    /// read again on their own terms (after the client's own retries gave up, or with a
    /// different budget).
    public static func isWorthRetrying(read error: TencentCloudError) -> Bool {
        kind(of: error, idempotent: true) != .final
    }

    /// Sorts a failure into its retry strategy.
    public static func kind(of error: TencentCloudError, idempotent: Bool) -> FailureKind {
        switch error {
        case .api(let api):
            return kind(of: api.code)
        case .transport(let transport):
            if case .status(let status, _) = transport.kind {
                return status >= 500 && idempotent ? .transient : .final
            }
            if !transport.ambiguous { return transport.kind == .tls ? .final : .transient }
            return idempotent ? .transient : .final
        case .decoding, .credential, .cancelled:
            return .final
        }
    }

    /// The strategy for an API error code (the family decides, then a few exact codes).
    static func kind(of code: ErrorCode) -> FailureKind {
        switch code.family {
        case .requestLimitExceeded: return .throttled
        case .internalError: return .transient
        default: break
        }
        switch code {
        case .internalServerError, .serviceUnavailable: return .transient
        case .signatureExpire: return .expiredSignature
        default: return .final
        }
    }
}

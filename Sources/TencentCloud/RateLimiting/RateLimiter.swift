/// Client-side throttling: one ``SlidingWindow`` per (SecretId, API host, action), the dimension
/// the service counts in (https://cloud.tencent.com/document/product/1278/109059: per API, access
/// region and sub-account, where the access region is the API server the request goes to, not
/// `X-TC-Region`), so a batch never sends faster than each action's declared limit
/// (``Action/rateLimit``) and rarely meets `RequestLimitExceeded`. Product regions reached
/// through one host share one budget.
public actor RateLimiter {
    /// Whether calls are throttled.
    public let policy: RateLimits
    /// The length of each window to begin with: one second plus the margin.
    public let window: Duration
    private var windows: [Key: SlidingWindow] = [:]
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// One budget of the service.
    struct Key: Hashable {
        var secretId: String
        var host: String
        var action: String
    }

    /// How much longer than a second each window is. The service counts requests as they arrive
    /// over a sliding second; a request that reaches it later than it left here (scheduling,
    /// connection set-up) shortens the gap to the one `limit` calls later. Measured by
    /// `scripts/bench` on a 2-core machine: pacing at exactly the limit had share calls answered
    /// `RequestLimitExceeded`, each costing a backoff and an attempt; 10 ms, with late departures
    /// reported (``departed(_:)``) and starts spaced, had none in the recorded run. Links with more
    /// jitter widen their windows as the service refuses calls (``throttled(_:secretId:host:)``).
    public static let defaultMargin = Duration.milliseconds(10)

    /// How much longer the second window of a budget waits (``SlidingWindow/setUpAllowance``).
    /// Measured by `scripts/bench` (S1, 50 list pages at 40/s over loopback): the first pages
    /// reached the emulator 10 to 30 ms later than they left, as their connections were made,
    /// and pages 41 to 44 were refused in about one run of two; later calls reuse connections.
    public static let setUpAllowance = Duration.milliseconds(30)

    /// The widest window ``throttled(_:secretId:host:)`` makes, in seconds: two thirds of
    /// the documented rate.
    public static let widestWindow = 1.5

    public init(policy: RateLimits = .documented, margin: Duration = RateLimiter.defaultMargin) {
        precondition(margin >= .zero)
        self.policy = policy
        window = .seconds(1) + margin
        origin = clock.now
    }

    /// A call's place in its action's window, for ``departed(_:)``.
    public struct Ticket: Sendable {
        fileprivate let key: Key
        fileprivate let number: Int
    }

    /// Waits until `action` may be sent with `secretId` to `host` (the `Host` header); `nil` when
    /// throttling is off. Throws `CancellationError` if the task is cancelled while waiting (the call is
    /// then not sent at all; its place in the window stays taken, which only errs on the slow side).
    public func acquire(_ action: Action, secretId: String, host: String) async throws -> Ticket? {
        guard policy == .documented else { return nil }
        let key = Key(secretId: secretId, host: host, action: action.name)
        let limit = action.rateLimit
        var slots =
            windows[key]
            ?? SlidingWindow(
                limit: limit, window: window.seconds, spacing: Self.spacing(limit),
                setUpAllowance: Self.setUpAllowance.seconds)
        let reservation = slots.reserve(now: now)
        windows[key] = slots
        let wait = reservation.start - now
        if wait > 0 {
            try await Task.sleep(for: .seconds(wait))
        }
        return Ticket(key: key, number: reservation.number)
    }

    /// Tells the limiter the call is leaving now, as late as the caller can say it (just before
    /// the request is written): a call that woke late or took long to sign pushes back the call
    /// `limit` places after it, so scheduling delays here do not shrink the gap the service sees.
    public func departed(_ ticket: Ticket?) {
        guard let ticket, var slots = windows[ticket.key] else { return }
        slots.departed(ticket.number, at: now)
        windows[ticket.key] = slots
    }

    /// Tells the limiter the service answered `RequestLimitExceeded` to `action`: requests reach
    /// it less evenly than they leave here, so the window's margin grows (doubled, by at least
    /// 20 ms, the window at most ``widestWindow``) for the calls still to come — once per window,
    /// however many calls of one burst were refused.
    public func throttled(_ action: Action, secretId: String, host: String) {
        let key = Key(secretId: secretId, host: host, action: action.name)
        guard var slots = windows[key] else { return }
        let margin = slots.window - 1
        slots.widen(to: min(Self.widestWindow, 1 + max(2 * margin, margin + 0.02)), now: now)
        windows[key] = slots
    }

    /// Starts of one action are at least a quarter of their average gap apart (6 ms at 40/s,
    /// 25 ms at 10/s). Measured by `scripts/bench`: 35 list pages sent at once were taken in by
    /// the emulator over tens of milliseconds (about 3 ms each, two at a time), and pages sent
    /// one window later found the last of them still counted; spread out, they are not, and
    /// once the window leads the spacing costs nothing.
    static func spacing(_ limit: Int) -> Double {
        1 / (4 * Double(limit))
    }

    private var now: Double { (clock.now - origin).seconds }

    /// How many budgets (SecretId, host, action) have been used.
    var budgets: Int { windows.count }

    /// The current window of `action` in seconds, once it has been used.
    func window(_ action: Action, secretId: String, host: String) -> Double? {
        windows[Key(secretId: secretId, host: host, action: action.name)]?.window
    }
}

/// Whether the client throttles its calls.
public enum RateLimits: Sendable, Equatable {
    /// Each action at its declared limit (``Action/rateLimit``) per SecretId and host.
    case documented
    /// No throttling (tests that count calls, not their pace).
    case off
}

extension Duration {
    /// The duration in (fractional) seconds.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

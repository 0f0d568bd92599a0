/// Client-side throttling: one ``SlidingWindow`` per (account, region, action), so a batch never
/// sends faster than the API's documented limits and rarely meets `RequestLimitExceeded`.
public actor RateLimiter {
    /// Requests per second for each action name; actions not listed are not throttled.
    public let limits: [String: Int]
    /// The length of each window to begin with: one second plus the margin.
    public let window: Duration
    private var windows: [String: SlidingWindow] = [:]
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// The documented per-second limits of the actions cvmsh calls.
    public static let documented: [String: Int] = [
        "DescribeImages": 40,
        "ModifyImageSharePermission": 10,
        "DescribeImageSharePermission": 10,
        "DescribeImageQuota": 10,
        "DescribeRegions": 20,
        "GetCallerIdentity": 20,
    ]

    /// How much longer than a second each window is. The service counts requests as they arrive
    /// over a sliding second; a request that reaches it later than it left here (scheduling,
    /// connection set-up) shortens the gap to the one `limit` calls later. Measured by
    /// `scripts/bench` on a 2-core machine: pacing at exactly the limit had share calls answered
    /// `RequestLimitExceeded`, each costing a backoff and an attempt; 10 ms, with late departures
    /// reported (``departed(_:)``) and starts spaced, had none in the recorded run. Links with more
    /// jitter widen their windows as the service refuses calls (``throttled(action:account:region:)``).
    public static let defaultMargin = Duration.milliseconds(10)

    /// The widest window ``throttled(action:account:region:)`` makes, in seconds: two thirds of
    /// the documented rate.
    public static let widestWindow = 1.5

    public init(limits: [String: Int] = RateLimiter.documented, margin: Duration = RateLimiter.defaultMargin) {
        precondition(margin >= .zero)
        self.limits = limits
        window = .seconds(1) + margin
        origin = clock.now
    }

    /// A call's place in its action's window, for ``departed(_:)``.
    public struct Ticket: Sendable {
        fileprivate let key: String
        fileprivate let number: Int
    }

    /// Waits until `action` may be sent for this account and region; `nil` when the action is not
    /// limited. Throws `CancellationError` if the task is cancelled while waiting (the call is
    /// then not sent at all; its place in the window stays taken, which only errs on the slow side).
    public func acquire(action: String, account: String, region: String?) async throws -> Ticket? {
        guard let limit = limits[action] else { return nil }
        let key = Self.key(action, account, region)
        var slots = windows[key] ?? SlidingWindow(limit: limit, window: window.seconds, spacing: Self.spacing(limit))
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
    public func throttled(action: String, account: String, region: String?) {
        let key = Self.key(action, account, region)
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

    /// The current window of `action` in seconds, once it has been used.
    func window(action: String, account: String, region: String?) -> Double? {
        windows[Self.key(action, account, region)]?.window
    }

    private static func key(_ action: String, _ account: String, _ region: String?) -> String {
        "\(account)\u{1F}\(region ?? "")\u{1F}\(action)"
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

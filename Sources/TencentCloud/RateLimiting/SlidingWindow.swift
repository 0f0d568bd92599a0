/// Admits at most `limit` calls in any `window` seconds, the way the service counts them: the
/// first `limit` calls start `spacing` apart, and call *n* + `limit` starts no earlier than
/// `window` after call *n* started. Each call reserves its start up front and learns how long to wait, so
/// waiting callers queue in order; a call that leaves later than reserved says so
/// (``departed(_:at:)``), and the call `limit` places after it waits for that instead. Pure:
/// tests drive it on a virtual clock.
public struct SlidingWindow: Sendable, Equatable {
    /// Calls allowed in any one window.
    public let limit: Int
    /// The window's length in seconds.
    public private(set) var window: Double
    /// The least time between two starts: a burst reaches the service spread out, not all at
    /// once (a service that takes requests one at a time counts the last of a burst late).
    public let spacing: Double
    /// How much later than `window` after a call of the first window the call `limit` places
    /// after it starts: the first calls open their connections, so they reach the service later
    /// than they leave here, by the set-up, and the second window would otherwise find them
    /// still counted.
    public let setUpAllowance: Double
    /// Start times of the last `limit` reservations: reservation *n* is at `n % limit`.
    private var starts: [Double] = []
    /// Reservations made so far.
    private var reserved = 0
    /// When the window was last widened.
    private var widenedAt = -Double.infinity

    /// A reserved start.
    public struct Reservation: Sendable, Equatable {
        /// The reservation's number (0 for the first).
        public let number: Int
        /// When the call may start (seconds on the window's clock).
        public let start: Double
    }

    /// An empty window: the first call starts without waiting.
    public init(limit: Int, window: Double, spacing: Double = 0, setUpAllowance: Double = 0) {
        precondition(limit > 0 && window > 0 && spacing >= 0 && setUpAllowance >= 0)
        self.limit = limit
        self.window = window
        self.spacing = spacing
        self.setUpAllowance = setUpAllowance
        starts.reserveCapacity(limit)
    }

    /// Reserves the earliest start at or after `now` (seconds on any monotonic clock) that keeps
    /// every window within the limit and comes after every earlier reservation.
    public mutating func reserve(now: Double) -> Reservation {
        var start = now
        if reserved > 0 { start = max(start, starts[(reserved - 1) % limit] + spacing) }
        if reserved >= limit {
            let allowance = reserved < 2 * limit ? setUpAllowance : 0
            start = max(start, starts[reserved % limit] + window + allowance)
        }
        if starts.count < limit { starts.append(start) } else { starts[reserved % limit] = start }
        reserved += 1
        return Reservation(number: reserved - 1, start: start)
    }

    /// Records that reservation `number` actually left at `time`. Later than reserved (the
    /// caller woke late or took long to send), it moves the start of the call `limit` places
    /// after it, unless that call has already been reserved.
    public mutating func departed(_ number: Int, at time: Double) {
        guard number < reserved, reserved <= number + limit else { return }
        starts[number % limit] = max(starts[number % limit], time)
    }

    /// Makes the window `seconds` long (never shorter than it is) for the calls reserved from
    /// now on, unless it was widened less than a window ago: refusals close together come from
    /// one burst of late arrivals, and one widening answers them all.
    public mutating func widen(to seconds: Double, now: Double) {
        guard now - widenedAt >= window else { return }
        window = max(window, seconds)
        widenedAt = now
    }
}

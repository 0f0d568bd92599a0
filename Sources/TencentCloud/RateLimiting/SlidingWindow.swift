/// Admits at most `limit` calls in any `window` seconds, the way the service counts them: the
/// first `limit` calls start at once, and call *n* + `limit` starts no earlier than `window`
/// after call *n*. Each call reserves its start time up front and learns how long to wait, so
/// waiting callers queue in order. Pure: tests drive it on a virtual clock.
public struct SlidingWindow: Sendable, Equatable {
    /// Calls allowed in any one window.
    public let limit: Int
    /// The window's length in seconds.
    public private(set) var window: Double
    /// Start times of the last `limit` reservations, oldest at `oldest` (a ring).
    private var starts: [Double] = []
    private var oldest = 0

    /// An empty window: the first `limit` calls start without waiting.
    public init(limit: Int, window: Double) {
        precondition(limit > 0 && window > 0)
        self.limit = limit
        self.window = window
        starts.reserveCapacity(limit)
    }

    /// Reserves the earliest start at or after `now` (seconds on any monotonic clock) that keeps
    /// every window within the limit and after every earlier reservation; returns the seconds to
    /// wait until then (0 when the call may start now).
    public mutating func reserve(now: Double) -> Double {
        guard starts.count == limit else {
            let start = max(now, starts.last ?? now)
            starts.append(start)
            return start - now
        }
        let newest = starts[(oldest + limit - 1) % limit]
        let start = max(now, newest, starts[oldest] + window)
        starts[oldest] = start
        oldest = (oldest + 1) % limit
        return start - now
    }

    /// Makes the window `seconds` long (never shorter than it is) for the calls reserved from now on.
    public mutating func widen(to seconds: Double) {
        window = max(window, seconds)
    }
}

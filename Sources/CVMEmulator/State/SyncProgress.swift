extension EmulatorState {
    /// A copy in progress: the image is `SYNCING` from `started` until `started + seconds`
    /// (emulator clock, Unix seconds), with `SyncPercent` rising with the time elapsed, then
    /// `NORMAL`. Kept on the copy, and on the source while it is being copied when the emulator
    /// shows sources as syncing.
    public struct SyncProgress: Codable, Sendable, Equatable {
        public var started: Double
        public var seconds: Double

        public init(started: Double, seconds: Double) {
            self.started = started
            self.seconds = seconds
        }

        /// The percentage done at `now`, `nil` once finished.
        func percent(at now: Double) -> Int? {
            let elapsed = now - started
            guard seconds > 0, elapsed < seconds else { return nil }
            return min(99, max(0, Int(elapsed / seconds * 100)))
        }
    }

    /// Whether any image has a copy in progress.
    var hasCopiesInProgress: Bool {
        regions.contains { $0.images.contains { $0.sync != nil } }
    }

    /// Brings every copy in progress to `now`: its `SyncPercent`, and `NORMAL` once finished.
    /// Returns whether copies remain in progress.
    mutating func advanceCopies(to now: Double) -> Bool {
        var pending = false
        for r in regions.indices {
            for i in regions[r].images.indices {
                guard let sync = regions[r].images[i].sync else { continue }
                if let percent = sync.percent(at: now) {
                    regions[r].images[i].imageState = "SYNCING"
                    regions[r].images[i].syncPercent = percent
                    pending = true
                } else {
                    regions[r].images[i].imageState = "NORMAL"
                    regions[r].images[i].syncPercent = nil
                    regions[r].images[i].sync = nil
                }
            }
        }
        return pending
    }
}

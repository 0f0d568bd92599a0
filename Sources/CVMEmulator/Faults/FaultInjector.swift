/// Decides, deterministically from a seed, which calls fail and how.
struct FaultInjector: Sendable {
    private var rng: SplitMix64
    private let rate: Double
    private let kinds: [FaultKind]

    init(seed: UInt64, rate: Double, kinds: Set<FaultKind>) {
        rng = SplitMix64(seed: seed)
        self.rate = rate
        self.kinds = kinds.sorted()
    }

    /// The fault for the next eligible call, `nil` for none. Every call draws the same amount
    /// of randomness, so the sequence depends only on the seed and the number of calls.
    mutating func next() -> FaultKind? {
        let roll = rng.nextUnit()
        let pick = rng.next()
        guard rate > 0, !kinds.isEmpty, roll < rate else { return nil }
        return kinds[Int(pick % UInt64(kinds.count))]
    }
}

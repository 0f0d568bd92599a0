/// The kind of a ``PairOutcome``, without its details: what summaries, the journal and plans
/// count. Its raw value is the stable key in JSON output and journal records.
public enum OutcomeKind: String, CaseIterable, Sendable, Codable, Hashable {
    case shared
    case alreadyPresent = "already_present"
    case unshared
    case notPresent = "not_present"
    case skipped
    /// Nothing was sent for the pair because the batch stopped first; `resume` sends it.
    case notStarted = "not_started"
    case failed
    case unknown

    /// `already present`, `not started`, …: the key as people read it.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// Whether pairs of this kind make the command fail.
    public var isProblem: Bool { self == .failed || self == .unknown }

    /// Whether `resume` still has work for pairs of this kind.
    public var isUnfinished: Bool { self == .notStarted || self == .unknown }
}

/// Pair counts per ``OutcomeKind``: one type for the summary, the journal's end record, the
/// `journal` table and plans, so they always agree. Encoded as an object keyed by raw value.
public struct OutcomeCounts: Sendable, Equatable, Codable, ExpressibleByDictionaryLiteral {
    private var values: [OutcomeKind: Int] = [:]

    public init() {}

    public init(dictionaryLiteral elements: (OutcomeKind, Int)...) {
        for (kind, count) in elements { add(kind, count) }
    }

    /// The counts of `outcomes`.
    public init(_ outcomes: some Sequence<PairOutcome>) {
        for outcome in outcomes { add(outcome.kind) }
    }

    public subscript(kind: OutcomeKind) -> Int { values[kind] ?? 0 }

    /// Adds `count` pairs of `kind`.
    public mutating func add(_ kind: OutcomeKind, _ count: Int = 1) {
        guard count != 0 else { return }
        values[kind, default: 0] += count
    }

    /// Adds every count of `other`.
    public mutating func add(_ other: OutcomeCounts) {
        for (kind, count) in other.values { add(kind, count) }
    }

    /// Every pair counted.
    public var total: Int { values.values.reduce(0, +) }

    /// Pairs that make the command fail (failed or unknown).
    public var problems: Int { OutcomeKind.allCases.filter(\.isProblem).reduce(0) { $0 + self[$1] } }

    /// Pairs `resume` still has work for (not started or unknown).
    public var unfinished: Int { OutcomeKind.allCases.filter(\.isUnfinished).reduce(0) { $0 + self[$1] } }

    /// The kinds with at least one pair, in summary order, with their counts.
    public var nonZero: [(kind: OutcomeKind, count: Int)] {
        OutcomeKind.allCases.compactMap { kind in self[kind] > 0 ? (kind, self[kind]) : nil }
    }

    public init(from decoder: any Decoder) throws {
        let raw = try [String: Int](from: decoder)
        for (key, count) in raw {
            // Journals written before `not_started` existed counted those pairs as skipped.
            if let kind = OutcomeKind(rawValue: key) { add(kind, count) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }).encode(to: encoder)
    }
}

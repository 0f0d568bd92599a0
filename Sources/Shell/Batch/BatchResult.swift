import Foundation
import TencentCloud

/// Everything a finished (or stopped) batch did, pair by pair.
public struct BatchResult: Sendable {
    public let batchId: String
    public let operation: BatchOperation
    /// Final outcome per image and account, for every pair of the plan.
    public var outcomes: [String: [String: PairOutcome]]
    /// Share lists known after the batch (read or kept up to date), per image.
    public var shares: [String: Set<String>]
    /// ModifyImageSharePermission calls sent.
    public var calls: Int
    /// DescribeImageSharePermission calls made.
    public var reads: Int
    /// Why the batch stopped early (Ctrl-C, journal), if it did.
    public var stopReason: SkipReason?
    /// The journal failure that stopped the batch, if any.
    public var journalError: JournalError?
    public var elapsed: Duration
    /// Accounts the service refused for themselves in this batch, with their pairs' outcome.
    public var badAccounts: [String: PairOutcome] = [:]
    /// The connection error that made the batch stop sending, if the endpoint became unreachable.
    public var unreachable: String?

    /// Pair counts per outcome kind.
    public var counts: OutcomeCounts { OutcomeCounts(outcomes.values.flatMap(\.values)) }

    /// Failed pairs grouped per image and outcome, in image order of `order`.
    public func failures(order: [String]) -> [(imageId: String, accounts: [String], outcome: PairOutcome)] {
        order.flatMap { id -> [(imageId: String, accounts: [String], outcome: PairOutcome)] in
            let failed = (outcomes[id] ?? [:]).filter { if case .failed = $0.value { true } else { false } }
            let grouped = Dictionary(grouping: failed.keys.sorted()) { failed[$0]! }
            return grouped.map { (imageId: id, accounts: $0.value, outcome: $0.key) }
                .sorted { $0.accounts.first ?? "" < $1.accounts.first ?? "" }
        }
    }

    /// Whether any pair failed or is unknown: the command fails.
    public var hasFailures: Bool { counts.problems > 0 }

    /// `share b-…: 840 shared, 15 already present, 45 skipped, 0 failed (255 calls, 12.3 s)`.
    public var summaryLine: String {
        let counts = counts
        let parts = OutcomeKind.allCases.compactMap { kind -> String? in
            guard counts[kind] > 0 || kind == .failed else { return nil }
            return "\(counts[kind]) \(kind.label)"
        }
        let time = String(format: "%.1f", elapsed.seconds)
        let summary = parts.joined(separator: ", ")
        return "\(operation.rawValue) \(batchId): \(summary) (\(counted(calls, "call")), \(time) s)"
    }
}

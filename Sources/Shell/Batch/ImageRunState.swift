/// What one image's part of a batch came to.
struct ImageResult: Sendable {
    let imageId: String
    var outcomes: [String: PairOutcome]
    /// The image's share list after the batch, when known (read, or cached and kept up to date).
    var shares: Set<String>?
    var calls = 0
    var reads = 0
}

/// The running state of one image in ``ImageRunner``.
struct ImageRunState {
    var outcomes: [String: PairOutcome]
    var pending: [String]
    var current: Set<String>?
    var maybeApplied: Set<String>
    var lastFailure: PairOutcome?
    /// Halves of calls refused for one of their accounts, sent before anything else.
    var splits: [[String]] = []
    var calls = 0
    var reads = 0

    init(plan: ImagePlan, known: Set<String>?) {
        outcomes = plan.settled
        pending = plan.change
        current = known
        maybeApplied = Set(plan.maybeApplied)
    }

    mutating func settle(_ accounts: [String], as outcome: PairOutcome) {
        for account in accounts where outcomes[account] == nil { outcomes[account] = outcome }
        pending.removeAll { outcomes[$0] != nil }
    }

    /// Settles the pending accounts the batch already knows cannot receive the image.
    mutating func leaveOut(_ known: [String: PairOutcome]) {
        for account in pending { if let outcome = known[account] { outcomes[account] = outcome } }
        pending.removeAll { outcomes[$0] != nil }
    }

    /// The accounts of the next call: a pending split half first, else up to `limit` pending.
    mutating func nextChunk(limit: Int) -> [String] {
        while !splits.isEmpty {
            let half = splits.removeFirst().filter { outcomes[$0] == nil }
            if !half.isEmpty { return half }
        }
        return Array(pending.prefix(limit))
    }

    /// Queues the two halves of `chunk`, to be sent before anything else.
    mutating func split(_ chunk: [String]) {
        let middle = chunk.count / 2
        splits.insert(contentsOf: [Array(chunk[..<middle]), Array(chunk[middle...])], at: 0)
    }

    mutating func applied(_ accounts: [String], operation: BatchOperation) {
        switch operation {
        case .share: current?.formUnion(accounts)
        case .unshare: current?.subtract(accounts)
        }
        settle(accounts, as: operation == .share ? .shared : .unshared)
    }

    /// Settles pending accounts that the fresh list shows in the wanted state.
    mutating func settleFromList(operation: BatchOperation) {
        guard let current else { return }
        for account in pending {
            switch operation {
            case .share where current.contains(account):
                outcomes[account] = maybeApplied.contains(account) ? .shared : .alreadyPresent
            case .unshare where !current.contains(account):
                outcomes[account] = maybeApplied.contains(account) ? .unshared : .notPresent
            default: break
            }
        }
        pending.removeAll { outcomes[$0] != nil }
    }
}

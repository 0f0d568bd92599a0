/// One batch as the journal tells it: its plan, the calls sent and completed, the pairs settled
/// and whether it ended. Built by ``JournalReader`` from the batch's records in file order.
public struct JournalBatch: Sendable, Equatable {
    public let id: String
    public let time: String
    public let region: String
    public let operation: BatchOperation
    public let plan: SharePlan
    /// The batch this one reverses (an `undo`).
    public let undoes: String?
    /// The batch this one applies again (a `redo`).
    public let redoes: String?
    /// Final outcome per image and account; later records (a resume) override earlier ones.
    public internal(set) var outcomes: [String: [String: PairOutcome]] = [:]
    /// Accounts a change call was sent for, per image, whether or not its result was recorded.
    public internal(set) var sent: [String: Set<String>] = [:]
    /// Accounts of `send` records with no `call` record after them (the process died), per image.
    var unanswered: [String: Set<String>] = [:]
    /// Accounts of calls answered ambiguously (timeout, dropped connection), per image.
    var answeredAmbiguously: [String: Set<String>] = [:]
    /// Accounts of calls the service refused or that never left (nothing applied), per image.
    var refused: [String: Set<String>] = [:]
    /// Change calls whose result was recorded.
    public internal(set) var calls = 0
    /// Whether a batch-end record was written after the last resume.
    public internal(set) var ended = false
    /// Whether the last end record says the batch was interrupted.
    public internal(set) var interrupted = false
    /// How many times `resume` continued it.
    public internal(set) var resumes = 0

    init?(_ record: JournalRecord) {
        guard record.kind == .batch, let region = record.region, let operation = record.operation,
            let plan = record.plan
        else { return nil }
        id = record.batch
        time = record.time
        self.region = region
        self.operation = operation
        self.plan = plan
        undoes = record.undoes
        redoes = record.redoes
    }

    /// Accounts of `image` a change of this batch may have applied: sent, and not refused (a
    /// call that could not connect, or an error answer) unless another call for them went
    /// unanswered or was ambiguous. What `resume` re-reads before sending.
    public func maybeApplied(_ image: String) -> Set<String> {
        let uncertain = (unanswered[image] ?? []).union(answeredAmbiguously[image] ?? [])
        let refusedOnly = (refused[image] ?? []).subtracting(uncertain)
        return (sent[image] ?? []).subtracting(refusedOnly)
    }

    /// The regions of the batch, in plan order (one for a batch of one region).
    public var regions: [String] { plan.regions }

    /// The images of the plan, in order.
    public var imageIds: [String] { plan.images.map(\.imageId) }

    /// Whether every pair of the plan is settled or failed for good (nothing left to resume).
    public var isComplete: Bool {
        ended && !interrupted && counts.unfinished == 0
    }

    /// Pair counts per outcome kind. Pairs of an image with no `image` record count as
    /// unknown when a change was sent for them, as not started when none was, and as planned
    /// when the plan settled them: the same counts the summary gave when the batch stopped.
    public var counts: OutcomeCounts {
        var counts = OutcomeCounts()
        for image in plan.images {
            if let recorded = outcomes[image.imageId] {
                counts.add(OutcomeCounts(recorded.values))
                continue
            }
            counts.add(OutcomeCounts(image.settled.values))
            let uncertain = maybeApplied(image.imageId)
            let ambiguous = image.change.filter(uncertain.contains).count
            counts.add(.unknown, ambiguous)
            counts.add(.notStarted, image.change.count - ambiguous)
        }
        return counts
    }

    mutating func apply(_ record: JournalRecord) {
        switch record.kind {
        case .batch, .sync, .copySend, .copyCall: break
        case .send:
            if let image = record.image {
                sent[image, default: []].formUnion(record.accounts ?? [])
                unanswered[image, default: []].formUnion(record.accounts ?? [])
            }
        case .call:
            calls += 1
            if let image = record.image {
                let accounts = record.accounts ?? []
                unanswered[image]?.subtract(accounts)
                if record.result == "ambiguous" { answeredAmbiguously[image, default: []].formUnion(accounts) }
                if record.result == "error" { refused[image, default: []].formUnion(accounts) }
            }
        case .image:
            if let image = record.image, let recorded = record.outcomes {
                outcomes[image, default: [:]].merge(recorded.mapValues(\.normalized)) { _, new in new }
            }
        case .resume:
            resumes += 1
            ended = false
        case .end:
            ended = true
            interrupted = record.interrupted ?? false
        }
    }
}

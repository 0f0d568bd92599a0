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
    /// Change calls whose result was recorded.
    public internal(set) var calls = 0
    /// Whether a batch-end record was written after the last resume.
    public internal(set) var ended = false
    /// Whether the last end record says the batch was interrupted.
    public internal(set) var interrupted = false
    /// How many times `resume` continued it.
    public internal(set) var resumes = 0

    init?(_ record: JournalRecord) {
        guard record.kind == .batch, let region = record.region, let operation = record.operation, let plan = record.plan
        else { return nil }
        id = record.batch
        time = record.time
        self.region = region
        self.operation = operation
        self.plan = plan
        undoes = record.undoes
        redoes = record.redoes
    }

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
            let sent = sent[image.imageId] ?? []
            let ambiguous = image.change.filter(sent.contains).count
            counts.add(.unknown, ambiguous)
            counts.add(.notStarted, image.change.count - ambiguous)
        }
        return counts
    }

    mutating func apply(_ record: JournalRecord) {
        switch record.kind {
        case .batch: break
        case .send:
            if let image = record.image { sent[image, default: []].formUnion(record.accounts ?? []) }
        case .call:
            calls += 1
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

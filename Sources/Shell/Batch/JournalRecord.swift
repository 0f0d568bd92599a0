import CVM
import Foundation

/// One line of the journal. Which fields are set depends on ``kind``; absent fields are left out
/// of the JSON. No credential, token or signature is ever part of a record.
public struct JournalRecord: Codable, Sendable, Equatable {
    /// What the line records.
    public enum Kind: String, Codable, Sendable {
        /// A batch is about to start: written before its first call.
        case batch
        /// A change call is about to be sent for these accounts (it may be applied even if the
        /// process dies before its result is recorded).
        case send
        /// A change call completed (successfully or not).
        case call
        /// Every pair of one image is settled.
        case image
        /// `resume` continues the batch.
        case resume
        /// The batch ended (completed, interrupted or stopped).
        case end
        /// A copy batch (`sync`) is about to start: its ``JournalRecord/syncPlan``.
        case sync
        /// A SyncImages call is about to be sent for ``JournalRecord/image`` to ``JournalRecord/regions``.
        case copySend = "copy-send"
        /// A SyncImages call completed (or copies were found by name): ``JournalRecord/copies``.
        case copyCall = "copy-call"
    }

    public var kind: Kind
    public var batch: String
    /// ISO 8601, UTC.
    public var time: String

    // batch (and, in a batch over several regions, send, call and image: the image's region)
    public var region: String?
    /// Every region of a batch over several regions, in plan order (absent for one region).
    public var regions: [String]?
    public var operation: BatchOperation?
    public var images: [String]?
    public var accounts: [String]?
    public var plan: SharePlan?
    /// The batch an `undo` batch reverses.
    public var undoes: String?
    /// The batch a `redo` batch applies again (its plan reverses that batch's undo).
    public var redoes: String?

    // send, call, image
    public var image: String?
    public var permission: String?
    /// `ok`, `error` or `ambiguous`.
    public var result: String?
    public var code: String?
    public var message: String?
    public var requestId: String?
    public var attempt: Int?
    /// The final outcome of each pair of ``image``.
    public var outcomes: [String: PairOutcome]?

    // sync, copy-send, copy-call (``regions``: the destinations)
    public var syncPlan: SyncPlan?
    public var copies: [ImageCopy]?

    // end
    public var counts: OutcomeCounts?
    public var interrupted: Bool?

    public init(kind: Kind, batch: String, time: Date = Date()) {
        self.kind = kind
        self.batch = batch
        self.time = time.formatted(.iso8601)
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type"
        case batch, time, region, regions, operation, images, accounts, plan, undoes, redoes, image
        case permission, result
        case code, message
        case requestId = "request_id"
        case attempt, outcomes, counts, interrupted
        case syncPlan = "sync_plan"
        case copies
    }
}

import CVM
import TencentCloud

/// The outcome of copying one image to one region.
public enum CopyOutcome: Sendable, Equatable {
    /// Copied by this batch (SyncImages answered, or the copy was found by name after an
    /// ambiguous answer).
    case copied(String)
    /// A copy was there before.
    case exists(String)
    case skipped(CopySkipReason)
    /// The service refused it (its code and message).
    case failed(String)
    /// Sent without a definite answer and not found by name: `resume` looks again.
    case unknown
    /// Not sent (Ctrl-C, or the batch stopped).
    case notStarted

    /// The copy's id, when there is one.
    public var copyId: String? {
        switch self {
        case .copied(let id), .exists(let id): id
        default: nil
        }
    }

    /// Whether `resume` has something left to do.
    public var isUnfinished: Bool { self == .unknown || self == .notStarted }

    /// How the summary says it.
    public var text: String {
        switch self {
        case .copied: "copied"
        case .exists: "exists"
        case .skipped(let reason): "skipped: \(reason.text)"
        case .failed(let message): "failed: \(message)"
        case .unknown: "unknown (resume looks for it)"
        case .notStarted: "not started"
        }
    }
}

/// One (image, region) result of a copy batch.
public struct CopyResult: Sendable, Equatable {
    public var imageId: String
    public var name: String
    public var region: String
    public var outcome: CopyOutcome
}

/// Sends the SyncImages calls of a ``SyncPlan``, one image at a time, journaling each call before
/// it is sent. Never makes a second copy: after an ambiguous answer (or a crash after sending) the
/// copy is looked for by name in each destination, and only destinations without one are sent again.
struct CopyRunner {
    var client: CVMClient
    var journal: Journal
    var batchId: String
    var sourceRegion: String

    /// Most SyncImages calls for one image (the first, plus one after an ambiguous answer whose
    /// copies were not found).
    static let maxAttempts = 2

    /// Copies `item` to `regions`; `uncertain` says a call may already have made copies.
    func copy(
        _ item: SyncPlan.Item, to regions: [String], uncertain: Bool
    ) async throws(JournalError) -> [String: CopyOutcome] {
        var outcomes: [String: CopyOutcome] = [:]
        var remaining = regions
        if uncertain {
            guard let found = await find(item, in: remaining) else {
                return Dictionary(uniqueKeysWithValues: remaining.map { ($0, .unknown) })
            }
            try await record(.copyCall, item, result: "found", copies: found)
            for copy in found { outcomes[copy.region] = .copied(copy.imageId) }
            remaining.removeAll { region in found.contains { $0.region == region } }
        }
        var attempts = 0
        while !remaining.isEmpty {
            guard !Task.isCancelled, attempts < Self.maxAttempts else {
                for region in remaining { outcomes[region] = attempts > 0 ? .unknown : .notStarted }
                break
            }
            attempts += 1
            try await record(.copySend, item, regions: remaining)
            let answer: Result<CallResult<[ImageCopy]>, TencentCloudError>
            do {
                answer = .success(
                    try await client.syncImages(
                        region: sourceRegion, imageId: item.imageId, destinations: remaining, name: item.name))
            } catch {
                answer = .failure(error)
            }
            switch answer {
            case .success(let result):
                var done = JournalRecord(kind: .copyCall, batch: batchId)
                done.image = item.imageId
                done.result = "ok"
                done.copies = result.output
                done.requestId = result.requestId
                try await journal.append(done)
                for copy in result.output { outcomes[copy.region] = .copied(copy.imageId) }
                remaining.removeAll { region in result.output.contains { $0.region == region } }
                // Without ids in the answer, the copies are found by name.
                if !remaining.isEmpty, let found = await find(item, in: remaining) {
                    try await record(.copyCall, item, result: "found", copies: found)
                    for copy in found { outcomes[copy.region] = .copied(copy.imageId) }
                }
                remaining = []
            case .failure(let error):
                var failed = JournalRecord(kind: .copyCall, batch: batchId)
                failed.image = item.imageId
                // An API error changed nothing; a call that never left is sent again by `resume`.
                let unsent = !error.isAmbiguous && error.code == nil
                failed.result = error.isAmbiguous ? "ambiguous" : unsent ? "unsent" : "error"
                failed.code = error.code?.rawValue ?? "transport"
                failed.message = error.description
                failed.requestId = error.requestId
                try await journal.append(failed)
                guard error.isAmbiguous else {
                    let outcome: CopyOutcome =
                        unsent
                        ? .notStarted
                        : error.code == .syncEncryptImageNotSupport ? .skipped(.encrypted) : .failed(error.description)
                    for region in remaining { outcomes[region] = outcome }
                    remaining = []
                    continue
                }
                guard let found = await find(item, in: remaining) else {
                    for region in remaining { outcomes[region] = .unknown }
                    remaining = []
                    continue
                }
                try await record(.copyCall, item, result: "found", copies: found)
                for copy in found { outcomes[copy.region] = .copied(copy.imageId) }
                remaining.removeAll { region in found.contains { $0.region == region } }
            }
        }
        return outcomes
    }

    /// The copies of `item` (own images of its name) in `regions`; `nil` when a region could not
    /// be read (then nothing may be sent).
    func find(_ item: SyncPlan.Item, in regions: [String]) async -> [ImageCopy]? {
        var found: [ImageCopy] = []
        for region in regions {
            do throws(TencentCloudError) {
                let page = try await client.describeImages(
                    region: region, filters: [.ownImages, ImageFilter("image-name", [item.name])], limit: 100)
                if let match = page.images.first(where: { $0.imageName == item.name }) {
                    found.append(ImageCopy(imageId: match.imageId, region: region))
                }
            } catch {
                return nil
            }
        }
        return found
    }

    private func record(
        _ kind: JournalRecord.Kind, _ item: SyncPlan.Item, regions: [String]? = nil, result: String? = nil,
        copies: [ImageCopy]? = nil
    ) async throws(JournalError) {
        var record = JournalRecord(kind: kind, batch: batchId)
        record.image = item.imageId
        record.regions = regions
        record.result = result
        record.copies = copies
        try await journal.append(record)
    }
}

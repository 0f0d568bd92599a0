import CVM
import Foundation

/// One copy batch as the journal tells it: its plan, the copies made or found, the SyncImages
/// calls that may have made copies without an answer saying so, and whether it ended.
public struct SyncBatch: Sendable, Equatable {
    public let id: String
    public let time: String
    public let plan: SyncPlan
    /// Copies made or found, per source image.
    public internal(set) var copies: [String: [ImageCopy]] = [:]
    /// Images with a SyncImages call sent and no definite answer after it (the process died,
    /// the connection dropped): their copies are looked for by name before sending again.
    public internal(set) var uncertain: Set<String> = []
    /// Images whose call the service refused (code), per image.
    public internal(set) var refused: [String: String] = [:]
    public internal(set) var ended = false
    public internal(set) var interrupted = false

    init?(_ record: JournalRecord) {
        guard record.kind == .sync, let plan = record.syncPlan else { return nil }
        id = record.batch
        time = record.time
        self.plan = plan
    }

    /// Whether it ended with every copy made, found or refused.
    public var isComplete: Bool { ended && !interrupted }

    /// The regions `item` still has to be copied to.
    func remaining(_ item: SyncPlan.Item) -> [String] {
        guard refused[item.imageId] == nil else { return [] }
        let done = Set((copies[item.imageId] ?? []).map(\.region))
        return item.copyTo.filter { !done.contains($0) }
    }

    mutating func apply(_ record: JournalRecord) {
        switch record.kind {
        case .copySend:
            if let image = record.image { uncertain.insert(image) }
        case .copyCall:
            guard let image = record.image else { return }
            copies[image, default: []] += record.copies ?? []
            switch record.result {
            case "ok", "found", "unsent": uncertain.remove(image)
            case "error":
                uncertain.remove(image)
                refused[image] = record.code ?? "error"
            default: break
            }
        case .resume:
            ended = false
        case .end:
            ended = true
            interrupted = record.interrupted ?? false
        case .batch, .send, .call, .image, .sync: break
        }
    }

    /// The copy batches of the journal at `path`, in the order they started.
    static func read(path: String) throws(JournalError) -> [SyncBatch] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw JournalError(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        var batches: [SyncBatch] = []
        var index: [String: Int] = [:]
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let record = try? decoder.decode(JournalRecord.self, from: Data(line)) else { continue }
            if record.kind == .sync, let batch = SyncBatch(record) {
                index[batch.id] = batches.count
                batches.append(batch)
            } else if let position = index[record.batch] {
                batches[position].apply(record)
            }
        }
        return batches
    }
}

import CVM
import TencentCloud

/// The images `wait` watches, per region, and what it last saw of them.
struct ImageWatch {
    /// Image ids per region, regions in the order given.
    var targets: [(region: String, ids: [String])]
    /// Last seen state and SyncPercent per image id.
    var seen: [String: (state: String, percent: Int?)] = [:]

    /// Images not NORMAL yet, as `id (region, STATE n%)`.
    var pending: [String] {
        targets.flatMap { target in
            target.ids.filter { seen[$0]?.state != "NORMAL" }.map { id in
                let state = seen[id].map { $0.state + ($0.percent.map { " \($0)%" } ?? "") } ?? "not found"
                return "\(id) (\(target.region), \(state))"
            }
        }
    }

    /// Images in a state they never leave for NORMAL, or gone.
    var failed: [String] {
        targets.flatMap { target in
            target.ids.filter { id in
                guard let state = seen[id]?.state else { return true }
                return state.hasSuffix("FAILED")
            }.map { "\($0) (\(target.region), \(seen[$0]?.state ?? "not found"))" }
        }
    }

    /// One line per region: how many are NORMAL, and the progress of the others.
    var lines: [String] {
        targets.map { target in
            let normal = target.ids.filter { seen[$0]?.state == "NORMAL" }.count
            let others = target.ids.filter { seen[$0]?.state != "NORMAL" }.map { id in
                "\(id) \(seen[id]?.state ?? "?")" + (seen[id]?.percent.map { " \($0)%" } ?? "")
            }
            let rest = others.isEmpty ? "" : ": " + others.prefix(5).joined(separator: ", ")
            let more = others.count > 5 ? ", ..." : ""
            return "\(target.region): \(normal)/\(target.ids.count) NORMAL\(rest)\(more)"
        }
    }

    /// What changed enough to print the lines again: how many are NORMAL per region, and each
    /// other image's state and SyncPercent in quarters.
    var milestone: [String] {
        targets.flatMap { target in
            target.ids.map { id in "\(id) \(seen[id]?.state ?? "?") \((seen[id]?.percent ?? 0) / 25)" }
        }
    }

    /// The wait before the next poll, `last` after the previous one that saw `before`: the
    /// soonest any image not NORMAL yet may be done at the pace its SyncPercent rose
    /// (``Interpreter/nextPoll(after:percent:gained:)``), so `wait` looks again soon after a copy
    /// finishes and seldom while every copy has far to go.
    func nextPoll(after last: Duration, before: [String: (state: String, percent: Int?)]) -> Duration {
        let pending = targets.flatMap(\.ids).filter { seen[$0]?.state != "NORMAL" }
        let waits = pending.map { id in
            let percent = seen[id]?.percent
            let gained = before[id]?.percent.flatMap { earlier in percent.map { $0 - earlier } }
            return Interpreter.nextPoll(after: last, percent: percent, gained: gained)
        }
        return waits.min() ?? Interpreter.nextPoll(after: last, percent: nil, gained: nil)
    }

    /// Reads every watched image once (DescribeImages by id, 100 a call).
    mutating func poll(_ client: CVMClient) async throws(TencentCloudError) {
        for target in targets {
            var found = Set<String>()
            var start = 0
            while start < target.ids.count {
                let chunk = Array(target.ids[start..<min(start + 100, target.ids.count)])
                for image in try await client.describeImages(region: target.region, imageIds: chunk) {
                    seen[image.imageId] = (image.imageState ?? "", image.syncPercent)
                    found.insert(image.imageId)
                }
                start += 100
            }
            for id in target.ids where !found.contains(id) { seen[id] = nil }
        }
    }
}

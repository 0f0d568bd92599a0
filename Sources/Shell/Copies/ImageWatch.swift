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

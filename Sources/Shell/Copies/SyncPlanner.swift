/// What a destination holds, read before planning.
struct DestinationFacts: Sendable {
    var region: String
    /// The caller's custom images there, by name (an id per name).
    var ownNames: [String: String]
    /// The caller's custom images there.
    var ownCount: Int
    /// DescribeImageQuota there.
    var quota: Int
}

/// Makes ``SyncPlan``s.
enum SyncPlanner {
    /// The plan to copy `selection` (ids of `images`, in order) from `sourceRegion` to each destination.
    static func plan(
        selection: [String], images: ImageCache, destinations: [DestinationFacts]
    ) -> SyncPlan {
        var room = destinations.map { $0.quota - $0.ownCount }
        var planned = destinations.map { _ in Set<String>() }
        var items: [SyncPlan.Item] = []
        for id in selection {
            let image = images.image(id)
            var item = SyncPlan.Item(imageId: id, name: image?.imageName ?? id)
            for (index, destination) in destinations.enumerated() {
                if let existing = destination.ownNames[item.name] {
                    item.skipped.append(.init(region: destination.region, reason: .exists, existing: existing))
                } else if image?.imageType == "SHARED_IMAGE" {
                    item.skipped.append(.init(region: destination.region, reason: .sharedToYou))
                } else if image?.imageState != "NORMAL" {
                    item.skipped.append(.init(region: destination.region, reason: .notNormal))
                } else if planned[index].contains(item.name) {
                    item.skipped.append(.init(region: destination.region, reason: .sameName))
                } else if room[index] <= 0 {
                    item.skipped.append(.init(region: destination.region, reason: .overQuota))
                } else {
                    room[index] -= 1
                    planned[index].insert(item.name)
                    item.copyTo.append(destination.region)
                }
            }
            items.append(item)
        }
        return SyncPlan(
            sourceRegion: images.region, destinations: destinations.map(\.region), items: items)
    }
}

/// `1 copy`, `2 copies`.
func copiesText(_ count: Int) -> String {
    count == 1 ? "1 copy" : "\(count) copies"
}

extension EmulatorState {
    /// Families, deprecation and `tier` tags that give `family:`, `latest:`, `deprecated` and
    /// `tag:` something to find in the demo region. Takes nothing from the random stream, so
    /// every other demo fact stays as it was: each image gains a `tier` tag from its role
    /// (`tier=web` for web, api and gateway images, `tier=db` for db and cache ones); the first
    /// six `web-…` images (in the order made) join the `web-base` family and the first four
    /// `db-…` images `db-base` (states as made; each family has NORMAL ones); the newest NORMAL `web-base` image is deprecated, so `latest:web-base` is an older one; and
    /// the oldest `db-base` image is deprecated too.
    static func decorateFamilies(_ images: inout [Image]) {
        let tiers = ["web": "web", "api": "web", "gateway": "web", "db": "db", "cache": "db"]
        var roles: [String] = []
        for index in images.indices {
            let role = images[index].imageName.split(separator: "-").first.map(String.init) ?? ""
            roles.append(role)
            if let tier = tiers[role] { images[index].tags.append(Tag(key: "tier", value: tier)) }
        }
        for (family, role, count) in [("web-base", "web", 6), ("db-base", "db", 4)] {
            let members = Array(images.indices.filter { roles[$0] == role }.prefix(count))
            for index in members { images[index].imageFamily = family }
            let byAge = members.sorted { images[$0].createdTime < images[$1].createdTime }
            if family == "web-base", let newest = byAge.last(where: { images[$0].imageState == "NORMAL" }) {
                images[newest].imageDeprecated = true
            }
            if family == "db-base", let oldest = byAge.first { images[oldest].imageDeprecated = true }
        }
    }
}

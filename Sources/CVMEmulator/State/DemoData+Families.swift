extension EmulatorState {
    /// Demo images (by position in ap-nanjing) in the `web-base` family, several versions.
    static let webBaseImages = [30, 44, 58, 72, 96, 120]
    /// Demo images in the `db-base` family.
    static let dbBaseImages = [36, 50, 80, 110]

    /// Families, deprecation and `tier` tags that give `family:`, `latest:`, `deprecated` and
    /// `tag:` something to find in the demo region. Takes nothing from the random stream, so
    /// every other demo fact stays as it was: each image gains a `tier` tag from its role
    /// (`tier=web` for web, api and gateway images, `tier=db` for db and cache ones); the images
    /// of ``webBaseImages`` and ``dbBaseImages`` join those families, two of them NORMAL; the
    /// newest NORMAL `web-base` image is deprecated, so `latest:web-base` is an older one; and
    /// the oldest `db-base` image is deprecated too.
    static func decorateFamilies(_ images: inout [Image]) {
        let tiers = ["web": "web", "api": "web", "gateway": "web", "db": "db", "cache": "db"]
        for index in images.indices {
            let role = images[index].imageName.split(separator: "-").first.map(String.init) ?? ""
            if let tier = tiers[role] { images[index].tags.append(Tag(key: "tier", value: tier)) }
        }
        for (family, members) in [("web-base", webBaseImages), ("db-base", dbBaseImages)] {
            for index in members { images[index].imageFamily = family }
            // Two known-usable versions whatever the random states were.
            for index in members.prefix(2) { images[index].imageState = "NORMAL" }
            for index in members.prefix(2) { images[index].syncPercent = nil }
            let byAge = members.sorted { images[$0].createdTime < images[$1].createdTime }
            if family == "web-base", let newest = byAge.last(where: { images[$0].imageState == "NORMAL" }) {
                images[newest].imageDeprecated = true
            }
            if family == "db-base", let oldest = byAge.first { images[oldest].imageDeprecated = true }
        }
    }
}

import CVM

extension Completer {
    /// The plain and prefix words of the image terms, offered after `all` and `none`.
    static let imageTermStarts = ["deprecated", "tag:", "family:", "latest:"]

    /// Completions of a `tag:`, `family:` or `latest:` term from the cached list (tags as
    /// `tag:KEY` and `tag:KEY=VALUE`, families once each, sorted); nil for any other word.
    static func imageTermWords(_ partial: String, images: [Image]) -> [Candidate]? {
        var words = Set<String>()
        if partial.hasPrefix("tag:") {
            for image in images {
                for tag in image.tags ?? [] {
                    words.insert("tag:" + tag.key)
                    words.insert("tag:\(tag.key)=\(tag.value)")
                }
            }
        } else if let prefix = ["family:", "latest:"].first(where: partial.hasPrefix) {
            for image in images {
                if let family = image.imageFamily, !family.isEmpty { words.insert(prefix + family) }
            }
        } else {
            return nil
        }
        return words.sorted().map { Candidate($0) }
    }
}

/// A selection term that names images by what they are rather than where they are listed:
/// tags, families, deprecation and creation time.
///
/// Parsed by ``SelectionSpec``; matched row by row with no allocation. `latest:FAMILY` is the
/// one term the list cannot answer: the interpreter asks DescribeImageFromFamily for the region
/// before matching and records the answer (``SelectionSpec/resolvingLatest(_:)``).
public enum ImageTerm: Sendable, Equatable {
    /// `tag:KEY=VALUE` (exact key and value) or `tag:KEY` (`value` nil: any value).
    case tag(key: String, value: String?)
    /// `family:NAME`: every listed image of the family.
    case family(String)
    /// `latest:FAMILY`: the family's newest usable image (NORMAL, not deprecated) as the API
    /// names it, one per region of the session; `imageIDs` is nil until looked up.
    case latest(family: String, imageIDs: [String]?)
    /// `deprecated`: images marked deprecated.
    case deprecated
    /// `created<DATE`, `created>=DATE`, `age>90d`, …: a creation-time bound.
    case created(CreationBound)

    /// The words a plain term may be (besides `all` and `none`).
    static let keywords = ["deprecated"]
    /// The prefixes of `PREFIX:VALUE` terms.
    static let prefixes = ["name", "tag", "family", "latest"]
    /// The subjects of comparison terms.
    static let comparisons = ["created", "age"]

    /// Whether the image matches. An unresolved `latest:` matches nothing (the spec refuses it
    /// before matching).
    public func matches(_ image: some SelectableImage) -> Bool {
        switch self {
        case .tag(let key, let value):
            return image.hasTag(key, value: value)
        case .family(let family):
            return image.imageFamily == family
        case .latest(_, let imageIDs):
            return imageIDs?.contains(image.id) ?? false
        case .deprecated:
            return image.imageDeprecated == true
        case .created(let bound):
            return bound.matches(image.createdTime)
        }
    }

    /// The term `item` spells, nil when it is none of these forms; throws when it is one of
    /// them, badly written. `now` (Unix seconds) anchors `age` terms.
    static func parse(_ item: String, now: Int) throws(SelectionError) -> ImageTerm? {
        if item.lowercased() == "deprecated" { return .deprecated }
        if let colon = item.firstIndex(of: ":") {
            let value = String(item[item.index(after: colon)...])
            switch item[..<colon] {
            case "tag":
                let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let key = parts.first, !key.isEmpty else { throw .emptyTag(item) }
                if parts.count == 1 { return .tag(key: String(key), value: nil) }
                return .tag(key: String(key), value: String(parts[1]))
            case "family":
                guard !value.isEmpty else { throw .emptyFamily(item) }
                return .family(value)
            case "latest":
                guard !value.isEmpty else { throw .emptyFamily(item) }
                return .latest(family: value, imageIDs: nil)
            default: return nil
            }
        }
        return try comparison(item, now: now)
    }

    /// `created<DATE`, `created<=DATE`, `created>DATE`, `created>=DATE`, `age>N[dwh]`, `age<N[dwh]`.
    private static func comparison(_ item: String, now: Int) throws(SelectionError) -> ImageTerm? {
        guard let op = item.firstIndex(where: { $0 == "<" || $0 == ">" }) else { return nil }
        let subject = item[..<op]
        guard subject == "created" || subject == "age" else { return nil }
        let less = item[op] == "<"
        var rest = item[item.index(after: op)...]
        let inclusive = rest.first == "="
        if inclusive { rest = rest.dropFirst() }
        if subject == "created" {
            guard let midnight = CreationBound.midnight(of: rest) else { throw .badDate(item) }
            // A whole day: `<` ends before it, `<=` takes it in; `>` starts after it, `>=` with it.
            let start = less == inclusive ? midnight + 86_400 : midnight
            return .created(CreationBound(less ? .before : .notBefore, start))
        }
        guard let seconds = duration(rest) else { throw .badAge(item) }
        // Older than N: created before now - N. Younger than N: created since then.
        return .created(CreationBound(less ? .notBefore : .before, now - seconds))
    }

    /// `90d`, `2w`, `12h` in seconds.
    private static func duration(_ text: Substring) -> Int? {
        guard let unit = text.last, let count = Int(text.dropLast()), count >= 0, count <= 100_000 else { return nil }
        switch unit {
        case "d", "D": return count * 86_400
        case "w", "W": return count * 7 * 86_400
        case "h", "H": return count * 3600
        default: return nil
        }
    }
}

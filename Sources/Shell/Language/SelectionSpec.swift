import Foundation

/// A parsed selection: `select` / `unselect` arguments and `shared [SPEC]`.
///
/// Terms are separated by commas and/or spaces across words (commas inside `[...]` of a glob
/// belong to the glob). Indices are 1-based positions in the current `ls` numbering. A spec
/// resolves to image ids, never indices, in list order, without duplicates. Decisions:
/// a reversed range (`9-2`) is an error rather than silently normalised; a `name:` glob that
/// matches nothing is an error, and so is an image term (``ImageTerm``: `tag:`, `family:`,
/// `latest:`, `deprecated`, `created<`, `age>`) that matches nothing; `all`, `none` and
/// `deprecated` are case-insensitive. Terms add up (a union).
public struct SelectionSpec: Sendable, Equatable {
    /// One term of a spec.
    public enum Term: Sendable, Equatable {
        /// A 1-based index.
        case index(Int)
        /// An inclusive range of 1-based indices.
        case range(ClosedRange<Int>)
        /// Every listed image.
        case all
        /// No image.
        case none
        /// An image id (`img-…`).
        case imageID(String)
        /// Every image whose name matches.
        case name(Glob)
        /// Every image with an attribute: a tag, a family, deprecation, a creation time.
        case image(ImageTerm)
    }

    /// The terms, in the order written.
    public var terms: [Term]
    /// Each term as written, for messages (parallel to ``terms``).
    private var spellings: [String]

    /// Parses the words of a spec; `now` anchors `age` terms (Unix seconds, by default the
    /// present moment).
    public init(parsing words: [String], now: Int? = nil) throws(SelectionError) {
        terms = []
        spellings = []
        let now = now ?? Int(Date().timeIntervalSince1970)
        for word in words {
            for item in Self.split(word) {
                terms.append(try Self.term(item, now: now))
                spellings.append(item)
            }
        }
        if terms.isEmpty { throw .empty }
    }

    /// The ids of the images the spec names, in list order. Throws, naming the first bad term,
    /// if an index is out of range, an id is not listed or a glob matches nothing.
    /// - Parameter position: finds an id's position in `images` (an index the caller keeps);
    ///   by default a linear search.
    public func resolve(
        in images: [some SelectableImage], position: ((String) -> Int?)? = nil
    ) throws(SelectionError) -> [String] {
        var chosen = Array(repeating: false, count: images.count)
        try visit(images, position: position) { run in
            for index in run { chosen[index] = true }
        }
        // Index loops, not zip/enumerated: those copy every image (all its strings).
        var ids: [String] = []
        for index in images.indices where chosen[index] { ids.append(images[index].id) }
        return ids
    }

    /// Calls `mark` with each run of positions (0-based, in `images`) the spec names, term by
    /// term, so a caller can keep them in whatever set it likes (``Selection`` keeps a bit set).
    /// Throws, naming the first bad term, if an index is out of range, an id is not listed or a
    /// glob matches nothing.
    public func visit(
        _ images: [some SelectableImage], position: ((String) -> Int?)? = nil, mark: (Range<Int>) -> Void
    ) throws(SelectionError) {
        for (term, spelling) in zip(terms, spellings) {
            switch term {
            case .index(let index):
                guard index >= 1, index <= images.count else {
                    throw .indexOutOfRange(spelling, count: images.count)
                }
                mark(index - 1..<index)
            case .range(let range):
                guard range.lowerBound >= 1, range.upperBound <= images.count else {
                    throw .indexOutOfRange(spelling, count: images.count)
                }
                mark(range.lowerBound - 1..<range.upperBound)
            case .all:
                mark(images.indices)
            case .none:
                break
            case .imageID(let id):
                guard let found = position?(id) ?? Self.position(of: id, in: images) else {
                    throw .unknownImageID(id)
                }
                mark(found..<found + 1)
            case .name(let glob):
                var matched = false
                for index in images.indices where glob.matches(images[index].name) {
                    mark(index..<index + 1)
                    matched = true
                }
                if !matched { throw .noNameMatches(glob.pattern) }
            case .image(let term):
                if case .latest(let family, nil) = term { throw .unresolvedLatest("latest:" + family) }
                var matched = false
                for index in images.indices where term.matches(images[index]) {
                    mark(index..<index + 1)
                    matched = true
                }
                if !matched {
                    if case .latest(_, let ids?) = term, let id = ids.first { throw .unknownImageID(id) }
                    throw .noMatches(spelling)
                }
            }
        }
    }

    /// The position of the image with this id, without copying images.
    private static func position(of id: String, in images: [some SelectableImage]) -> Int? {
        for position in images.indices where images[position].id == id { return position }
        return nil
    }

    /// Splits a word on commas that are not inside a glob's `[...]`, dropping empty items.
    private static func split(_ word: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inBrackets = false
        for character in word {
            switch character {
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "," where !inBrackets:
                if !current.isEmpty { items.append(current) }
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        if !current.isEmpty { items.append(current) }
        return items
    }

    private static func term(_ item: String, now: Int) throws(SelectionError) -> Term {
        switch item.lowercased() {
        case "all": return .all
        case "none": return .none
        default: break
        }
        if item.hasPrefix("name:") {
            let pattern = String(item.dropFirst(5))
            if pattern.isEmpty { throw .invalidTerm(item) }
            return .name(Glob(pattern))
        }
        if item.hasPrefix("img-") {
            guard item.count > 4, item.utf8.allSatisfy(isIDByte) else { throw .invalidTerm(item) }
            return .imageID(item)
        }
        if let image = try ImageTerm.parse(item, now: now) { return .image(image) }
        let bounds = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.allSatisfy(isDecimal) else { throw misspelt(item) }
        // All-digit text too long for an Int is certainly out of range: resolving says so.
        let low = Int(bounds[0]) ?? .max
        if bounds.count == 1 { return .index(low) }
        let high = Int(bounds[1]) ?? .max
        guard low <= high else { throw .reversedRange(item) }
        return .range(low...high)
    }

    /// The error for a term of no known form: with a suggestion when it looks like a misspelt
    /// keyword (`depreceted`), prefix (`tga:env=prod`) or comparison (`craeted<2025-01-01`).
    private static func misspelt(_ item: String) -> SelectionError {
        let head = item.prefix { $0.isLetter && $0.isASCII }
        let rest = item[head.endIndex...]
        let candidates: [String]
        switch rest.first {
        case nil: candidates = ["all", "none"] + ImageTerm.keywords
        case ":": candidates = ImageTerm.prefixes
        case "<", ">": candidates = ImageTerm.comparisons
        default: candidates = []
        }
        guard !head.isEmpty, let fixed = Suggestion.closest(to: String(head), in: candidates) else {
            return .invalidTerm(item)
        }
        return .unknownTerm(item, suggestion: fixed + rest)
    }

    private static func isDecimal(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
}

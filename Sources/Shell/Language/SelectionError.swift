/// Why a selection spec was rejected. A rejected spec changes nothing.
public enum SelectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The spec holds no terms (only commas, say).
    case empty
    /// A term is none of the forms (index, range, `all`, `none`, `img-…`, `name:GLOB`, the image terms).
    case invalidTerm(String)
    /// A range whose start is after its end, such as `9-2`.
    case reversedRange(String)
    /// An index or range outside `1...count` (the list has `count` images).
    case indexOutOfRange(String, count: Int)
    /// An image id that is not in the list (or, for `unselect`, in the selection either).
    case unknownImageID(String)
    /// A `name:` glob that matches no listed image.
    case noNameMatches(String)
    /// A term of none of the known forms that looks like a misspelt one: the term and the fix.
    case unknownTerm(String, suggestion: String)
    /// `tag:` without a key.
    case emptyTag(String)
    /// `family:` or `latest:` without a family.
    case emptyFamily(String)
    /// `created<…` whose date is not `YYYY-MM-DD`.
    case badDate(String)
    /// `age>…` whose duration is not a number and d, w or h.
    case badAge(String)
    /// An attribute term (`tag:`, `family:`, `deprecated`, `created<`…) that matches no listed image.
    case noMatches(String)
    /// `latest:FAMILY` when the family has no usable image in the region.
    case noUsableImage(family: String, region: String)
    /// `latest:FAMILY` matched before it was looked up (a caller's mistake).
    case unresolvedLatest(String)

    /// The forms a selection term may take, as the fix of a bad one.
    private static let forms =
        "use indices (1,3), ranges (2-9), all, none, img-… ids, name:GLOB, tag:KEY[=VALUE], family:NAME, "
        + "latest:FAMILY, deprecated, created<YYYY-MM-DD or age>90d (see `help select`)"

    /// A one-line explanation naming the bad term.
    public var message: String {
        switch self {
        case .empty:
            "empty selection; \(Self.forms)"
        case .invalidTerm(let term):
            "invalid selection \(term.quotedForMessage); \(Self.forms)"
        case .reversedRange(let term):
            "reversed range \(term.quotedForMessage); write the lower index first"
        case .indexOutOfRange(let term, let count):
            count == 0
                ? "index \(term.quotedForMessage) is out of range: the image list is empty"
                : "index \(term.quotedForMessage) is out of range (1-\(count))"
        case .unknownImageID(let id):
            "unknown image id \(id.quotedForMessage): not in the image list (try ls --refresh)"
        case .noNameMatches(let pattern):
            "no image name matches \(pattern.quotedForMessage)"
        case .unknownTerm(let term, let suggestion):
            "invalid selection \(term.quotedForMessage); did you mean \(suggestion.quotedForMessage)?"
        case .emptyTag(let term):
            "\(term.quotedForMessage) names no tag; write tag:KEY=VALUE or tag:KEY (any value)"
        case .emptyFamily(let term):
            "\(term.quotedForMessage) names no family; write \(term)NAME, as in \(term)web-base"
        case .badDate(let term):
            "bad date in \(term.quotedForMessage); write YYYY-MM-DD (UTC), as in created<2025-06-01"
        case .badAge(let term):
            "bad age in \(term.quotedForMessage); write a number and d, w or h, as in age>90d or age<12h"
        case .noMatches(let term):
            "no listed image matches \(term.quotedForMessage) (try ls --refresh)"
        case .noUsableImage(let family, let region):
            "family \(family.quotedForMessage) has no usable image in \(region) (NORMAL and not deprecated)"
        case .unresolvedLatest(let term):
            "\(term.quotedForMessage) was not looked up; it needs the API (DescribeImageFromFamily)"
        }
    }

    public var description: String { message }
}

/// Why a selection spec was rejected. A rejected spec changes nothing.
public enum SelectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The spec holds no terms (only commas, say).
    case empty
    /// A term is none of: index, range, `all`, `none`, `img-…`, `name:GLOB`.
    case invalidTerm(String)
    /// A range whose start is after its end, such as `9-2`.
    case reversedRange(String)
    /// An index or range outside `1...count` (the list has `count` images).
    case indexOutOfRange(String, count: Int)
    /// An image id that is not in the list (or, for `unselect`, in the selection either).
    case unknownImageID(String)
    /// A `name:` glob that matches no listed image.
    case noNameMatches(String)

    /// The forms a selection term may take, as the fix of a bad one.
    private static let forms = "use indices (1,3), ranges (2-9), all, none, img-… ids or name:GLOB"

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
        }
    }

    public var description: String { message }
}

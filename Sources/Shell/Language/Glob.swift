/// A shell-style name pattern: `*` (any run of characters), `?` (one character), `[abc]`,
/// `[a-z]`, `[!x]` or `[^x]` (one character in or not in the set), and `\` to take the next
/// character literally. Matching is by Character (a CJK character or an accented letter is one),
/// case-sensitive, against the whole name. A `[` without a closing `]` is literal.
/// Matching takes at most (pattern length × name length) steps, whatever the pattern.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let elements: [Element]

    private enum Element: Sendable, Equatable {
        case literal(Character)
        case any
        case star
        case set(negated: Bool, members: [ClosedRange<Character>])

        func matches(_ character: Character) -> Bool {
            switch self {
            case .literal(let literal): literal == character
            case .any: true
            case .star: false
            case .set(let negated, let members): members.contains { $0.contains(character) } != negated
            }
        }
    }

    /// Compiles `pattern`.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.elements = Self.compile(Array(pattern))
    }

    /// Whether the pattern has any special character (otherwise it matches only itself).
    public var isLiteral: Bool {
        elements.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        let characters = Array(name)
        var p = 0
        var n = 0
        var starP: Int?
        var starN = 0
        while n < characters.count {
            if p < elements.count, elements[p] == .star {
                starP = p
                starN = n
                p += 1
            } else if p < elements.count, elements[p].matches(characters[n]) {
                p += 1
                n += 1
            } else if let star = starP {
                p = star + 1
                starN += 1
                n = starN
            } else {
                return false
            }
        }
        while p < elements.count, elements[p] == .star { p += 1 }
        return p == elements.count
    }

    public var description: String { pattern }

    private static func compile(_ characters: [Character]) -> [Element] {
        var elements: [Element] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "*":
                if elements.last != .star { elements.append(.star) }
            case "?":
                elements.append(.any)
            case "\\" where index < characters.count:
                elements.append(.literal(characters[index]))
                index += 1
            case "[":
                if let (set, next) = compileSet(characters, from: index) {
                    elements.append(set)
                    index = next
                } else {
                    elements.append(.literal("["))
                }
            default:
                elements.append(.literal(character))
            }
        }
        return elements
    }

    /// Compiles a bracket expression whose `[` lies just before `start`; returns the set and the
    /// index after its `]`, or nil when there is no closing `]`. A `]` first in the set is literal.
    private static func compileSet(_ characters: [Character], from start: Int) -> (Element, Int)? {
        var index = start
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var members: [ClosedRange<Character>] = []
        var first = true
        while index < characters.count {
            var low = characters[index]
            if low == "]", !first { return (.set(negated: negated, members: members), index + 1) }
            first = false
            if low == "\\", index + 1 < characters.count {
                index += 1
                low = characters[index]
            }
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                let high = characters[index + 2]
                if low <= high { members.append(low...high) }
                index += 3
            } else {
                members.append(low...low)
                index += 1
            }
        }
        return nil
    }
}

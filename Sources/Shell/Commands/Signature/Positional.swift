/// One positional parameter of a command: its name in the synopsis, how many words it takes,
/// how they are checked and what TAB offers for them.
public struct Positional: Sendable, Equatable {
    /// How many words a positional takes.
    public enum Arity: Sendable, Equatable {
        /// Exactly one word.
        case required
        /// One word or none.
        case optional
        /// All remaining words, at least one.
        case oneOrMore
        /// All remaining words, maybe none.
        case any
    }

    /// The name in the synopsis and in errors, e.g. `ACCOUNTS`.
    public var name: String
    public var arity: Arity
    public var value: ValueKind
    public var completion: CompletionKind
    /// What the "expected …" error says when a required word is missing (`account ids`).
    public var missing: String?
    /// Left out of the synopsis: words the command refuses itself (`login` never takes keys as words).
    public var hidden: Bool

    public init(
        _ name: String, _ arity: Arity = .required, completion: CompletionKind = .none, value: ValueKind = .text,
        missing: String? = nil, hidden: Bool = false
    ) {
        self.hidden = hidden
        self.name = name
        self.arity = arity
        self.value = value
        self.completion = completion
        self.missing = missing
    }

    /// Whether it takes every remaining word.
    var isRepeated: Bool { arity == .oneOrMore || arity == .any }

    /// Whether the command runs without it.
    var isOptional: Bool { arity == .optional || arity == .any }
}

/// One flag of a command: a switch (`--dry-run`) or an option with a value (`--state S`),
/// with its other spellings and its line of help.
public struct CommandFlag: Sendable, Equatable {
    /// The canonical spelling, e.g. `--yes`; commands ask for it by this name.
    public var name: String
    /// Other spellings that mean the same, e.g. `-y`.
    public var synonyms: [String]
    /// The value's name in the synopsis (`S`); `nil` for a switch.
    public var valueName: String?
    public var value: ValueKind
    /// What TAB offers for the value.
    public var completion: CompletionKind
    /// One line for the `Options:` section.
    public var help: String

    /// A switch that is present or not.
    public static func `switch`(_ name: String, _ synonyms: String..., help: String) -> CommandFlag {
        CommandFlag(name: name, synonyms: synonyms, valueName: nil, value: .text, completion: .none, help: help)
    }

    /// An option that takes a value: `--name VALUE` or `--name=VALUE`.
    public static func option(
        _ name: String, value valueName: String, kind: ValueKind = .text, completion: CompletionKind = .none,
        help: String
    ) -> CommandFlag {
        CommandFlag(name: name, synonyms: [], valueName: valueName, value: kind, completion: completion, help: help)
    }

    /// Every spelling: the synonyms, then the name.
    var spellings: [String] { synonyms + [name] }

    /// `-y, --yes` or `--state S`, for the `Options:` section.
    var optionText: String {
        spellings.joined(separator: ", ") + (valueName.map { " " + $0 } ?? "")
    }

    /// `[-y]` (the shortest spelling) or `[--state S]`, for the synopsis.
    var synopsisText: String {
        let shortest = spellings.min { $0.count < $1.count } ?? name
        return "[" + shortest + (valueName.map { " " + $0 } ?? "") + "]"
    }
}

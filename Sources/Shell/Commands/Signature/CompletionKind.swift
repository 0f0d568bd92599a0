/// What TAB offers for one word of a command: each positional and each option value declares one.
public enum CompletionKind: Sendable, Equatable {
    /// Nothing: the word is free text.
    case none
    /// Command names and aliases (`help COMMAND`).
    case command
    /// Region ids, from the cached DescribeRegions list (read in the background when first wanted).
    case region
    /// Selection words: `all`, `none`, list numbers (shown with image names), image ids, `name:` globs.
    case selection
    /// Account ids seen in share lists and aliases, and `@alias` names.
    case account
    /// Alias names (without `@`).
    case alias
    /// The keys `set` knows.
    case settingKey
    /// The allowed values of the key before it (`set KEY VALUE`).
    case settingValue
    /// File and directory names; directories end in `/`.
    case file
    /// Image states (`ls --state`).
    case imageState
    /// A fixed list of words.
    case words([String])
}

/// How a word is checked before the command runs, and which typed value it yields.
public enum ValueKind: Sendable, Equatable {
    /// Any word; the command checks it.
    case text
    /// A whole number in the range.
    case number(ClosedRange<Int>)
}

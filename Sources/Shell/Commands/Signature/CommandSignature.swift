/// Everything cvmsh knows about one command, declared once: its words, parameters, flags and
/// help. Parsing (``Arguments``), TAB completion (``Completer``), `help`, the man page and the
/// README's command table are all generated from it.
public struct CommandSignature: Sendable, Equatable {
    /// The word that runs it.
    public var name: String
    /// Other words that run it (`quit`, `\q` for `exit`).
    public var aliases: [String]
    public var positionals: [Positional]
    public var flags: [CommandFlag]
    /// One line for `help` and the README.
    public var summary: String
    /// What it does, in paragraphs separated by blank lines; indented lines are kept as written.
    public var details: String
    /// Example lines, shown under `Examples:`.
    public var examples: [String]

    public init(
        _ name: String, aliases: [String] = [], positionals: [Positional] = [], flags: [CommandFlag] = [],
        summary: String, details: String, examples: [String] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.positionals = positionals
        self.flags = flags
        self.summary = summary
        self.details = details
        self.examples = examples
    }

    /// The usage line, e.g. `share ACCOUNTS... [--dry-run] [-y]`; optional positionals nest.
    public var synopsis: String {
        var text = name
        var open = 0
        for positional in positionals where !positional.hidden {
            let word = positional.name + (positional.isRepeated ? "..." : "")
            if positional.isOptional {
                text += " [" + word
                open += 1
            } else {
                text += " " + word
            }
        }
        text += String(repeating: "]", count: open)
        for flag in flags { text += " " + flag.synopsisText }
        return text
    }

    /// The flag spelled `word` (its name or a synonym), if any.
    func flag(spelled word: String) -> CommandFlag? {
        flags.first { $0.name == word || $0.synonyms.contains(word) }
    }

    /// The positional that the word at `index` (counting positional words only) belongs to.
    func positional(at index: Int) -> Positional? {
        var remaining = index
        for positional in positionals {
            if positional.isRepeated || remaining == 0 { return positional }
            remaining -= 1
        }
        return nil
    }
}

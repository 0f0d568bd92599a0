/// A command's words split into flags, options with values, and positional words.
///
/// Unknown flags are errors that suggest the closest known one. `--` ends the flags.
/// Account ids are digits and image ids start with `img-`, so no positional word of any
/// command starts with `-`.
public struct Arguments: Sendable, Equatable {
    public private(set) var positional: [String] = []
    private var present: Set<String> = []
    private var values: [String: String] = [:]

    /// - Parameters:
    ///   - flags: accepted switches; `synonyms` maps alternative spellings (`-y`) to them (`--yes`).
    ///   - options: accepted `--name VALUE` / `--name=VALUE` options.
    public init(
        _ words: [String], command: String, flags: [String] = [], synonyms: [String: String] = [:], options: [String] = []
    ) throws(ShellError) {
        var index = 0
        var flagsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            guard !flagsEnded, word.hasPrefix("-"), word.count > 1 else {
                positional.append(word)
                continue
            }
            if word == "--" {
                flagsEnded = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            name = synonyms[name] ?? name
            if options.contains(name) {
                if let inlineValue {
                    values[name] = inlineValue
                } else if index < words.count {
                    values[name] = words[index]
                    index += 1
                } else {
                    throw .usage("\(command): \(name) needs a value")
                }
            } else if flags.contains(name), inlineValue == nil {
                present.insert(name)
            } else {
                let known = flags + options + Array(synonyms.keys)
                let hint = Suggestion.closest(to: name, in: known).map { "; did you mean \($0)?" } ?? ""
                throw .usage("\(command): unknown option \(word)\(hint) (see `help \(command)`)")
            }
        }
    }

    /// Whether the switch was given.
    public func has(_ flag: String) -> Bool { present.contains(flag) }

    /// The value of an option, if given.
    public func value(_ option: String) -> String? { values[option] }

    /// Throws unless there are at most `count` positional words.
    public func expectingAtMost(_ count: Int, command: String, synopsis: String) throws(ShellError) {
        if positional.count > count {
            throw .usage("\(command): unexpected '\(positional[count])'; usage: \(synopsis)")
        }
    }
}

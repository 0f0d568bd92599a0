/// A command's words parsed against its ``CommandSignature``: switches, option values and
/// positional words by name, numbers already checked.
///
/// Unknown flags are errors that suggest the closest known one; `--` ends the flags. A command
/// that declares no flags takes every word as positional (`echo -n`, `select -1` reach the
/// command). Account ids are digits and image ids start with `img-`, so no positional word of a
/// command with flags starts with `-`.
public struct Arguments: Sendable, Equatable {
    /// Every positional word, in order.
    public private(set) var positional: [String] = []
    private var byName: [String: [String]] = [:]
    private var present: Set<String> = []
    private var values: [String: String] = [:]
    private var repeated: [String: [String]] = [:]

    /// Parses `words` (those after the command's name).
    public init(_ words: [String], signature: CommandSignature) throws(ShellError) {
        let command = signature.name
        var index = 0
        var flagsEnded = signature.flags.isEmpty
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
            var spelling = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                spelling = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            guard let flag = signature.flag(spelled: spelling), flag.valueName != nil || inlineValue == nil else {
                let known = signature.flags.flatMap(\.spellings)
                let hint = Suggestion.closest(to: spelling, in: known).map { "; did you mean \($0)?" } ?? ""
                throw .usage("\(command): unknown option \(word)\(hint) (see `help \(command)`)")
            }
            guard let valueName = flag.valueName else {
                present.insert(flag.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < words.count {
                value = words[index]
                index += 1
            } else {
                throw .usage("\(command): \(flag.name) needs a value")
            }
            try Self.check(value, as: flag.value, name: "\(flag.name) \(valueName)", command: command)
            values[flag.name] = value
            repeated[flag.name, default: []].append(value)
        }
        try assignPositionals(signature)
    }

    private mutating func assignPositionals(_ signature: CommandSignature) throws(ShellError) {
        var rest = positional[...]
        for parameter in signature.positionals {
            let taken = parameter.isRepeated ? Array(rest) : Array(rest.prefix(1))
            rest = rest.dropFirst(taken.count)
            if taken.isEmpty, !parameter.isOptional {
                let missing = parameter.missing ?? parameter.name
                throw .usage("\(signature.name): expected \(missing); usage: \(signature.synopsis)")
            }
            for word in taken {
                try Self.check(word, as: parameter.value, name: parameter.name, command: signature.name)
            }
            byName[parameter.name] = taken
        }
        if let extra = rest.first {
            throw .usage("\(signature.name): unexpected '\(extra)'; usage: \(signature.synopsis)")
        }
    }

    private static func check(_ word: String, as kind: ValueKind, name: String, command: String) throws(ShellError) {
        guard case .number(let range) = kind else { return }
        if let number = Int(word), range.contains(number) { return }
        let expected =
            range.upperBound == Int.max && range.lowerBound == 1
            ? "a positive number" : "a number from \(range.lowerBound) to \(range.upperBound)"
        throw .usage("\(command): \(name) must be \(expected), got '\(word)'")
    }

    /// Whether the switch (by its canonical name) was given.
    public func has(_ flag: String) -> Bool { present.contains(flag) }

    /// The value of an option (by its canonical name), if given.
    public func value(_ option: String) -> String? { values[option] }

    /// Every value of an option given more than once, in order (``value(_:)`` is the last).
    public func values(_ option: String) -> [String] { repeated[option] ?? [] }

    /// The words of the positional `name` (empty when not given).
    public func words(_ name: String) -> [String] { byName[name] ?? [] }

    /// The word of the single positional `name`, if given.
    public func word(_ name: String) -> String? { byName[name]?.first }

    /// The checked number of the positional `name`, if given.
    public func number(_ name: String) -> Int? { word(name).flatMap { Int($0) } }
}

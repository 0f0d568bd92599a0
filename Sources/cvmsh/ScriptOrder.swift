/// One `-c` or `-f` item, in the order it was given on the command line.
enum ScriptItem: Equatable {
    case commands(String)
    case file(String)
}

enum ScriptOrder {
    /// Recovers the argv order of `-c` and `-f` (swift-argument-parser collects each into its own
    /// array). Falls back to all `-c` then all `-f` if the words cannot be matched.
    static func items(arguments: [String], commands: [String], files: [String]) -> [ScriptItem] {
        var found: [ScriptItem] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" { break }
            func take(_ make: (String) -> ScriptItem) {
                if index < arguments.count {
                    found.append(make(arguments[index]))
                    index += 1
                }
            }
            switch word {
            case "-c", "--command": take(ScriptItem.commands)
            case "-f", "--file": take(ScriptItem.file)
            default:
                if word.hasPrefix("--command=") {
                    found.append(.commands(String(word.dropFirst(10))))
                } else if word.hasPrefix("--file=") {
                    found.append(.file(String(word.dropFirst(7))))
                } else if word.hasPrefix("-c"), word.count > 2, !word.hasPrefix("--") {
                    found.append(.commands(String(word.dropFirst(2))))
                } else if word.hasPrefix("-f"), word.count > 2, !word.hasPrefix("--") {
                    found.append(.file(String(word.dropFirst(2))))
                }
            }
        }
        let expected = commands.map(ScriptItem.commands) + files.map(ScriptItem.file)
        let matches =
            found.filter { if case .commands = $0 { true } else { false } } == commands.map(ScriptItem.commands)
            && found.filter { if case .file = $0 { true } else { false } } == files.map(ScriptItem.file)
        return matches ? found : expected
    }
}

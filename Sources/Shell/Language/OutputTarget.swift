/// Where a command's standard output goes instead of the console: `| COMMAND` or `> FILE`.
public enum OutputTarget: Sendable, Equatable {
    /// `CMD | TEXT`: the output is the standard input of `/bin/sh -c TEXT`.
    case pipe(String)
    /// `CMD > FILE` (or `>>` with `append`): the output replaces (or ends) the file, which is
    /// created with mode 0600 when missing.
    case file(String, append: Bool)
}

extension OutputTarget {
    /// A command's words split into the words to run, the text of a `!` shell escape and the
    /// output target; throws when an operator lacks what must follow or precede it.
    static func split(
        _ words: [(text: String, kind: Word.Kind)]
    ) throws(SyntaxError) -> (words: [String], escape: String?, output: OutputTarget?) {
        guard let operatorIndex = words.firstIndex(where: { $0.kind == .operator }) else {
            return (words.map(\.text), nil, nil)
        }
        let plain = words[..<operatorIndex].map(\.text)
        let symbol = words[operatorIndex].text
        let rest = words[(operatorIndex + 1)...]
        switch symbol {
        case "!", "|":
            guard let text = rest.first?.text, !text.isEmpty else { throw .missingAfterOperator(symbol) }
            if symbol == "!" { return (["!"], text, nil) }
            guard !plain.isEmpty else { throw .missingBeforeOperator(symbol) }
            return (plain, nil, .pipe(text))
        default:
            guard !plain.isEmpty else { throw .missingBeforeOperator(symbol) }
            guard let file = rest.first, file.kind == .word, !file.text.isEmpty else {
                throw .missingAfterOperator(symbol)
            }
            if let extra = rest.dropFirst().first { throw .textAfterRedirection(extra.text) }
            return (plain, nil, .file(file.text, append: symbol == ">>"))
        }
    }
}

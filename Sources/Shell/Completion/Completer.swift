/// TAB completion as one pure function of the line, the cursor and the session.
///
/// It uses the executor's own ``Tokenizer``, so it always agrees with what will run, and it
/// reads only what the session already holds (the cached regions, images, share lists and
/// aliases): a keypress never makes an API call.
public enum Completer {
    /// The most candidates offered for numbers and ids; beyond that the user types more.
    public static let maxCandidates = 500

    /// - Parameters:
    ///   - line: the whole line being edited.
    ///   - cursor: the cursor's character offset in `line`.
    ///   - listDirectory: file names in a directory (for `source`), `nil` when unreadable.
    public static func complete(
        line: String, cursor: Int, session: Session, listDirectory: (String) -> [String]? = { _ in nil }
    ) -> Completion {
        let prefix = String(line.prefix(max(0, cursor)))
        let tokens = Tokenizer.tokenize(prefix)
        if tokens.comment != nil { return Completion(replaceStart: cursor, candidates: []) }
        let segment = tokens.segments.last ?? []
        var previous = segment
        var partial = ""
        var start = prefix.count
        if tokens.endsInWord, let word = segment.last {
            previous.removeLast()
            partial = word.text
            start = prefix.distance(from: prefix.startIndex, to: word.range.lowerBound)
        }
        let words = previous.map(\.text)
        var candidates: [String]
        if let operation = previous.last(where: { $0.kind == .operator }) {
            // After `>`/`>>` a file name; after `|` or `!` the line belongs to /bin/sh.
            let naming = operation.text.hasPrefix(">") && previous.last?.kind == .operator
            candidates = naming ? fileNames(partial: partial, listDirectory: listDirectory) : []
        } else if segment.last?.kind == .shellText {
            candidates = []
        } else {
            candidates = self.candidates(for: words, partial: partial, session: session, listDirectory: listDirectory)
        }
        candidates = candidates.filter { $0.hasPrefix(partial) }
        if candidates.count > maxCandidates { candidates = Array(candidates.prefix(maxCandidates)) }
        let quote = tokens.openQuote
        return Completion(replaceStart: start, candidates: candidates.map { spell($0, quote: quote) })
    }

    /// The raw spelling of a candidate: quoted as the user started it, or only where needed.
    static func spell(_ text: String, quote: QuoteKind?) -> String {
        guard let quote else { return Tokenizer.quoted(text) }
        return String(quote.character) + Tokenizer.escaped(text, inside: quote) + String(quote.character)
    }

    static func candidates(
        for words: [String], partial: String, session: Session, listDirectory: (String) -> [String]?
    ) -> [String] {
        guard var name = words.first else { return Interpreter.commandNames.sorted() }
        while let first = name.first, first == "-" || first == "@", name.count > 1 { name.removeFirst() }
        guard let command = Interpreter.command(named: name) else { return [] }
        let arguments = Array(words.dropFirst())
        if partial.hasPrefix("-") { return command.flags.sorted() }
        if arguments.last == "--state" { return imageStates }
        switch command.name {
        case "help": return Interpreter.commandNames.sorted()
        case "region": return arguments.isEmpty ? (session.regions ?? []).map(\.region) : []
        case "select", "unselect", "shared": return selectionWords(partial: partial, session: session)
        case "share", "unshare": return accountWords(session: session)
        case "alias": return arguments.isEmpty ? session.aliases.keys.sorted() : accountWords(session: session)
        case "unalias": return session.aliases.keys.sorted()
        case "set":
            if arguments.isEmpty { return Settings.keys.map(\.key) }
            if arguments.count == 1, let key = Settings.keys.first(where: { $0.key == arguments[0] }) {
                return key.values.filter { !$0.contains("-") || !$0.first!.isNumber }
            }
            return []
        case "source": return arguments.isEmpty ? fileNames(partial: partial, listDirectory: listDirectory) : []
        case "endpoint": return arguments.isEmpty ? ["default"] : []
        case "profile": return arguments.isEmpty ? ["default"] : []
        default: return []
        }
    }

    static let imageStates = ["CREATEFAILED", "CREATING", "IMPORTFAILED", "IMPORTING", "NORMAL", "SYNCING"]

    /// `all`, `none`, list numbers, image ids and `name:` globs of the cached list.
    static func selectionWords(partial: String, session: Session) -> [String] {
        let images = session.images?.images ?? []
        if partial.hasPrefix("name:") {
            return images.compactMap { $0.imageName.map { "name:" + $0 } }
        }
        if let first = partial.first, first.isASCII, first.isNumber, !images.isEmpty {
            let head = partial.lastIndex(where: { $0 == "," || $0 == "-" }).map { String(partial[...$0]) } ?? ""
            return (1...images.count).map { head + String($0) }
        }
        var words = ["all", "none"]
        words += images.map(\.imageId)
        return words
    }

    /// Account ids seen in share lists and aliases, and the aliases as `@NAME`.
    static func accountWords(session: Session) -> [String] {
        session.knownAccounts + session.aliases.keys.sorted().map { "@" + $0 }
    }

    /// Entries of the directory part of `partial`, with that directory in front; directories end in `/`.
    static func fileNames(partial: String, listDirectory: (String) -> [String]?) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directory = slash.map { String(partial[...$0]) } ?? ""
        let entries = listDirectory(directory.isEmpty ? "." : directory) ?? []
        return entries.sorted().map { directory + $0 }
    }
}

import Foundation

/// TAB completion as one pure function of the line, the cursor and the session.
///
/// It uses the executor's own ``Tokenizer``, so it always agrees with what will run, and finds
/// what to offer from the command's ``CommandSignature``: the ``CompletionKind`` of the flag value
/// or positional under the cursor. It reads only what the session already holds (the cached
/// regions, images, share lists and aliases): a keypress never waits for an API call. Regions not
/// read yet come from a ``RegionPrefetch``, which reads them in the background.
public enum Completer {
    /// The most candidates offered for numbers and ids; beyond that the user types more.
    public static let maxCandidates = 500

    /// - Parameters:
    ///   - line: the whole line being edited.
    ///   - cursor: the cursor's character offset in `line`.
    ///   - listDirectory: file names in a directory (for `source`), `nil` when unreadable.
    ///   - regions: where region ids come from before the session has read them.
    public static func complete(
        line: String, cursor: Int, session: Session, listDirectory: (String) -> [String]? = { _ in nil },
        regions: RegionPrefetch? = nil
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
        var found = withoutActuallyEscaping(listDirectory) { listDirectory in
            let context = Context(session: session, partial: partial, listDirectory: listDirectory, regions: regions)
            if let operation = previous.last(where: { $0.kind == .operator }) {
                // After `>`/`>>` a file name; after `|` or `!` the line belongs to /bin/sh.
                let naming = operation.text.hasPrefix(">") && previous.last?.kind == .operator
                return naming ? fileNames(context).map { Candidate($0) } : []
            }
            if segment.last?.kind == .shellText { return [] }
            return candidates(for: previous.map(\.text), context)
        }.filter { $0.word.hasPrefix(partial) }
        if found.count > maxCandidates { found = Array(found.prefix(maxCandidates)) }
        let quote = tokens.openQuote
        let words = found.map { spell($0.word, quote: quote) }
        let displays = zip(words, found).map { word, candidate in candidate.note.map { word + "  " + $0 } ?? word }
        let continues = found.count == 1 && found[0].word.hasSuffix("/")
        return Completion(replaceStart: start, candidates: words, displays: displays, appendSpaceWhenUnique: !continues)
    }

    /// What the candidates are drawn from.
    struct Context {
        var session: Session
        var partial: String
        var listDirectory: (String) -> [String]?
        var regions: RegionPrefetch?
    }

    /// The raw spelling of a candidate: quoted as the user started it, or only where needed.
    static func spell(_ text: String, quote: QuoteKind?) -> String {
        guard let quote else { return Tokenizer.quoted(text) }
        return String(quote.character) + Tokenizer.escaped(text, inside: quote) + String(quote.character)
    }

    static func candidates(for words: [String], _ context: Context) -> [Candidate] {
        guard var name = words.first else { return Interpreter.commandNames.sorted().map { Candidate($0) } }
        while let first = name.first, first == "-" || first == "@", name.count > 1 { name.removeFirst() }
        guard let signature = Interpreter.command(named: name)?.signature else { return [] }
        let arguments = Array(words.dropFirst())
        if context.partial.hasPrefix("-"), !signature.flags.isEmpty {
            return signature.flags.flatMap(\.spellings).sorted().map { Candidate($0) }
        }
        return candidates(of: kind(in: signature, after: arguments), arguments: arguments, context)
    }

    /// The completion kind of the word after `arguments`: an option's value, or a positional.
    static func kind(in signature: CommandSignature, after arguments: [String]) -> CompletionKind {
        var positionals = 0
        var index = 0
        var flagsEnded = signature.flags.isEmpty
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if !flagsEnded, word == "--" {
                flagsEnded = true
            } else if !flagsEnded, word.hasPrefix("-"), word.count > 1 {
                guard let flag = signature.flag(spelled: word), flag.valueName != nil else { continue }
                if index == arguments.count { return flag.completion }
                index += 1
            } else {
                positionals += 1
            }
        }
        return signature.positional(at: positionals)?.completion ?? .none
    }

    static func candidates(of kind: CompletionKind, arguments: [String], _ context: Context) -> [Candidate] {
        let session = context.session
        switch kind {
        case .none: return []
        case .command: return Interpreter.commandNames.sorted().map { Candidate($0) }
        case .region:
            let regions =
                session.regions?.map(\.region)
                ?? context.regions?.regions(at: session.endpoint, region: session.region) ?? []
            return regions.map { Candidate($0) }
        case .selection: return selectionWords(context)
        case .account: return accountWords(session: session).map { Candidate($0) }
        case .alias: return session.aliases.keys.sorted().map { Candidate($0) }
        case .settingKey: return Settings.all.map { Candidate($0.key) }
        case .settingValue:
            let setting = arguments.last.flatMap { key in Settings.all.first { $0.key == key } }
            return (setting?.completions ?? []).map { Candidate($0) }
        case .file: return fileNames(context).map { Candidate($0) }
        case .imageState: return imageStates.map { Candidate($0) }
        case .words(let words): return words.map { Candidate($0) }
        }
    }

    static let imageStates = ["CREATEFAILED", "CREATING", "IMPORTFAILED", "IMPORTING", "NORMAL", "SYNCING"]

    /// `all`, `none`, list numbers (with the image's name beside them), image ids, `name:`
    /// globs, tags and families of the cached list.
    static func selectionWords(_ context: Context) -> [Candidate] {
        let partial = context.partial
        let images = context.session.images?.images ?? []
        if partial.hasPrefix("name:") {
            return images.compactMap { $0.imageName.map { Candidate("name:" + $0) } }
        }
        if let words = imageTermWords(partial, images: images) { return words }
        if let first = partial.first, first.isASCII, first.isNumber, !images.isEmpty {
            let head = partial.lastIndex(where: { $0 == "," || $0 == "-" }).map { String(partial[...$0]) } ?? ""
            return images.enumerated().map { offset, image in
                Candidate(head + String(offset + 1), note: image.imageName ?? image.imageId)
            }
        }
        return [Candidate("all"), Candidate("none")] + imageTermStarts.map { Candidate($0) }
            + images.map { Candidate($0.imageId) }
    }

    /// Account ids seen in share lists and aliases, the aliases as `@NAME`, `@org`, and
    /// `@org:NODE` for each node of the organization once it has been read.
    static func accountWords(session: Session) -> [String] {
        let nodes = session.organization?.nodeNames.map { "@org:" + $0 } ?? []
        return session.knownAccounts + session.aliases.keys.sorted().map { "@" + $0 } + ["@org"] + nodes
    }

    /// Entries of the directory part of the word, with that directory in front; directories end in `/`.
    static func fileNames(_ context: Context) -> [String] {
        let partial = context.partial
        let slash = partial.lastIndex(of: "/")
        let directory = slash.map { String(partial[...$0]) } ?? ""
        let entries = context.listDirectory(directory.isEmpty ? "." : directory) ?? []
        return entries.sorted().map { directory + $0 }
    }
}

extension Completer {
    /// The entries of a directory for `listDirectory`, directories with a trailing `/`;
    /// `nil` when it cannot be read.
    public static func directoryEntries(atPath path: String) -> [String]? {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: path) else { return nil }
        return names.map { name in
            var isDirectory: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(name)
            let isFolder = manager.fileExists(atPath: full, isDirectory: &isDirectory) && isDirectory.boolValue
            return isFolder ? name + "/" : name
        }
    }
}

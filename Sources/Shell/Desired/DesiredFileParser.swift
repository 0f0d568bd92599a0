import Yams

/// Reads a share file (YAML; JSON is valid YAML) into a ``DesiredFile``. Every problem is a
/// ``DesiredFileError`` at the line and column of the node at fault: unknown keys, values of the
/// wrong kind, bad selections (the shell's own ``SelectionSpec``), bad accounts (``AccountList``),
/// unknown aliases and malformed region names. Whether a region exists, and whether a rule
/// selects anything, are known only with the API (``Interpreter/desiredPlan(_:refresh:command:)``).
///
/// YAML is read with [Yams](https://github.com/jpsim/Yams), libyaml underneath: it keeps every
/// node's line and column, refuses duplicate keys and reads JSON as well.
public struct DesiredFileParser {
    /// The keys of the file's top-level mapping.
    public static let fileKeys = ["regions", "aliases", "shares"]
    /// The keys of one rule.
    public static let ruleKeys = ["images", "accounts", "exclusive"]

    /// The file as the user named it.
    let path: String

    /// Parses `text`, read from the file the user called `path`; `aliases` are the session's
    /// (the file's own `aliases:` override them).
    public static func parse(
        _ text: String, path: String, aliases: [String: [String]] = [:]
    ) throws(DesiredFileError) -> DesiredFile {
        try DesiredFileParser(path: path).file(text, aliases: aliases)
    }

    private func file(
        _ text: String, aliases sessionAliases: [String: [String]]
    ) throws(DesiredFileError) -> DesiredFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw yamlError(error)
        }
        guard let root, root.null == nil else {
            throw DesiredFileError(at(nil), "the file is empty; expected a mapping with a `shares:` list of rules")
        }
        guard let mapping = root.mapping else {
            throw DesiredFileError(at(root), "expected a mapping with the keys regions, aliases and shares")
        }
        try checkKeys(mapping, allowed: Self.fileKeys, in: "the file")
        var aliases = sessionAliases
        if let node = mapping["aliases"] {
            for (name, items) in try fileAliases(node) { aliases[name] = items }
            try checkAliases(node, aliases)
        }
        let regions = try mapping["regions"].map(regionList) ?? .current
        guard let shares = mapping["shares"] else {
            throw DesiredFileError(at(root), "no `shares:` key; add a list of rules with images and accounts")
        }
        guard let list = shares.sequence else {
            throw DesiredFileError(at(shares), "`shares` must be a list of rules (`- images: ...`)")
        }
        var rules: [ShareRule] = []
        for (index, node) in list.enumerated() {
            rules.append(try rule(node, number: index + 1, aliases: aliases))
        }
        return DesiredFile(path: path, regions: regions, aliases: aliases, rules: rules)
    }

    // MARK: Regions and aliases

    private func regionList(_ node: Node) throws(DesiredFileError) -> DesiredFile.Regions {
        if let scalar = node.scalar, scalar.string.lowercased() == "all" { return .all }
        let items = node.sequence.map(Array.init) ?? [node]
        guard !items.isEmpty else {
            throw DesiredFileError(at(node), "`regions` is empty; name regions, or write `regions: all`")
        }
        var entries: [DesiredFile.RegionEntry] = []
        for item in items {
            guard let name = item.scalar?.string, item.null == nil else {
                throw DesiredFileError(at(item), "expected a region id such as ap-tokyo, a list of them, or all")
            }
            if name.lowercased() == "all" {
                throw DesiredFileError(at(item), "`all` stands alone: write `regions: all`, not inside a list")
            }
            guard Self.isRegionId(name) else {
                throw DesiredFileError(
                    at(item), "invalid region \(name.quotedForMessage); region ids look like ap-tokyo")
            }
            if !entries.contains(where: { $0.name == name }) {
                entries.append(.init(name: name, location: at(item)))
            }
        }
        return .listed(entries)
    }

    private func fileAliases(_ node: Node) throws(DesiredFileError) -> [(String, [String])] {
        guard let mapping = node.mapping else {
            throw DesiredFileError(
                at(node), "`aliases` must map names to account lists (`partners: [\"100087654321\"]`)")
        }
        var result: [(String, [String])] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string, Self.isAliasName(name) else {
                let text = key.scalar?.string ?? "?"
                let rule = "use letters, digits, - and _, starting with a letter"
                throw DesiredFileError(at(key), "invalid alias name \(text.quotedForMessage): \(rule)")
            }
            result.append((name, try strings(value, what: "alias \(name)")))
        }
        return result
    }

    /// Every alias the file defines must expand (no unknown `@name`, no loop, valid ids).
    private func checkAliases(_ node: Node, _ aliases: [String: [String]]) throws(DesiredFileError) {
        for (key, value) in node.mapping ?? [:] {
            guard let name = key.scalar?.string else { continue }
            do {
                _ = try AccountList.parse(["@" + name], aliases: aliases)
            } catch .empty {
                throw DesiredFileError(at(value), "alias \(name) lists no account ids")
            } catch {
                throw DesiredFileError(at(value), "alias \(name): \(error)")
            }
        }
    }

    // MARK: Rules

    private func rule(_ node: Node, number: Int, aliases: [String: [String]]) throws(DesiredFileError) -> ShareRule {
        guard let mapping = node.mapping else {
            throw DesiredFileError(at(node), "rule \(number) must be a mapping with images and accounts")
        }
        try checkKeys(mapping, allowed: Self.ruleKeys, in: "a rule")
        guard let imagesNode = mapping["images"] else {
            throw DesiredFileError(at(node), "rule \(number) has no `images:`; add a selection such as \"name:web-*\"")
        }
        guard let accountsNode = mapping["accounts"] else {
            throw DesiredFileError(at(node), "rule \(number) has no `accounts:`; add a list of account ids or @aliases")
        }
        var exclusive = false
        if let flag = mapping["exclusive"] {
            guard let value = flag.bool else {
                throw DesiredFileError(at(flag), "`exclusive` must be true or false")
            }
            exclusive = value
        }
        let (text, spec) = try selection(imagesNode, number: number)
        let accounts = try accountList(accountsNode, aliases: aliases, exclusive: exclusive, number: number)
        return ShareRule(
            number: number, location: at(node), imagesText: text, images: spec, accounts: accounts,
            exclusive: exclusive)
    }

    private func selection(_ node: Node, number: Int) throws(DesiredFileError) -> (String, SelectionSpec) {
        let items = try strings(node, what: "`images` of rule \(number)")
        let text = items.joined(separator: " ")
        var words: [String] = []
        for item in items {
            let tokens = Tokenizer.tokenize(item)
            do {
                try tokens.validate()
            } catch {
                throw DesiredFileError(at(node), "rule \(number) images: \(error)")
            }
            words += tokens.words.map(\.text)
        }
        let spec: SelectionSpec
        do {
            spec = try SelectionSpec(parsing: words)
        } catch {
            throw DesiredFileError(at(node), "rule \(number) images: \(error)")
        }
        for term in spec.terms {
            switch term {
            case .index, .range:
                let fix = "list numbers change with every listing; use img-… ids or name:GLOB"
                throw DesiredFileError(at(node), "rule \(number) images: \(fix)")
            case .image(.latest):
                let fix = "latest:FAMILY is not supported in share files; use family:NAME or img-… ids"
                throw DesiredFileError(at(node), "rule \(number) images: \(fix)")
            default: continue
            }
        }
        return (text, spec)
    }

    private func accountList(
        _ node: Node, aliases: [String: [String]], exclusive: Bool, number: Int
    ) throws(DesiredFileError) -> [String] {
        let items = node.sequence.map(Array.init) ?? [node]
        var ids: [String] = []
        for item in items {
            guard let text = item.scalar?.string, item.null == nil else {
                throw DesiredFileError(at(item), "rule \(number) accounts: expected account ids or @aliases")
            }
            do {
                for id in try AccountList.parse([text], aliases: aliases) where !ids.contains(id) { ids.append(id) }
            } catch .empty {
                continue
            } catch {
                throw DesiredFileError(at(item), "rule \(number) accounts: \(error)")
            }
        }
        if ids.isEmpty, !exclusive {
            throw DesiredFileError(
                at(node), "rule \(number) lists no accounts; add some, or set `exclusive: true` to share with no one")
        }
        return ids
    }

    // MARK: Helpers

    /// A string or a list of strings (a list reads like words separated by spaces).
    private func strings(_ node: Node, what: String) throws(DesiredFileError) -> [String] {
        let items = node.sequence.map(Array.init) ?? [node]
        var result: [String] = []
        for item in items {
            guard let text = item.scalar?.string, item.null == nil else {
                throw DesiredFileError(at(item), "\(what): expected a string or a list of strings")
            }
            result.append(text)
        }
        if result.isEmpty { throw DesiredFileError(at(node), "\(what) is empty") }
        return result
    }

    private func checkKeys(_ mapping: Node.Mapping, allowed: [String], in place: String) throws(DesiredFileError) {
        for key in mapping.keys {
            let name = key.scalar?.string ?? ""
            guard !allowed.contains(name) else { continue }
            let hint =
                Suggestion.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" }
                ?? "; \(place) takes \(allowed.joined(separator: ", "))"
            throw DesiredFileError(at(key), "unknown key \(name.quotedForMessage)\(hint)")
        }
    }

    private func at(_ node: Node?) -> FileLocation {
        let mark = node?.mark
        return FileLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private func yamlError(_ error: any Error) -> DesiredFileError {
        let place = { (mark: Mark) in FileLocation(file: path, line: mark.line, column: mark.column) }
        guard let error = error as? YamlError else {
            return DesiredFileError(at(nil), "cannot read YAML: \(error)")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return DesiredFileError(place(mark), "invalid YAML: \(problem)\(during)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map(\.quotedForMessage).joined(separator: ", ")
            return DesiredFileError(place(context.mark), "duplicate key \(keys); each key may appear once per mapping")
        case .reader(let problem, _, _, _):
            return DesiredFileError(at(nil), "cannot read the file as text: \(problem)")
        default:
            return DesiredFileError(at(nil), "invalid YAML: \(error)")
        }
    }

    /// `ap-tokyo`, `na-siliconvalley`, `ap-shanghai-fsi`: lowercase words and digits joined by `-`.
    static func isRegionId(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && text.count <= 64
            && parts.allSatisfy { part in
                !part.isEmpty && part.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
            }
    }

    /// The names `alias` accepts: letters, digits, `-` and `_`, starting with a letter.
    static func isAliasName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}

import TencentCloudCore

/// `alias [NAME [ACCOUNTS]]`: named account lists, usable as `@NAME`.
public enum AliasCommand: ShellCommand {
    public static let signature = CommandSignature(
        "alias",
        positionals: [
            Positional("NAME", .optional, completion: .alias), Positional("ACCOUNTS", .any, completion: .account),
        ],
        summary: "show or define named account lists, used as @NAME",
        details: """
            Without words, lists the aliases. With NAME, shows one. With NAME and accounts (ids,
            commas or spaces, other @aliases), defines it; the accounts are checked now, so a typo
            fails here rather than in the middle of a share. Aliases are kept between sessions in
            ${XDG_CONFIG_HOME:-~/.config}/cvmsh/aliases (or $CVMSH_ALIASES), written on every
            alias and unalias.
            """,
        examples: [
            "alias partners 100000000001,100000000002", "alias everyone @partners 100000000003", "share @everyone",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = args.positional
        guard let name = arguments.first else {
            var table = Table(columns: [.init("ALIAS", key: "alias"), .init("ACCOUNTS", key: "accounts")])
            for (alias, accounts) in shell.session.aliases.sorted(by: { $0.key < $1.key }) {
                table.rows.append([.init(.string(alias)), .init(.array(accounts.map { .string($0) }))])
            }
            await shell.render(table)
            return
        }
        let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
        guard isValidName(bare) else {
            throw .usage("alias: invalid name '\(name)': use letters, digits, - and _, starting with a letter")
        }
        guard bare != "org" else { throw .usage("alias: @org names your organization's members; choose another name") }
        guard arguments.count > 1 else {
            guard let accounts = shell.session.aliases[bare] else { throw .failed("alias: no alias named '\(bare)'") }
            shell.console.line("\(bare) \(accounts.joined(separator: ","))")
            return
        }
        var aliases = shell.session.aliases
        aliases[bare] = nil
        let accounts = try await shell.accounts(
            Array(arguments.dropFirst()), command: "alias \(bare)", aliases: aliases)
        shell.session.aliases[bare] = accounts
        shell.saveAliases()
    }

    /// Letters, digits, `-` and `_`, starting with a letter.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}

/// `unalias NAME`: forgets an alias.
public enum UnaliasCommand: ShellCommand {
    public static let signature = CommandSignature(
        "unalias", positionals: [Positional("NAME", .oneOrMore, completion: .alias, missing: "a name")],
        summary: "forget aliases",
        details: "Removes the named aliases.",
        examples: ["unalias partners"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = args.words("NAME")
        let names = arguments.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        if let missing = names.first(where: { shell.session.aliases[$0] == nil }) {
            throw .failed("unalias: no alias named '\(missing)'")
        }
        for name in names { shell.session.aliases[name] = nil }
        shell.saveAliases()
    }
}

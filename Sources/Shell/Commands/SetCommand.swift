/// `set [KEY [VALUE]]`: shows or changes settings.
public enum SetCommand: ShellCommand {
    public static let signature = CommandSignature(
        "set",
        positionals: [
            Positional("KEY", .optional, completion: .settingKey),
            Positional("VALUE", .optional, completion: .settingValue),
        ],
        summary: "show or change settings (" + Settings.all.map(\.key).joined(separator: ", ") + ")",
        details: "Without words, shows every setting. With KEY, shows one; with KEY VALUE, changes it.\n\n" + keyTable,
        examples: ["set output json", "set confirm off", "set on_error continue"])

    /// One indented line per setting: key, allowed values, help and default.
    static var keyTable: String {
        let heads = Settings.all.map { "\($0.key) \($0.allowed)" }
        let width = heads.map(\.count).max() ?? 0
        return zip(heads, Settings.all).map { head, setting in
            let help = setting.help + " (default \(setting.value(in: Settings.defaults)))"
            return "  " + head.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + help
        }.joined(separator: "\n")
    }

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        guard let key = args.word("KEY") else {
            var table = Table(columns: [.init("KEY", key: "key"), .init("VALUE", key: "value")])
            for setting in Settings.all {
                let value = setting.value(in: shell.session.settings)
                table.rows.append([.init(.string(setting.key)), .init(.string(value))])
            }
            await shell.render(table)
            return
        }
        let setting = try Settings.setting(named: key)
        guard let value = args.word("VALUE") else {
            shell.console.line("\(key) \(setting.value(in: shell.session.settings))")
            return
        }
        try setting.set(value, in: &shell.session.settings)
    }
}

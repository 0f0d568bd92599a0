/// `set [KEY [VALUE]]`: shows or changes settings.
public enum SetCommand: ShellCommand {
    public static let name = "set"
    public static let synopsis = "set [KEY [VALUE]]"
    public static let summary = "show or change settings (output, confirm, on_error, echo, concurrency, pager, ...)"
    public static let details = """
        Without words, shows every setting. With KEY, shows one; with KEY VALUE, changes it.

          output table|tsv|json   how results are printed (the same on a terminal or a pipe)
          confirm on|off          ask before changing shares (interactive sessions only)
          on_error stop|continue  stop a script at its first failing command, or go on
          echo on|off             print each command before running it
          concurrency N           share calls in flight at once (1-64)
          pager on|off            page long results at an interactive terminal ($PAGER, else less -FRX)
          tsv_header on|off       start tsv tables with a line of column keys

        Examples:
          set output json
          set confirm off
          set on_error continue
        """

    public static func run(_ arguments: [String], in shell: Interpreter) async throws(ShellError) {
        switch arguments.count {
        case 0:
            var table = Table(columns: [.init("KEY", key: "key"), .init("VALUE", key: "value")])
            for (key, _) in Settings.keys {
                table.rows.append([.init(.string(key)), .init(.string(shell.session.settings.value(of: key) ?? ""))])
            }
            shell.render(table)
        case 1:
            guard let value = shell.session.settings.value(of: arguments[0]) else {
                var probe = shell.session.settings
                try probe.set(arguments[0], to: "")
                return
            }
            shell.console.line("\(arguments[0]) \(value)")
        case 2:
            try shell.session.settings.set(arguments[0], to: arguments[1])
        default:
            throw .usage("set: too many words; usage: \(synopsis)")
        }
    }
}

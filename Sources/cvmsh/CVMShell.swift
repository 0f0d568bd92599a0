import ArgumentParser
import Foundation
import Logging
import Shell
import TencentCloud

/// `cvmsh`: parses the command line, builds the session, then runs scripts and/or the prompt.
@main
struct CVMShell: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cvmsh",
        abstract: "A shell for sharing Tencent Cloud CVM custom images with other accounts, in bulk, safely.",
        discussion: """
            Interactive when stdin and stdout are terminals; otherwise stdin is read as a script. \
            -c and -f run in the order given. Secret keys are never accepted as flags: use \
            TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY, --profile, the instance role, or `login`.

            EXIT STATUS
            \(ExitStatus.table.map { "  \($0.0.code)\(String(repeating: " ", count: 5 - String($0.0.code).count))\($0.1)" }.joined(separator: "\n"))

            FILES
              ${XDG_CONFIG_HOME:-~/.config}/cvmsh/cvmshrc        rc file, interactive only (CVMSH_RC)
              ${XDG_STATE_HOME:-~/.local/state}/cvmsh/history    history (CVMSH_HISTFILE)
              ${XDG_STATE_HOME:-~/.local/state}/cvmsh/journal.jsonl  share journal (CVMSH_JOURNAL)
            """,
        version: version)

    @Option(
        name: [.customShort("f"), .customLong("file")],
        help: ArgumentHelp("Run the commands in FILE (- for stdin); repeatable.", valueName: "file"))
    var files: [String] = []

    @Option(
        name: [.customShort("c"), .customLong("command")],
        help: ArgumentHelp("Run these commands (separated by ;); repeatable.", valueName: "commands"))
    var commands: [String] = []

    @Flag(name: .customShort("i"), help: "Stay interactive after -c/-f.")
    var interactive = false

    @Flag(name: [.customShort("X"), .customLong("no-rc")], help: "Do not read the rc file.")
    var noRC = false

    @Flag(name: [.customShort("e"), .customLong("echo")], help: "Print each command before running it (cvmsh> CMD).")
    var echo = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "No banner, no informational chatter.")
    var quiet = false

    @Option(
        name: .customLong("on-error"),
        help: ArgumentHelp("stop or continue (default: stop in scripts, continue interactively).", valueName: "policy"))
    var onError: String?

    @Option(help: ArgumentHelp("Region, e.g. ap-nanjing (also TENCENTCLOUD_REGION).", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Credentials and region profile (tccli and SDK profile files).", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("API endpoint: a host or https:// URL; http:// only for loopback.", valueName: "url"))
    var endpoint: String?

    @Option(
        help: ArgumentHelp(
            "table, tsv, csv or json (the same whether or not stdout is a terminal).", valueName: "format"))
    var output: String?

    @Flag(name: .customLong("dry-run"), help: "Show the exact API calls that would change shares; send none.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "No confirmation prompts.")
    var yes = false

    @Flag(help: "Trace every API call on stderr (secrets, tokens and signatures redacted).")
    var debug = false

    @Option(name: .customLong("dump-commands"), help: ArgumentHelp(visibility: .private))
    var dumpCommands: String?

    @Flag(help: "Start the built-in emulator with sample data and use it; nothing leaves this machine.")
    var demo = false

    func validate() throws {
        if let onError, ErrorPolicy(rawValue: onError) == nil {
            throw ValidationError("--on-error must be stop or continue, not '\(onError)'")
        }
        if let output, OutputFormat(rawValue: output) == nil {
            throw ValidationError("--output must be table, tsv, csv or json, not '\(output)'")
        }
        if let endpoint {
            do { _ = try Endpoint(parsing: endpoint) } catch { throw ValidationError("--endpoint: \(error)") }
        }
        if demo, endpoint != nil { throw ValidationError("--demo and --endpoint cannot be combined") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("-f - (stdin) can be given only once") }
    }

    func run() async throws {
        if let dumpCommands {
            // For scripts/man: the man page's COMMANDS section and the README's table.
            guard let text = CommandReference.text(dumpCommands) else {
                throw ValidationError("--dump-commands takes \(CommandReference.formats.joined(separator: " or "))")
            }
            print(text, terminator: "")
            return
        }
        let status = await Launcher(options: self, arguments: Array(CommandLine.arguments.dropFirst())).run()
        throw ExitCode(status.code)
    }
}

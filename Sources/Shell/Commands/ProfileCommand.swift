import TencentCloud

/// `profile [NAME]`: shows or switches the credential profile.
public enum ProfileCommand: ShellCommand {
    public static let signature = CommandSignature(
        "profile", positionals: [Positional("NAME|default", .optional, completion: .words(["default"]))],
        summary: "show or switch the credential profile (tccli and SDK profile files)",
        details: """
            Without a word, shows the profile and where the credentials come from. With NAME, uses
            tccli's ~/.tccli/NAME.credential or section [NAME] of the SDK credentials file, before
            the environment (as tccli does with --profile); `default` returns to the default chain.
            Switching forgets keys entered with `login` and everything learnt from the API.
            """,
        examples: ["profile", "profile partner-prod", "profile default"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = args.positional
        guard let word = arguments.first else {
            let name = shell.session.profile ?? "default"
            let source = await LogoutCommand.source(shell)
            shell.console.line("\(name) (credentials from \(source))")
            return
        }
        guard word.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw .usage("profile: invalid name '\(word)': use letters, digits, '-', '_' and '.'")
        }
        let name: String? = word == "default" ? nil : word
        shell.services.switchProfile(to: name)
        do {
            _ = try await shell.services.credentials.resolve()
        } catch {
            shell.services.switchProfile(to: shell.session.profile)
            throw .api(.credential(error))
        }
        shell.session.profile = name
        shell.session.dropAPIState()
    }
}

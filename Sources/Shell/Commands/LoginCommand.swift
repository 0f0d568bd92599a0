import TencentCloud

/// `login`: enter keys for this session only.
public enum LoginCommand: ShellCommand {
    public static let signature = CommandSignature(
        "login", positionals: [Positional("WORDS", .any, hidden: true)],
        summary: "enter a SecretId and SecretKey for this session only",
        details: """
            Asks for a SecretId, a SecretKey and an optional session token, without echo. They are
            kept in memory for this session only and come first in the credential chain; they are
            never written to history, the journal or any file, and keys are never accepted as
            words on the line. Only available at a terminal.
            """,
        examples: ["login"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = args.positional
        guard arguments.isEmpty else {
            throw .usage(
                "login takes no words: keys are never typed on the command line; run `login` and answer the prompts")
        }
        guard shell.isInteractive else {
            throw .failed(
                "login needs a terminal; in scripts use TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY or --profile")
        }
        guard let id = await shell.console.readSecret("SecretId: "), !id.isEmpty,
            let key = await shell.console.readSecret("SecretKey: "), !key.isEmpty
        else { throw .failed("login cancelled; the credentials are unchanged") }
        let token = await shell.console.readSecret("Token (empty for permanent keys): ")
            .flatMap { $0.isEmpty ? nil : $0 }
        do {
            try shell.services.credentials.setSessionCredential(Credential(secretId: id, secretKey: key, token: token))
        } catch {
            throw .usage("login: \(error)")
        }
        shell.session.dropAPIState()
        shell.inform("logged in as \(Credential.mask(id)) for this session")
    }
}

/// `logout`: forgets the keys entered with `login`.
public enum LogoutCommand: ShellCommand {
    public static let signature = CommandSignature(
        "logout",
        summary: "forget the keys entered with login",
        details: """
            Forgets the keys entered with `login`; the next call uses the rest of the credential
            chain (environment, profile files, instance role).
            """,
        examples: ["logout"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        guard shell.services.credentials.sessionCredential != nil else {
            throw .failed("logout: not logged in (credentials come from \(await source(shell)))")
        }
        try? shell.services.credentials.setSessionCredential(nil)
        shell.session.dropAPIState()
    }

    static func source(_ shell: Interpreter) async -> String {
        (try? await shell.services.credentials.resolve())?.map { "\($0.source)" } ?? "nowhere"
    }
}

import TencentCloud

/// `endpoint [URL|HOST|default]`: shows or sets where API calls go.
public enum EndpointCommand: ShellCommand {
    public static let signature = CommandSignature(
        "endpoint", positionals: [Positional("URL|HOST|default", .optional, completion: .words(["default"]))],
        summary: "show or set the API endpoint",
        details: """
            Without a word, shows the endpoint in use. With a host (cvm.ap-guangzhou.tencentcloudapi.com)
            or an https:// URL, sends every call there; `default` returns to the official
            cvm.tencentcloudapi.com. Plain http:// is accepted only for loopback addresses (a local
            emulator), so keys and signatures never cross a network unencrypted. Changing the
            endpoint forgets the cached regions, images and selection.
            """,
        examples: [
            "endpoint", "endpoint cvm.ap-singapore.tencentcloudapi.com", "endpoint http://127.0.0.1:8099",
            "endpoint default",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = args.positional
        guard let word = arguments.first else {
            let endpoint = shell.session.endpoint
            shell.console.line(endpoint.description + (endpoint.isDefault ? " (default)" : ""))
            return
        }
        if let lock = shell.session.endpointLock { throw .usage("endpoint: cannot change the endpoint: \(lock)") }
        let endpoint: Endpoint
        if word == "default" {
            endpoint = .official
        } else {
            do {
                endpoint = try Endpoint(parsing: word)
            } catch {
                throw .usage("endpoint: \(error)")
            }
        }
        guard endpoint != shell.session.endpoint else { return }
        shell.session.endpoint = endpoint
        shell.session.dropAPIState()
    }
}

import TencentCloud

/// `endpoint [URL|HOST|default|nearest|intl]`: shows or sets where API calls go.
public enum EndpointCommand: ShellCommand {
    public static let signature = CommandSignature(
        "endpoint",
        positionals: [
            Positional("URL|HOST|default|nearest|intl", .optional, completion: .words(["default", "intl", "nearest"]))
        ],
        summary: "show or set the API endpoint",
        details: """
            Without a word, shows the endpoint in use. `default` sends each region's calls to that
            region's own host (cvm.ap-nanjing.tencentcloudapi.com, sts.ap-nanjing...): rate limits
            count per access region, so the regions of a multi-region session run side by side.
            `nearest` sends every region to cvm.tencentcloudapi.com (the China site's nearest
            access point), `intl` to cvm.intl.tencentcloudapi.com (the international site's). With
            a host (cvm.ap-guangzhou.tencentcloudapi.com) or an https:// URL, sends every call
            there. Plain http:// is accepted only for loopback addresses (a local emulator), so
            keys and signatures never cross a network unencrypted. Changing the endpoint forgets
            the cached regions, images and selection.
            """,
        examples: [
            "endpoint", "endpoint nearest", "endpoint cvm.ap-singapore.tencentcloudapi.com",
            "endpoint http://127.0.0.1:8099", "endpoint default",
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
        switch word.lowercased() {
        case "default": endpoint = .official
        case "nearest": endpoint = .nearest
        case "intl", "international": endpoint = .international
        default:
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

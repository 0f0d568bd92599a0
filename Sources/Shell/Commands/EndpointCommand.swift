import TencentCloud

/// `endpoint [URL|HOST|default]`: shows or sets where API calls go.
public enum EndpointCommand: ShellCommand {
    public static let name = "endpoint"
    public static let synopsis = "endpoint [URL|HOST|default]"
    public static let summary = "show or set the API endpoint"
    public static let details = """
        Without a word, shows the endpoint in use. With a host (cvm.ap-guangzhou.tencentcloudapi.com)
        or an https:// URL, sends every call there; `default` returns to the official
        cvm.tencentcloudapi.com. Plain http:// is accepted only for loopback addresses (a local
        emulator), so keys and signatures never cross a network unencrypted. Changing the
        endpoint forgets the cached regions, images and selection.

        Examples:
          endpoint
          endpoint cvm.ap-singapore.tencentcloudapi.com
          endpoint http://127.0.0.1:8099
          endpoint default
        """

    public static func run(_ arguments: [String], in shell: Interpreter) async throws(ShellError) {
        guard let word = arguments.first else {
            let endpoint = shell.session.endpoint
            shell.console.line(endpoint.description + (endpoint.isDefault ? " (default)" : ""))
            return
        }
        guard arguments.count == 1 else { throw .usage("endpoint: expected one URL or host; usage: \(synopsis)") }
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

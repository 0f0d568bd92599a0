import CVM
import Foundation
import Logging
import Synchronization
import TencentCloud

/// The long-lived things commands use: the credential chain, API clients per endpoint, file
/// locations and the environment. Shared by reference; safe to use from concurrent tasks.
public final class ShellServices: Sendable {
    public let environment: [String: String]
    public let paths: ShellPaths
    private let chain: Mutex<CredentialChain>
    /// `cvmsh/<version>`, sent as `X-TC-RequestClient`.
    public let requestClient: String
    public let logger: Logger
    private let transport: TransportConfiguration
    private let clients = Mutex<[String: CVMClient]>([:])
    private let rateLimits: RateLimits
    /// Where warnings about the credential in use (a credentials file other users can read)
    /// go, each once per session, when an API call uses that credential.
    private let credentialWarning: (@Sendable (String) -> Void)?
    private let reportedWarnings = Mutex<Set<String>>([])

    public init(
        environment: [String: String], profile: String?, version: String, logger: Logger,
        rateLimits: RateLimits = .documented, credentials: CredentialChain? = nil,
        credentialWarning: (@Sendable (String) -> Void)? = nil
    ) {
        self.credentialWarning = credentialWarning
        self.environment = environment
        paths = ShellPaths(environment: environment)
        chain = Mutex(credentials ?? Self.chain(profile: profile, environment: environment, home: paths.home))
        requestClient = "cvmsh/\(version)"
        self.logger = logger
        transport = TransportConfiguration.fromEnvironment(environment)
        self.rateLimits = rateLimits
    }

    /// The chain of `profile`; `CVMSH_METADATA_ENDPOINT` overrides the instance-role metadata URL.
    private static func chain(profile: String?, environment: [String: String], home: String) -> CredentialChain {
        let metadata = environment["CVMSH_METADATA_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        return CredentialChain(
            profile: profile, environment: environment, home: home,
            instanceRole: InstanceRoleProvider(endpoint: metadata ?? InstanceRoleProvider.defaultEndpoint))
    }

    /// The credential chain in use (the `--profile` / `profile` one).
    public var credentials: CredentialChain { chain.withLock { $0 } }

    /// Switches to the chain of profile `name` (`nil`: the default chain). The keys entered
    /// with `login` are forgotten, so the new profile really is the one used.
    public func switchProfile(to name: String?) {
        let next = Self.chain(profile: name, environment: environment, home: paths.home)
        chain.withLock { $0 = next }
    }

    /// The client for `endpoint`, created on first use and kept (with its connections).
    public func client(for endpoint: Endpoint) throws(ShellError) -> CVMClient {
        let key = endpoint.description
        if let existing = clients.withLock({ $0[key] }) { return existing }
        let made: AsyncHTTPTransport
        do {
            made = try AsyncHTTPTransport(configuration: transport, proxyFor: endpoint.host)
        } catch {
            throw .api(.transport(error))
        }
        let api = APIClient(
            configuration: ClientConfiguration(
                endpoint: endpoint, requestClient: requestClient, rateLimits: rateLimits),
            credentials: CurrentCredentials(services: self), transport: made, logger: logger)
        let client = CVMClient(api: api)
        let winner = clients.withLock { clients -> CVMClient in
            if let raced = clients[key] { return raced }
            clients[key] = client
            return client
        }
        if winner.api !== api {
            Task { await api.shutdown() }
        }
        return winner
    }

    /// Closes every client's connections.
    public func shutdown() async {
        let all = clients.withLock { clients -> [CVMClient] in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in all { await client.api.shutdown() }
    }
}

extension ShellServices {
    /// Passes each warning not reported before to `credentialWarning`.
    fileprivate func reportOnce(_ warnings: [String]) {
        let fresh = reportedWarnings.withLock { seen in warnings.filter { seen.insert($0).inserted } }
        for warning in fresh { credentialWarning?(warning) }
    }
}

/// Resolves through whichever chain the services hold now, so `profile` and `login` take
/// effect for clients that already exist.
private struct CurrentCredentials: CredentialProvider {
    let services: ShellServices

    func resolve() async throws(CredentialError) -> ResolvedCredential? {
        let resolved = try await services.credentials.resolve()
        if let warnings = resolved?.warnings, !warnings.isEmpty { services.reportOnce(warnings) }
        return resolved
    }
}

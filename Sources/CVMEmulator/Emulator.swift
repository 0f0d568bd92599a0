import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A running emulator: the service core behind an HTTP(S) listener on its own event-loop
/// thread. Start it with `Emulator.start(_:)`, stop it with `stop()`.
public final class Emulator: Sendable {
    /// The service core (state, auth, actions), also usable without sockets.
    public let service: EmulatorService
    /// The bound port (the real one when `port` 0 was asked for).
    public let port: Int
    /// `http://127.0.0.1:PORT` or `https://…` with TLS.
    public let endpoint: String

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let stopped = Mutex(false)
    private let accepted: ConnectionCounter

    private init(
        service: EmulatorService, port: Int, endpoint: String, group: MultiThreadedEventLoopGroup,
        channel: any Channel, accepted: ConnectionCounter
    ) {
        self.service = service
        self.accepted = accepted
        self.port = port
        self.endpoint = endpoint
        self.group = group
        self.channel = channel
    }

    /// Binds `options.host:options.port` and starts serving.
    public static func start(_ options: EmulatorOptions) async throws -> Emulator {
        let service = try EmulatorService(options: options)
        let sslContext = try options.tls.map { tls in
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certPath).map { NIOSSLCertificateSource.certificate($0) }
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: tls.keyPath, format: .pem)))
            return try NIOSSLContext(configuration: configuration)
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let accepted = ConnectionCounter()
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    accepted.increment()
                    return channel.eventLoop.makeCompletedFuture {
                        if let sslContext {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                        }
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(HTTPHandler(service: service))
                    }
                }
                .bind(host: options.host, port: options.port).get()
            guard let port = channel.localAddress?.port else {
                try await channel.close()
                throw ChannelError.unknownLocalAddress
            }
            let scheme = sslContext == nil ? "http" : "https"
            let host = options.host.contains(":") ? "[\(options.host)]" : options.host
            return Emulator(
                service: service, port: port, endpoint: "\(scheme)://\(host):\(port)", group: group,
                channel: channel, accepted: accepted)
        } catch {
            try? await group.shutdownGracefully()
            service.close()
            throw error
        }
    }

    /// Every call so far, oldest first.
    public func calls() async -> [EmulatorCall] {
        service.calls()
    }

    /// The current state, with every change applied so far.
    public func state() async -> EmulatorState {
        service.state()
    }

    /// The account ids `imageId` in `region` is shared with.
    public func shares(of imageId: String, region: String) async -> [String] {
        service.shares(of: imageId, region: region)
    }

    /// How many TCP connections were accepted so far (keep-alive clients reuse one).
    public func connectionsAccepted() async -> Int {
        accepted.value
    }

    /// Closes the listener and every open connection and ends the event-loop thread.
    /// Safe to call more than once.
    public func stop() async {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        try? await channel.close()
        try? await group.shutdownGracefully()
        service.close()
    }
}

/// The connections a listener accepted, counted by its channel initializer and read by the
/// ``Emulator`` that owns the listener.
private final class ConnectionCounter: Sendable {
    private let count = Mutex(0)

    func increment() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}

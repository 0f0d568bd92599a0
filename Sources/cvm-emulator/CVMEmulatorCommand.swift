import ArgumentParser
import CVMEmulator
import Foundation

/// `cvm-emulator`: serves the CVM image API emulator until SIGINT/SIGTERM.
@main
struct CVMEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cvm-emulator",
        abstract: "A local fake of the Tencent Cloud CVM image API (and STS GetCallerIdentity).",
        discussion: """
            Serves POST / with TC3-HMAC-SHA256 signed JSON, as the official SDKs send it, on \
            127.0.0.1. The first line on stdout is `LISTENING <port>`. With the built-in demo data \
            (or --generate) the next lines are `export TENCENTCLOUD_SECRET_ID=…` and \
            `export TENCENTCLOUD_SECRET_KEY=…`; the last line is `# endpoint: <url>`. \
            SIGINT or SIGTERM stops it (after writing --dump) with status 0. See docs/emulator.md.
            """)

    @Option(help: "Address to bind; must be a loopback address.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port = 0

    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "Load the state (accounts, regions, images, shares) from this JSON file.", valueName: "file"))
    var stateFile: String?

    @Option(
        help: ArgumentHelp(
            "Serve the demo accounts plus N deterministic images of the demo account in --region.", valueName: "n"))
    var generate: Int?

    @Option(help: "Region of the --generate images; a comma-separated list puts n images in each.")
    var region = EmulatorState.demoRegion

    @Option(help: "Seed of the --generate images and of the fault sequence.")
    var seed: UInt64 = 0

    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp(
            "Requests per second per SecretId, host and action: doc (the documented limits), "
                + "a number for every action, or off.",
            valueName: "doc|n|off"))
    var rateLimit = "doc"

    @Flag(
        help: ArgumentHelp(
            "Take the less convenient reading where the docs leave room: DescribeRegions needs a region, "
                + "and each service answers only on its own host (sts.* for GetCallerIdentity)."))
    var strict = false

    @Option(
        name: .customLong("max-account-ids"),
        help: ArgumentHelp(
            "Refuse ModifyImageSharePermission with more AccountIds than this "
                + "(InvalidParameterValue.LimitExceeded). Default: no cap.",
            valueName: "n"))
    var maxAccountIds: Int?

    @Option(
        name: .customLong("latency-ms"),
        help: ArgumentHelp("Delay every answer by this many milliseconds.", valueName: "ms"))
    var latencyMs = 0

    @Option(
        name: .customLong("fail-rate"),
        help: ArgumentHelp("Probability (0-1) that an authenticated call gets an injected fault.", valueName: "p"))
    var failRate = 0.0

    @Option(
        name: .customLong("fail-kinds"),
        help: ArgumentHelp(
            "Comma-separated faults to inject: internal (InternalError, nothing changed), drop (connection closed, "
                + "nothing changed), drop-after (change applied, then connection closed).",
            valueName: "kinds"))
    var failKinds = "internal"

    @Option(
        name: .customLong("fail-actions"),
        help: ArgumentHelp(
            "Comma-separated actions (SyncImages,...) that --fail-rate applies to. Default: every action.",
            valueName: "actions"))
    var failActions: String?

    @Option(
        name: .customLong("copy-seconds"),
        help: ArgumentHelp(
            "How long an image copied by SyncImages stays SYNCING before it is NORMAL; 0 finishes at once.",
            valueName: "s"))
    var copySeconds = 30.0

    @Flag(
        name: .customLong("source-syncing"),
        help: ArgumentHelp("Show an image as SYNCING while it is being copied to other regions."))
    var sourceSyncing = false

    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("Serve HTTPS with this PEM certificate (chain); needs --tls-key.", valueName: "file"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(
        help: ArgumentHelp(
            "On SIGINT/SIGTERM, write the current state to this file (same format as --state).", valueName: "file"))
    var dump: String?

    @Option(
        help: ArgumentHelp(
            "Append one JSON line per call to this file "
                + "(time, action, region, accountId, parameters, errorCode, requestId, fault, ms).",
            valueName: "file"))
    var log: String?

    /// The regions of `--region`.
    var generateRegions: [String] {
        region.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        guard ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") else {
            throw ValidationError("--host must be a loopback address")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard stateFile == nil || generate == nil else {
            throw ValidationError("--state and --generate cannot be combined")
        }
        if let generate, generate < 0 { throw ValidationError("--generate must not be negative") }
        guard !generateRegions.isEmpty else { throw ValidationError("--region needs a region id") }
        guard RateLimit(argument: rateLimit) != nil else {
            throw ValidationError("--rate-limit must be doc, off or a positive number")
        }
        if let maxAccountIds, maxAccountIds < 1 { throw ValidationError("--max-account-ids must be positive") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms must not be negative") }
        guard copySeconds >= 0 else { throw ValidationError("--copy-seconds must not be negative") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1") }
        _ = try parseFailKinds()
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
    }

    private func parseFailKinds() throws -> Set<FaultKind> {
        var kinds = Set<FaultKind>()
        for word in failKinds.split(separator: ",") {
            guard let kind = FaultKind(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown fault kind `\(word)` (use internal, drop, drop-after)")
            }
            kinds.insert(kind)
        }
        return kinds
    }

    func run() async throws {
        let state: EmulatorState
        if let stateFile {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: stateFile))
                state = try JSONDecoder().decode(EmulatorState.self, from: data)
            } catch {
                throw ValidationError("cannot read state file \(stateFile): \(error)")
            }
        } else if let generate {
            state = .generated(images: generate, regions: generateRegions, seed: seed)
        } else {
            state = .demo()
        }
        var options = EmulatorOptions(
            state: state, rateLimit: RateLimit(argument: rateLimit) ?? .documented, strict: strict,
            latency: .milliseconds(latencyMs),
            failRate: failRate, failKinds: try parseFailKinds(), seed: seed, maxAccountIdsPerCall: maxAccountIds,
            tls: tlsCert.flatMap { cert in tlsKey.map { TLSFiles(certPath: cert, keyPath: $0) } },
            logPath: log, host: host, port: port)
        options.copySeconds = copySeconds
        options.sourceSyncing = sourceSyncing
        options.failActions = failActions.map { Set($0.split(separator: ",").map(String.init)) }

        let signals = SignalWatcher(signals: [SIGINT, SIGTERM])
        let emulator = try await Emulator.start(options)
        var banner = ["LISTENING \(emulator.port)"]
        let keys = state.accounts.lazy.flatMap(\.credentials)
        if let key = keys.first(where: { $0.secretId == EmulatorState.demoSecretId }) {
            banner.append("export TENCENTCLOUD_SECRET_ID=\(key.secretId)")
            banner.append("export TENCENTCLOUD_SECRET_KEY=\(key.secretKey)")
        }
        banner.append("# endpoint: \(emulator.endpoint)")
        FileHandle.standardOutput.write(Data((banner.joined(separator: "\n") + "\n").utf8))

        await signals.next()
        let final = await emulator.state()
        await emulator.stop()
        if let dump {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                try encoder.encode(final).write(to: URL(fileURLWithPath: dump), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("cvm-emulator: cannot write --dump \(dump): \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}

/// Turns SIGINT/SIGTERM into an awaitable event instead of killing the process.
private final class SignalWatcher {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let queue = DispatchQueue(label: "cvm-emulator.signals")
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// Waits for the first signal.
    func next() async {
        var iterator = stream.makeAsyncIterator()
        _ = await iterator.next()
    }
}

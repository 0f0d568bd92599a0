import Foundation
import TencentCloudCore

/// How to start an emulator: its data, limits, faults and listening address.
public struct EmulatorOptions: Sendable {
    /// The data served; `EmulatorState.demo()` unless told otherwise.
    public var state: EmulatorState
    /// Requests per second per (SecretId, Host header, action) before `RequestLimitExceeded`.
    public var rateLimit: RateLimit
    /// Take the less convenient reading wherever the documentation leaves room: DescribeRegions
    /// needs `X-TC-Region`, and each service is served only on its own host (see docs/emulator.md).
    public var strict: Bool
    /// Added before every answer (also before a dropped connection is closed).
    public var latency: Duration
    /// Probability (0…1) that an authenticated call fails with one of `failKinds`.
    public var failRate: Double
    /// The faults to choose from when a call fails; picked with equal probability.
    public var failKinds: Set<FaultKind>
    /// The actions faults are injected into (by `X-TC-Action` name); `nil`: every action.
    public var failActions: Set<String>? = nil
    /// Seed of the fault sequence: the same seed and calls give the same faults.
    public var seed: UInt64
    /// Largest `AccountIds` count per ModifyImageSharePermission; more answers
    /// `InvalidParameterValue.LimitExceeded`. `nil` (default): no cap (the real one is undocumented).
    public var maxAccountIdsPerCall: Int?
    /// Serve HTTPS with this PEM certificate (chain) and PEM private key.
    public var tls: TLSFiles?
    /// Append one JSON line per call to this file.
    public var logPath: String?
    /// Address to bind; keep it on loopback.
    public var host: String
    /// Port to bind; 0 picks a free port (see `Emulator.port`).
    public var port: Int
    /// Time source for signature timestamps, share times, rate limits and copy progress.
    public var clock: EmulatorClock
    /// How long a copy made by SyncImages stays `SYNCING` (emulator clock); 0 makes copies
    /// `NORMAL` at once.
    public var copySeconds: Double = 30
    /// Whether an image shows `SYNCING` while it is being copied (the real behaviour is not
    /// documented), so it cannot be shared or copied again until the copies finish.
    public var sourceSyncing = false

    public init(
        state: EmulatorState = .demo(), rateLimit: RateLimit = .documented, strict: Bool = false,
        latency: Duration = .zero,
        failRate: Double = 0, failKinds: Set<FaultKind> = [.internalError], seed: UInt64 = 0,
        maxAccountIdsPerCall: Int? = nil, tls: TLSFiles? = nil, logPath: String? = nil,
        host: String = "127.0.0.1", port: Int = 0, clock: EmulatorClock = .system
    ) {
        self.state = state
        self.rateLimit = rateLimit
        self.strict = strict
        self.latency = latency
        self.failRate = failRate
        self.failKinds = failKinds
        self.seed = seed
        self.maxAccountIdsPerCall = maxAccountIdsPerCall
        self.tls = tls
        self.logPath = logPath
        self.host = host
        self.port = port
        self.clock = clock
    }

    /// `latency` in whole milliseconds.
    public var latencyMilliseconds: Int {
        get { Int(latency.components.seconds * 1000 + latency.components.attoseconds / 1_000_000_000_000_000) }
        set { latency = .milliseconds(newValue) }
    }
}

/// Paths of the PEM files for HTTPS.
public struct TLSFiles: Sendable, Equatable {
    public var certPath: String
    public var keyPath: String

    public init(certPath: String, keyPath: String) {
        self.certPath = certPath
        self.keyPath = keyPath
    }
}

/// The request-rate policy.
public enum RateLimit: Sendable, Equatable {
    /// Each action's documented limit, from its declaration (``TencentCloudCore/Action/rateLimit``).
    case documented
    /// The same limit for every action.
    case perSecond(Int)
    /// No limit.
    case off

    /// The limit for `action`, `nil` for none.
    public func limit(for action: TencentCloudCore.Action) -> Int? {
        switch self {
        case .off: return nil
        case .perSecond(let n): return n
        case .documented: return action.rateLimit
        }
    }

    /// Parses `doc`, `off` or a positive integer (the `--rate-limit` syntax).
    public init?(argument: String) {
        switch argument {
        case "doc", "documented": self = .documented
        case "off": self = .off
        default:
            guard let n = Int(argument), n > 0 else { return nil }
            self = .perSecond(n)
        }
    }
}

/// An injected fault.
public enum FaultKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// Answer `InternalError`; nothing is changed.
    case internalError = "internal"
    /// Close the connection without answering; nothing is changed.
    case drop = "drop"
    /// Apply the call, then close the connection without answering.
    case dropAfter = "drop-after"

    public static func < (lhs: FaultKind, rhs: FaultKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The emulator's notion of "now", injectable so tests can move time instead of sleeping.
public struct EmulatorClock: Sendable {
    /// Unix time in seconds (fractional).
    public var now: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Double) {
        self.now = now
    }

    /// The system clock.
    public static let system = EmulatorClock { Date().timeIntervalSince1970 }
}

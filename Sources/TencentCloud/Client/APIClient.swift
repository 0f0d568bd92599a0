import Foundation
import Logging

/// Sends typed API calls: signs each attempt afresh (TC3-HMAC-SHA256), throttles per action,
/// retries what is safe to retry, decodes the `{"Response": …}` envelope into typed values or
/// a ``TencentCloudError``, and traces every attempt at debug level without secrets.
public final class APIClient: Sendable {
    public let configuration: ClientConfiguration
    public let credentials: any CredentialProvider
    private let transport: any HTTPTransport
    let limiter: RateLimiter
    private let logger: Logger
    private let now: @Sendable () -> Int
    private let random: @Sendable () -> Double

    /// - Parameters:
    ///   - now: the Unix time used for `X-TC-Timestamp` (injected by tests).
    ///   - random: a source of `0..<1` for retry jitter (injected by tests).
    public init(
        configuration: ClientConfiguration, credentials: any CredentialProvider, transport: any HTTPTransport,
        logger: Logger = Logger(label: "cvmsh.api"),
        now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.configuration = configuration
        self.credentials = credentials
        self.transport = transport
        limiter = RateLimiter(policy: configuration.rateLimits)
        self.logger = logger
        self.now = now
        self.random = random
    }

    /// Calls `action` with `parameters` and decodes the `Response` object as `Output`.
    public func call<Parameters: Encodable & Sendable, Output: Decodable & Sendable>(
        _ action: Action, region: String?, parameters: Parameters, as output: Output.Type = Output.self
    ) async throws(TencentCloudError) -> Output {
        try await perform(action, region: region, parameters: parameters, as: output).output
    }

    /// Like ``call(_:region:parameters:as:)``, also telling the RequestId and how many attempts it took.
    public func perform<Parameters: Encodable & Sendable, Output: Decodable & Sendable>(
        _ action: Action, region: String?, parameters: Parameters, as output: Output.Type = Output.self
    ) async throws(TencentCloudError) -> CallResult<Output> {
        let body: [UInt8]
        do {
            body = Array(try Self.encoder.encode(parameters))
        } catch {
            throw .decoding(
                DecodingFailure(action: action.name, requestId: nil, detail: "cannot encode parameters: \(error)"))
        }
        var attempt = 0
        var failures: [RetryPolicy.FailureKind: Int] = [:]
        while true {
            attempt += 1
            do {
                let (value, requestId) = try await attemptOnce(
                    action, region: region, body: body, attempt: attempt, as: output)
                return CallResult(output: value, requestId: requestId, attempts: attempt)
            } catch {
                // Each kind of failure has its own budget: throttling in a big batch must not use
                // up the attempts an InternalError gets, nor the other way round.
                let kind = RetryPolicy.kind(of: error, idempotent: action.idempotent)
                failures[kind, default: 0] += 1
                let decision = configuration.retry.decide(
                    error, attempt: failures[kind, default: 1], idempotent: action.idempotent, random: random())
                guard case .retry(let delay) = decision else { throw error }
                logger.debug(
                    "retrying",
                    metadata: [
                        "action": "\(action.name)", "attempt": "\(attempt)", "after_ms": "\(Int(delay.seconds * 1000))",
                        "error": "\(error.code?.rawValue ?? "transport")",
                    ])
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw .cancelled(action: action.name)
                }
            }
        }
    }

    /// Releases the HTTP connections.
    public func shutdown() async {
        await transport.shutdown()
    }

    private func attemptOnce<Output: Decodable & Sendable>(
        _ action: Action, region: String?, body: [UInt8], attempt: Int, as output: Output.Type
    ) async throws(TencentCloudError) -> (Output, String?) {
        let found: ResolvedCredential?
        do {
            found = try await credentials.resolve()
        } catch {
            throw .credential(error)
        }
        guard let resolved = found else { throw .credential(.missing) }
        let credential = resolved.credential
        // Each region's own API server by default: rate limits count per access region.
        let hostRegion = action.region == .none ? nil : region
        let host = configuration.endpoint.host(forPrefix: action.hostPrefix, region: hostRegion)
        let ticket: RateLimiter.Ticket?
        do {
            ticket = try await limiter.acquire(action, secretId: credential.secretId, host: host)
        } catch {
            throw .cancelled(action: action.name)
        }

        let timestamp = now()
        let contentType = "application/json"
        let signature = TC3Signer.sign(
            TC3SigningInput(
                host: host, contentType: contentType, body: body, service: action.service, timestamp: timestamp),
            secretId: credential.secretId, secretKey: credential.secretKey)
        var headers: [(name: String, value: String)] = [
            ("Host", host),
            ("Content-Type", contentType),
            ("Authorization", signature.authorization),
            ("X-TC-Action", action.name),
            ("X-TC-Version", action.version),
            ("X-TC-Timestamp", String(timestamp)),
            ("X-TC-Language", configuration.language),
            ("X-TC-RequestClient", configuration.requestClient),
        ]
        if let region, !region.isEmpty, action.region != .none { headers.append(("X-TC-Region", region)) }
        if let token = credential.token { headers.append(("X-TC-Token", token)) }
        let request = HTTPRequest(
            url: configuration.endpoint.url(forPrefix: action.hostPrefix, region: hostRegion), headers: headers,
            body: body,
            label: action.name)

        let started = ContinuousClock.now
        var metadata: Logger.Metadata = [
            "action": "\(action.name)", "region": "\(region ?? "-")", "attempt": "\(attempt)",
        ]
        func elapsed() -> String { String(Int(((ContinuousClock.now - started).seconds * 1000).rounded())) }
        let response: HTTPResponse
        await limiter.departed(ticket)
        do {
            response = try await transport.send(request)
        } catch {
            metadata["ms"] = "\(elapsed())"
            metadata["error"] = "\(error.kind)"
            logger.debug("call failed", metadata: metadata)
            throw .transport(error)
        }
        metadata["status"] = "\(response.status)"
        metadata["ms"] = "\(elapsed())"
        do {
            let (value, requestId) = try ResponseDecoder.decode(response, action: action.name, as: output)
            metadata["request_id"] = "\(requestId ?? "-")"
            logger.debug("call", metadata: metadata)
            return (value, requestId)
        } catch {
            metadata["request_id"] = "\(error.requestId ?? "-")"
            metadata["code"] = "\(error.code?.rawValue ?? "-")"
            logger.debug("call", metadata: metadata)
            if error.code?.isIn(.requestLimitExceeded) == true {
                await limiter.throttled(action, secretId: credential.secretId, host: host)
            }
            throw error
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}

/// A successful call's output with its RequestId and the number of attempts it took.
public struct CallResult<Output: Sendable>: Sendable {
    public let output: Output
    public let requestId: String?
    public let attempts: Int

    public init(output: Output, requestId: String?, attempts: Int) {
        self.output = output
        self.requestId = requestId
        self.attempts = attempts
    }
}

/// Every way a Tencent Cloud API call can fail, as one small typed model.
///
/// Each case renders as one line that names the action and, for API errors, the error Code and
/// RequestId, which is what Tencent Cloud support asks for.
public enum TencentCloudError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service answered with `Response.Error`.
    case api(APIError)
    /// The request did not produce a usable HTTP response.
    case transport(TransportError)
    /// The service answered 200, but the body is not the documented shape.
    case decoding(DecodingFailure)
    /// No usable credential.
    case credential(CredentialError)
    /// The caller stopped waiting (Ctrl-C); the request may or may not have reached the server.
    case cancelled(action: String)

    public var description: String {
        switch self {
        case .api(let error): error.description
        case .transport(let error): error.description
        case .decoding(let error): error.description
        case .credential(let error): error.description
        case .cancelled(let action): "\(action): cancelled"
        }
    }

    /// True when the request may have reached the server and changed something, so its outcome
    /// is unknown and a non-idempotent call must be re-read rather than re-sent.
    public var isAmbiguous: Bool {
        switch self {
        case .transport(let error): error.ambiguous
        case .cancelled: true
        case .api, .decoding, .credential: false
        }
    }

    /// The API error code, if the service sent one.
    public var code: ErrorCode? {
        if case .api(let error) = self { return error.code }
        return nil
    }

    /// The RequestId, if the service sent one.
    public var requestId: String? {
        switch self {
        case .api(let error): error.requestId
        case .decoding(let error): error.requestId
        default: nil
        }
    }
}

/// An error the service reported in `Response.Error`.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public let action: String
    public let code: ErrorCode
    public let message: String
    public let requestId: String?

    public init(action: String, code: ErrorCode, message: String, requestId: String?) {
        self.action = action
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    public var description: String {
        ("\(action): \(code): \(message)" + (requestId.map { " (RequestId \($0))" } ?? "")).onOneLine
    }
}

/// A failure below the API: connecting, TLS, timing out, or a non-200 HTTP status.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Could not connect (refused, unreachable, DNS); the request was never sent.
        case connect
        /// The TLS handshake or certificate check failed; nothing was sent.
        case tls
        /// No complete answer within the timeout.
        case timeout
        /// The connection broke after the request was (perhaps) sent.
        case connectionLost
        /// A non-200 HTTP status; `excerpt` is the start of the body, for a proxy's error page.
        case status(Int, excerpt: String)
        /// The answer was larger than the client accepts.
        case responseTooLarge(limit: Int)
        /// Anything else the HTTP stack reported.
        case other
    }

    public let action: String
    public let kind: Kind
    public let detail: String
    /// The request may have reached the server.
    public let ambiguous: Bool

    public init(action: String, kind: Kind, detail: String, ambiguous: Bool) {
        self.action = action
        self.kind = kind
        self.detail = detail
        self.ambiguous = ambiguous
    }

    public var description: String {
        let what: String
        switch kind {
        case .connect: what = "cannot connect"
        case .tls: what = "TLS failure"
        case .timeout: what = "timed out"
        case .connectionLost: what = "connection lost"
        case .status(let code, let excerpt):
            what = "HTTP \(code)" + (excerpt.isEmpty ? "" : " \(excerpt)")
        case .responseTooLarge(let limit): what = "response larger than \(limit / (1 << 20)) MiB"
        case .other: what = "transport error"
        }
        // A connect failure's detail may name where it went: `cannot connect to HOST:PORT: reason`.
        let tail = detail.isEmpty ? "" : (kind == .connect && detail.hasPrefix("to ") ? " " : ": ") + detail
        return ("\(action): \(what)\(tail)" + (ambiguous ? " (the request may have been applied)" : "")).onOneLine
    }
}

/// A 200 answer whose body is not what the action documents.
public struct DecodingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let action: String
    public let requestId: String?
    public let detail: String

    public init(action: String, requestId: String?, detail: String) {
        self.action = action
        self.requestId = requestId
        self.detail = detail
    }

    public var description: String {
        ("\(action): unexpected response: \(detail)" + (requestId.map { " (RequestId \($0))" } ?? "")).onOneLine
    }
}

extension String {
    /// The text with every control character (newline, tab, ESC, …) and line or paragraph
    /// separator replaced by a space. Error descriptions carry text from the server (a message,
    /// a proxy's page, a bad value); printed, it must stay one line and never drive the terminal.
    var onOneLine: String {
        guard unicodeScalars.contains(where: \.breaksLine) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0.breaksLine ? " " : $0 }))
    }
}

extension Unicode.Scalar {
    fileprivate var breaksLine: Bool {
        switch properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}

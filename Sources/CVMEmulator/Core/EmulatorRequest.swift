import TencentCloudCore

/// One HTTP request as the service core sees it: no sockets, just method, headers and body.
public struct EmulatorRequest: Sendable {
    public var method: String
    public var path: String
    /// Header fields by lower-cased name (the last value wins for repeated names).
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String = "POST", path: String = "/", headers: [String: String], body: [UInt8]) {
        self.method = method
        self.path = path
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    /// The value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// A request signed the way the official SDKs sign it (TC3, `content-type;host`), for
    /// tests and tools that talk to the core directly.
    public static func signed(
        action: String, version: String = "2017-03-12", service: String = "cvm", region: String?,
        body: String = "{}", secretId: String, secretKey: String, token: String? = nil,
        timestamp: Int, host: String = "cvm.tencentcloudapi.com", contentType: String = "application/json"
    ) -> EmulatorRequest {
        let bytes = Array(body.utf8)
        let signature = TC3Signer.sign(
            TC3SigningInput(host: host, contentType: contentType, body: bytes, service: service, timestamp: timestamp),
            secretId: secretId, secretKey: secretKey)
        var headers = [
            "Host": host, "Content-Type": contentType, "X-TC-Action": action, "X-TC-Version": version,
            "X-TC-Timestamp": String(timestamp), "Authorization": signature.authorization,
        ]
        if let region { headers["X-TC-Region"] = region }
        if let token { headers["X-TC-Token"] = token }
        return EmulatorRequest(headers: headers, body: bytes)
    }
}

/// What the front should do with a response.
public enum ResponseDisposition: Sendable, Equatable {
    /// Send the body.
    case respond
    /// Close the connection without answering (injected `drop` or `drop-after` fault).
    case closeWithoutAnswer
}

/// The service's answer to one request.
public struct EmulatorResponse: Sendable {
    /// Always 200: the API reports errors in the body.
    public var status: Int
    /// Always `application/json`.
    public var contentType: String
    /// `{"Response": {...}}`.
    public var body: [UInt8]
    /// Wait this long before answering (or closing).
    public var delay: Duration
    public var disposition: ResponseDisposition
    /// The record of this call (also kept in the service's call list).
    public var call: EmulatorCall

    /// The error code, `nil` for success.
    public var errorCode: String? { call.errorCode }

    /// The body parsed, for tests.
    public var json: JSONValue? { JSONValue.parse(body) }
}

/// One call as the emulator saw it. Never holds a secret key, token or signature.
public struct EmulatorCall: Sendable, Equatable, Codable {
    /// ISO-8601 UTC time of arrival.
    public var time: String
    /// The same instant as Unix seconds with a fraction (the emulator's clock), for measuring.
    public var at: Double?
    /// `X-TC-Action` as sent (may be empty when missing).
    public var action: String
    /// `X-TC-Region`, when sent.
    public var region: String?
    /// The `Host` header as sent (the API host the client meant, such as
    /// `cvm.ap-nanjing.tencentcloudapi.com` through a proxy), when sent.
    public var host: String?
    /// The calling account (the root account for a collaborator), once authenticated.
    public var accountId: String?
    /// The request body as received: the action's parameters as a JSON object.
    public var parameters: String
    /// The error code answered, `nil` for success (also set when the answer was dropped).
    public var errorCode: String?
    public var requestId: String
    /// The injected fault, if any.
    public var fault: FaultKind?
    /// Time spent in the emulator including injected latency, in milliseconds.
    public var ms: Double

    public init(
        time: String, action: String, region: String?, accountId: String?, parameters: String,
        errorCode: String?, requestId: String, fault: FaultKind?, ms: Double, host: String? = nil, at: Double? = nil
    ) {
        self.time = time
        self.at = at
        self.action = action
        self.region = region
        self.host = host
        self.accountId = accountId
        self.parameters = parameters
        self.errorCode = errorCode
        self.requestId = requestId
        self.fault = fault
        self.ms = ms
    }

    /// The log line: one JSON object, parameters embedded as JSON when they parse.
    public var logLine: String {
        let params = JSONValue.parse(Array(parameters.utf8)) ?? .string(parameters)
        let value = JSONValue.object([
            JSONValue.Member("time", .string(time)), JSONValue.Member("at", at.map(JSONValue.number) ?? .null),
            JSONValue.Member("action", .string(action)),
            JSONValue.Member("region", region.map(JSONValue.string) ?? .null),
            JSONValue.Member("host", host.map(JSONValue.string) ?? .null),
            JSONValue.Member("accountId", accountId.map(JSONValue.string) ?? .null),
            JSONValue.Member("parameters", params),
            JSONValue.Member("errorCode", errorCode.map(JSONValue.string) ?? .null),
            JSONValue.Member("requestId", .string(requestId)),
            JSONValue.Member("fault", fault.map { .string($0.rawValue) } ?? .null),
            JSONValue.Member("ms", .number((ms * 1000).rounded() / 1000)),
        ])
        return value.encoded(pretty: false)
    }
}

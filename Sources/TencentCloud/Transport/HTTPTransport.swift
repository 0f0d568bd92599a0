import Foundation

/// One HTTP request as the API client builds it: signed headers and the exact body bytes.
public struct HTTPRequest: Sendable, Equatable {
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Used only to name the action in errors.
    public var label: String

    public init(url: String, headers: [(name: String, value: String)], body: [UInt8], label: String) {
        self.url = url
        self.headers = headers
        self.body = body
        self.label = label
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.url == rhs.url && lhs.body == rhs.body && lhs.label == rhs.label
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// What came back: status, headers (names lower-cased) and the whole body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Moves one request to the server and its answer back. The API client signs, retries and
/// decodes; a transport only classifies failures (see ``TransportError``).
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
    /// Releases connections and threads. Further sends fail.
    func shutdown() async
}

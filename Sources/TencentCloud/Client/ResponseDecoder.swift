import Foundation

/// Decodes an HTTP answer of the API: the `{"Response": …}` envelope into a typed value, a
/// `Response.Error` into ``TencentCloudError/api(_:)``, anything else into a one-line
/// ``TencentCloudError/decoding(_:)`` or ``TencentCloudError/transport(_:)``.
///
/// Kept apart from ``APIClient`` (and free of its logging and HTTP dependencies) so that the
/// libFuzzer harness `Fuzz/ResponseDecoder` can compile it alone; see docs/reliability.md.
enum ResponseDecoder {
    /// Turns an HTTP answer into the typed output or the error it carries.
    static func decode<Output: Decodable>(
        _ response: HTTPResponse, action: String, as output: Output.Type
    ) throws(TencentCloudError) -> (Output, String?) {
        guard response.status == 200 else {
            throw .transport(
                TransportError(
                    action: action, kind: .status(response.status, excerpt: excerpt(response.body)),
                    detail: "", ambiguous: response.status >= 500))
        }
        let probe: ErrorProbe
        do {
            probe = try JSONDecoder().decode(ErrorProbe.self, from: Data(response.body))
        } catch {
            let what = response.headers["content-type"].map { " (Content-Type \($0))" } ?? ""
            throw .decoding(
                DecodingFailure(
                    action: action, requestId: nil,
                    detail: "not a Tencent Cloud API response\(what): \(excerpt(response.body))"))
        }
        let requestId = probe.Response.RequestId
        if let error = probe.Response.Error {
            throw .api(
                APIError(
                    action: action, code: ErrorCode(error.Code), message: error.Message ?? "", requestId: requestId))
        }
        do {
            return (try JSONDecoder().decode(Envelope<Output>.self, from: Data(response.body)).Response, requestId)
        } catch {
            throw .decoding(DecodingFailure(action: action, requestId: requestId, detail: describe(error)))
        }
    }

    /// The first 120 printable characters of a body, on one line (a proxy's HTML page, say).
    static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        let flat = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { !$0.isASCII || $0.asciiValue! >= 32 }
        let collapsed = String(flat).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return collapsed.count > 120 ? String(collapsed.prefix(120)) + "…" : collapsed
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): missing \(type)"
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue): missing"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

// The envelope, spelled as the wire spells it.
// swiftlint:disable identifier_name
private struct ErrorProbe: Decodable {
    struct Body: Decodable {
        let Error: ErrorBody?
        let RequestId: String?
    }
    struct ErrorBody: Decodable {
        let Code: String
        let Message: String?
    }
    let Response: Body
}

private struct Envelope<Output: Decodable>: Decodable {
    let Response: Output
}

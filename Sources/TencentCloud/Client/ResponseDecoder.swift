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
        // One parse of the body: the envelope, its error if any, else the typed output.
        let reply: Reply<Output>
        do {
            reply = try JSONDecoder().decode(Reply<Output>.self, from: Data(response.body))
        } catch {
            let what = response.headers["content-type"].map { " (Content-Type \($0))" } ?? ""
            throw .decoding(
                DecodingFailure(
                    action: action, requestId: nil,
                    detail: "not a Tencent Cloud API response\(what): \(excerpt(response.body))"))
        }
        switch reply.outcome {
        case .failure(let error):
            throw .api(
                APIError(
                    action: action, code: ErrorCode(error.Code), message: error.Message ?? "",
                    requestId: reply.requestId))
        case .success(.success(let output)):
            return (output, reply.requestId)
        case .success(.failure(let error)):
            throw .decoding(DecodingFailure(action: action, requestId: reply.requestId, detail: describe(error)))
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
private struct ErrorBody: Decodable, Error {
    let Code: String
    let Message: String?
}

/// `{"Response": {"RequestId": …, "Error": {…}}}` or `{"Response": {"RequestId": …, <output>}}`.
/// A body that is not this shape fails to decode; an output that does not decode is kept as the
/// failure, so its message can carry the request id.
private struct Reply<Output: Decodable>: Decodable {
    let requestId: String?
    /// The error the service answered, else the output or why it did not decode.
    let outcome: Result<Result<Output, any Error>, ErrorBody>

    private enum EnvelopeKey: String, CodingKey { case Response }
    private enum BodyKey: String, CodingKey { case RequestId, Error }

    init(from decoder: any Decoder) throws {
        let envelope = try decoder.container(keyedBy: EnvelopeKey.self)
        let body = try envelope.nestedContainer(keyedBy: BodyKey.self, forKey: .Response)
        requestId = try body.decodeIfPresent(String.self, forKey: .RequestId)
        if let error = try body.decodeIfPresent(ErrorBody.self, forKey: .Error) {
            outcome = .failure(error)
        } else {
            outcome = .success(Result { try envelope.decode(Output.self, forKey: .Response) })
        }
    }
}

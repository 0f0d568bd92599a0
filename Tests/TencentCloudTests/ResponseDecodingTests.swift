import Testing

@testable import TencentCloud

struct Images: Decodable, Sendable {
    let TotalCount: Int
}

/// Recorded bodies of every documented envelope shape (reference §3.7), and what breaks them.
@Suite struct ResponseDecodingTests {
    func decode(_ response: HTTPResponse) throws(TencentCloudError) -> (Images, String?) {
        try ResponseDecoder.decode(response, action: "DescribeImages", as: Images.self)
    }

    @Test func success() throws {
        let (value, requestId) = try decode(
            ok(#"{"Response": {"TotalCount": 0, "ImageSet": [], "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"}}"#)
        )
        #expect(value.TotalCount == 0)
        #expect(requestId == "b5b41468-520d-4192-b42f-595cc34b6c1c")
    }

    @Test func successWithDeprecationWarningAndUnknownFields() throws {
        let (value, _) = try decode(
            ok(#"{"Response": {"TotalCount": 3, "DeprecatedWarning": "x", "Future": {"a": 1}, "RequestId": "r"}}"#))
        #expect(value.TotalCount == 3)
    }

    @Test func documentedError() {
        let body =
            #"{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "The provided credentials could not be validated. Please check your signature is correct."}, "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}"#
        #expect(
            throws: TencentCloudError.api(
                APIError(
                    action: "DescribeImages", code: "AuthFailure.SignatureFailure",
                    message: "The provided credentials could not be validated. Please check your signature is correct.",
                    requestId: "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"))
        ) { try decode(ok(body)) }
    }

    @Test func errorWithoutMessageOrRequestId() {
        #expect(
            throws: TencentCloudError.api(
                APIError(action: "DescribeImages", code: "InternalError", message: "", requestId: nil))
        ) {
            try decode(ok(#"{"Response":{"Error":{"Code":"InternalError"}}}"#))
        }
    }

    @Test func htmlFromAProxyIsATransportErrorWithAnExcerpt() {
        let page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>"
        do throws(TencentCloudError) {
            _ = try decode(HTTPResponse(status: 502, headers: ["content-type": "text/html"], body: Array(page.utf8)))
            Issue.record("expected an error")
        } catch {
            guard case .transport(let transport) = error, case .status(502, let excerpt) = transport.kind else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(excerpt == "<html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>")
            #expect(transport.ambiguous)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test(arguments: [
        "", "not json", "{", #"{"Response": 5}"#, #"{"Other": {}}"#, "<html>200 but html</html>", "[1,2]",
    ])
    func malformedBodiesAreDecodingErrors(_ body: String) {
        do throws(TencentCloudError) {
            _ = try decode(ok(body))
            Issue.record("expected an error")
        } catch {
            guard case .decoding = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func wrongFieldTypeNamesTheFieldAndKeepsTheRequestId() {
        do throws(TencentCloudError) {
            _ = try decode(ok(#"{"Response":{"TotalCount":"many","RequestId":"rq"}}"#))
            Issue.record("expected an error")
        } catch {
            #expect(error.requestId == "rq")
            #expect(error.description.contains("TotalCount"))
        }
    }

    @Test func truncatedBody() {
        #expect(throws: TencentCloudError.self) { try decode(ok(#"{"Response":{"TotalCount":1,"Req"#)) }
    }
}

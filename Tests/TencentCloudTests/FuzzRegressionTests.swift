import Foundation
import Testing

@testable import TencentCloud

/// Crashes found by the libFuzzer harnesses of Fuzz/ (scripts/fuzz), kept as regression tests.
@Suite struct FuzzRegressionTests {
    enum Kind: String, Decodable, Sendable { case normal = "NORMAL" }
    struct Output: Decodable, Sendable { let ImageState: Kind }

    func decode(_ body: String) throws(TencentCloudError) -> (Output, String?) {
        try ResponseDecoder.decode(
            HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Array(body.utf8)),
            action: "DescribeImages", as: Output.self)
    }

    func error(_ body: String) -> TencentCloudError? {
        do {
            _ = try decode(body)
            return nil
        } catch {
            return error
        }
    }

    /// Fuzz/ResponseDecoder, first run: a server's error Message with a newline made a two-line
    /// error description, so a hostile or broken server could print a convincing fake line
    /// (or drive the terminal with escapes). Descriptions now flatten control characters.
    @Test func aServerMessageWithANewlineStaysOnOneLine() throws {
        let failure = try #require(
            error(
                #"{"Response": {"Error": {"Code": "AuthFailure", "Message": "bad\nline\u001b[31m\u2029x"}, "RequestId": "r"}}"#
            ))
        #expect(failure.description == "DescribeImages: AuthFailure: bad line [31m x (RequestId r)")
        // The message itself is kept as sent (the journal records it as JSON).
        guard case .api(let api) = failure else {
            Issue.record("\(failure)")
            return
        }
        #expect(api.message == "bad\nline\u{1B}[31m\u{2029}x")
    }

    @Test func aBadValueWithANewlineStaysOnOneLine() throws {
        let failure = try #require(error(#"{"Response": {"ImageState": "NORMAL\nshared: ok", "RequestId": "r\t1"}}"#))
        #expect(!failure.description.contains("\n"))
        #expect(!failure.description.contains("\t"))
        #expect(failure.description.hasPrefix("DescribeImages: unexpected response: .Response.ImageState: "))
        #expect(failure.description.hasSuffix("(RequestId r 1)"))
    }

    @Test func transportDetailsStayOnOneLine() {
        let error = TransportError(action: "DescribeImages", kind: .other, detail: "first\r\nsecond", ambiguous: false)
        #expect(error.description == "DescribeImages: transport error: first  second")
    }

    @Test func ordinaryTextIsUnchanged() {
        let error = APIError(
            action: "DescribeImages", code: "InvalidParameter", message: "镜像 img-1 不存在 — “x”", requestId: "r")
        #expect(error.description == "DescribeImages: InvalidParameter: 镜像 img-1 不存在 — “x” (RequestId r)")
    }
}

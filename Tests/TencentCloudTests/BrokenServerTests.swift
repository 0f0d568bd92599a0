import Foundation
import TestSupport
import Testing

@testable import TencentCloud

/// Broken servers: the real client (``APIClient`` over ``AsyncHTTPTransport``) against a
/// loopback server that answers badly. Each case must end in a ``TencentCloudError`` of the right
/// kind whose description is one line, within the configured timeout: never a crash or a hang.
/// (A TLS certificate for another host is in CVMTests/WrongHostCertificateTests.swift: it needs
/// the emulator's HTTPS front.)
@Suite(.timeLimit(.minutes(2))) struct BrokenServerTests {
    /// DescribeImages' answer, as far as these tests need it.
    struct Page: Decodable, Sendable {
        struct Item: Decodable, Sendable {
            let ImageId: String
            let ImageName: String?
        }
        let TotalCount: Int
        let ImageSet: [Item]
    }

    static let describe = Actions.describeImages
    static let modify = Actions.modifyImageSharePermission
    /// The bound of the tests that wait for a timeout on purpose.
    static let timeout = Duration.seconds(1)
    /// The bound of every other test: the server answers at once, but on a machine busy with
    /// something else the answer may take longer than ``timeout`` to be read.
    static let answeringTimeout = Duration.seconds(20)

    struct Outcome {
        let error: TencentCloudError
        let elapsed: Duration
        let requests: Int
    }

    /// Calls `action` once against a server answering every request with `reply`; returns the error.
    static func fail(
        _ reply: LoopbackHTTPServer.Reply, action: Action = describe, retry: RetryPolicy = .none,
        maxResponseBytes: Int = TransportConfiguration().maxResponseBytes, timeout: Duration = answeringTimeout
    ) async throws -> Outcome {
        try await LoopbackHTTPServer.with({ _ in reply }) { server in
            let transport = try AsyncHTTPTransport(
                configuration: TransportConfiguration(
                    connectTimeout: timeout, requestTimeout: timeout, maxResponseBytes: maxResponseBytes))
            let client = APIClient(
                configuration: ClientConfiguration(
                    endpoint: try Endpoint(parsing: server.baseURL), requestClient: "cvmsh/test", retry: retry,
                    rateLimits: .off),
                credentials: StaticCredentialProvider(
                    Credential(secretId: "AKIDBROKENSERVERTEST", secretKey: "BROKENSERVERKEY")),
                transport: transport)
            let started = ContinuousClock.now
            do {
                let page = try await client.call(
                    action, region: "ap-nanjing", parameters: ["Limit": 100], as: Page.self)
                await client.shutdown()
                Issue.record("expected an error, got \(page.TotalCount) images")
                throw CancellationError()
            } catch {
                let elapsed = ContinuousClock.now - started
                await client.shutdown()
                guard let error = error as? TencentCloudError else { throw error }
                let text = error.description
                #expect(
                    !text.unicodeScalars.contains { $0.properties.generalCategory == .control },
                    "\(text.debugDescription)")
                #expect(text.hasPrefix(action.name + ": "), "\(text)")
                #expect(text.count < 400, "\(text)")
                #expect(!text.contains("BROKENSERVERKEY"))
                return Outcome(error: error, elapsed: elapsed, requests: server.requests.count)
            }
        }
    }

    static func transportKind(_ error: TencentCloudError) -> TransportError.Kind? {
        if case .transport(let transport) = error { return transport.kind }
        return nil
    }

    static func decodingDetail(_ error: TencentCloudError) -> String? {
        if case .decoding(let failure) = error { return failure.detail }
        return nil
    }

    @Test func malformedJSONIsAnUnexpectedResponse() async throws {
        let outcome = try await Self.fail(.json(#"{"Response": {"TotalCount": 1, "ImageSet": [{"ImageId": "img-1""#))
        let detail = try #require(Self.decodingDetail(outcome.error))
        #expect(detail.hasPrefix("not a Tencent Cloud API response (Content-Type application/json): {\"Response\""))
        #expect(
            outcome.error.description.hasPrefix("DescribeImages: unexpected response: not a Tencent Cloud API response")
        )
    }

    @Test func anHTMLPageFromAProxyIsNamedWithAnExcerpt() async throws {
        let page =
            "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>squid</center>\r\n</body>\r\n</html>\r\n"
        // Some proxies send their page with status 200.
        let ok = try await Self.fail(
            .response(status: 200, headers: [("Content-Type", "text/html")], body: Data(page.utf8)))
        #expect(
            Self.decodingDetail(ok.error)?.hasPrefix(
                "not a Tencent Cloud API response (Content-Type text/html): <html> <head><title>403 Forbidden</title>")
                == true,
            "\(ok.error)")
        let forbidden = try await Self.fail(
            .response(status: 403, headers: [("Content-Type", "text/html")], body: Data(page.utf8)))
        guard case .status(403, let excerpt) = Self.transportKind(forbidden.error) else {
            Issue.record("expected HTTP 403, got \(forbidden.error)")
            return
        }
        #expect(excerpt.hasPrefix("<html> <head><title>403 Forbidden</title></head> <body>"))
        #expect(!forbidden.error.isAmbiguous)
    }

    @Test func a502IsRetriedWhenSafeAndReported() async throws {
        let gateway = LoopbackHTTPServer.Reply.text("<html><body><h1>502 Bad Gateway</h1></body></html>", status: 502)
        let retried = try await Self.fail(
            gateway, retry: RetryPolicy(maxAttempts: 3, base: .milliseconds(1), cap: .milliseconds(5)))
        #expect(retried.requests == 3)
        #expect(
            Self.transportKind(retried.error)
                == .status(502, excerpt: "<html><body><h1>502 Bad Gateway</h1></body></html>"))
        #expect(
            retried.error.description
                == "DescribeImages: HTTP 502 <html><body><h1>502 Bad Gateway</h1></body></html> (the request may have been applied)"
        )
        // A change is never re-sent after a 502: it may have been applied.
        let change = try await Self.fail(
            gateway, action: Self.modify, retry: RetryPolicy(maxAttempts: 3, base: .milliseconds(1)))
        #expect(change.requests == 1)
        #expect(change.error.isAmbiguous)
    }

    @Test func aTruncatedBodyIsALostConnection() async throws {
        let body = Data(#"{"Response": {"TotalCount": 1, "ImageSet": [{"ImageId": "img-1", "#.utf8)
        let outcome = try await Self.fail(.truncated(declared: 4096, body: body))
        #expect(Self.transportKind(outcome.error) == .connectionLost, "\(outcome.error)")
        #expect(
            outcome.error.description
                == "DescribeImages: connection lost: server closed the connection before the whole answer (the request may have been applied)"
        )
        #expect(outcome.error.isAmbiguous)
        #expect(outcome.elapsed < Self.answeringTimeout)
    }

    @Test func aConnectionClosedWithoutAnAnswerIsALostConnection() async throws {
        let outcome = try await Self.fail(.close)
        #expect(Self.transportKind(outcome.error) == .connectionLost, "\(outcome.error)")
        #expect(outcome.error.isAmbiguous)
    }

    @Test func a50MegabyteAnswerIsRefusedAtTheLimit() async throws {
        let huge = Data(repeating: UInt8(ascii: " "), count: 50 << 20)
        let outcome = try await Self.fail(
            .response(status: 200, headers: [("Content-Type", "application/json")], body: huge))
        #expect(Self.transportKind(outcome.error) == .responseTooLarge(limit: 16 << 20), "\(outcome.error)")
        #expect(
            outcome.error.description
                == "DescribeImages: response larger than 16 MiB (the request may have been applied)")
    }

    @Test func wrongFieldTypesNameTheField() async throws {
        let count = try await Self.fail(
            .json(#"{"Response": {"TotalCount": "3", "ImageSet": [], "RequestId": "r-1"}}"#))
        #expect(
            count.error.description
                == "DescribeImages: unexpected response: .Response.TotalCount: expected Int (RequestId r-1)")
        let item = try await Self.fail(
            .json(#"{"Response": {"TotalCount": 1, "ImageSet": [{"ImageId": 7}], "RequestId": "r-2"}}"#))
        #expect(
            item.error.description
                == "DescribeImages: unexpected response: .Response.ImageSet[0].ImageId: expected String (RequestId r-2)"
        )
        let set = try await Self.fail(
            .json(#"{"Response": {"TotalCount": 1, "ImageSet": {"ImageId": "img-1"}, "RequestId": "r-3"}}"#))
        #expect(Self.decodingDetail(set.error)?.hasPrefix(".Response.ImageSet: expected Array") == true, "\(set.error)")
        let response = try await Self.fail(.json(#"{"Response": ["not", "an", "object"]}"#))
        #expect(
            Self.decodingDetail(response.error)?.hasPrefix("not a Tencent Cloud API response") == true,
            "\(response.error)")
        let code = try await Self.fail(
            .json(#"{"Response": {"Error": {"Code": 42, "Message": "m"}, "RequestId": "r-4"}}"#))
        #expect(Self.decodingDetail(code.error) != nil, "\(code.error)")
    }

    @Test func serverTextCannotBreakTheErrorLine() async throws {
        // A message with a newline and an escape sequence (a spoofed second line, a cleared screen).
        let message = #"denied\nshared img-1 with 100011110001: ok\u001b[2J\u2028done"#
        let outcome = try await Self.fail(
            .json(#"{"Response": {"Error": {"Code": "AuthFailure", "Message": "\#(message)"}, "RequestId": "r\n5"}}"#))
        #expect(outcome.error.code == "AuthFailure")
        #expect(
            outcome.error.description
                == "DescribeImages: AuthFailure: denied shared img-1 with 100011110001: ok [2J done (RequestId r 5)")
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let outcome = try await Self.fail(.noAnswer, timeout: Self.timeout)
        #expect(Self.transportKind(outcome.error) == .timeout, "\(outcome.error)")
        #expect(outcome.error.description == "DescribeImages: timed out (the request may have been applied)")
        #expect(outcome.elapsed >= Self.timeout * 0.9)
        #expect(outcome.elapsed < Self.timeout * 10, "took \(outcome.elapsed)")
        // Retries are bounded too: attempts × timeout plus backoff, never more.
        let retried = try await Self.fail(
            .noAnswer, retry: RetryPolicy(maxAttempts: 2, base: .milliseconds(1), cap: .milliseconds(2)),
            timeout: Self.timeout)
        #expect(retried.requests == 2)
        #expect(retried.elapsed < Self.timeout * 10, "took \(retried.elapsed)")
    }

    @Test func anAnswerThatDripsTimesOut() async throws {
        // The head at once, then one byte every 200 ms (20 s in all): no single read waits past
        // the timeout, but the whole-request timeout must still hold.
        let body =
            Data(#"{"Response": {"TotalCount": 0, "ImageSet": [], "RequestId": "slow"}}"#.utf8)
            + Data(repeating: 0x20, count: 40)
        let outcome = try await Self.fail(.drip(.milliseconds(200), body: body), timeout: Self.timeout)
        #expect(Self.transportKind(outcome.error) == .timeout, "\(outcome.error)")
        #expect(outcome.elapsed < Self.timeout * 10, "took \(outcome.elapsed)")
    }

    @Test func aClosedPortIsAConnectFailureAndNotAmbiguous() async throws {
        // A port held without listening: nothing answers on it, and no other test can take it.
        let closed = try ClosedPort()
        let port = closed.port
        // Generous timeouts: the point is the kind of error, and a loaded machine must not turn
        // a refused connection into a timeout by scheduling the client late.
        let transport = try AsyncHTTPTransport(
            configuration: TransportConfiguration(connectTimeout: .seconds(30), requestTimeout: .seconds(30)))
        let client = APIClient(
            configuration: ClientConfiguration(
                endpoint: try Endpoint(parsing: "http://127.0.0.1:\(port)"), requestClient: "t", retry: .none,
                rateLimits: .off),
            credentials: StaticCredentialProvider(
                Credential(secretId: "AKIDBROKENSERVERTEST", secretKey: "BROKENSERVERKEY")),
            transport: transport)
        await #expect(throws: TencentCloudError.self) {
            _ = try await client.call(
                Self.modify, region: "ap-nanjing", parameters: ["ImageId": "img-1"], as: Page.self)
        }
        do {
            _ = try await client.call(
                Self.modify, region: "ap-nanjing", parameters: ["ImageId": "img-1"], as: Page.self)
        } catch {
            #expect(Self.transportKind(error) == .connect, "\(error)")
            #expect(!error.isAmbiguous)
            #expect(
                error.description
                    == "ModifyImageSharePermission: cannot connect to 127.0.0.1:\(port): connection refused")
        }
        await client.shutdown()
        withExtendedLifetime(closed) {}
    }
}

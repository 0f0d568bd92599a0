import Foundation
import Logging
import Synchronization
import Testing

@testable import TencentCloud

/// A transport that answers from a script and records what was sent.
final class ScriptedTransport: HTTPTransport {
    private let state: Mutex<(answers: [Result<HTTPResponse, TransportError>], sent: [HTTPRequest])>

    init(_ answers: [Result<HTTPResponse, TransportError>]) {
        state = Mutex((answers, []))
    }

    var sent: [HTTPRequest] { state.withLock { $0.sent } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let answer = state.withLock { state -> Result<HTTPResponse, TransportError> in
            state.sent.append(request)
            return state.answers.isEmpty
                ? .success(ok(#"{"Response":{"RequestId":"x"}}"#)) : state.answers.removeFirst()
        }
        return try answer.get()
    }

    func shutdown() async {}
}

func ok(_ json: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(status: status, headers: ["content-type": "application/json"], body: Array(json.utf8))
}

func apiError(_ code: String, _ requestId: String = "req-1") -> HTTPResponse {
    ok(#"{"Response":{"Error":{"Code":"\#(code)","Message":"m"},"RequestId":"\#(requestId)"}}"#)
}

struct Echo: Decodable, Sendable, Equatable { let Value: Int? }
struct Params: Encodable, Sendable { let ImageId: String }

let testAction = Actions.describeImages
let changeAction = Actions.modifyImageSharePermission

/// A clock that ticks one second per reading.
final class TickingClock: Sendable {
    private let value = Mutex(1_700_000_000)
    func tick() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}

func makeClient(_ transport: ScriptedTransport, token: String? = nil, endpoint: Endpoint = .official) -> APIClient {
    let credential = Credential(secretId: "AKIDTESTTESTTEST1234", secretKey: "SECRETKEYVALUE", token: token)
    let counter = TickingClock()
    return APIClient(
        configuration: ClientConfiguration(
            endpoint: endpoint, requestClient: "cvmsh/test",
            retry: RetryPolicy(base: .milliseconds(1), cap: .milliseconds(2)), rateLimits: .off),
        credentials: StaticCredentialProvider(credential), transport: transport,
        now: { counter.tick() }, random: { 0.5 })
}

@Suite struct APIClientTests {
    @Test func sendsSignedHeadersAndTheExactBody() async throws {
        let transport = ScriptedTransport([.success(ok(#"{"Response":{"Value":7,"RequestId":"r1"}}"#))])
        let client = makeClient(transport, token: "SESSIONTOKEN")
        let result = try await client.perform(
            testAction, region: "ap-nanjing", parameters: Params(ImageId: "img-1"), as: Echo.self)
        #expect(result.output == Echo(Value: 7))
        #expect(result.requestId == "r1")
        #expect(result.attempts == 1)

        let request = try #require(transport.sent.first)
        let headers = Dictionary(uniqueKeysWithValues: request.headers.map { ($0.name, $0.value) })
        // The default endpoint sends a call to its region's own host.
        #expect(request.url == "https://cvm.ap-nanjing.tencentcloudapi.com/")
        #expect(headers["Host"] == "cvm.ap-nanjing.tencentcloudapi.com")
        #expect(headers["Content-Type"] == "application/json")
        #expect(headers["X-TC-Action"] == "DescribeImages")
        #expect(headers["X-TC-Version"] == "2017-03-12")
        #expect(headers["X-TC-Region"] == "ap-nanjing")
        #expect(headers["X-TC-Language"] == "en-US")
        #expect(headers["X-TC-RequestClient"] == "cvmsh/test")
        #expect(headers["X-TC-Token"] == "SESSIONTOKEN")
        let timestamp = try #require(headers["X-TC-Timestamp"].flatMap(Int.init))
        let expected = TC3Signer.sign(
            TC3SigningInput(
                host: "cvm.ap-nanjing.tencentcloudapi.com", body: request.body, service: "cvm", timestamp: timestamp),
            secretId: "AKIDTESTTESTTEST1234", secretKey: "SECRETKEYVALUE")
        #expect(headers["Authorization"] == expected.authorization)
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"ImageId":"img-1"}"#)
        #expect(!headers["Authorization"]!.contains("SESSIONTOKEN"))
    }

    @Test func throttlingIsRetriedAndEachAttemptIsSignedAfresh() async throws {
        let transport = ScriptedTransport([
            .success(apiError("RequestLimitExceeded")), .success(apiError("RequestLimitExceeded.UinLimitExceeded")),
            .success(ok(#"{"Response":{"Value":1,"RequestId":"r3"}}"#)),
        ])
        let result = try await makeClient(transport).perform(
            changeAction, region: "ap-nanjing", parameters: Params(ImageId: "img-1"), as: Echo.self)
        #expect(result.attempts == 3)
        let stamps = transport.sent.map { $0.headers.first { $0.name == "X-TC-Timestamp" }!.value }
        let signatures = transport.sent.map { $0.headers.first { $0.name == "Authorization" }!.value }
        #expect(Set(stamps).count == 3)
        #expect(Set(signatures).count == 3)
    }

    @Test func ambiguousFailureOfAChangeIsNeverResent() async {
        let lost = TransportError(
            action: "ModifyImageSharePermission", kind: .connectionLost, detail: "", ambiguous: true)
        let transport = ScriptedTransport([.failure(lost)])
        await #expect(throws: TencentCloudError.transport(lost)) {
            try await makeClient(transport).call(
                changeAction, region: "ap-nanjing", parameters: Params(ImageId: "img-1"), as: Echo.self)
        }
        #expect(transport.sent.count == 1)
    }

    @Test func ambiguousFailureOfAReadIsRetried() async throws {
        let lost = TransportError(action: "DescribeImages", kind: .timeout, detail: "", ambiguous: true)
        let transport = ScriptedTransport([.failure(lost), .success(ok(#"{"Response":{"RequestId":"r"}}"#))])
        _ = try await makeClient(transport).call(
            testAction, region: "ap-nanjing", parameters: Params(ImageId: "i"), as: Echo.self)
        #expect(transport.sent.count == 2)
    }

    @Test func apiErrorCarriesCodeMessageAndRequestId() async {
        let transport = ScriptedTransport([.success(apiError("InvalidImageId.NotFound", "abc-123"))])
        do throws(TencentCloudError) {
            _ = try await makeClient(transport).call(
                testAction, region: "ap-nanjing", parameters: Params(ImageId: "i"), as: Echo.self)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "InvalidImageId.NotFound")
            #expect(error.requestId == "abc-123")
            #expect(error.description == "DescribeImages: InvalidImageId.NotFound: m (RequestId abc-123)")
        }
    }

    @Test func missingCredentialIsACredentialError() async {
        struct Nothing: CredentialProvider {
            func resolve() async throws(CredentialError) -> ResolvedCredential? { nil }
        }
        let client = APIClient(
            configuration: ClientConfiguration(requestClient: "t", rateLimits: .off), credentials: Nothing(),
            transport: ScriptedTransport([]))
        await #expect(throws: TencentCloudError.credential(.missing)) {
            try await client.call(testAction, region: "r", parameters: Params(ImageId: "i"), as: Echo.self)
        }
    }

    @Test func loopbackEndpointUsesItsOwnHostForEveryService() async throws {
        let transport = ScriptedTransport([])
        let sts = Actions.getCallerIdentity
        _ = try await makeClient(transport, endpoint: try Endpoint(parsing: "http://127.0.0.1:9000"))
            .call(sts, region: "ap-nanjing", parameters: Params(ImageId: "i"), as: Echo.self)
        let request = try #require(transport.sent.first)
        #expect(request.url == "http://127.0.0.1:9000/")
        let auth = try #require(request.headers.first { $0.name == "Authorization" }?.value)
        #expect(auth.contains("/sts/tc3_request"))
    }

    @Test func debugTraceNeverContainsSecrets() async throws {
        let lines = LogCapture()
        var logger = Logger(label: "test") { _ in lines }
        logger.logLevel = .trace
        let transport = ScriptedTransport([
            .success(apiError("RequestLimitExceeded")), .success(ok(#"{"Response":{"RequestId":"rid-9"}}"#)),
        ])
        let client = APIClient(
            configuration: ClientConfiguration(
                requestClient: "t", retry: RetryPolicy(base: .milliseconds(1)), rateLimits: .off),
            credentials: StaticCredentialProvider(
                Credential(secretId: "AKIDSECRETIDVALUE999", secretKey: "TOPSECRETKEY", token: "TOPSECRETTOKEN")),
            transport: transport, logger: logger)
        _ = try await client.call(testAction, region: "ap-nanjing", parameters: Params(ImageId: "i"), as: Echo.self)
        let text = lines.text
        #expect(text.contains("rid-9"))
        #expect(text.contains("DescribeImages"))
        for secret in ["TOPSECRETKEY", "TOPSECRETTOKEN", "Signature=", "AKIDSECRETIDVALUE999"] {
            #expect(!text.contains(secret))
        }
    }
}

/// Collects log lines in memory.
struct LogCapture: LogHandler {
    /// Shared by every copy of the handler.
    private final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    private let store = Lines()
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var text: String { store.lines.withLock { $0.joined(separator: "\n") } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.lines.withLock { $0.append("\(event.message) \(event.metadata ?? [:])") }
    }
}

@Suite struct RetryBudgetTests {
    @Test func throttlingDoesNotUseUpTheBudgetOfServerErrors() async throws {
        // Three throttled answers, then three InternalErrors, then success: 7 attempts. With one
        // shared budget of 4 the InternalErrors would have ended the call.
        let answers: [Result<HTTPResponse, TransportError>] =
            Array(repeating: .success(apiError("RequestLimitExceeded")), count: 3)
            + Array(repeating: .success(apiError("InternalError")), count: 3)
            + [.success(ok(#"{"Response":{"RequestId":"done"}}"#))]
        let transport = ScriptedTransport(answers)
        let result = try await makeClient(transport).perform(
            changeAction, region: "ap-nanjing", parameters: Params(ImageId: "i"), as: Echo.self)
        #expect(result.attempts == 7)
        #expect(result.requestId == "done")
    }

    @Test func serverErrorsStillStopAfterTheirOwnBudget() async {
        let transport = ScriptedTransport(Array(repeating: .success(apiError("InternalError")), count: 10))
        await #expect(throws: TencentCloudError.self) {
            try await makeClient(transport).call(
                changeAction, region: "ap-nanjing", parameters: Params(ImageId: "i"), as: Echo.self)
        }
        #expect(transport.sent.count == 4)
    }
}

import CVMEmulator
import Foundation
import TencentCloud
import TestSupport
import Testing

@Suite struct AuthTests {
    let h: Harness

    init() throws {
        h = try Harness()
    }

    /// A signed request with one part changed after signing.
    private func tampered(_ change: (inout EmulatorRequest) -> Void) -> EmulatorResponse {
        var request = EmulatorRequest.signed(
            action: "DescribeImages", region: "ap-nanjing", body: #"{"Limit": 1}"#,
            secretId: Keys.demo.secretId, secretKey: Keys.demo.secretKey, timestamp: Int(h.clock.now))
        change(&request)
        return h.service.handle(request)
    }

    @Test func signedLikeTheSDKSucceeds() {
        let response = h.call("DescribeImages", #"{"Limit": 1}"#)
        #expect(response.code == nil)
        #expect(response.imageIds.count == 1)
        #expect(response.call.accountId == EmulatorState.demoAccountId)
    }

    @Test func acceptsSDKTestVector() throws {
        // Vector 1 of the reference, produced by the official Python SDK.
        let state = EmulatorState(
            accounts: [
                EmulatorState.Account(
                    accountId: "100000000009", name: "vector",
                    credentials: [
                        EmulatorState.Credential(
                            secretId: "AKIDEXAMPLE1111111111111111111111111",
                            secretKey: "ExampleSecretKey1111111111111111")
                    ])
            ],
            regions: [EmulatorState.Region(region: "ap-guangzhou", regionName: "广州")])
        let clock = EmulatorClock { 1_700_000_100 }
        let service = try EmulatorService(options: EmulatorOptions(state: state, rateLimit: .off, clock: clock))
        let request = EmulatorRequest(
            headers: [
                "Host": "cvm.tencentcloudapi.com", "Content-Type": "application/json", "X-TC-Action": "DescribeImages",
                "X-TC-Version": "2017-03-12", "X-TC-Region": "ap-guangzhou", "X-TC-Timestamp": "1700000000",
                "X-TC-Language": "zh-CN",
                "Authorization":
                    "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE1111111111111111111111111/2023-11-14/cvm/tc3_request, SignedHeaders=content-type;host, Signature=5558f4ff0dfaa24ffc8a820e2275cb5d96bc1d79c6e2e1f5633c8608b05a9545",
            ],
            body: Array(
                #"{"Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}], "Offset": 0, "Limit": 100}"#.utf8))
        let response = service.handle(request)
        #expect(response.code == nil)
        #expect(response.totalCount == 0)
    }

    @Test func tamperedBodyIsRejected() {
        let response = tampered { $0.body = Array(#"{"Limit": 2}"#.utf8) }
        #expect(response.code == "AuthFailure.SignatureFailure")
    }

    @Test func tamperedHostIsRejected() {
        let response = tampered { $0.headers["host"] = "cvm.ap-nanjing.tencentcloudapi.com" }
        #expect(response.code == "AuthFailure.SignatureFailure")
    }

    @Test func wrongKeyIsRejected() {
        let response = h.call(
            "DescribeImages", keys: Keys(secretId: Keys.demo.secretId, secretKey: "wrong-key-wrong-key-wrong-key-00"))
        #expect(response.code == "AuthFailure.SignatureFailure")
    }

    @Test func unknownSecretIdIsRejected() {
        #expect(
            h.call("DescribeImages", keys: Keys(secretId: "AKIDnobody", secretKey: "x")).code
                == "AuthFailure.SecretIdNotFound")
        #expect(
            h.call("DescribeImages", keys: Keys(secretId: "notakey", secretKey: "x")).code
                == "AuthFailure.InvalidSecretId")
    }

    @Test func staleAndFutureTimestampsAreRejected() {
        #expect(h.call("DescribeImages", skew: -301).code == "AuthFailure.SignatureExpire")
        #expect(h.call("DescribeImages", skew: 301).code == "AuthFailure.SignatureExpire")
        #expect(h.call("DescribeImages", skew: -300).code == nil)
        #expect(h.call("DescribeImages", skew: 299).code == nil)
    }

    @Test func malformedOrMissingAuthorization() {
        #expect(tampered { $0.headers["authorization"] = "Bearer abc" }.code == "AuthFailure.InvalidAuthorization")
        #expect(tampered { $0.headers["authorization"] = nil }.code == "AuthFailure.InvalidAuthorization")
    }

    @Test func scopeDateMustMatchTimestamp() {
        let response = tampered { request in
            let header = request.headers["authorization"]!
            let date = UTCDate.day(of: Int(h.clock.now))
            request.headers["authorization"] = header.replacingOccurrences(of: date, with: "2000-01-01")
        }
        #expect(response.code == "AuthFailure.SignatureFailure")
    }

    @Test func temporaryCredentialNeedsItsToken() {
        #expect(h.call("DescribeImages", keys: .temporary).code == nil)
        var noToken = Keys.temporary
        noToken.token = nil
        #expect(h.call("DescribeImages", keys: noToken).code == "AuthFailure.TokenFailure")
        var wrongToken = Keys.temporary
        wrongToken.token = "forged"
        #expect(h.call("DescribeImages", keys: wrongToken).code == "AuthFailure.TokenFailure")
    }

    @Test func expiredTemporaryCredentialIsRejected() throws {
        var state = EmulatorState.demo()
        let index = state.accounts.firstIndex { $0.accountId == EmulatorState.demoAccountId }!
        state.accounts[index].credentials[1].expiredTime = 1_750_000_100
        let h = try Harness(state: state)
        #expect(h.call("DescribeImages", keys: .temporary).code == nil)
        h.clock.advance(101)
        #expect(h.call("DescribeImages", keys: .temporary).code == "AuthFailure.TokenFailure")
    }

    @Test func extraSignedHeadersAreVerified() {
        // The current Chinese doc example also signs x-tc-action.
        let body = Array("{}".utf8)
        let now = Int(h.clock.now)
        let signature = TC3Signer.sign(
            TC3SigningInput(
                host: "127.0.0.1:1", body: body, service: "cvm", timestamp: now,
                extraSignedHeaders: ["x-tc-action": "DescribeImageQuota"]),
            secretId: Keys.demo.secretId, secretKey: Keys.demo.secretKey)
        var headers = [
            "Host": "127.0.0.1:1", "Content-Type": "application/json", "X-TC-Action": "DescribeImageQuota",
            "X-TC-Version": "2017-03-12", "X-TC-Region": "ap-nanjing", "X-TC-Timestamp": String(now),
            "Authorization": signature.authorization,
        ]
        #expect(h.service.handle(EmulatorRequest(headers: headers, body: body)).code == nil)
        headers["X-TC-Action"] = "DescribeRegions"
        #expect(h.service.handle(EmulatorRequest(headers: headers, body: body)).code == "AuthFailure.SignatureFailure")
    }

    @Test func unsignedPayloadIsAccepted() {
        let now = Int(h.clock.now)
        let signature = TC3Signer.sign(
            TC3SigningInput(host: "h", body: Array("UNSIGNED-PAYLOAD".utf8), service: "cvm", timestamp: now),
            secretId: Keys.demo.secretId, secretKey: Keys.demo.secretKey)
        let request = EmulatorRequest(
            headers: [
                "Host": "h", "Content-Type": "application/json", "X-TC-Action": "DescribeImageQuota",
                "X-TC-Version": "2017-03-12", "X-TC-Region": "ap-nanjing", "X-TC-Timestamp": String(now),
                "X-TC-Content-SHA256": "UNSIGNED-PAYLOAD", "Authorization": signature.authorization,
            ], body: Array("{}".utf8))
        #expect(h.service.handle(request).code == nil)
    }

    @Test func errorEnvelopeHasCodeMessageAndRequestId() {
        let response = h.call("DescribeImages", skew: 1000)
        #expect(response.status == 200)
        #expect(response.contentType == "application/json")
        let payload = response.payload
        #expect(payload?["Error"]?["Message"]?.stringValue?.isEmpty == false)
        let requestId = payload?["RequestId"]?.stringValue ?? ""
        #expect(UUID(uuidString: requestId) != nil)
        #expect(requestId == response.call.requestId)
    }

    @Test func secretsNeverReachTheCallLog() throws {
        try withTemporaryFolder("emu-log") { folder in
            let path = folder + "/calls.jsonl"
            let h = try Harness(logPath: path)
            h.call("DescribeImages", #"{"Limit": 3}"#, keys: .temporary)
            h.call("GetCallerIdentity", keys: .demo)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.count == 2)
            for secret in [
                Keys.demo.secretKey, Keys.temporary.secretKey, EmulatorState.demoTemporaryToken, "Signature=",
            ] {
                #expect(!text.contains(secret))
            }
            let first = JSONValue.parse(Array(lines[0].utf8))
            #expect(first?["action"] == "DescribeImages")
            #expect(first?["parameters"]?["Limit"] == .int(3))
            #expect(first?["errorCode"] == .null)
            #expect(first?["accountId"] == .string(EmulatorState.demoAccountId))
        }
    }
}

import CVMEmulator
import Foundation
import TencentCloud
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Builds a request signed with TC3Signer the way the official SDK signs it.
func signedURLRequest(
    endpoint: String, action: String, body: String = "{}", region: String? = "ap-nanjing", keys: Keys = .demo,
    timestamp: Int = Int(Date().timeIntervalSince1970)
) -> URLRequest {
    let url = URL(string: endpoint + "/")!
    let host = "\(url.host!):\(url.port!)"
    let isSTS = action == "GetCallerIdentity"
    let bytes = Array(body.utf8)
    let signature = TC3Signer.sign(
        TC3SigningInput(host: host, body: bytes, service: isSTS ? "sts" : "cvm", timestamp: timestamp),
        secretId: keys.secretId, secretKey: keys.secretKey)
    var request = URLRequest(url: url, timeoutInterval: 10)
    request.httpMethod = "POST"
    request.httpBody = Data(bytes)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue(action, forHTTPHeaderField: "X-TC-Action")
    request.setValue(isSTS ? "2018-08-13" : "2017-03-12", forHTTPHeaderField: "X-TC-Version")
    request.setValue(String(timestamp), forHTTPHeaderField: "X-TC-Timestamp")
    if let region { request.setValue(region, forHTTPHeaderField: "X-TC-Region") }
    if let token = keys.token { request.setValue(token, forHTTPHeaderField: "X-TC-Token") }
    request.setValue(signature.authorization, forHTTPHeaderField: "Authorization")
    return request
}

/// Sends a request and returns the parsed `Response` object and the HTTP response.
func send(_ request: URLRequest, session: URLSession) async throws -> (JSONValue?, HTTPURLResponse) {
    let (data, response) = try await session.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return (JSONValue.parse(Array(data))?["Response"], http)
}

@Suite(.serialized) struct HTTPTests {
    @Test func servesTheRealEnvelopeWithKeepAlive() async throws {
        try await withEmulator(EmulatorOptions(rateLimit: .off)) { emulator in
            let session = URLSession(configuration: .ephemeral)
            do {
                #expect(emulator.endpoint == "http://127.0.0.1:\(emulator.port)")
                let (identity, http) = try await send(
                    signedURLRequest(endpoint: emulator.endpoint, action: "GetCallerIdentity"), session: session)
                #expect(http.statusCode == 200)
                #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")
                #expect(identity?["AccountId"]?.stringValue == EmulatorState.demoAccountId)

                var seen: [String] = []
                for offset in stride(from: 0, to: 150, by: 100) {
                    let body =
                        #"{"Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}], "Offset": \#(offset), "Limit": 100}"#
                    let (page, _) = try await send(
                        signedURLRequest(endpoint: emulator.endpoint, action: "DescribeImages", body: body),
                        session: session)
                    #expect(page?["TotalCount"] == .int(150))
                    seen += page?["ImageSet"]?.arrayValue?.compactMap { $0["ImageId"]?.stringValue } ?? []
                }
                #expect(Set(seen).count == 150)

                let (error, errorHTTP) = try await send(
                    signedURLRequest(endpoint: emulator.endpoint, action: "DescribeImages", timestamp: 1_000_000_000),
                    session: session)
                #expect(errorHTTP.statusCode == 200)
                #expect(error?["Error"]?["Code"] == "AuthFailure.SignatureExpire")
                #expect(error?["RequestId"]?.stringValue != nil)

                #expect(await emulator.connectionsAccepted() == 1)
                #expect(await emulator.calls().count == 4)
            } catch {
                Issue.record(error)
            }
            session.invalidateAndCancel()
            // Stopping twice is harmless: the scope stops it again.
            await emulator.stop()
        }
    }

    @Test func shareOverHTTPChangesTheState() async throws {
        try await withEmulator(EmulatorOptions(state: SmallState.make(), rateLimit: .off)) { emulator in
            let session = URLSession(configuration: .ephemeral)
            let partner = EmulatorState.partnerAccountIds[2]
            let body = #"{"ImageId": "img-00000001", "AccountIds": ["\#(partner)"], "Permission": "SHARE"}"#
            let (answer, _) = try await send(
                signedURLRequest(endpoint: emulator.endpoint, action: "ModifyImageSharePermission", body: body),
                session: session)
            #expect(answer?["Error"] == nil)
            #expect(await emulator.shares(of: SmallState.normal, region: SmallState.region) == [partner])
            let state = await emulator.state()
            #expect(state.image(SmallState.normal, region: SmallState.region)?.shares.map(\.accountId) == [partner])
            session.invalidateAndCancel()
        }
    }

    @Test func dropClosesWithoutAnswerAndChangesNothing() async throws {
        try await withEmulator(
            EmulatorOptions(state: SmallState.make(), rateLimit: .off, failRate: 1, failKinds: [.drop])
        ) { emulator in
            let session = URLSession(configuration: .ephemeral)
            let body =
                #"{"ImageId": "img-00000001", "AccountIds": ["\#(EmulatorState.partnerAccountIds[2])"], "Permission": "SHARE"}"#
            await #expect(throws: (any Error).self) {
                _ = try await session.data(
                    for: signedURLRequest(endpoint: emulator.endpoint, action: "ModifyImageSharePermission", body: body)
                )
            }
            #expect(await emulator.shares(of: SmallState.normal, region: SmallState.region).isEmpty)
            #expect(await emulator.calls().first?.fault == .drop)
            session.invalidateAndCancel()
        }
    }

    @Test func dropAfterAppliesThenCloses() async throws {
        try await withEmulator(
            EmulatorOptions(
                state: SmallState.make(), rateLimit: .off, latency: .milliseconds(30), failRate: 1,
                failKinds: [.dropAfter])
        ) { emulator in
            let session = URLSession(configuration: .ephemeral)
            let partner = EmulatorState.partnerAccountIds[2]
            let body = #"{"ImageId": "img-00000001", "AccountIds": ["\#(partner)"], "Permission": "SHARE"}"#
            let started = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                _ = try await session.data(
                    for: signedURLRequest(endpoint: emulator.endpoint, action: "ModifyImageSharePermission", body: body)
                )
            }
            #expect(ContinuousClock.now - started >= .milliseconds(30))
            #expect(await emulator.shares(of: SmallState.normal, region: SmallState.region) == [partner])
            session.invalidateAndCancel()
        }
    }

    @Test func stopReleasesThePort() async throws {
        // Tests run in parallel, so another test's server may be given the port in the moment
        // between the two; a port that stop does not release fails every try.
        var failure: (any Error)?
        for _ in 1...3 {
            let port = try await withEmulator(EmulatorOptions()) { emulator in emulator.port }
            do {
                try await withEmulator(EmulatorOptions(port: port)) { again in
                    #expect(again.port == port)
                }
                return
            } catch {
                failure = error
            }
        }
        Issue.record("the port was not free after stop, in three tries: \(failure.map { "\($0)" } ?? "")")
    }
}

import Foundation
import TencentCloud
import Testing

@Suite struct CredentialInstanceRoleTests {
    @Test func fetchesTheRoleThenItsCredential() async throws {
        try await LoopbackHTTPServer.with(MetadataServer.handler(role: "cvmsh-role")) { server in
            let provider = InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout)
            let resolved = try #require(try await provider.resolve())
            #expect(resolved.source == .instanceRole(name: "cvmsh-role"))
            #expect(
                resolved.credential
                    == Credential(
                        secretId: MetadataServer.tmpSecretId + "1", secretKey: FakeKeys.key, token: FakeKeys.token,
                        expiration: Date(timeIntervalSince1970: 4_000_000_000)))
            #expect(server.requests.map(\.method) == ["GET", "GET"])
            #expect(server.requests.map(\.path) == [MetadataServer.path, MetadataServer.path + "cvmsh-role"])
            expectNoSecrets(resolved.description)
        }
    }

    @Test func theEndpointIsGivenByTheCaller() async throws {
        try await LoopbackHTTPServer.with(MetadataServer.handler(role: "r")) { server in
            let endpoint = server.baseURL + MetadataServer.path.dropLast()
            let provider = InstanceRoleProvider(endpoint: endpoint, timeout: MetadataServer.answeringTimeout)
            #expect(provider.endpoint == MetadataServer.endpoint(server))
            let resolved = try await provider.resolve()
            #expect(resolved?.source == .instanceRole(name: "r"))
        }
        #expect(
            InstanceRoleProvider().endpoint
                == "http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/")
    }

    @Test func cachesUntilFiveMinutesBeforeExpiryThenRefreshes() async throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let clock = ManualClock(start)
        let handler = MetadataServer.handler(role: "r") { Int(clock.now.timeIntervalSince1970) + 3600 }
        try await LoopbackHTTPServer.with(handler) { server in
            let provider = InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout, now: { clock.now })
            let first = try #require(try await provider.resolve())
            #expect(first.credential.expiration == start + 3600)
            clock.advance(by: 3000) // 600 s left: still cached
            #expect(try await provider.resolve() == first)
            #expect(server.requests.count == 2)
            clock.advance(by: 301) // 299 s left: refreshed
            let second = try #require(try await provider.resolve())
            #expect(second.credential.secretId == MetadataServer.tmpSecretId + "2")
            #expect(second.credential.expiration == start + 3301 + 3600)
            #expect(server.requests.count == 4)
            #expect(try await provider.resolve() == second)
            #expect(server.requests.count == 4)
        }
    }

    @Test func notFoundMeansNoRole() async throws {
        try await LoopbackHTTPServer.with({ _ in .text("<html>404</html>", status: 404) }) { server in
            let resolved = try await InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout
            ).resolve()
            #expect(resolved == nil)
        }
    }

    @Test func usesExpirationWhenExpiredTimeIsAbsent() async throws {
        let handler: LoopbackHTTPServer.Handler = { request in
            request.path == MetadataServer.path
                ? .text("r")
                : .json(
                    #"{"TmpSecretId": "AKIDx", "TmpSecretKey": "k", "Token": "t", "Expiration": "2030-01-02T03:04:05Z", "Code": "Success"}"#
                )
        }
        try await LoopbackHTTPServer.with(handler) { server in
            let resolved = try await InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout
            ).resolve()
            #expect(resolved?.credential.expiration == Date(timeIntervalSince1970: 1_893_553_445))
        }
    }

    @Test(arguments: [
        (
            LoopbackHTTPServer.Reply.json(#"{"Code": "Failure", "TmpSecretKey": "\#(FakeKeys.key)"}"#),
            "answered Code Failure instead of Success"
        ),
        (.json(#"{"TmpSecretKey": "\#(FakeKeys.key)""#), "not role credential JSON"),
        (.json(#"{"Code": "Success", "TmpSecretKey": "\#(FakeKeys.key)", "ExpiredTime": 1}"#), "is missing"),
        (
            .json(#"{"Code": "Success", "TmpSecretId": "AKIDx", "TmpSecretKey": "\#(FakeKeys.key)", "Token": "t"}"#),
            "ExpiredTime and Expiration are missing"
        ),
        (
            .json(#"{"Code": "Success", "TmpSecretId": "AKIDx", "TmpSecretKey": "", "Token": "t", "ExpiredTime": 1}"#),
            "TmpSecretKey is empty"
        ),
        (.text("oops", status: 500), "answered HTTP 500"),
        (.close, "could not be reached"),
    ])
    func brokenAnswersAreErrorsWithoutSecrets(reply: LoopbackHTTPServer.Reply, problem: String) async throws {
        let handler: LoopbackHTTPServer.Handler = { request in
            request.path == MetadataServer.path ? .text("r") : reply
        }
        try await LoopbackHTTPServer.with(handler) { server in
            let provider = InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout)
            let message = await credentialErrorMessage { _ = try await provider.resolve() }
            #expect(message.contains(MetadataServer.endpoint(server) + "r"))
            #expect(message.contains(problem))
            expectNoSecrets(message)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aServerThatNeverAnswersTimesOutWithinTheBound() async throws {
        try await LoopbackHTTPServer.with({ _ in .noAnswer }) { server in
            let provider = InstanceRoleProvider(endpoint: MetadataServer.endpoint(server))
            let clock = ContinuousClock()
            let started = clock.now
            let message = await credentialErrorMessage { _ = try await provider.resolve() }
            let elapsed = clock.now - started
            #expect(message.contains("did not answer within 1.0 seconds") || message.contains("timed out"))
            // Bounded, not timed: the point is that it gives up instead of hanging (a loaded CI
            // machine may take a few seconds longer than the 1 s budget to notice).
            #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(10), "took \(elapsed)")
        }
    }

    @Test func aLateAnswerWithinTheTimeoutStillCounts() async throws {
        let handler: LoopbackHTTPServer.Handler = { request in
            .delayed(.milliseconds(200), request.path == MetadataServer.path ? .text("late") : .text("", status: 404))
        }
        try await LoopbackHTTPServer.with(handler) { server in
            let resolved = try await InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout
            ).resolve()
            #expect(resolved == nil)
            #expect(server.requests.count == 2)
        }
    }
}

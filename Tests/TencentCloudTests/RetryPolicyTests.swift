import Testing

@testable import TencentCloud

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, maxThrottledAttempts: 10, base: .milliseconds(100), cap: .seconds(2))

    func api(_ code: String) -> TencentCloudError {
        .api(APIError(action: "DescribeImages", code: ErrorCode(code), message: "", requestId: "r"))
    }

    func transport(_ kind: TransportError.Kind, ambiguous: Bool) -> TencentCloudError {
        .transport(TransportError(action: "DescribeImages", kind: kind, detail: "", ambiguous: ambiguous))
    }

    @Test(arguments: [
        "RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded",
        "RequestLimitExceeded.GlobalRegionUinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded",
    ])
    func throttlingIsRetriedEvenForChanges(_ code: String) {
        #expect(policy.decide(api(code), attempt: 1, idempotent: false, random: 1) == .retry(after: .milliseconds(100)))
        #expect(policy.decide(api(code), attempt: 9, idempotent: false, random: 0.5) == .retry(after: .seconds(1)))
        #expect(policy.decide(api(code), attempt: 10, idempotent: false, random: 0.5) == .stop)
    }

    @Test(arguments: ["InternalError", "InternalError.TradeUnknownError", "InternalServerError", "ServiceUnavailable"])
    func serverErrorsAreRetried(_ code: String) {
        #expect(
            policy.decide(api(code), attempt: 1, idempotent: false, random: 0.5) == .retry(after: .milliseconds(50)))
        #expect(policy.decide(api(code), attempt: 4, idempotent: true, random: 0.5) == .stop)
    }

    @Test(arguments: [
        "AuthFailure.SignatureFailure", "AuthFailure.SecretIdNotFound", "InvalidParameterValue.LimitExceeded",
        "FailedOperation.AccountAlreadyExists", "OverQuota", "UnauthorizedOperation.ImageNotBelongToAccount",
        "InvalidImageId.NotFound",
    ])
    func clientErrorsAreFinal(_ code: String) {
        #expect(policy.decide(api(code), attempt: 1, idempotent: true, random: 0.5) == .stop)
    }

    @Test func expiredSignatureGetsOneFreshAttempt() {
        #expect(
            policy.decide(api("AuthFailure.SignatureExpire"), attempt: 1, idempotent: false, random: 0)
                == .retry(after: .zero))
        #expect(policy.decide(api("AuthFailure.SignatureExpire"), attempt: 2, idempotent: false, random: 0) == .stop)
    }

    @Test func connectFailuresAreRetriedBecauseNothingWasSent() {
        #expect(
            policy.decide(transport(.connect, ambiguous: false), attempt: 1, idempotent: false, random: 1)
                == .retry(after: .milliseconds(100)))
    }

    @Test func ambiguousFailuresAreRetriedOnlyWhenIdempotent() {
        for kind in [TransportError.Kind.timeout, .connectionLost, .other] {
            #expect(policy.decide(transport(kind, ambiguous: true), attempt: 1, idempotent: true, random: 1) != .stop)
            #expect(policy.decide(transport(kind, ambiguous: true), attempt: 1, idempotent: false, random: 1) == .stop)
        }
    }

    @Test func status5xxIsRetriedOnlyWhenIdempotentAnd4xxNever() {
        #expect(
            policy.decide(
                transport(.status(502, excerpt: ""), ambiguous: true), attempt: 1, idempotent: true, random: 1) != .stop
        )
        #expect(
            policy.decide(
                transport(.status(502, excerpt: ""), ambiguous: true), attempt: 1, idempotent: false, random: 1)
                == .stop)
        #expect(
            policy.decide(
                transport(.status(404, excerpt: ""), ambiguous: false), attempt: 1, idempotent: true, random: 1)
                == .stop)
    }

    @Test func tlsAndCredentialFailuresAreFinal() {
        #expect(policy.decide(transport(.tls, ambiguous: false), attempt: 1, idempotent: true, random: 1) == .stop)
        #expect(policy.decide(.credential(.missing), attempt: 1, idempotent: true, random: 1) == .stop)
    }

    @Test func backoffDoublesUpToTheCapWithFullJitter() {
        let delays = (1...8).map { attempt -> Duration in
            guard
                case .retry(let delay) = policy.decide(
                    api("RequestLimitExceeded"), attempt: attempt, idempotent: true, random: 0.999_999)
            else { return .zero }
            return delay
        }
        #expect(delays.map { Int(($0.seconds * 10).rounded()) } == [1, 2, 4, 8, 16, 20, 20, 20])
        #expect(
            policy.decide(api("RequestLimitExceeded"), attempt: 3, idempotent: true, random: 0) == .retry(after: .zero))
    }

    @Test func noneNeverRetries() {
        #expect(
            RetryPolicy.none.decide(api("RequestLimitExceeded"), attempt: 1, idempotent: true, random: 0.5) == .stop)
    }
}

import TencentCloud
import Testing

@Suite struct ErrorCodeTests {
    @Test func familiesAreThePartBeforeTheFirstDot() {
        #expect(ErrorCode("RequestLimitExceeded.UinLimitExceeded").family == .requestLimitExceeded)
        #expect(ErrorCode("RequestLimitExceeded").isIn(.requestLimitExceeded))
        #expect(ErrorCode.signatureExpire.isIn(.authFailure))
        #expect(!ErrorCode("AuthFailures").isIn(.authFailure))
        #expect(!ErrorCode.invalidToken.isIn(.authFailure))
        #expect(ErrorCode("FailedOperation.AccountAlreadyExists") == .accountAlreadyExists)
    }

    @Test func decodedErrorsCarryTypedCodes() async throws {
        let transport = ScriptedTransport([.success(apiError("AuthFailure.SecretIdNotFound"))])
        do {
            _ = try await makeClient(transport)
                .call(testAction, region: "r", parameters: Params(ImageId: "i"), as: Echo.self)
            Issue.record("no error")
        } catch {
            #expect(error.code == .secretIdNotFound)
            #expect(error.code?.isIn(.authFailure) == true)
        }
    }

    @Test func readsWorthRetrying() {
        func api(_ code: ErrorCode) -> TencentCloudError {
            .api(APIError(action: "DescribeImageSharePermission", code: code, message: "", requestId: nil))
        }
        #expect(RetryPolicy.isWorthRetrying(read: api("InternalError.TradeUnknownError")))
        #expect(RetryPolicy.isWorthRetrying(read: api("RequestLimitExceeded.IPLimitExceeded")))
        #expect(
            RetryPolicy.isWorthRetrying(
                read: .transport(
                    TransportError(
                        action: "x", kind: .timeout, detail: "", ambiguous: true))))
        #expect(!RetryPolicy.isWorthRetrying(read: api(.imageNotFound)))
        #expect(!RetryPolicy.isWorthRetrying(read: .credential(.missing)))
    }
}

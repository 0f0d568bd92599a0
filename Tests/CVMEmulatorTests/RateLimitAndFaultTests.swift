import CVMEmulator
import Testing

@Suite struct RateLimitAndFaultTests {
    @Test func documentedLimitsPerAccountAndAction() throws {
        let h = try Harness(state: SmallState.make(), rateLimit: .documented)
        for _ in 0..<10 {
            #expect(h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000001"}"#).code == nil)
        }
        #expect(h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000001"}"#).code == "RequestLimitExceeded")
        // Other actions and other accounts have their own budgets.
        #expect(h.call("DescribeImages").code == nil)
        #expect(h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000005"}"#, keys: .partner).code == nil)
        // The window slides: a second later there is room again.
        h.clock.advance(1.01)
        #expect(h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000001"}"#).code == nil)
    }

    @Test func describeImagesAllowsForty() throws {
        let h = try Harness(state: SmallState.make(), rateLimit: .documented)
        for _ in 0..<40 {
            h.clock.advance(0.01)
            #expect(h.call("DescribeImages").code == nil)
        }
        #expect(h.call("DescribeImages").code == "RequestLimitExceeded")
        h.clock.advance(0.62) // now +1.02: the calls at +0.01 and +0.02 leave the window
        #expect(h.call("DescribeImages").code == nil)
    }

    @Test func eachSecretIdHasItsOwnBudget() throws {
        // Counted per sub-account (SecretId), not per root account.
        let h = try Harness(state: SmallState.make(), rateLimit: .perSecond(1))
        #expect(h.call("DescribeImageQuota").code == nil)
        #expect(h.call("DescribeImageQuota", keys: .collaborator).code == nil)
        #expect(h.call("DescribeImageQuota").code == "RequestLimitExceeded")
    }

    @Test func regionsThroughOneHostShareABudgetAndHostsHaveTheirOwn() throws {
        let h = try Harness(state: SmallState.make(), rateLimit: .documented)
        for index in 0..<10 {
            let region = index.isMultiple(of: 2) ? SmallState.region : "ap-guangzhou"
            #expect(h.call("DescribeImageQuota", region: region).code == nil)
        }
        #expect(h.call("DescribeImageQuota", region: "ap-guangzhou").code == "RequestLimitExceeded")
        #expect(h.call("DescribeImageQuota", region: SmallState.region).code == "RequestLimitExceeded")
        #expect(h.call("DescribeImageQuota", host: "cvm.ap-guangzhou.tencentcloudapi.com").code == nil)
    }

    @Test func offMeansNoLimit() throws {
        let h = try Harness(state: SmallState.make(), rateLimit: .off)
        for _ in 0..<60 {
            #expect(h.call("DescribeImageQuota").code == nil)
        }
    }

    @Test func rateLimitArgument() {
        #expect(RateLimit(argument: "doc") == .documented)
        #expect(RateLimit(argument: "off") == .off)
        #expect(RateLimit(argument: "5") == .perSecond(5))
        #expect(RateLimit(argument: "0") == nil)
        #expect(RateLimit(argument: "fast") == nil)
    }

    /// The fault sequence of 200 quota calls.
    private func faults(seed: UInt64, rate: Double, kinds: Set<FaultKind>) throws -> [FaultKind?] {
        let h = try Harness(state: SmallState.make(), failRate: rate, failKinds: kinds, seed: seed)
        return (0..<200).map { _ in h.call("DescribeImageQuota").call.fault }
    }

    @Test func faultsAreDeterministic() throws {
        let a = try faults(seed: 42, rate: 0.3, kinds: [.internalError, .drop, .dropAfter])
        let b = try faults(seed: 42, rate: 0.3, kinds: [.internalError, .drop, .dropAfter])
        let c = try faults(seed: 43, rate: 0.3, kinds: [.internalError, .drop, .dropAfter])
        #expect(a == b)
        #expect(a != c)
        let count = a.compactMap { $0 }.count
        #expect((30...90).contains(count))
        for kind in FaultKind.allCases {
            #expect(a.contains(kind))
        }
        #expect(try faults(seed: 42, rate: 0, kinds: [.drop]).allSatisfy { $0 == nil })
        #expect(try faults(seed: 42, rate: 1, kinds: [.drop]).allSatisfy { $0 == .drop })
    }

    private func shareOnce(_ h: Harness) -> EmulatorResponse {
        h.call(
            "ModifyImageSharePermission",
            #"{"ImageId": "img-00000001", "AccountIds": ["\#(EmulatorState.partnerAccountIds[1])"], "Permission": "SHARE"}"#
        )
    }

    @Test func internalErrorChangesNothing() throws {
        let h = try Harness(state: SmallState.make(), failRate: 1, failKinds: [.internalError])
        let response = shareOnce(h)
        #expect(response.code == "InternalError")
        #expect(response.disposition == .respond)
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region).isEmpty)
    }

    @Test func dropChangesNothing() throws {
        let h = try Harness(state: SmallState.make(), failRate: 1, failKinds: [.drop])
        let response = shareOnce(h)
        #expect(response.disposition == .closeWithoutAnswer)
        #expect(response.call.fault == .drop)
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region).isEmpty)
    }

    @Test func dropAfterAppliesTheChange() throws {
        let h = try Harness(state: SmallState.make(), failRate: 1, failKinds: [.dropAfter])
        let response = shareOnce(h)
        #expect(response.disposition == .closeWithoutAnswer)
        #expect(response.call.fault == .dropAfter)
        #expect(
            h.service.shares(of: SmallState.normal, region: SmallState.region) == [EmulatorState.partnerAccountIds[1]])
    }

    @Test func faultsNeverHitUnauthenticatedCalls() throws {
        let h = try Harness(state: SmallState.make(), failRate: 1, failKinds: [.drop])
        let response = h.call("DescribeImageQuota", keys: Keys(secretId: Keys.demo.secretId, secretKey: "wrong"))
        #expect(response.code == "AuthFailure.SignatureFailure")
        #expect(response.disposition == .respond)
    }

    @Test func latencyIsReportedToTheFront() throws {
        let h = try Harness(latency: .milliseconds(25))
        let response = h.call("DescribeImageQuota")
        #expect(response.delay == .milliseconds(25))
        #expect(response.call.ms >= 25)
    }
}

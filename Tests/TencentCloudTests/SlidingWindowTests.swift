import Testing

@testable import TencentCloud

/// The window runs on a virtual clock: every "time" below is a number passed in, nothing sleeps.
@Suite struct SlidingWindowTests {
    /// Start times of `count` calls all asked for at `now`.
    fileprivate func starts(_ window: inout SlidingWindow, count: Int, now: Double) -> [Double] {
        (0..<count).map { _ in window.reserve(now: now).start }
    }

    @Test func theFirstLimitCallsStartAtOnceThenOneWindowLater() {
        var window = SlidingWindow(limit: 3, window: 1.0)
        #expect(starts(&window, count: 7, now: 0) == [0, 0, 0, 1, 1, 1, 2])
    }

    @Test func noWindowEverHoldsMoreThanTheLimit() {
        var window = SlidingWindow(limit: 10, window: 1.02)
        var clock = 0.0
        var all: [Double] = []
        for step in 0..<500 {
            all.append(window.reserve(now: clock).start)
            clock += step.isMultiple(of: 7) ? 0.3 : 0.004
        }
        #expect(all == all.sorted())
        for (i, start) in all.enumerated() {
            // The service counts arrivals in (t - 1 s, t]: with a 1.02 s window no second holds 11.
            let inSecond = all[i...].prefix { $0 < start + 1.0 }.count
            #expect(inSecond <= 10)
        }
    }

    @Test func aLongRunTakesOneWindowPerLimitCalls() {
        var window = SlidingWindow(limit: 10, window: 1.0)
        let all = starts(&window, count: 244, now: 5)
        // 244 calls: 24 full windows after the first ten, the last four at 5 + 24 s.
        #expect(all.last == 29)
        #expect(all.filter { $0 == 29 }.count == 4)
    }

    @Test func callsAfterAPauseStartImmediately() {
        var window = SlidingWindow(limit: 2, window: 1.0)
        _ = starts(&window, count: 4, now: 0)
        #expect(window.reserve(now: 10).start == 10)
        #expect(window.reserve(now: 10).start == 10)
        #expect(window.reserve(now: 10).start == 11)
    }

    @Test func aCallNeverStartsBeforeAnEarlierReservation() {
        var window = SlidingWindow(limit: 2, window: 1.0)
        #expect(starts(&window, count: 3, now: 0) == [0, 0, 1])
        // Asked at 0.5, while the third call still waits for 1.0: it queues behind it.
        #expect(window.reserve(now: 0.5).start == 1)
    }

    @Test func spacingSpreadsABurstAndCostsNothingOnceTheWindowLeads() {
        var window = SlidingWindow(limit: 4, window: 1.0, spacing: 0.1)
        let all = starts(&window, count: 12, now: 0)
        #expect(all.map { ($0 * 10).rounded() / 10 } == [0, 0.1, 0.2, 0.3, 1, 1.1, 1.2, 1.3, 2, 2.1, 2.2, 2.3])
    }

    @Test func onlyTheSecondWindowWaitsForTheFirstCallsConnections() {
        var window = SlidingWindow(limit: 2, window: 1.0, setUpAllowance: 0.25)
        let all = starts(&window, count: 6, now: 0)
        // Calls 2 and 3 are anchored on the first window's calls: a window and the allowance
        // later; calls 4 and 5 a window after those.
        #expect(all == [0, 0, 1.25, 1.25, 2.25, 2.25])
    }

    @Test func aLateDepartureMovesTheCallOneLimitLater() {
        var window = SlidingWindow(limit: 2, window: 1.0)
        let first = window.reserve(now: 0)
        _ = window.reserve(now: 0)
        // The first call left 0.3 s late: the third waits for a full window after that.
        window.departed(first.number, at: 0.3)
        #expect(window.reserve(now: 0).start == 1.3)
        // Once the call `limit` places later is reserved, a report about the first changes nothing.
        window.departed(first.number, at: 5)
        #expect(window.reserve(now: 0).start == 1.3)
        // Nor does a report of an earlier departure than reserved, or of an unknown number.
        let early = window.reserve(now: 0)
        window.departed(early.number, at: 0)
        window.departed(99, at: 50)
        #expect(window.reserve(now: 0).start == max(early.start, 2.3))
    }

    @Test func refusalsCloseTogetherWidenTheWindowOnce() {
        var window = SlidingWindow(limit: 2, window: 1.0)
        #expect(starts(&window, count: 2, now: 0) == [0, 0])
        window.widen(to: 1.5, now: 0)
        window.widen(to: 2.0, now: 0.4) // the same burst: ignored
        #expect(window.window == 1.5)
        #expect(starts(&window, count: 3, now: 0) == [1.5, 1.5, 3.0])
        window.widen(to: 1.2, now: 2) // never narrower
        #expect(window.window == 1.5)
        window.widen(to: 1.8, now: 4)
        #expect(window.window == 1.8)
    }
}

@Suite struct RateLimiterTests {
    let share = Actions.modifyImageSharePermission
    let host = "cvm.tencentcloudapi.com"

    @Test func aRefusalWidensTheWindowOncePerBurst() async throws {
        let limiter = RateLimiter(policy: .documented, margin: .milliseconds(10))
        let ticket = try await limiter.acquire(share, secretId: "AKID1", host: host)
        #expect(ticket != nil)
        await limiter.departed(ticket)
        let start = try #require(await limiter.window(share, secretId: "AKID1", host: host))
        #expect(abs(start - 1.01) < 1e-9)
        for _ in 0..<5 {
            await limiter.throttled(share, secretId: "AKID1", host: host)
        }
        let widened = try #require(await limiter.window(share, secretId: "AKID1", host: host))
        #expect(abs(widened - 1.03) < 1e-9)
        // Other SecretIds, hosts and actions keep their own windows.
        #expect(await limiter.window(share, secretId: "AKID2", host: host) == nil)
        #expect(await limiter.window(Actions.describeImages, secretId: "AKID1", host: host) == nil)
        _ = try await limiter.acquire(share, secretId: "AKID1", host: "cvm.ap-guangzhou.tencentcloudapi.com")
        #expect(await limiter.window(share, secretId: "AKID1", host: "cvm.ap-guangzhou.tencentcloudapi.com") == 1.01)
    }

    @Test func offCountsNothing() async throws {
        let limiter = RateLimiter(policy: .off)
        for _ in 0..<100 {
            #expect(try await limiter.acquire(Actions.describeImages, secretId: "AKID1", host: host) == nil)
        }
        #expect(await limiter.window(Actions.describeImages, secretId: "AKID1", host: host) == nil)
    }

    @Test func eachDeclaredActionIsThrottledAtItsDocumentedLimit() {
        let limits = Dictionary(uniqueKeysWithValues: Actions.all.map { ($0.name, $0.rateLimit) })
        #expect(
            limits == [
                "DescribeImages": 40, "ModifyImageSharePermission": 10, "DescribeImageSharePermission": 10,
                "DescribeImageQuota": 10, "DescribeRegions": 20, "GetCallerIdentity": 20,
                "DescribeOrganizationMembers": 20, "SyncImages": 10, "DescribeImageFromFamily": 20,
                "ModifyImageAttribute": 10,
            ])
    }
}

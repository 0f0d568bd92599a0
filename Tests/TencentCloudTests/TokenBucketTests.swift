import Testing
@testable import TencentCloud

/// The bucket runs on a virtual clock: every "time" below is a number passed in, nothing sleeps.
@Suite struct TokenBucketTests {
    @Test func firstCallIsFreeThenCallsAreSpacedAtTheRate() {
        var bucket = TokenBucket(rate: 10, now: 0)
        let waits = (0..<5).map { _ in bucket.reserve(now: 0) }
        #expect(waits.map { ($0 * 1000).rounded() } == [0, 100, 200, 300, 400])
    }

    @Test func tokensRefillWithTimeUpToTheBurst() {
        var bucket = TokenBucket(rate: 10, burst: 3, now: 0)
        for _ in 0..<3 { #expect(bucket.reserve(now: 0) == 0) }
        #expect(abs(bucket.reserve(now: 0) - 0.1) < 1e-9)
        // 10 s later the bucket holds only `burst` tokens again, not 100.
        for _ in 0..<3 { #expect(bucket.reserve(now: 10) == 0) }
        #expect(bucket.reserve(now: 10) > 0)
    }

    @Test func sustainedRateNeverExceedsTheLimitInAnyWindow() {
        var bucket = TokenBucket(rate: 40, now: 0)
        var starts: [Double] = []
        var clock = 0.0
        for _ in 0..<400 {
            starts.append(clock + bucket.reserve(now: clock))
            clock += 0.001
        }
        for (i, start) in starts.enumerated() {
            let inWindow = starts[i...].prefix { $0 < start + 1.0 }.count
            #expect(inWindow <= 41)
        }
        #expect(abs(starts.last! - 399.0 / 40) < 0.01)
    }

    @Test func callsAfterAPauseStartImmediately() {
        var bucket = TokenBucket(rate: 10, now: 0)
        _ = bucket.reserve(now: 0)
        _ = bucket.reserve(now: 0)
        #expect(bucket.reserve(now: 5) == 0)
    }
}

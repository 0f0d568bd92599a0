import Synchronization
import TencentCloud
import Testing

/// ``forEachConcurrently(_:width:_:handle:)``: how many bodies run at once, and what a stop does.
@Suite struct BoundedConcurrencyTests {
    /// What the bodies of one run saw, shared between them.
    final class Probe: Sendable {
        private struct Counts {
            var running = 0
            var mostRunning = 0
            var started: Set<Int> = []
            var gaveUp = 0
        }

        private let counts = Mutex(Counts())
        let width: Int
        let total: Int

        init(width: Int, total: Int) {
            self.width = width
            self.total = total
        }

        var mostRunning: Int { counts.withLock { $0.mostRunning } }
        var started: Set<Int> { counts.withLock { $0.started } }
        var gaveUp: Int { counts.withLock { $0.gaveUp } }

        /// Starts item `index`, then waits (yielding, a bounded number of times) until `width`
        /// bodies run at once or every item has started, so a loop that runs fewer at once fails
        /// the test instead of hanging it.
        func body(_ index: Int) async -> Int {
            counts.withLock {
                $0.running += 1
                $0.mostRunning = max($0.mostRunning, $0.running)
                $0.started.insert(index)
            }
            var filled = false
            for _ in 0..<10_000 {
                filled = counts.withLock { $0.running >= width || $0.started.count == total }
                if filled { break }
                await Task.yield()
            }
            counts.withLock {
                $0.running -= 1
                if !filled { $0.gaveUp += 1 }
            }
            return index
        }
    }

    @Test func runsWidthBodiesAtOnceAndNeverMore() async {
        let probe = Probe(width: 4, total: 20)
        var handled: [Int] = []
        let started = await forEachConcurrently(Array(0..<20), width: 4) {
            await probe.body($0)
        } handle: {
            handled.append($0)
            return true
        }
        #expect(started == 20)
        #expect(handled.sorted() == Array(0..<20))
        #expect(probe.mostRunning == 4)
        #expect(probe.gaveUp == 0)
    }

    @Test func aStopStartsNothingMoreButAwaitsTheBodiesRunning() async {
        let probe = Probe(width: 3, total: 10)
        var handled: [Int] = []
        let started = await forEachConcurrently(Array(0..<10), width: 3) {
            await probe.body($0)
        } handle: {
            handled.append($0)
            return false
        }
        #expect(started == 3)
        #expect(probe.started == [0, 1, 2])
        #expect(handled.sorted() == [0, 1, 2])
    }

    @Test func aWidthBelowOneRunsOneAtATime() async {
        let probe = Probe(width: 1, total: 5)
        var handled: [Int] = []
        let started = await forEachConcurrently(Array(0..<5), width: 0) {
            await probe.body($0)
        } handle: {
            handled.append($0)
            return true
        }
        #expect(started == 5)
        #expect(handled == Array(0..<5))
        #expect(probe.mostRunning == 1)
    }

    @Test func noItemsRunNothing() async {
        let started = await forEachConcurrently([Int](), width: 4) {
            $0
        } handle: { _ in
            Issue.record("handle called without items")
            return true
        }
        #expect(started == 0)
    }
}

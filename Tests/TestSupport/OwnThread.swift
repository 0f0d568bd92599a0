import Foundation

/// Runs `work` on a thread of its own and returns what it returns (or throws what it throws).
///
/// For test bodies that compute for seconds (a 10 MB line in a debug build): run in the test
/// function itself, they would hold one of the few cooperative threads, which every suite
/// running alongside needs for its in-process servers and its waits.
public func onThreadOfItsOwn<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (done: CheckedContinuation<T, any Error>) in
        let thread = Thread { done.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

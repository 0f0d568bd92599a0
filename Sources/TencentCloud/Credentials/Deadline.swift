import Synchronization

/// Thrown by ``withDeadline(_:_:)`` when the operation did not finish in time.
struct DeadlineExceeded: Error {}

/// Runs `operation`, but returns (throwing ``DeadlineExceeded``) once `timeout` has passed even if
/// the operation ignores cancellation; the operation is cancelled then and left to finish alone.
/// Cancelling the caller cancels the operation and throws `CancellationError` at once.
func withDeadline<T: Sendable>(
    _ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            race.track(
                Task {
                    do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
                })
            race.track(
                Task {
                    try? await Task.sleep(for: timeout)
                    race.finish(.failure(DeadlineExceeded()))
                })
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The shared state of one ``withDeadline(_:_:)`` call: the first result wins, resumes the
/// caller and cancels the other tasks.
private final class DeadlineRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var result: Result<T, any Error>?
        var tasks: [Task<Void, Never>] = []
    }

    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state in
            if state.result == nil { state.continuation = continuation }
            return state.result
        }
        if let early { continuation.resume(with: early) }
    }

    func track(_ task: Task<Void, Never>) {
        let done = state.withLock { state in
            if state.result == nil { state.tasks.append(task) }
            return state.result != nil
        }
        if done { task.cancel() }
    }

    func finish(_ outcome: Result<T, any Error>) {
        let (waiting, running) = state.withLock { state in
            guard state.result == nil else { return (CheckedContinuation<T, any Error>?.none, [Task<Void, Never>]()) }
            state.result = outcome
            defer {
                state.continuation = nil
                state.tasks = []
            }
            return (state.continuation, state.tasks)
        }
        for task in running { task.cancel() }
        waiting?.resume(with: outcome)
    }
}

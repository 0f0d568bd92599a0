import Testing

/// Runs each test of a suite with ``TerminalActor``'s executor as its task's executor preference:
/// the test body and Swift Testing's own code for its expectations then run on the terminal
/// thread too, never waiting for a turn on the cooperative threads, so the times a test measures
/// around the harness's waits are the waits' own.
struct OnTerminalThread: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(TerminalActor.executor) { try await function() }
    }
}

extension Trait where Self == OnTerminalThread {
    /// See ``OnTerminalThread``.
    static var onTerminalThread: Self { Self() }
}

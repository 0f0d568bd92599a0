import Foundation

extension Process {
    /// Waits until the process has exited, checking between short sleeps so that no thread is
    /// held while it runs (Foundation reaps it on a thread of its own).
    ///
    /// - Returns: whether it exited within `timeout`.
    public func exited(within timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isRunning {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// The exit status as shells report it: the status, or 128 + the signal number when a signal
    /// ended the process. Read it only once the process has exited.
    public var shellStatus: Int32 {
        terminationReason == .uncaughtSignal ? 128 + terminationStatus : terminationStatus
    }
}

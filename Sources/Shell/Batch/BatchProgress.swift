import Foundation
import Synchronization
import TencentCloud

/// Counts finished images for the redrawn status line (done/total, rate, failures, ETA). Off
/// a terminal the console ignores the line, so scripts see only the summary.
final class BatchProgress: Sendable {
    private struct State {
        var done = 0
        var failures = 0
        var lastDraw: ContinuousClock.Instant?
    }

    private let total: Int
    private let label: String
    private let console: any Console
    private let started = ContinuousClock.now
    private let state = Mutex(State())
    /// The least time between two redraws.
    static let interval = Duration.milliseconds(100)

    init(total: Int, label: String, console: any Console) {
        self.total = total
        self.label = label
        self.console = console
    }

    /// One image finished with `failures` failed pairs.
    func imageDone(failures: Int) {
        let now = ContinuousClock.now
        let line = state.withLock { state -> String? in
            state.done += 1
            state.failures += failures
            if let last = state.lastDraw, now - last < Self.interval, state.done < total { return nil }
            state.lastDraw = now
            return Self.line(
                label: label, done: state.done, total: total, failures: state.failures, elapsed: now - started)
        }
        if let line { console.progress(line) }
    }

    /// Clears the status line.
    func finish() { console.progress(nil) }

    /// `share 120/300 images  9.8/s  2 failed  ETA 18s`.
    static func line(label: String, done: Int, total: Int, failures: Int, elapsed: Duration) -> String {
        let seconds = max(elapsed.seconds, 0.001)
        let rate = Double(done) / seconds
        var text = "\(label) \(done)/\(total) images  \(String(format: "%.1f", rate))/s"
        if failures > 0 { text += "  \(failures) failed" }
        if rate > 0, done < total { text += "  ETA \(Int((Double(total - done) / rate).rounded(.up)))s" }
        return text
    }
}

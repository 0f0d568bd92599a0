import Foundation

/// The global actor of ``PseudoTerminal``: its jobs run on a thread of its own, so a terminal's
/// waits (their clock, their wake-ups, the search of the output) never queue behind the other
/// suites' work on the cooperative threads; a test isolated to it runs there whole.
@globalActor actor TerminalActor {
    static let shared = TerminalActor()
    /// Its executor; also the task executor a terminal's waits prefer (see ``TerminalWatcher``).
    static let executor = ThreadExecutor()

    nonisolated var unownedExecutor: UnownedSerialExecutor { Self.executor.asUnownedSerialExecutor() }
}

/// A serial executor, and a task executor: its jobs run in order on one thread of its own, for
/// the life of the process.
final class ThreadExecutor: SerialExecutor, TaskExecutor, @unchecked Sendable {
    /// Guards `jobs`; signalled when one is added.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init() {
        Thread.detachNewThread { [self] in run() }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll()
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedSerialExecutor()) }
        }
    }
}

import Foundation
import LineEditor
import Shell
import Synchronization

/// The line editor on a thread of its own (``DedicatedThread``): its blocking read of the
/// terminal never holds a thread of Swift's cooperative pool.
actor PromptReader {
    private let thread = DedicatedThread(name: "cvmsh-prompt")
    private let editor: LineEditor

    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    /// What TAB completes against: the session as it was when the prompt was shown.
    final class CompletionContext: Sendable {
        private let session = Mutex<Session?>(nil)
        let home: String
        let regions: RegionPrefetch

        init(home: String, regions: RegionPrefetch) {
            self.home = home
            self.regions = regions
        }

        func update(_ value: Session) { session.withLock { $0 = value } }

        func complete(_ line: String, _ cursor: Int) -> CompletionReply {
            guard let current = session.withLock({ $0 }) else {
                return CompletionReply(replaceStart: cursor, candidates: [])
            }
            let completion = Completer.complete(
                line: line, cursor: cursor, session: current,
                listDirectory: { [home] path in
                    let expanded = path.hasPrefix("~/") ? home + path.dropFirst(1) : path
                    let absolute =
                        expanded.hasPrefix("/")
                        ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
                    return Completer.directoryEntries(atPath: absolute)
                }, regions: regions)
            return CompletionReply(
                replaceStart: completion.replaceStart, candidates: completion.candidates,
                appendSpaceWhenUnique: completion.appendSpaceWhenUnique, displays: completion.displays)
        }
    }

    init(historyPath: String, completion: CompletionContext) throws {
        editor = try LineEditor(
            configuration: .init(
                historyPath: historyPath,
                shouldStoreInHistory: SensitiveLine.isSafeToStore,
                completer: { completion.complete($0, $1) }))
    }

    var historyLoadWarning: String? { editor.historyLoadWarning }

    func readLine(prompt: String) -> ReadResult { editor.readLine(prompt: prompt) }

    func addToHistory(_ line: String) { editor.addToHistory(line) }

    func saveHistory() -> String? { editor.saveHistory() }

    func close() { editor.close() }
}

import Foundation
import LineEditor
import Shell

/// The prompt: libedit editing, history and completion around the interpreter.
struct InteractiveLoop {
    let interpreter: Interpreter
    let historyPath: String

    func run() async -> ExitStatus {
        let session = interpreter
        let regions = RegionPrefetch(services: interpreter.services)
        let editor: LineEditor
        do {
            editor = try LineEditor(configuration: .init(
                historyPath: historyPath,
                shouldStoreInHistory: SensitiveLine.isSafeToStore,
                completer: { line, cursor in
                    let completion = Completer.complete(
                        line: line, cursor: cursor, session: session.session,
                        listDirectory: { Completer.directoryEntries(atPath: session.resolve($0)) }, regions: regions)
                    return CompletionReply(
                        replaceStart: completion.replaceStart, candidates: completion.candidates,
                        appendSpaceWhenUnique: completion.appendSpaceWhenUnique, displays: completion.displays)
                }))
        } catch {
            interpreter.console.diagnostic("error: cannot start the line editor: \(error)")
            return .failure
        }
        defer { editor.close() }
        if let warning = editor.historyLoadWarning { interpreter.warn(warning) }
        HistorySaver.install()

        var reader = ScriptReader(source: Interpreter.promptSource)
        while true {
            let prompt = reader.needsMoreInput ? "...> " : promptText()
            let input = editor.readLine(prompt: prompt)
            HistorySaver.finishIfSignalled(editor)
            switch input {
            case .endOfFile:
                if let warning = editor.saveHistory() { interpreter.warn(warning) }
                warnIfBatchUnfinished()
                return .success
            case .interrupted:
                reader = ScriptReader(source: Interpreter.promptSource)
            case .line(let line):
                editor.addToHistory(line)
                let commands: [ScriptCommand]
                do throws(ScriptSyntaxError) {
                    commands = try reader.feed(line)
                } catch {
                    interpreter.report(.usage(error.message), at: nil, ignored: false)
                    continue
                }
                for command in commands {
                    let (outcome, interrupted) = await InterruptWatcher.run(interpreter) { await $0.execute(command) }
                    HistorySaver.finishIfSignalled(editor)
                    if interrupted { interpreter.console.diagnostic("^C") }
                    if case .exited(let status) = outcome {
                        if let warning = editor.saveHistory() { interpreter.warn(warning) }
                        warnIfBatchUnfinished()
                        return status
                    }
                    if interrupted { break }
                }
            }
        }
    }

    /// On leaving: says that the session's last batch stopped with pairs left for `resume`.
    func warnIfBatchUnfinished() {
        guard let batch = interpreter.pendingInterruptedBatch else { return }
        interpreter.warn("batch \(batch) was interrupted and is not finished; `resume` finishes it")
    }

    /// `ap-nanjing [3]> `: region and selection count, coloured where allowed.
    func promptText() -> String {
        let session = interpreter.session
        let region = session.region ?? "no-region"
        let count = "[\(session.selection.count)]"
        guard interpreter.console.usesColor else { return "\(region) \(count)> " }
        return "\u{1B}[36m\(region)\u{1B}[0m \u{1B}[33m\(count)\u{1B}[0m> "
    }
}

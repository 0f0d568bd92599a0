import Foundation
import LineEditor
import Shell

/// The prompt: libedit editing, history and completion around the interpreter.
@MainActor
struct InteractiveLoop {
    let interpreter: Interpreter
    let historyPath: String

    func run() async -> ExitStatus {
        let completion = PromptReader.CompletionContext(
            home: interpreter.services.paths.home, regions: RegionPrefetch(services: interpreter.services))
        let editor: PromptReader
        do {
            editor = try PromptReader(historyPath: historyPath, completion: completion)
        } catch {
            interpreter.console.diagnostic("error: cannot start the line editor: \(error)")
            return .failure
        }
        if let warning = await editor.historyLoadWarning { interpreter.warn(warning) }

        var reader = ScriptReader(source: Interpreter.promptSource)
        while true {
            await finishIfSignalled(editor)
            let prompt = reader.needsMoreInput ? "...> " : promptText()
            completion.update(interpreter.session)
            let input = await read(prompt, from: editor)
            await finishIfSignalled(editor)
            switch input {
            case .endOfFile:
                await leave(editor)
                return .success
            case .interrupted, .woken:
                reader = ScriptReader(source: Interpreter.promptSource)
            case .line(let line):
                await editor.addToHistory(line)
                let commands: [ScriptCommand]
                do throws(ScriptSyntaxError) {
                    commands = try reader.feed(line)
                } catch {
                    interpreter.report(.usage(error.message), at: nil, ignored: false)
                    continue
                }
                for command in commands {
                    let (outcome, interrupted) = await InterruptWatcher.run(interpreter) { await $0.execute(command) }
                    await finishIfSignalled(editor)
                    // A command that failed has said why (a cancelled question says so itself).
                    if interrupted, outcome == .succeeded { interpreter.console.diagnostic("^C") }
                    if case .exited(let status) = outcome {
                        await leave(editor)
                        return status
                    }
                }
            }
        }
    }

    /// On leaving: says that the session's last batch stopped with pairs left for `resume`.
    func warnIfBatchUnfinished() {
        guard let batch = interpreter.pendingInterruptedBatch else { return }
        interpreter.warn("batch \(batch) was interrupted and is not finished; `resume` finishes it")
    }

    /// Reads one line. A SIGINT that reached the dispatch source rather than the editor is
    /// passed on as Ctrl-C; SIGTERM or SIGHUP ends the wait (``LineEditor/wake()``).
    private func read(_ prompt: String, from editor: PromptReader) async -> ReadResult {
        let subscription = ProcessSignals.subscribe()
        let waker = Task {
            for await number in subscription.signals {
                if number == ProcessSignals.interrupt { LineEditor.interrupt() } else { LineEditor.wake() }
            }
        }
        defer {
            subscription.end()
            waker.cancel()
        }
        return await editor.readLine(prompt: prompt)
    }

    private func leave(_ editor: PromptReader) async {
        if let warning = await editor.saveHistory() { interpreter.warn(warning) }
        warnIfBatchUnfinished()
        await editor.close()
    }

    /// If SIGTERM or SIGHUP arrived: saves the history, restores the terminal, removes the
    /// temporary files and ends the process with that signal.
    private func finishIfSignalled(_ editor: PromptReader) async {
        guard let number = ProcessSignals.terminatingSignal else { return }
        _ = await editor.saveHistory()
        await editor.close()
        TemporaryFolders.removeAll()
        ProcessSignals.die(of: number)
    }

    /// `ap-nanjing [3]> ` (`ap-nanjing+1 [3]> ` for two regions): region and selection count,
    /// coloured where allowed.
    func promptText() -> String {
        let session = interpreter.session
        let region = session.regionLabel ?? "no-region"
        let count = "[\(session.selection.count)]"
        guard interpreter.console.usesColor else { return "\(region) \(count)> " }
        return "\u{1B}[36m\(region)\u{1B}[0m \u{1B}[33m\(count)\u{1B}[0m> "
    }
}

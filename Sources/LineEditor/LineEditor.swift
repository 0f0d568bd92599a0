import CLibEdit
import EditShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interactive line input on libedit: prompt, emacs or vi editing, history
/// with a file shared safely between sessions, TAB completion, Ctrl-C and
/// Ctrl-D. It knows nothing of the commands it reads.
///
/// Use one editor from one thread. Creating it sets the process's `LC_CTYPE`
/// from the environment (falling back to `C.UTF-8`) so typed UTF-8 survives.
/// While ``readLine(prompt:)`` waits, it owns SIGINT; it restores the previous
/// disposition before it returns. libedit also restores the terminal on
/// SIGTSTP/SIGCONT and follows window resizes while it waits.
public final class LineEditor {
    /// The configuration the editor was created with.
    public let configuration: Configuration
    /// A problem found while loading the history file (for example, a corrupt
    /// file that will be replaced on save), to be shown to the user once.
    public private(set) var historyLoadWarning: String?

    private let policy: HistoryPolicy
    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    /// Entries added since the last save; they are what a save appends.
    private var unsaved: [String] = []
    private var newestEntry: String?
    private var corruptionReported = false

    /// Starts libedit for `programName` (the name `~/.editrc` lines may be
    /// prefixed with) and loads the history file.
    ///
    /// Emacs bindings are the default and TAB is bound to completion; the
    /// editrc is sourced afterwards so the user's choices win. If it switches
    /// to vi mode, TAB is bound again in vi insert mode.
    public init(programName: String = "cvmsh", configuration: Configuration) throws {
        self.configuration = configuration
        policy = HistoryPolicy(filter: configuration.shouldStoreInHistory)
        Self.useUTF8Locale()
        guard let history = history_init() else { throw LineEditorError.libeditUnavailable("history_init") }
        self.history = history
        shim_history_setsize(history, Int32(clamping: max(configuration.historyLimit, 0)))
        shim_history_setunique(history, 1)
        loadHistory()

        guard let editLine = shim_el_init(programName, Unmanaged.passUnretained(self).toOpaque()) else {
            history_end(history)
            self.history = nil
            throw LineEditorError.libeditUnavailable("el_init")
        }
        self.editLine = editLine
        shim_el_set_editor(editLine, "emacs")
        shim_el_set_signal(editLine, 1)
        shim_el_set_hist(editLine, history)
        let completeFunction = "\(programName)-complete"
        shim_el_addfn(editLine, completeFunction, "Complete the word before the cursor", completeTrampoline)
        shim_el_bind(editLine, "^I", completeFunction)
        _ = el_source(editLine, configuration.editrcPath)
        if let mode = shim_el_get_editor(editLine), String(cString: mode) == "vi" {
            shim_el_bind(editLine, "^I", completeFunction)
        }
    }

    deinit {
        close()
    }

    /// Ends libedit and restores the terminal. History is not saved here; call
    /// ``saveHistory()`` first. Safe to call more than once.
    public func close() {
        if let editLine { shim_el_end(editLine) }
        if let history { history_end(history) }
        editLine = nil
        history = nil
    }

    /// Shows `prompt` and reads one line.
    ///
    /// ANSI escape sequences in the prompt take no width. Ctrl-C discards the
    /// line and prints `^C` and a newline (another signal whose handler cuts
    /// the read short is reported the same way); Ctrl-D on an empty line
    /// prints a newline. The line is not added to history: call
    /// ``addToHistory(_:)``.
    public func readLine(prompt: String) -> ReadResult {
        guard let editLine else { return .endOfFile }
        shim_el_set_prompt(editLine, PromptMarkup.marked(prompt))
        shim_sigint_install()
        defer { shim_sigint_restore() }
        var count: Int32 = 0
        var interrupted: Int32 = 0
        if let raw = shim_el_gets(editLine, &count, &interrupted), count > 0 {
            var line = String(cString: raw)
            if line.hasSuffix("\n") { line.removeLast() }
            return .line(line)
        }
        if interrupted == 2 {
            el_reset(editLine)
            return .woken
        }
        if interrupted != 0 {
            shim_out("^C\n")
            el_reset(editLine)
            return .interrupted
        }
        shim_out("\n")
        return .endOfFile
    }

    /// Makes the ``readLine(prompt:)`` running on another thread (or the next one) return
    /// ``ReadResult/woken`` at once, with the line discarded and nothing printed: how another
    /// task ends the wait for input (for example when SIGTERM arrives). Safe from any thread.
    public static func wake() {
        shim_el_wake()
    }

    /// Makes the ``readLine(prompt:)`` running on another thread (or the next one) behave as
    /// if Ctrl-C had been pressed: for a SIGINT that the process received elsewhere (a
    /// dispatch signal source). Safe from any thread.
    public static func interrupt() {
        shim_el_interrupt()
    }

    /// Adds `line` to the history if ``HistoryPolicy`` and the configured
    /// filter accept it (trailing newline and blanks removed; blank lines,
    /// lines starting with a space and repeats of the newest entry refused).
    public func addToHistory(_ line: String) {
        guard let history, let entry = policy.entry(for: line, previous: newestEntry) else { return }
        shim_history_enter(history, entry)
        newestEntry = entry
        unsaved.append(entry)
    }

    /// The history in memory, oldest first.
    public var historyEntries: [String] {
        guard let history else { return [] }
        var entries: [String] = []
        var next = shim_history_first(history)
        while let entry = next {
            entries.append(String(cString: entry))
            next = shim_history_next(history)
        }
        return entries
    }

    /// Saves the history, merging with what other sessions saved meanwhile.
    ///
    /// Under a lock on the file's directory: re-reads the file, appends the
    /// entries added since the last save, collapses consecutive duplicates,
    /// keeps the newest ``Configuration/historyLimit`` and replaces the file
    /// atomically with mode 0600 (missing directories are created with mode
    /// 0700). A corrupt file is replaced. Never fails loudly.
    ///
    /// - Returns: a warning for the user, or nil. A corrupt file is reported
    ///   once per editor (not again if ``historyLoadWarning`` reported it).
    @discardableResult
    public func saveHistory() -> String? {
        guard let path = configuration.historyPath else { return nil }
        return HistoryStore.withLock(on: path) {
            var warning: String?
            let onDisk: [String]
            switch HistoryStore.load(path) {
            case .entries(let entries):
                onDisk = entries
            case .missing:
                onDisk = []
            case .corrupt(let reason):
                onDisk = []
                if !corruptionReported {
                    corruptionReported = true
                    warning = "history file \(path) is corrupt (\(reason)); replacing it"
                }
            case .unreadable(let reason):
                return "cannot read history file \(path) (\(reason)); history not saved"
            }
            let merged = HistoryFile.merge(
                onDisk: onDisk, session: unsaved, limit: configuration.historyLimit,
                keep: configuration.shouldStoreInHistory)
            do {
                try HistoryStore.save(merged, to: path)
            } catch {
                return "cannot save history: \(error)"
            }
            unsaved.removeAll()
            return warning
        }
    }

    /// The terminal's width in columns as libedit sees it (updated on
    /// resize), else ``Terminal/width``.
    public var terminalWidth: Int {
        if let editLine {
            let columns = Int(shim_el_columns(editLine))
            if columns > 0 { return columns }
        }
        return Terminal.width
    }

    /// TAB: asks the completer, then edits the line or lists candidates.
    fileprivate func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let completer = configuration.completer, let info = el_line(editLine)?.pointee,
            let buffer = info.buffer, let cursor = info.cursor, let end = info.lastchar
        else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor - buffer), as: UTF8.self)
        let after = String(decoding: UnsafeRawBufferPointer(start: cursor, count: end - cursor), as: UTF8.self)
        let line = before + after
        let offset = before.count
        switch CompletionEdit.plan(line: line, cursor: offset, reply: completer(line, offset)) {
        case .beep:
            return UInt8(CC_ERROR)
        case .replace(let start, let text):
            let word = before.dropFirst(min(start, offset))
            el_deletestr(editLine, Int32(word.unicodeScalars.count))
            return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        case .list(let candidates):
            let rows = ColumnLayout.rows(candidates, width: terminalWidth)
            shim_out("\n" + rows.joined(separator: "\n") + "\n")
            return UInt8(CC_REDISPLAY)
        }
    }

    private func loadHistory() {
        guard let path = configuration.historyPath, let history else { return }
        switch HistoryStore.load(path) {
        case .entries(let entries):
            let kept = HistoryFile.merge(
                onDisk: entries, session: [], limit: configuration.historyLimit,
                keep: configuration.shouldStoreInHistory)
            for entry in kept { shim_history_enter(history, entry) }
            newestEntry = kept.last
        case .missing:
            break
        case .corrupt(let reason):
            corruptionReported = true
            historyLoadWarning = "history file \(path) is corrupt (\(reason)); it will be replaced"
        case .unreadable(let reason):
            historyLoadWarning = "cannot read history file \(path) (\(reason))"
        }
    }

    /// `setlocale(LC_CTYPE, "")`, and `C.UTF-8` when the environment's
    /// character set is not UTF-8 (libedit would drop non-ASCII input).
    private static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

/// The EL_ADDFN entry point for TAB; forwards to the editor that owns `editLine`.
private func completeTrampoline(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editLine, let user = shim_el_user(editLine) else { return UInt8(CC_ERROR) }
    return Unmanaged<LineEditor>.fromOpaque(user).takeUnretainedValue().complete(editLine)
}

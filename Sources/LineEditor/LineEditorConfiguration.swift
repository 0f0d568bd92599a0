extension LineEditor {
    /// How a ``LineEditor`` stores history, completes words and finds the
    /// user's editrc.
    public struct Configuration {
        /// The history file (libedit format), or nil for no history file.
        public var historyPath: String?
        /// The most entries kept in memory and in the file.
        public var historyLimit: Int
        /// The caller's extra history filter, applied after the built-in
        /// policy (see ``HistoryPolicy``); false keeps a line out of history.
        /// Also applied to entries already in the file when it is saved.
        public var shouldStoreInHistory: (String) -> Bool
        /// Answers TAB with the line and the cursor's character offset, or
        /// nil for no completion (TAB beeps).
        public var completer: ((_ line: String, _ cursor: Int) -> CompletionReply)?
        /// The editrc file to source after the built-in bindings; nil means
        /// libedit's default (`$EDITRC`, else `~/.editrc`).
        public var editrcPath: String?

        /// Creates a configuration.
        public init(
            historyPath: String? = nil,
            historyLimit: Int = 1000,
            shouldStoreInHistory: @escaping (String) -> Bool = { _ in true },
            completer: ((_ line: String, _ cursor: Int) -> CompletionReply)? = nil,
            editrcPath: String? = nil
        ) {
            self.historyPath = historyPath
            self.historyLimit = historyLimit
            self.shouldStoreInHistory = shouldStoreInHistory
            self.completer = completer
            self.editrcPath = editrcPath
        }
    }
}

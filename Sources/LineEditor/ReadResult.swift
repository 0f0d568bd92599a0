/// The outcome of ``LineEditor/readLine(prompt:)``.
public enum ReadResult: Equatable, Sendable {
    /// A line the user entered, without its newline.
    case line(String)
    /// Ctrl-C at the prompt: the partly typed line was discarded.
    case interrupted
    /// ``LineEditor/wake()`` ended the wait; the partly typed line was discarded.
    case woken
    /// Ctrl-D on an empty line, or the input ended.
    case endOfFile
}

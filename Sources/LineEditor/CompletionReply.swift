/// A completer's answer for the word under the cursor.
public struct CompletionReply: Equatable, Sendable {
    /// Character offset in the line where the word being completed starts
    /// (the end is the cursor).
    public var replaceStart: Int
    /// Full replacement words, already quoted if they need it.
    public var candidates: [String]
    /// Whether a unique candidate is followed by a space (and a closing quote
    /// if it leaves one open). False for words that usually continue, such as
    /// directory names ending in `/`.
    public var appendSpaceWhenUnique: Bool
    /// What a listing shows for each candidate (a number with the name it stands for), in the
    /// order of ``candidates``; `nil` lists the candidates themselves.
    public var displays: [String]?

    /// Creates a reply.
    public init(
        replaceStart: Int, candidates: [String], appendSpaceWhenUnique: Bool = true, displays: [String]? = nil
    ) {
        self.replaceStart = replaceStart
        self.candidates = candidates
        self.appendSpaceWhenUnique = appendSpaceWhenUnique
        self.displays = displays
    }

    /// No candidates: TAB beeps.
    public static let none = CompletionReply(replaceStart: 0, candidates: [])
}

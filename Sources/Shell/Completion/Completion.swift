/// What TAB may put in place of the word under the cursor.
public struct Completion: Sendable, Equatable {
    /// Character offset in the line where the word being completed starts.
    public var replaceStart: Int
    /// Full replacement words, quoted where the language needs it, in display order.
    public var candidates: [String]

    public init(replaceStart: Int, candidates: [String]) {
        self.replaceStart = replaceStart
        self.candidates = candidates
    }
}

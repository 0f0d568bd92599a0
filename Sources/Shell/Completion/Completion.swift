/// What TAB may put in place of the word under the cursor.
public struct Completion: Sendable, Equatable {
    /// Character offset in the line where the word being completed starts.
    public var replaceStart: Int
    /// Full replacement words, quoted where the language needs it, in display order.
    public var candidates: [String]
    /// What a listing shows for each candidate (`3  web-prod-20250514` for a list number);
    /// the same as ``candidates`` when nothing is added.
    public var displays: [String]
    /// Whether a unique candidate is followed by a space: false for a directory (`scripts/`),
    /// whose name usually continues.
    public var appendSpaceWhenUnique: Bool

    public init(
        replaceStart: Int, candidates: [String], displays: [String]? = nil, appendSpaceWhenUnique: Bool = true
    ) {
        self.replaceStart = replaceStart
        self.candidates = candidates
        self.displays = displays ?? candidates
        self.appendSpaceWhenUnique = appendSpaceWhenUnique
    }
}

/// One word TAB may offer, with what a listing shows beside it.
struct Candidate: Sendable, Equatable {
    var word: String
    var note: String?

    init(_ word: String, note: String? = nil) {
        self.word = word
        self.note = note
    }
}

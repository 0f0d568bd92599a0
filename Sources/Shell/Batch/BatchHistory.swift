/// What `undo` and `redo` act on, replayed from the journal like an editor's undo stack: every
/// batch is in effect until an `undo` batch reverses it; `redo` applies the last undone batch
/// again (as a batch of its own, which `undo` can reverse in turn). A new `share` or `unshare`
/// clears what could be redone.
public struct BatchHistory: Sendable {
    /// Batches in effect, oldest first: the last is what `undo` reverses.
    public private(set) var done: [JournalBatch] = []
    /// Undone batches with the undo batch that reversed each, oldest first: the last is what
    /// `redo` applies again.
    public private(set) var undone: [(batch: JournalBatch, undo: JournalBatch)] = []

    public init(_ batches: [JournalBatch]) {
        let byId = Dictionary(batches.map { ($0.id, $0) }) { first, _ in first }
        for batch in batches {
            if let target = batch.undoes {
                done.removeAll { $0.id == target }
                if let original = byId[target] { undone.append((original, batch)) }
            } else if let target = batch.redoes {
                undone.removeAll { $0.batch.id == target }
                done.append(batch)
            } else {
                undone.removeAll()
                done.append(batch)
            }
        }
    }

    /// The batch `undo` reverses next.
    public var nextUndo: JournalBatch? { done.last }

    /// The batch `redo` applies again next, with the undo batch whose changes it reverses.
    public var nextRedo: (batch: JournalBatch, undo: JournalBatch)? { undone.last }
}

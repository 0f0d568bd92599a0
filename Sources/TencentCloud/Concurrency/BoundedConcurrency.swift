/// Runs `body` for `items` in a task group with at most `width` running at once (at least one),
/// starting them in order. `handle` receives each output as it finishes, on the calling task, and
/// answers whether further items may start; the items already running are awaited either way (a
/// stop lets them finish rather than cancelling them). Returns the index of the first item never
/// started (`items.count` when every item was started).
///
/// The one bounded-concurrency loop of the package: the image lister reads pages through it, the
/// shell's batch engine runs images through it and `shared` reads share lists through it; the
/// client's sliding windows pace the calls inside.
public func forEachConcurrently<Item: Sendable, Output: Sendable>(
    _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async -> Output,
    handle: (Output) -> Bool
) async -> Int {
    await withTaskGroup(of: Output.self) { group in
        var next = 0
        while next < items.count, next < max(1, width) {
            group.addTask { [item = items[next]] in await body(item) }
            next += 1
        }
        var more = true
        while let output = await group.next() {
            more = handle(output) && more
            if more, next < items.count {
                group.addTask { [item = items[next]] in await body(item) }
                next += 1
            }
        }
        return next
    }
}

import Foundation

/// A value shared between threads, read and changed only under its lock.
/// (`Synchronization.Mutex` would do, but needs macOS 15 and the package supports macOS 13.)
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        try lock.withLock { try body(&value) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A terminal's local modes changed for a while (no echo for a secret, no `^C` echo for a
/// question), put back by ``restore()``.
struct TerminalMode: Sendable {
    /// Local-mode flags that can be switched off.
    struct Flags: OptionSet, Sendable {
        let rawValue: Int
        static let echo = Flags(rawValue: 1)
        static let echoControl = Flags(rawValue: 2)
    }

    private let descriptor: Int32
    private let saved: termios

    /// Switches `flags` off on `descriptor` at once (TCSANOW: nothing typed is flushed), or
    /// returns `nil` when it is not a terminal.
    init?(descriptor: Int32, removing flags: Flags) {
        var current = termios()
        guard tcgetattr(descriptor, &current) == 0 else { return nil }
        self.descriptor = descriptor
        saved = current
        if flags.contains(.echo) { current.c_lflag &= ~tcflag_t(ECHO) }
        if flags.contains(.echoControl) { current.c_lflag &= ~tcflag_t(ECHOCTL) }
        tcsetattr(descriptor, TCSANOW, &current)
    }

    /// Puts the saved modes back.
    func restore() {
        var modes = saved
        tcsetattr(descriptor, TCSANOW, &modes)
    }
}

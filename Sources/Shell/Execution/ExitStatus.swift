/// The process exit statuses, decided in one place (see `cvmsh --help` and the README).
public struct ExitStatus: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    /// Every command succeeded.
    public static let success = ExitStatus(0)
    /// A command failed and execution continued, or a local fatal error.
    public static let failure = ExitStatus(1)
    /// The API could not be used at all: endpoint unreachable, TLS, credentials missing or rejected.
    public static let apiUnusable = ExitStatus(2)
    /// A script stopped at its first failing command.
    public static let scriptStopped = ExitStatus(3)
    /// `plan FILE --check` found changes pending: the share lists differ from the share file.
    public static let changesPending = ExitStatus(4)
    /// Bad command-line usage.
    public static let usage = ExitStatus(64)
    /// Interrupted by SIGINT.
    public static let interrupted = ExitStatus(130)

    /// The table printed by `--help` and the README.
    public static let table: [(ExitStatus, String)] = [
        (.success, "every command succeeded"),
        (.failure, "a command failed and execution continued (--on-error continue), or a local fatal error"),
        (.apiUnusable, "the API could not be used: endpoint unreachable, TLS failure, credentials missing or rejected"),
        (.scriptStopped, "a script stopped at its first failing command"),
        (.changesPending, "plan --check: the share lists differ from the share file (changes pending)"),
        (.usage, "bad command-line usage"),
        (.interrupted, "interrupted (SIGINT)"),
    ]

    /// The status of a script that stopped because of `error`.
    public static func stopped(by error: ShellError) -> ExitStatus {
        switch error {
        case .interrupted, .interruptedBatch: .interrupted
        case .scriptStopped(let status): status
        case .changesPending: .changesPending
        default: error.isAPIUnusable ? .apiUnusable : .scriptStopped
        }
    }

    public var description: String { String(code) }
}

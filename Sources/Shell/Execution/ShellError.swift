import TencentCloud

/// Why a command failed. Every case renders as one line that names the problem and, where
/// there is one, the fix.
public enum ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad words: unknown command, flag or value, a malformed account id or selection.
    case usage(String)
    /// A local failure: an unreadable file, a refused confirmation, nothing selected.
    case failed(String)
    /// The API call failed.
    case api(TencentCloudError)
    /// A script run by `source` stopped; its error was already reported.
    case scriptStopped(ExitStatus)
    /// Ctrl-C stopped the command.
    case interrupted
    /// `plan --check` found the share lists differ from the share file; the message says what
    /// is pending. A script stops on it with status 4 (``ExitStatus/changesPending``).
    case changesPending(String)
    /// Ctrl-C stopped a share batch; the message says what is left and that `resume` finishes it.
    case interruptedBatch(String)

    public var description: String {
        switch self {
        case .usage(let message), .failed(let message), .changesPending(let message): message
        case .api(let error): error.description
        case .scriptStopped(let status): "script stopped (exit status \(status.code))"
        case .interrupted: "interrupted"
        case .interruptedBatch(let message): "interrupted: \(message)"
        }
    }

    /// Whether Ctrl-C stopped the command (a script stops, with status 130).
    public var isInterruption: Bool {
        switch self {
        case .interrupted, .interruptedBatch: true
        default: false
        }
    }

    /// The API could not be used at all (unreachable, TLS, credentials missing or rejected):
    /// a script that stops on such an error exits 2, not 3.
    public var isAPIUnusable: Bool {
        guard case .api(let error) = self else { return false }
        switch error {
        case .credential: return true
        case .transport(let transport):
            switch transport.kind {
            case .connect, .tls: return true
            default: return false
            }
        case .api(let api):
            return api.code.isIn(.authFailure) || api.code == .invalidToken
        case .decoding, .cancelled: return false
        }
    }
}

extension ShellError {
    init(_ error: TencentCloudError) {
        if case .cancelled = error { self = .interrupted } else { self = .api(error) }
    }
}

/// A ``SyntaxError`` with the script line it was found on.
///
/// Prints as `SOURCE:LINE: MESSAGE`; the executor adds the `cvmsh:` and `error:` parts.
public struct ScriptSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var error: SyntaxError
    /// Where: the physical line on which the problem was detected.
    public var location: ScriptLocation
    /// The logical line carried the `-` prefix. Never set for encoding errors (invalid UTF-8,
    /// NUL, over-long lines), which mean the file is not a script and must always stop it.
    public var ignoreFailure: Bool

    /// Creates a located error.
    public init(_ error: SyntaxError, at location: ScriptLocation, ignoreFailure: Bool = false) {
        self.error = error
        self.location = location
        self.ignoreFailure = ignoreFailure
    }

    /// The one-line message without the location.
    public var message: String { error.message }

    public var description: String { "\(location): \(error.message)" }
}

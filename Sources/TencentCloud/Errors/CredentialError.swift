/// Why no usable credential could be found. Messages name the file or source and the fix,
/// and never contain a secret.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// No source in the chain had a credential.
    public static let missing = CredentialError(
        "no credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, use --profile, or run `login`")
}

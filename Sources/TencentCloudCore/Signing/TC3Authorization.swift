/// The parts of a TC3 `Authorization` header, as a server (the emulator) reads them.
public struct TC3Authorization: Sendable, Equatable {
    public let secretId: String
    public let date: String
    public let service: String
    public let signedHeaders: [String]
    public let signature: String

    /// Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=HEX`.
    /// Returns `nil` for anything else (the server answers `AuthFailure.InvalidAuthorization`).
    public init?(header: String) {
        let prefix = TC3Signer.algorithm + " "
        guard header.hasPrefix(prefix) else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(prefix.count).split(separator: ",") {
            let trimmed = part.drop(while: { $0 == " " })
            guard let eq = trimmed.firstIndex(of: "=") else { return nil }
            fields[String(trimmed[..<eq])] = String(trimmed[trimmed.index(after: eq)...])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
              let signature = fields["Signature"], fields.count == 3
        else { return nil }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count == 4, scope[3] == "tc3_request", !scope[0].isEmpty, scope[1].count == 10,
              !scope[2].isEmpty, signature.count == 64,
              signature.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        secretId = String(scope[0])
        date = String(scope[1])
        service = String(scope[2])
        signedHeaders = signed.split(separator: ";").map(String.init)
        self.signature = signature
        guard signedHeaders.contains("content-type"), signedHeaders.contains("host") else { return nil }
    }
}

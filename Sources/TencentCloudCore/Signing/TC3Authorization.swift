/// The parts of a TC3 `Authorization` header, as a server (the emulator) reads them.
public struct TC3Authorization: Sendable, Equatable {
    /// The SecretId from the credential scope.
    public let secretId: String
    /// `YYYY-MM-DD` from the credential scope.
    public let date: String
    /// The credential-scope service (`cvm`, `sts`).
    public let service: String
    /// Lower-cased header names, in the order sent.
    public let signedHeaders: [String]
    /// 64 lower-case hex digits.
    public let signature: String

    /// Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=HEX`;
    /// `nil` for anything else (a server answers `AuthFailure.InvalidAuthorization`): each field
    /// once, a `YYYY-MM-DD` date, 64 lower-case hex digits, `content-type` and `host` signed.
    public init?(header: String) {
        let prefix = TC3Signer.algorithm + " "
        guard header.hasPrefix(prefix) else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(prefix.count).split(separator: ",") {
            let trimmed = part.trimmingSpaces
            guard let eq = trimmed.firstIndex(of: "="), fields[String(trimmed[..<eq])] == nil else { return nil }
            fields[String(trimmed[..<eq])] = String(trimmed[trimmed.index(after: eq)...])
        }
        guard fields.count == 3, let credential = fields["Credential"], let signed = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else { return nil }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count == 4, scope[3] == "tc3_request", !scope[0].isEmpty, !scope[2].isEmpty,
            Self.isDate(scope[1]),
            signature.utf8.count == 64,
            signature.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { return nil }
        let names = signed.split(separator: ";", omittingEmptySubsequences: false).map { String($0) }
        guard names.contains("content-type"), names.contains("host"), !names.contains(where: \.isEmpty) else {
            return nil
        }
        secretId = String(scope[0])
        date = String(scope[1])
        service = String(scope[2])
        signedHeaders = names
        self.signature = signature
    }

    private static func isDate(_ s: Substring) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count == 10, bytes[4] == 0x2d, bytes[7] == 0x2d else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (byte >= 0x30 && byte <= 0x39)
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}

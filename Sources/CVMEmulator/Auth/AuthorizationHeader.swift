/// The parts of a TC3 `Authorization` header:
/// `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=HEX`.
///
/// The emulator's own parser: `TencentCloudCore.TC3Authorization` expects a five-part credential
/// scope and so refuses every header the official SDKs send.
struct AuthorizationHeader: Sendable, Equatable {
    var secretId: String
    /// `YYYY-MM-DD` from the credential scope.
    var date: String
    /// The credential-scope service (`cvm`, `sts`).
    var service: String
    /// Lower-cased header names, in the order sent.
    var signedHeaders: [String]
    /// 64 lower-case hex digits.
    var signature: String

    /// `nil` when the header is not a well-formed TC3 Authorization.
    init?(_ header: String) {
        let prefix = "TC3-HMAC-SHA256 "
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
        return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || (byte >= 0x30 && byte <= 0x39) }
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

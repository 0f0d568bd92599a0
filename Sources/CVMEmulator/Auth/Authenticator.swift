import TencentCloudCore

/// Who is calling, once the signature checked out.
struct Caller: Sendable {
    /// The account that owns the key (a collaborator's own UIN for a collaborator).
    var principal: EmulatorState.Account
    /// The root account whose resources the call acts on.
    var accountId: String
}

/// Checks TC3-HMAC-SHA256 exactly as the gateway does: the same canonical request, rebuilt from
/// the Host, Content-Type and body bytes received, the X-TC-Timestamp and the credential scope.
enum Authenticator {
    /// Largest clock difference accepted, in seconds (the documented 5 minutes).
    static let maxSkew: Double = 300

    /// Authenticates `request`, whose Authorization header has already been parsed.
    static func authenticate(
        _ request: EmulatorRequest, authorization: TC3Authorization, state: EmulatorState, now: Double
    ) throws(APIError) -> Caller {
        guard let timestampText = request.header("x-tc-timestamp") else {
            throw APIError.missingParameter("Timestamp")
        }
        guard let timestamp = Int(timestampText) else {
            throw APIError.invalidParameter("The parameter `Timestamp` must be a Unix time in seconds.")
        }
        guard authorization.secretId.hasPrefix("AKID") else {
            throw APIError("AuthFailure.InvalidSecretId", "Invalid key (not a cloud API key type).")
        }
        guard let (account, credential) = lookup(authorization.secretId, in: state) else {
            throw APIError(
                "AuthFailure.SecretIdNotFound",
                "The SecretId is not found, please ensure that your SecretId is correct.")
        }
        if abs(Double(timestamp) - now) > maxSkew {
            throw APIError(
                "AuthFailure.SignatureExpire",
                "Signature expired. Timestamp is \(timestamp), server time is \(Int(now)); "
                    + "the difference must be at most 300 seconds.")
        }
        guard authorization.date == UTCDate.day(of: timestamp) else { throw APIError.signatureFailure }

        var extra: [String: String] = [:]
        for name in authorization.signedHeaders where name != "content-type" && name != "host" {
            guard let value = request.header(name) else { throw APIError.signatureFailure }
            extra[name] = value
        }
        let unsigned = request.header("x-tc-content-sha256") == "UNSIGNED-PAYLOAD"
        let input = TC3SigningInput(
            method: request.method, host: request.header("host") ?? "",
            contentType: request.header("content-type") ?? "",
            body: unsigned ? Array("UNSIGNED-PAYLOAD".utf8) : request.body,
            service: authorization.service, timestamp: timestamp, extraSignedHeaders: extra)
        let expected = TC3Signer.sign(input, secretId: credential.secretId, secretKey: credential.secretKey)
        guard expected.signedHeaders == authorization.signedHeaders.joined(separator: ";"),
            constantTimeEqual(expected.signature, authorization.signature)
        else { throw APIError.signatureFailure }

        if let token = credential.token {
            guard let sent = request.header("x-tc-token"), constantTimeEqual(sent, token) else {
                throw APIError("AuthFailure.TokenFailure", "The token is invalid or missing.")
            }
            if let expiry = credential.expiredTime, Double(expiry) < now {
                throw APIError("AuthFailure.TokenFailure", "The token has expired.")
            }
        }
        return Caller(principal: account, accountId: account.ownerAccountId)
    }

    private static func lookup(
        _ secretId: String, in state: EmulatorState
    ) -> (EmulatorState.Account, EmulatorState.Credential)? {
        for account in state.accounts {
            if let credential = account.credentials.first(where: { $0.secretId == secretId }) {
                return (account, credential)
            }
        }
        return nil
    }

    /// Compares without stopping at the first difference.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<min(x.count, y.count) {
            diff |= x[i] ^ y[i]
        }
        return diff == 0
    }
}

import Crypto
import Foundation

/// The inputs of a TC3-HMAC-SHA256 signature: everything the server will hash again.
public struct TC3SigningInput: Sendable, Equatable {
    /// HTTP method, `POST` for every call this package makes.
    public var method: String
    /// The `Host` header exactly as sent (with `:port` when it is not the default).
    public var host: String
    /// The `Content-Type` header exactly as sent.
    public var contentType: String
    /// The exact body bytes sent.
    public var body: [UInt8]
    /// The credential-scope service: `cvm`, `sts`, … (not derived from the host, so that an
    /// emulator or proxy endpoint still signs for the right service).
    public var service: String
    /// `X-TC-Timestamp`, Unix seconds.
    public var timestamp: Int
    /// Further headers to sign, beyond `content-type` and `host` (rarely needed).
    public var extraSignedHeaders: [String: String]

    public init(
        method: String = "POST", host: String, contentType: String = "application/json",
        body: [UInt8], service: String, timestamp: Int, extraSignedHeaders: [String: String] = [:]
    ) {
        self.method = method
        self.host = host
        self.contentType = contentType
        self.body = body
        self.service = service
        self.timestamp = timestamp
        self.extraSignedHeaders = extraSignedHeaders
    }
}

/// Every intermediate value of one signature, so tests can compare each step with the vectors.
public struct TC3Signature: Sendable, Equatable {
    public let date: String
    public let credentialScope: String
    public let signedHeaders: String
    public let payloadHash: String
    public let canonicalRequest: String
    public let stringToSign: String
    public let signature: String
    /// The full `Authorization` header value.
    public let authorization: String
}

/// TC3-HMAC-SHA256, the signature of Tencent Cloud API 3.0.
///
/// Pure and deterministic: the caller supplies the timestamp, so a retry re-signs with a fresh
/// one and tests reproduce the official SDK's vectors byte for byte.
public enum TC3Signer {
    public static let algorithm = "TC3-HMAC-SHA256"

    /// Signs `input` with `secretId`/`secretKey`. The session token is never part of it.
    public static func sign(_ input: TC3SigningInput, secretId: String, secretKey: String) -> TC3Signature {
        let date = UTCDate.day(of: input.timestamp)
        let scope = "\(date)/\(input.service)/tc3_request"

        var headers = ["content-type": input.contentType, "host": input.host]
        for (name, value) in input.extraSignedHeaders {
            headers[name.lowercased()] = value
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { name in
            let value = headers[name, default: ""].trimmingCharacters(in: .whitespaces)
            // The SDKs send content-type and host as they are; extra headers are lower-cased as the docs say.
            return "\(name):\(name == "content-type" || name == "host" ? value : value.lowercased())\n"
        }.joined()
        let signedHeaders = names.joined(separator: ";")
        let payloadHash = hex(SHA256.hash(data: input.body))

        let canonicalRequest = [
            input.method, "/", "", canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        let stringToSign = [
            algorithm, String(input.timestamp), scope, hex(SHA256.hash(data: Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")

        let secretDate = hmac(key: Array("TC3\(secretKey)".utf8), date)
        let secretService = hmac(key: secretDate, input.service)
        let secretSigning = hmac(key: secretService, "tc3_request")
        let signature = hex(hmac(key: secretSigning, stringToSign))

        return TC3Signature(
            date: date, credentialScope: scope, signedHeaders: signedHeaders, payloadHash: payloadHash,
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            authorization:
                "\(algorithm) Credential=\(secretId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        )
    }

    /// The intermediate derived keys, exposed for the vector tests.
    public static func derivedKeys(
        secretKey: String, date: String, service: String
    ) -> (date: String, service: String, signing: String) {
        let d = hmac(key: Array("TC3\(secretKey)".utf8), date)
        let s = hmac(key: d, service)
        let k = hmac(key: s, "tc3_request")
        return (hex(d), hex(s), hex(k))
    }

    private static func hmac(key: [UInt8], _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

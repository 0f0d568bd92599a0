import Foundation
import Testing

@testable import TencentCloudCore

/// One case of `Fixtures/tc3-vectors.json`: signatures computed by the official Python SDK.
struct SignatureVector: Decodable, CustomTestStringConvertible {
    let name: String
    let secret_id: String
    let secret_key: String
    let token: String?
    let url: String
    let headers: [String: String]
    let body: String
    let date: String
    let payload_hash: String
    let hashed_canonical_request: String
    let canonical_request: String?
    let string_to_sign: String?
    let credential_scope: String
    let secret_date: String
    let secret_service: String
    let secret_signing: String
    let signature: String
    let authorization: String

    var testDescription: String { name }

    static func load() throws -> [SignatureVector] {
        struct File: Decodable { let vectors: [SignatureVector] }
        let url = try #require(
            Bundle.module.url(forResource: "tc3-vectors", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).vectors
    }

    var service: String { String(credential_scope.split(separator: "/")[1]) }
    var timestamp: Int { Int(headers["X-TC-Timestamp"]!)! }
}

@Suite struct TC3SignerTests {
    @Test(arguments: try SignatureVector.load())
    func reproducesOfficialSignature(_ vector: SignatureVector) throws {
        let input = TC3SigningInput(
            host: try #require(vector.headers["Host"]), contentType: try #require(vector.headers["Content-Type"]),
            body: Array(vector.body.utf8), service: vector.service, timestamp: vector.timestamp)
        let signed = TC3Signer.sign(input, secretId: vector.secret_id, secretKey: vector.secret_key)

        #expect(signed.date == vector.date)
        #expect(signed.credentialScope == vector.credential_scope)
        #expect(signed.payloadHash == vector.payload_hash)
        if let canonical = vector.canonical_request { #expect(signed.canonicalRequest == canonical) }
        if let stringToSign = vector.string_to_sign { #expect(signed.stringToSign == stringToSign) }
        let keys = TC3Signer.derivedKeys(secretKey: vector.secret_key, date: vector.date, service: vector.service)
        #expect(keys.date == vector.secret_date)
        #expect(keys.service == vector.secret_service)
        #expect(keys.signing == vector.secret_signing)
        #expect(signed.signature == vector.signature)
        #expect(signed.authorization == vector.authorization)
        if let sent = vector.headers["Authorization"] { #expect(signed.authorization == sent) }
    }

    @Test func vectorFileHoldsEveryCase() throws {
        #expect(try SignatureVector.load().count == 5)
    }

    @Test func tokenIsNeverSigned() throws {
        let vector = try #require(try SignatureVector.load().first { $0.token != nil })
        // Vector 2 carries a session token; the signature above was computed without it, and the
        // signer has no way to take one: the token only travels as X-TC-Token.
        #expect(vector.headers["X-TC-Token"] == vector.token)
        #expect(!vector.authorization.contains(vector.token!))
    }

    @Test func anyByteOfTheBodyChangesTheSignature() {
        let base = TC3SigningInput(
            host: "cvm.tencentcloudapi.com", body: Array(#"{"ImageId": "img-1"}"#.utf8), service: "cvm",
            timestamp: 1_700_000_000)
        var tampered = base
        tampered.body[tampered.body.count - 3] = UInt8(ascii: "2")
        let a = TC3Signer.sign(base, secretId: "AKIDx", secretKey: "k")
        let b = TC3Signer.sign(tampered, secretId: "AKIDx", secretKey: "k")
        #expect(a.signature != b.signature)
    }

    @Test(arguments: [
        (0, "1970-01-01"), (86_399, "1970-01-01"), (86_400, "1970-01-02"),
        (1_735_689_599, "2024-12-31"), (1_735_689_600, "2025-01-01"), (951_782_400, "2000-02-29"),
        (4_107_542_400, "2100-03-01"),
    ])
    func utcDate(_ timestamp: Int, _ expected: String) {
        #expect(UTCDate.day(of: timestamp) == expected)
    }

    @Test func authorizationHeaderRoundTrips() throws {
        let signed = TC3Signer.sign(
            TC3SigningInput(
                host: "sts.tencentcloudapi.com", body: Array("{}".utf8), service: "sts", timestamp: 1_717_200_000),
            secretId: "AKIDEXAMPLE", secretKey: "secret")
        let parsed = try #require(TC3Authorization(header: signed.authorization))
        #expect(parsed.secretId == "AKIDEXAMPLE")
        #expect(parsed.date == "2024-06-01")
        #expect(parsed.service == "sts")
        #expect(parsed.signedHeaders == ["content-type", "host"])
        #expect(parsed.signature == signed.signature)
    }

    @Test(arguments: [
        "", "Bearer x", "TC3-HMAC-SHA256 Credential=AKID/2024-06-01/cvm/tc3_request",
        "TC3-HMAC-SHA256 Credential=AKID/2024-06-01/cvm/other, SignedHeaders=content-type;host, "
            + "Signature=\(String(repeating: "a", count: 64))",
        "TC3-HMAC-SHA256 Credential=AKID/2024-06-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=XYZ",
        "TC3-HMAC-SHA256 Credential=AKID/2024-06-01/cvm/tc3_request, SignedHeaders=host, "
            + "Signature=\(String(repeating: "a", count: 64))",
        "TC3-HMAC-SHA256 Credential=AKID/2024-6-011/cvm/tc3_request, SignedHeaders=content-type;host, "
            + "Signature=\(String(repeating: "a", count: 64))",
        "TC3-HMAC-SHA256 Credential=AKID/2024-06-01/cvm/tc3_request, Credential=AKID/2024-06-01/cvm/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=\(String(repeating: "a", count: 64))",
    ])
    func malformedAuthorizationIsRejected(_ header: String) {
        #expect(TC3Authorization(header: header) == nil)
    }
}

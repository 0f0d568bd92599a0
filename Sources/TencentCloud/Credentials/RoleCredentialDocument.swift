import Foundation

/// The JSON the metadata service returns for a CAM role: temporary keys and their expiry.
struct RoleCredentialDocument: Decodable {
    let tmpSecretId: String?
    let tmpSecretKey: String?
    let token: String?
    let expiredTime: Int64?
    let expiration: String?
    let code: String?

    enum CodingKeys: String, CodingKey {
        case tmpSecretId = "TmpSecretId"
        case tmpSecretKey = "TmpSecretKey"
        case token = "Token"
        case expiredTime = "ExpiredTime"
        case expiration = "Expiration"
        case code = "Code"
    }

    /// Decodes and checks `body`; messages name `url` and never any secret.
    static func decode(_ body: Data, from url: String) throws(CredentialError) -> Credential {
        let document: RoleCredentialDocument
        do {
            document = try JSONDecoder().decode(RoleCredentialDocument.self, from: body)
        } catch {
            throw CredentialError(
                "metadata service at \(url) answered something that is not role credential JSON; "
                    + "is it a Tencent Cloud metadata service?")
        }
        guard document.code == "Success" else {
            let code = document.code.map { "Code \($0.prefix(64))" } ?? "no Code"
            throw CredentialError(
                "metadata service at \(url) answered \(code) instead of Success; check the instance's CAM role")
        }
        let fix = "check the instance's CAM role"
        let place = "metadata service at \(url):"
        guard let id = document.tmpSecretId, let key = document.tmpSecretKey, let token = document.token else {
            throw CredentialError("\(place) TmpSecretId, TmpSecretKey or Token is missing; \(fix)")
        }
        let expiration: Date
        if let seconds = document.expiredTime {
            expiration = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else if let text = document.expiration, let date = ISO8601DateFormatter().date(from: text) {
            expiration = date
        } else {
            throw CredentialError("\(place) ExpiredTime and Expiration are missing or unreadable; \(fix)")
        }
        return Credential(
            secretId: try CredentialValue.check(id, "\(place) TmpSecretId", fix: fix),
            secretKey: try CredentialValue.check(key, "\(place) TmpSecretKey", fix: fix),
            token: try CredentialValue.check(token, "\(place) Token", fix: fix),
            expiration: expiration)
    }
}

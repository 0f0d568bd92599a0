/// A Tencent Cloud API error `Code`, such as `AuthFailure.SignatureExpire`.
///
/// Codes are dotted: the part before the first dot is the family (`AuthFailure`), shared by
/// the common codes of every product (https://tencentcloud.com/document/api/1227/61822 lists
/// them). The known codes are static values; any other code the service sends is kept as is.
/// Branch on codes, never on `Message` (its text depends on `X-TC-Language`).
public struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code as the service spells it.
    public let rawValue: String

    /// Any code, known or not.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Any code, known or not.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public var description: String { rawValue }

    /// The family: the code up to its first dot (`AuthFailure` for `AuthFailure.TokenFailure`).
    public var family: ErrorCode {
        guard let dot = rawValue.firstIndex(of: ".") else { return self }
        return ErrorCode(String(rawValue[..<dot]))
    }

    /// Whether this code is `family` or one of its sub-codes (`RequestLimitExceeded.UinLimitExceeded`
    /// is in `.requestLimitExceeded`).
    public func isIn(_ family: ErrorCode) -> Bool {
        self.family == family
    }
}

extension ErrorCode {
    // Families and common codes, valid for every action.
    public static let authFailure: ErrorCode = "AuthFailure"
    public static let signatureExpire: ErrorCode = "AuthFailure.SignatureExpire"
    public static let signatureFailure: ErrorCode = "AuthFailure.SignatureFailure"
    public static let invalidAuthorization: ErrorCode = "AuthFailure.InvalidAuthorization"
    public static let secretIdNotFound: ErrorCode = "AuthFailure.SecretIdNotFound"
    public static let invalidSecretId: ErrorCode = "AuthFailure.InvalidSecretId"
    public static let tokenFailure: ErrorCode = "AuthFailure.TokenFailure"
    public static let failedOperation: ErrorCode = "FailedOperation"
    public static let internalError: ErrorCode = "InternalError"
    public static let internalServerError: ErrorCode = "InternalServerError"
    public static let invalidAction: ErrorCode = "InvalidAction"
    public static let invalidParameter: ErrorCode = "InvalidParameter"
    public static let invalidParameterValue: ErrorCode = "InvalidParameterValue"
    public static let missingParameter: ErrorCode = "MissingParameter"
    public static let noSuchProduct: ErrorCode = "NoSuchProduct"
    public static let noSuchVersion: ErrorCode = "NoSuchVersion"
    public static let requestLimitExceeded: ErrorCode = "RequestLimitExceeded"
    public static let serviceUnavailable: ErrorCode = "ServiceUnavailable"
    public static let unauthorizedOperation: ErrorCode = "UnauthorizedOperation"
    public static let unknownParameter: ErrorCode = "UnknownParameter"
    public static let unsupportedOperation: ErrorCode = "UnsupportedOperation"
    public static let unsupportedProtocol: ErrorCode = "UnsupportedProtocol"
    public static let unsupportedRegion: ErrorCode = "UnsupportedRegion"

    // Codes of the image-sharing actions.
    public static let invalidToken: ErrorCode = "UnauthorizedOperation.InvalidToken"
    public static let accountAlreadyExists: ErrorCode = "FailedOperation.AccountAlreadyExists"
    public static let accountIsYourSelf: ErrorCode = "FailedOperation.AccountIsYourSelf"
    /// The older spelling of ``accountIsYourSelf`` (API 2.0 documentation).
    public static let invalidAccountIsYourSelf: ErrorCode = "InvalidAccountIs.YourSelf"
    public static let notMasterAccount: ErrorCode = "FailedOperation.NotMasterAccount"
    public static let invalidAppIdFormat: ErrorCode = "InvalidParameterValue.InvalidAppIdFormat"
    public static let accountIdLimitExceeded: ErrorCode = "InvalidParameterValue.LimitExceeded"
    public static let accountNotFound: ErrorCode = "InvalidAccountId.NotFound"
    public static let imageNotFound: ErrorCode = "InvalidImageId.NotFound"

    // Codes of the image-attribute actions (ModifyImageAttribute, DescribeImageFromFamily).
    public static let imageIdMalformed: ErrorCode = "InvalidImageId.Malformed"
    public static let invalidImageFamily: ErrorCode = "InvalidParameterValue.InvalidImageFamily"
    public static let valueTooLarge: ErrorCode = "InvalidParameterValue.TooLarge"
    public static let sharedImageModifyUnsupported: ErrorCode = "UnsupportedOperation.SharedImageModifyUnsupported"
    public static let zoneMismatchRegion: ErrorCode = "InvalidZone.MismatchRegion"
}

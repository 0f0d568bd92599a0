import TencentCloudCore

/// An API error: the `Code` and `Message` of `{"Response":{"Error":{...}}}`.
struct APIError: Error, Sendable, Equatable {
    var code: ErrorCode
    var message: String

    init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension APIError {
    static func missingParameter(_ name: String) -> APIError {
        APIError(.missingParameter, "The request is missing a required parameter `\(name)`.")
    }

    static func unknownParameter(_ name: String) -> APIError {
        APIError(.unknownParameter, "The parameter `\(name)` is not recognized.")
    }

    static func invalidParameter(_ message: String) -> APIError {
        APIError(.invalidParameter, message)
    }

    static func invalidParameterValue(_ message: String) -> APIError {
        APIError(.invalidParameterValue, message)
    }

    static let signatureFailure = APIError(
        .signatureFailure,
        "The provided credentials could not be validated. Please check your signature is correct.")
    static let internalError = APIError(
        .internalError,
        "An internal error has occurred. Retry your request, but if the problem persists, contact us.")
}

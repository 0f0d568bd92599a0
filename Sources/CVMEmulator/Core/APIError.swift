/// An API error: the `Code` and `Message` of `{"Response":{"Error":{...}}}`.
struct APIError: Error, Sendable, Equatable {
    var code: String
    var message: String

    init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension APIError {
    static func missingParameter(_ name: String) -> APIError {
        APIError("MissingParameter", "The request is missing a required parameter `\(name)`.")
    }

    static func unknownParameter(_ name: String) -> APIError {
        APIError("UnknownParameter", "The parameter `\(name)` is not recognized.")
    }

    static func invalidParameter(_ message: String) -> APIError {
        APIError("InvalidParameter", message)
    }

    static func invalidParameterValue(_ message: String) -> APIError {
        APIError("InvalidParameterValue", message)
    }

    static let signatureFailure = APIError(
        "AuthFailure.SignatureFailure",
        "The provided credentials could not be validated. Please check your signature is correct.")
    static let internalError = APIError("InternalError", "An internal error has occurred. Retry your request, but if the problem persists, contact us.")
}

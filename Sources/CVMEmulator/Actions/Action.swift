/// The actions the emulator serves, with what the gateway needs to route and check them.
enum Action: String, CaseIterable, Sendable {
    case describeRegions = "DescribeRegions"
    case describeImages = "DescribeImages"
    case modifyImageSharePermission = "ModifyImageSharePermission"
    case describeImageSharePermission = "DescribeImageSharePermission"
    case describeImageQuota = "DescribeImageQuota"
    case getCallerIdentity = "GetCallerIdentity"

    /// The credential-scope service (product).
    var service: String { self == .getCallerIdentity ? "sts" : "cvm" }

    /// The API version.
    var version: String { self == .getCallerIdentity ? "2018-08-13" : "2017-03-12" }

    /// Whether `X-TC-Region` must be sent (CVM DescribeRegions is the only one without).
    var requiresRegion: Bool { self != .describeRegions }

    /// The request parameters the action accepts.
    var parameterNames: Set<String> {
        switch self {
        case .describeRegions, .describeImageQuota, .getCallerIdentity: return []
        case .describeImages: return ["ImageIds", "Filters", "Offset", "Limit", "InstanceType"]
        case .modifyImageSharePermission: return ["ImageId", "AccountIds", "Permission"]
        case .describeImageSharePermission: return ["ImageId"]
        }
    }

    /// API versions by product.
    static let products: [String: Set<String>] = ["cvm": ["2017-03-12"], "sts": ["2018-08-13"]]

    /// Finds the action for a credential-scope service, `X-TC-Version` and `X-TC-Action`.
    static func route(service: String, version: String, action: String) throws(APIError) -> Action {
        guard let versions = products[service] else {
            throw APIError("NoSuchProduct", "The product `\(service)` does not exist.")
        }
        guard versions.contains(version) else {
            throw APIError("NoSuchVersion", "The API version `\(version)` does not exist for `\(service)`.")
        }
        guard let found = Action(rawValue: action), found.service == service else {
            throw APIError("InvalidAction", "The requested action `\(action)` does not exist.")
        }
        return found
    }
}

/// What an action handler gets.
struct ActionContext: Sendable {
    var caller: Caller
    var parameters: Parameters
    /// Unix seconds.
    var now: Double
    var maxAccountIdsPerCall: Int?
}

/// Identifier syntax shared by several actions.
enum Identifiers {
    /// `img-` followed by 8 lower-case letters or digits.
    static func isImageId(_ s: String) -> Bool {
        let chars = Array(s.utf8)
        guard chars.count == 12, s.hasPrefix("img-") else { return false }
        return chars[4...].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7a) }
    }

    /// A root-account UIN: 5 to 20 digits.
    static func isAccountId(_ s: String) -> Bool {
        (5...20).contains(s.utf8.count) && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func malformedImageId(_ id: String) -> APIError {
        APIError("InvalidImageId.Malformed", "The image id `\(id)` is malformed.")
    }
}

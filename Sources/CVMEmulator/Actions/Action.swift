import TencentCloudCore

/// The actions the emulator serves; each one's service, version, host, rate limit and region
/// rule come from its declaration in `TencentCloudCore.Actions`.
enum Action: String, CaseIterable, Sendable {
    case describeRegions = "DescribeRegions"
    case describeImages = "DescribeImages"
    case modifyImageSharePermission = "ModifyImageSharePermission"
    case describeImageSharePermission = "DescribeImageSharePermission"
    case describeImageQuota = "DescribeImageQuota"
    case syncImages = "SyncImages"
    case getCallerIdentity = "GetCallerIdentity"
    case describeOrganizationMembers = "DescribeOrganizationMembers"
    case describeImageFromFamily = "DescribeImageFromFamily"
    case modifyImageAttribute = "ModifyImageAttribute"

    /// The shared declaration.
    var declaration: TencentCloudCore.Action {
        switch self {
        case .describeRegions: Actions.describeRegions
        case .describeImages: Actions.describeImages
        case .modifyImageSharePermission: Actions.modifyImageSharePermission
        case .describeImageSharePermission: Actions.describeImageSharePermission
        case .describeImageQuota: Actions.describeImageQuota
        case .syncImages: Actions.syncImages
        case .getCallerIdentity: Actions.getCallerIdentity
        case .describeOrganizationMembers: Actions.describeOrganizationMembers
        case .describeImageFromFamily: Actions.describeImageFromFamily
        case .modifyImageAttribute: Actions.modifyImageAttribute
        }
    }

    /// The request parameters the action accepts.
    var parameterNames: Set<String> {
        switch self {
        case .describeRegions, .describeImageQuota, .getCallerIdentity: return []
        case .describeImages: return ["ImageIds", "Filters", "Offset", "Limit", "InstanceType"]
        case .modifyImageSharePermission: return ["ImageId", "AccountIds", "Permission"]
        case .describeImageSharePermission: return ["ImageId"]
        case .describeOrganizationMembers:
            return ["Offset", "Limit", "Lang", "SearchKey", "AuthName", "Product", "Tags", "NodeId", "NodeName"]
        case .syncImages:
            return ["ImageIds", "DestinationRegions", "DryRun", "ImageName", "ImageSetRequired", "Encrypt", "KmsKeyId"]
        case .describeImageFromFamily: return ["ImageFamily"]
        case .modifyImageAttribute:
            return ["ImageId", "ImageName", "ImageDescription", "ImageFamily", "ImageDeprecated"]
        }
    }

    /// API versions by credential-scope service.
    static let products: [String: Set<String>] = Dictionary(
        allCases.map { ($0.declaration.service, [$0.declaration.version]) }, uniquingKeysWith: { $0.union($1) })

    /// Finds the action for a credential-scope service, `X-TC-Version` and `X-TC-Action`.
    static func route(service: String, version: String, action: String) throws(APIError) -> Action {
        guard let versions = products[service] else {
            throw APIError(.noSuchProduct, "The product `\(service)` does not exist.")
        }
        guard versions.contains(version) else {
            throw APIError(.noSuchVersion, "The API version `\(version)` does not exist for `\(service)`.")
        }
        guard let found = Action(rawValue: action), found.declaration.service == service else {
            throw APIError(.invalidAction, "The requested action `\(action)` does not exist.")
        }
        return found
    }

    /// In strict mode, the answer of the real gateway to an action sent to another service's
    /// host: it routes by host, so `GetCallerIdentity` (sts, 2018-08-13) sent to a `cvm` host
    /// asks for a version cvm does not have.
    func checkHost(_ host: String?) throws(APIError) {
        let served = Self.service(servedOn: host)
        guard served != declaration.hostPrefix else { return }
        throw APIError(
            .noSuchVersion, "The requested version \(declaration.version) of service \(served) is not found")
    }

    /// The service a host serves in strict mode: the first label of a host named after a
    /// declared service (`sts.ap-guangzhou.tencentcloudapi.com`), and `cvm` for any other
    /// host (the emulator's loopback address stands for a CVM endpoint).
    static func service(servedOn host: String?) -> String {
        let name = host.map { String($0.prefix { $0 != ":" }).lowercased() } ?? ""
        let label = String(name.prefix { $0 != "." })
        let prefixes = Set(Actions.all.map(\.hostPrefix))
        return name.contains(".") && prefixes.contains(label) ? label : "cvm"
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

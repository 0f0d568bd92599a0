/// The actions cvmsh calls, each declared once with its documented rate limit
/// (per-action pages under https://cloud.tencent.com/document/api/213 for CVM,
/// https://cloud.tencent.com/document/api/1312 for STS). The client's rate limiter and the
/// emulator's both read these declarations.
public enum Actions {
    static let cvm = "2017-03-12"

    /// CVM DescribeRegions, 20/s; Region documented optional (https://cloud.tencent.com/document/api/213/15708).
    public static let describeRegions = Action(
        service: "cvm", version: cvm, name: "DescribeRegions", idempotent: true, rateLimit: 20,
        region: .optionalButSent)
    /// DescribeImages, 40/s (https://cloud.tencent.com/document/api/213/15715).
    public static let describeImages = Action(
        service: "cvm", version: cvm, name: "DescribeImages", idempotent: true, rateLimit: 40)
    /// ModifyImageSharePermission, 10/s. Not idempotent: after an ambiguous failure the share list
    /// must be re-read, never re-sent blindly (https://cloud.tencent.com/document/api/213/15710).
    public static let modifyImageSharePermission = Action(
        service: "cvm", version: cvm, name: "ModifyImageSharePermission", idempotent: false, rateLimit: 10)
    /// DescribeImageSharePermission, 10/s (https://cloud.tencent.com/document/api/213/15712).
    public static let describeImageSharePermission = Action(
        service: "cvm", version: cvm, name: "DescribeImageSharePermission", idempotent: true, rateLimit: 10)
    /// DescribeImageQuota, 10/s (https://cloud.tencent.com/document/api/213/15719).
    public static let describeImageQuota = Action(
        service: "cvm", version: cvm, name: "DescribeImageQuota", idempotent: true, rateLimit: 10)
    /// SyncImages, 10/s: copies one custom image to other regions. Not idempotent: a repeat makes
    /// a second copy, so after an ambiguous failure look for the copy by name in the destination
    /// (https://cloud.tencent.com/document/api/213/15711).
    public static let syncImages = Action(
        service: "cvm", version: cvm, name: "SyncImages", idempotent: false, rateLimit: 10)
    /// DescribeImageFromFamily, 20/s: the newest usable image of a family, or none
    /// (https://cloud.tencent.com/document/api/213/111405).
    public static let describeImageFromFamily = Action(
        service: "cvm", version: cvm, name: "DescribeImageFromFamily", idempotent: true, rateLimit: 20)
    /// ModifyImageAttribute, 10/s: name, description, family, deprecation. Setting the same values
    /// again changes nothing, so a retry is safe (https://cloud.tencent.com/document/api/213/33269).
    public static let modifyImageAttribute = Action(
        service: "cvm", version: cvm, name: "ModifyImageAttribute", idempotent: true, rateLimit: 10)
    /// STS GetCallerIdentity (2018-08-13), 20/s (https://cloud.tencent.com/document/api/1312/66098).
    public static let getCallerIdentity = Action(
        service: "sts", version: "2018-08-13", name: "GetCallerIdentity", idempotent: true, rateLimit: 20)
    /// Organization DescribeOrganizationMembers (2021-03-31), 20/s, no region; Offset and Limit
    /// required, Limit 1-50 (https://cloud.tencent.com/document/api/850/67220).
    public static let describeOrganizationMembers = Action(
        service: "organization", version: "2021-03-31", name: "DescribeOrganizationMembers", idempotent: true,
        rateLimit: 20, region: .none)

    /// Every declared action.
    public static let all: [Action] = [
        describeRegions, describeImages, modifyImageSharePermission, describeImageSharePermission,
        describeImageQuota, syncImages, getCallerIdentity,
        describeOrganizationMembers, describeImageFromFamily, modifyImageAttribute,
    ]
}

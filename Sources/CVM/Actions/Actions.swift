import TencentCloud

/// The actions cvmsh calls, with their services, versions and idempotency.
public enum Actions {
    public static let describeRegions = Action(service: "cvm", version: "2017-03-12", name: "DescribeRegions", idempotent: true, needsRegion: false)
    public static let describeImages = Action(service: "cvm", version: "2017-03-12", name: "DescribeImages", idempotent: true)
    /// Not idempotent: after an ambiguous failure the share list must be re-read, never re-sent blindly.
    public static let modifyImageSharePermission = Action(service: "cvm", version: "2017-03-12", name: "ModifyImageSharePermission", idempotent: false)
    public static let describeImageSharePermission = Action(service: "cvm", version: "2017-03-12", name: "DescribeImageSharePermission", idempotent: true)
    public static let describeImageQuota = Action(service: "cvm", version: "2017-03-12", name: "DescribeImageQuota", idempotent: true)
    public static let getCallerIdentity = Action(service: "sts", version: "2018-08-13", name: "GetCallerIdentity", idempotent: true)
}

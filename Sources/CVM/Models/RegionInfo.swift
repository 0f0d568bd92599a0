/// A region as DescribeRegions lists it.
public struct RegionInfo: Codable, Sendable, Equatable {
    /// `ap-nanjing`.
    public var region: String
    /// A display name, e.g. `South China (Guangzhou)`.
    public var regionName: String?
    /// `AVAILABLE` or `UNAVAILABLE`.
    public var regionState: String?

    public init(region: String, regionName: String? = nil, regionState: String? = "AVAILABLE") {
        self.region = region
        self.regionName = regionName
        self.regionState = regionState
    }

    enum CodingKeys: String, CodingKey {
        case region = "Region"
        case regionName = "RegionName"
        case regionState = "RegionState"
    }
}

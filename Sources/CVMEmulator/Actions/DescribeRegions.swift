import TencentCloudCore

extension Action {
    /// CVM DescribeRegions: every region, in state order.
    static func describeRegions(_ state: EmulatorState) -> [JSONValue.Member] {
        let regions = state.regions.map { region in
            JSONValue.object([
                JSONValue.Member("Region", .string(region.region)),
                JSONValue.Member("RegionName", .string(region.regionName)),
                JSONValue.Member("RegionState", .string(region.regionState)),
            ])
        }
        return [
            JSONValue.Member("TotalCount", .int(regions.count)),
            JSONValue.Member("RegionSet", .array(regions)),
        ]
    }
}

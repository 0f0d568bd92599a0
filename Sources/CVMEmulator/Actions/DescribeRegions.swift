extension Action {
    /// CVM DescribeRegions: every region, in state order.
    static func describeRegions(_ state: EmulatorState) -> [JSONMember] {
        let regions = state.regions.map { region in
            JSONValue.object([
                JSONMember("Region", .string(region.region)),
                JSONMember("RegionName", .string(region.regionName)),
                JSONMember("RegionState", .string(region.regionState)),
            ])
        }
        return [JSONMember("TotalCount", .int(Int64(regions.count))), JSONMember("RegionSet", .array(regions))]
    }
}

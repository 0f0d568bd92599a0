extension Action {
    /// CVM DescribeRegions: every region, in state order.
    static func describeRegions(_ state: EmulatorState) -> [EmulatorJSON.Member] {
        let regions = state.regions.map { region in
            EmulatorJSON.object([
                EmulatorJSON.Member("Region", .string(region.region)),
                EmulatorJSON.Member("RegionName", .string(region.regionName)),
                EmulatorJSON.Member("RegionState", .string(region.regionState)),
            ])
        }
        return [
            EmulatorJSON.Member("TotalCount", .int(Int64(regions.count))),
            EmulatorJSON.Member("RegionSet", .array(regions)),
        ]
    }
}

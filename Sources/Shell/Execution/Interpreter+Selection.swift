import CVM
import TencentCloud

extension Interpreter {
    /// The spec `words` spell, ready to match: parsed (errors as usage errors of `command`),
    /// then each `latest:FAMILY` looked up with DescribeImageFromFamily in each of `regions` (by
    /// default the session's), one call per family and region, so that matching needs no API.
    func selectionSpec(_ words: [String], command: String, regions: [String]? = nil) async throws(ShellError)
        -> SelectionSpec
    {
        let spec: SelectionSpec
        do {
            spec = try SelectionSpec(parsing: words)
        } catch {
            throw .usage("\(command): \(error)")
        }
        let families = spec.unresolvedFamilies
        guard !families.isEmpty else { return spec }
        let asked: [String]
        if let regions { asked = regions } else { asked = try requireRegions() }
        var answers: [String: [String]] = [:]
        for family in families {
            var ids: [String] = []
            for region in asked {
                if let image = try await latestImage(family: family, region: region) { ids.append(image.imageId) }
            }
            answers[family] = ids
        }
        do {
            return try spec.resolvingLatest(answers, regions: asked.joined(separator: ", "))
        } catch {
            throw .usage("\(command): \(error)")
        }
    }

    /// The newest usable image (NORMAL, not deprecated) of `family` in `region`, as
    /// DescribeImageFromFamily answers; nil when the family has none there.
    public func latestImage(family: String, region: String) async throws(ShellError) -> Image? {
        try await withClient { client throws(TencentCloudError) in
            try await client.describeImageFromFamily(region: region, family: family)
        }
    }
}

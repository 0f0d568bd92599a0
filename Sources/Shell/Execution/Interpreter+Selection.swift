import CVM
import TencentCloud

extension Interpreter {
    /// The spec `words` spell, ready to match: parsed (errors as usage errors of `command`),
    /// then each `latest:FAMILY` looked up with DescribeImageFromFamily in `region` (by default
    /// the session's), one call per family, so that matching needs no API.
    func selectionSpec(_ words: [String], command: String, region: String? = nil) async throws(ShellError)
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
        let asked: String
        if let region { asked = region } else { asked = try requireRegion() }
        var answers: [String: String?] = [:]
        for family in families {
            answers[family] = .some(try await latestImage(family: family, region: asked)?.imageId)
        }
        do {
            return try spec.resolvingLatest(answers, region: asked)
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

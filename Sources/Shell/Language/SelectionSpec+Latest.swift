extension SelectionSpec {
    /// The families of the `latest:` terms not looked up yet, in the order written, each once.
    public var unresolvedFamilies: [String] {
        var families: [String] = []
        for case .image(.latest(let family, nil)) in terms where !families.contains(family) {
            families.append(family)
        }
        return families
    }

    /// The spec with each `latest:` term answered: `answers[family]` holds the ids of the
    /// family's newest usable image in each region of `regions` that has one (a text such as
    /// `ap-nanjing` or `ap-nanjing, ap-tokyo`, for the message when none has). Families missing
    /// from `answers` stay unresolved.
    public func resolvingLatest(_ answers: [String: [String]], regions: String) throws(SelectionError) -> SelectionSpec
    {
        var resolved = self
        for index in terms.indices {
            guard case .image(.latest(let family, nil)) = terms[index], let ids = answers[family] else { continue }
            guard !ids.isEmpty else { throw .noUsableImage(family: family, region: regions) }
            resolved.terms[index] = .image(.latest(family: family, imageIDs: ids))
        }
        return resolved
    }
}

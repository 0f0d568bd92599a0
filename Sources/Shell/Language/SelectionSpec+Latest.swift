extension SelectionSpec {
    /// The families of the `latest:` terms not looked up yet, in the order written, each once.
    public var unresolvedFamilies: [String] {
        var families: [String] = []
        for case .image(.latest(let family, nil)) in terms where !families.contains(family) {
            families.append(family)
        }
        return families
    }

    /// The spec with each `latest:` term answered: `answers[family]` is the id of the family's
    /// newest usable image in `region`, or nil when it has none (an error naming the family).
    /// Families missing from `answers` stay unresolved.
    public func resolvingLatest(_ answers: [String: String?], region: String) throws(SelectionError) -> SelectionSpec {
        var resolved = self
        for index in terms.indices {
            guard case .image(.latest(let family, nil)) = terms[index], let answer = answers[family] else { continue }
            guard let id = answer else { throw .noUsableImage(family: family, region: region) }
            resolved.terms[index] = .image(.latest(family: family, imageID: id))
        }
        return resolved
    }
}

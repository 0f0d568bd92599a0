import TencentCloudCore

extension SharePlan {
    /// Above this many images, the plan shown before confirming is a summary, not per image.
    public static let compactThreshold = 20

    /// The plan as lines for people: a summary line, skip reasons, and (when `detailed`) an
    /// aligned table, one row per image, like `ls`. A plan over several regions has a summary
    /// line, then a section per region (its summary, skips and table).
    public func describedLines(detailed: Bool, names: (String) -> String? = { _ in nil }) -> [String] {
        let sections = sections
        guard sections.count > 1 else { return regionLines(detailed: detailed, names: names) }
        var lines = [headline]
        for section in sections {
            lines += section.regionLines(detailed: detailed, names: names).map { "  " + $0 }
        }
        return lines
    }

    /// ``describedLines(detailed:names:)`` of a one-region plan.
    private func regionLines(detailed: Bool, names: (String) -> String?) -> [String] {
        var lines = [headline]
        let skipped = images.compactMap(\.skipReason)
        if !skipped.isEmpty {
            let byKind = Dictionary(grouping: skipped, by: \.kind).map { "\($0.value.count) \($0.key)" }.sorted()
            lines.append("  skipped images: " + byKind.joined(separator: ", "))
        }
        guard detailed else { return lines }
        var table = Table(columns: [
            .init("IMAGE ID", key: "image_id"), .init("NAME", key: "name", maxWidth: 30),
            .init(operation == .share ? "ADD" : "REMOVE", key: "change"), .init("NOTES", key: "notes"),
        ])
        for image in images {
            var parts: [String] = []
            let sign = operation == .share ? "+" : "-"
            let change = image.change.isEmpty ? "" : sign + BatchEngine.abbreviated(image.change, first: 5)
            if image.readFirst { parts.append("(reads the share list first)") }
            let settled = Dictionary(grouping: image.settled.keys.sorted()) { image.settled[$0]! }
            for (outcome, accounts) in settled.sorted(by: { $0.key.kind.rawValue < $1.key.kind.rawValue }) {
                let what: String
                switch outcome {
                case .alreadyPresent: what = "already shared"
                case .notPresent: what = "not shared"
                case .skipped(let reason): what = "skipped, \(reason)"
                case .notStarted(let reason): what = "not started, \(reason)"
                default: what = outcome.kind.label
                }
                parts.append("\(what): \(BatchEngine.abbreviated(accounts, first: 5))")
            }
            table.rows.append([
                .init(.string(image.imageId)), .init(.string(names(image.imageId) ?? "")),
                .init(.string(change)), .init(.string(parts.joined(separator: "; "))),
            ])
        }
        let rendered = table.rendered(as: .table).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return lines + rendered.map { "  " + $0 }
    }

    /// `share 3 accounts on 300 images in ap-nanjing: 765 changes in 255 calls, 12 already shared, 45 images skipped`.
    public var headline: String {
        let changes = images.reduce(0) { $0 + $1.change.count }
        let calls = self.calls.count
        let settled = images.flatMap(\.settled.values)
        let done = settled.filter { $0 == .alreadyPresent || $0 == .notPresent }.count
        let skippedImages = images.filter { $0.skipReason != nil }.count
        let who = accounts.isEmpty ? "every account" : counted(accounts.count, "account")
        let regions = regions
        let place = regions.count == 1 ? region : "\(regions.count) regions (\(regions.joined(separator: ", ")))"
        var text = "\(operation.rawValue) \(who) on \(counted(images.count, "image")) in \(place): "
        text += "\(counted(changes, "change")) in \(counted(calls, "call"))"
        if done > 0 { text += ", \(done) already \(operation == .share ? "shared" : "not shared")" }
        if skippedImages > 0 { text += ", \(counted(skippedImages, "image")) skipped" }
        return text
    }

    /// The calls as `--dry-run` prints them in the table format.
    public var callLines: [String] {
        calls.map {
            "ModifyImageSharePermission " + ($0.region.map { "Region=\($0) " } ?? "")
                + "ImageId=\($0.imageId) AccountIds=\($0.accountIds.joined(separator: ",")) "
                + "Permission=\($0.permission.rawValue)"
        }
    }
}

extension SkipReason {
    /// The reason without its details, for counting.
    var kind: String {
        switch self {
        case .notNormal: "not NORMAL"
        case .byol: "BYOL"
        case .notOwnImage: "not your custom image"
        case .overQuota: "over the 500-account limit"
        case .notListed: "not listed"
        case .interrupted: "interrupted"
        case .journalUnwritable: "journal not writable"
        case .endpointUnreachable: "endpoint unreachable"
        case .ownAccount: "your own account"
        }
    }
}

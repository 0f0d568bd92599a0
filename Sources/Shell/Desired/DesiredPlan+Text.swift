import Foundation

extension DesiredPlan {
    /// Skipped images named per region before the rest are only counted.
    static let skippedShown = 5

    /// The plan for people: per region the images to change, additions (`+account`) first and
    /// removals (`-account`) apart after them, then skipped images, then a summary line.
    public var lines: [String] {
        var lines: [String] = []
        for region in regions {
            let changed = region.images.filter(\.changes).count
            if changed == 0 {
                lines.append("\(region.region): as declared (\(Self.count(region.declaredImages, "image")))")
            } else {
                let declared = Self.count(region.declaredImages, "declared image")
                lines.append("\(region.region): \(changed) of \(declared) to change")
            }
            for image in region.images where !image.add.isEmpty {
                lines.append("  \(Self.label(image))  " + image.add.map { "+" + $0 }.joined(separator: " "))
            }
            for image in region.images where !image.remove.isEmpty {
                lines.append("  \(Self.label(image))  " + image.remove.map { "-" + $0 }.joined(separator: " "))
            }
            let skipped = region.images.filter { $0.skipped != nil }
            for image in skipped.prefix(Self.skippedShown) {
                lines.append("  \(Self.label(image))  skipped: \(image.skipped ?? "")")
            }
            if skipped.count > Self.skippedShown {
                lines.append("  +\(skipped.count - Self.skippedShown) more skipped (--output json lists every image)")
            }
        }
        lines.append(headline)
        return lines.map(\.controlCharactersEscaped)
    }

    /// `plan: 3 to add, 1 to remove, on 2 images in 2 regions` or, when nothing is pending,
    /// `plan: nothing to change; shares.yaml is in effect (8 images in 2 regions)`.
    public var headline: String {
        let scope = "in \(Self.count(summary.regions, "region"))"
        guard summary.pending else {
            let images = Self.count(summary.declaredImages, "image")
            return "plan: nothing to change; \(file) is in effect (\(images) \(scope))"
        }
        return "plan: \(summary.add) to add, \(summary.remove) to remove, on "
            + "\(Self.count(summary.changedImages, "image")) \(scope)"
    }

    /// The plan as rows (`--output tsv`): region, image id, name, `+` or `-`, account.
    public var table: Table {
        var table = Table(columns: [
            .init("REGION", key: "region"), .init("IMAGE ID", key: "image_id"), .init("NAME", key: "name"),
            .init("CHANGE", key: "change"), .init("ACCOUNT", key: "account"),
        ])
        for region in regions {
            for image in region.images {
                let changes = image.add.map { ("+", $0) } + image.remove.map { ("-", $0) }
                for (sign, account) in changes {
                    table.rows.append([
                        .init(.string(region.region)), .init(.string(image.imageId)), .init(.string(image.name ?? "")),
                        .init(.string(sign)), .init(.string(account)),
                    ])
                }
            }
        }
        return table
    }

    /// The plan as one JSON document (`--output json`), keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func label(_ image: ImageChange) -> String {
        image.name.map { image.imageId + " " + $0 } ?? image.imageId
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

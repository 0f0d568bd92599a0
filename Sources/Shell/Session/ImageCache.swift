import CVM
import Foundation

/// The image lists of the session's regions as last read, one after the other in the order of
/// the region set, numbered 1…N across them all for `select`.
public struct ImageCache: Sendable {
    /// The regions, in the order their images come in ``images``.
    public let regions: [String]
    /// Region by region; within one, newest first, then by id (``ImageLister/ordered(_:)``):
    /// index 0 is `ls` number 1.
    public let images: [Image]
    public let fetched: Date
    /// Where each region's images start in ``images`` (parallel to ``regions``).
    private let starts: [Int]
    private let positions: [String: Int]

    /// The list of one region.
    public init(region: String, images: [Image], fetched: Date) {
        self.init(sections: [(region, images)], fetched: fetched)
    }

    /// The lists of several regions, in this order.
    public init(sections: [(region: String, images: [Image])], fetched: Date) {
        regions = sections.map(\.region)
        var all: [Image] = []
        var starts: [Int] = []
        if sections.count == 1 {
            // One region keeps the list it was given (no copy of every image).
            all = sections[0].images
            starts = [0]
        } else {
            all.reserveCapacity(sections.reduce(0) { $0 + $1.images.count })
            for section in sections {
                starts.append(all.count)
                all += section.images
            }
        }
        images = all
        self.starts = starts
        self.fetched = fetched
        var positions: [String: Int] = [:]
        positions.reserveCapacity(all.count)
        for offset in all.indices { positions[all[offset].imageId] = offset }
        self.positions = positions
    }

    /// The first region (the only one, for a one-region session).
    public var region: String { regions.first ?? "" }

    /// Whether the list spans more than one region (`ls` then shows a REGION column).
    public var spansRegions: Bool { regions.count > 1 }

    /// `ap-nanjing`, or `2 regions (ap-nanjing 150, ap-tokyo 4)` for a set.
    public var regionsText: String {
        guard spansRegions else { return region }
        let counts = regions.map { "\($0) \(range(of: $0).count)" }.joined(separator: ", ")
        return "\(regions.count) regions (\(counts))"
    }

    /// The region of the image at `position` of ``images``.
    public func region(at position: Int) -> String {
        var index = 0
        while index + 1 < starts.count, starts[index + 1] <= position { index += 1 }
        return regions.isEmpty ? "" : regions[index]
    }

    /// The region the image with this id is listed in.
    public func region(of id: String) -> String? {
        positions[id].map(region(at:))
    }

    /// The positions of `region`'s images in ``images``.
    public func range(of region: String) -> Range<Int> {
        guard let index = regions.firstIndex(of: region) else { return 0..<0 }
        let end = index + 1 < starts.count ? starts[index + 1] : images.count
        return starts[index]..<end
    }

    /// The image with this id, if listed.
    public func image(_ id: String) -> Image? {
        positions[id].map { images[$0] }
    }

    /// The position (0-based) of the image with this id in ``images``.
    public func position(of id: String) -> Int? {
        positions[id]
    }

    /// The `ls` number (1-based) of the image with this id.
    public func number(of id: String) -> Int? {
        positions[id].map { $0 + 1 }
    }
}

extension Image: SelectableImage {
    public var name: String { imageName ?? "" }

    public func hasTag(_ key: String, value: String?) -> Bool {
        tags?.contains { $0.key == key && (value == nil || $0.value == value) } ?? false
    }
}

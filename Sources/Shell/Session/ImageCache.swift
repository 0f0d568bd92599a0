import CVM
import Foundation

/// The image list of one region as last read, numbered 1…N for `select`.
public struct ImageCache: Sendable {
    public let region: String
    /// Newest first, then by id (``ImageLister/ordered(_:)``): index 0 is `ls` number 1.
    public let images: [Image]
    public let fetched: Date
    private let positions: [String: Int]

    public init(region: String, images: [Image], fetched: Date) {
        self.region = region
        self.images = images
        self.fetched = fetched
        var positions: [String: Int] = [:]
        positions.reserveCapacity(images.count)
        for (offset, image) in images.enumerated() { positions[image.imageId] = offset }
        self.positions = positions
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

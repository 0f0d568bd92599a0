import BitCollections
import CVM

/// The selected images: a set of positions in the image list they were chosen from, so that
/// `select` and `unselect` over thousands of images cost a few word operations and never look
/// an id up. Ids come out in list order; a fresh read of the list carries the selection over
/// by id (``carried(to:)``).
public struct Selection: Sendable {
    /// The list the positions refer to (the same storage as the session's ``ImageCache``).
    private var images: [Image]
    private var positions: BitSet

    /// Nothing selected.
    public init() {
        images = []
        positions = []
    }

    /// The images at `positions` of `cache`'s list.
    init(_ positions: BitSet, of cache: ImageCache) {
        images = cache.images
        self.positions = positions
    }

    /// How many images are selected.
    public var count: Int { positions.count }

    public var isEmpty: Bool { positions.isEmpty }

    /// The selected image ids, in list order.
    public var ids: [String] { positions.map { images[$0].imageId } }

    /// The positions in the list, as a set (for `unselect`).
    var positionSet: BitSet { positions }

    /// Whether the image at `position` of the list is selected.
    public func contains(position: Int) -> Bool {
        positions.contains(position)
    }

    /// The same images in a fresh read of the list: those no longer listed drop out.
    public func carried(to cache: ImageCache) -> Selection {
        var moved = BitSet()
        for position in positions {
            if let now = cache.position(of: images[position].imageId) { moved.insert(now) }
        }
        return Selection(moved, of: cache)
    }
}

extension SelectionSpec {
    /// The positions in `images` the spec names, as a bit set (see ``visit(_:position:mark:)``).
    func positions(
        in images: [some SelectableImage], position: ((String) -> Int?)? = nil
    ) throws(SelectionError) -> BitSet {
        var chosen = BitSet()
        try visit(images, position: position) { chosen.formUnion($0) }
        return chosen
    }
}

import Foundation
import TencentCloud

/// Reads every image of a region fast: the first round asks for ``firstRound`` pages at once
/// (a region at the default quota of 500 custom images is read in one round trip), the totals
/// they report tell how many pages remain, and those are fetched concurrently too (the client's
/// rate limiter keeps them inside the documented 40 requests per second), so 5,000 images take
/// about one round trip plus 45 pages / 40 per second instead of 50 round trips.
///
/// The result is de-duplicated and in a stable order: newest first, then by image id. If the
/// total changes while paging (images created or deleted), pages up to the largest total seen
/// are read, so a growing list is never cut short.
public struct ImageLister: Sendable {
    public static let pageSize = 100
    public let client: CVMClient
    /// Pages in flight at once; enough to fill the rate limit at a few hundred ms of latency.
    public var concurrency: Int
    /// Pages asked for before any total is known. A smaller region answers the extra ones with
    /// an empty page: a few cheap reads, against a round trip saved for every larger one.
    public var firstRound: Int

    public init(client: CVMClient, concurrency: Int = 16, firstRound: Int = 5) {
        self.client = client
        self.concurrency = concurrency
        self.firstRound = firstRound
    }

    public func list(
        region: String, filters: [ImageFilter]
    ) async throws(TencentCloudError) -> [Image] {
        var pages: [Int: [Image]] = [:]
        var total = 0
        var offsets = Array(stride(from: 0, to: max(1, firstRound) * Self.pageSize, by: Self.pageSize))
        while !offsets.isEmpty {
            for (offset, page) in try await fetch(region: region, filters: filters, offsets: offsets) {
                pages[offset] = page.images
                total = max(total, page.totalCount)
            }
            let after = offsets[offsets.count - 1] + Self.pageSize
            offsets = Array(stride(from: after, to: total, by: Self.pageSize))
        }
        // Page by page into one array, each page let go once copied: a 50,000-image list should
        // not be held twice over while it is put in order.
        var images: [Image] = []
        images.reserveCapacity(pages.values.reduce(0) { $0 + $1.count })
        for offset in pages.keys.sorted() {
            images += pages.removeValue(forKey: offset) ?? []
        }
        return Self.ordered(images)
    }

    /// The pages at `offsets`, at most ``concurrency`` in flight. The first failure stops new
    /// reads; the ones in flight finish, and that failure is thrown.
    private func fetch(
        region: String, filters: [ImageFilter], offsets: [Int]
    ) async throws(TencentCloudError) -> [(Int, ImagePage)] {
        let client = self.client
        typealias Read = Result<(Int, ImagePage), TencentCloudError>
        var pages: [(Int, ImagePage)] = []
        var failure: TencentCloudError?
        _ = await forEachConcurrently(offsets, width: concurrency) { offset -> Read in
            do throws(TencentCloudError) {
                let page = try await client.describeImages(
                    region: region, filters: filters, offset: offset, limit: Self.pageSize)
                return .success((offset, page))
            } catch {
                return .failure(error)
            }
        } handle: { (read: Read) in
            switch read {
            case .success(let page): pages.append(page)
            case .failure(let error): failure = failure ?? error
            }
            return failure == nil
        }
        if let failure { throw failure }
        return pages
    }

    /// De-duplicates by id and sorts newest first, then by id (the order `ls` numbers).
    /// Sorts positions, not images, so the list is copied once.
    public static func ordered(_ images: [Image]) -> [Image] {
        var seen = Set<String>(minimumCapacity: images.count)
        var keys: [(created: Double, index: Int)] = []
        keys.reserveCapacity(images.count)
        for index in images.indices where seen.insert(images[index].imageId).inserted {
            keys.append((images[index].created?.timeIntervalSince1970 ?? -.infinity, index))
        }
        keys.sort { a, b in
            a.created != b.created ? a.created > b.created : images[a.index].imageId < images[b.index].imageId
        }
        return keys.map { images[$0.index] }
    }
}

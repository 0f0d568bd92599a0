import Foundation
import TencentCloud

/// Reads every image of a region fast: the first page (100 images) tells the total, then the
/// remaining pages are fetched concurrently (the client's rate limiter keeps them inside the
/// documented 40 requests per second), so 5,000 images take about one round trip plus
/// 49 pages / 40 per second instead of 50 round trips.
///
/// The result is de-duplicated and in a stable order: newest first, then by image id. If the
/// total changes while paging (images created or deleted), pages up to the largest total seen
/// are read, so a growing list is never cut short.
public struct ImageLister: Sendable {
    public static let pageSize = 100
    public let client: CVMClient
    /// Pages in flight at once; enough to fill the rate limit at a few hundred ms of latency.
    public var concurrency: Int

    public init(client: CVMClient, concurrency: Int = 16) {
        self.client = client
        self.concurrency = concurrency
    }

    public func list(region: String, filters: [ImageFilter]) async throws(TencentCloudError) -> [Image] {
        let first = try await client.describeImages(region: region, filters: filters, offset: 0, limit: Self.pageSize)
        var pages: [Int: [Image]] = [0: first.images]
        var total = first.totalCount
        var nextOffset = Self.pageSize
        while nextOffset < total {
            let offsets = Array(stride(from: nextOffset, to: total, by: Self.pageSize))
            let fetched = try await fetch(region: region, filters: filters, offsets: offsets)
            for (offset, page) in fetched {
                pages[offset] = page.images
                total = max(total, page.totalCount)
            }
            nextOffset = (offsets.last ?? nextOffset) + Self.pageSize
        }
        return Self.ordered(pages.keys.sorted().flatMap { pages[$0]! })
    }

    private func fetch(
        region: String, filters: [ImageFilter], offsets: [Int]
    ) async throws(TencentCloudError) -> [(Int, ImagePage)] {
        let client = self.client
        let width = max(1, concurrency)
        do {
            return try await withThrowingTaskGroup(of: (Int, ImagePage).self) { group in
                var results: [(Int, ImagePage)] = []
                var pending = offsets[...]
                func launch() {
                    guard let offset = pending.popFirst() else { return }
                    group.addTask {
                        (offset, try await client.describeImages(region: region, filters: filters, offset: offset, limit: Self.pageSize))
                    }
                }
                for _ in 0..<width { launch() }
                while let result = try await group.next() {
                    results.append(result)
                    launch()
                }
                return results
            }
        } catch let error as TencentCloudError {
            throw error
        } catch {
            throw .cancelled(action: Actions.describeImages.name)
        }
    }

    /// De-duplicates by id and sorts newest first, then by id (the order `ls` numbers).
    public static func ordered(_ images: [Image]) -> [Image] {
        var seen = Set<String>()
        let unique = images.filter { seen.insert($0.imageId).inserted }
        let keyed = unique.map { ($0.created?.timeIntervalSince1970 ?? -.infinity, $0) }
        return keyed.sorted { a, b in
            a.0 != b.0 ? a.0 > b.0 : a.1.imageId < b.1.imageId
        }.map(\.1)
    }
}

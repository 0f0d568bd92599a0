import CVM
import Foundation
import TencentCloud

/// What `publish` shares, region by region, as the images become NORMAL.
struct PublishTargets {
    /// Images to share per region (the sources in theirs, each copy in its own), in order.
    var regions: [(region: String, ids: [String])]

    /// The targets of the sources and every copy `results` made or found.
    init(sourceRegion: String, sources: [String], results: [CopyResult]) {
        regions = [(sourceRegion, sources)]
        for result in results {
            guard let copy = result.outcome.copyId else { continue }
            if let index = regions.firstIndex(where: { $0.region == result.region }) {
                regions[index].ids.append(copy)
            } else {
                regions.append((result.region, [copy]))
            }
        }
    }
}

extension Interpreter {
    /// Shares every image of `targets` with `accounts` as soon as it is NORMAL: polls the
    /// images (as `wait` does) and, each time some turn NORMAL, runs one journaled share batch
    /// per region for them. Returns the images shared per region; fails at the end when a batch
    /// failed, and at once on Ctrl-C or when `timeout` runs out (naming what is left).
    func shareWhenNormal(
        _ targets: PublishTargets, accounts: [String], timeout: Duration
    ) async throws(ShellError) -> [String: [String]] {
        var watch = ImageWatch(targets: targets.regions)
        var shared: [String: [String]] = [:]
        var failure: ShellError?
        let client = try client()
        let own = await ownAccountId()
        let started = ContinuousClock.now
        var interval = Duration.milliseconds(500)
        while true {
            do {
                try await watch.poll(client)
            } catch {
                throw ShellError(error)
            }
            for target in watch.targets {
                let ready = target.ids.filter {
                    watch.seen[$0]?.state == "NORMAL" && !(shared[target.region] ?? []).contains($0)
                }
                guard !ready.isEmpty else { continue }
                let images = try await withClient { client throws(TencentCloudError) in
                    try await client.describeImages(region: target.region, imageIds: ready)
                }
                let cache = ImageCache(region: target.region, images: images, fetched: Date())
                let plan = SharePlanner.share(
                    selection: ready, accounts: accounts, images: cache, ownAccountId: own, shares: session.shares)
                shared[target.region, default: []] += ready
                guard !plan.isEmpty else { continue }
                inform("publish: sharing \(counted(ready.count, "image")) in \(target.region)")
                do {
                    try await runBatch(plan)
                } catch {
                    if case .interruptedBatch = error { throw error }
                    failure = failure ?? error
                }
            }
            let left = watch.targets.flatMap { target in
                target.ids.filter { !(shared[target.region] ?? []).contains($0) }.map { (target.region, $0) }
            }
            if left.isEmpty { break }
            if !watch.failed.isEmpty {
                throw .failed("publish: will not become NORMAL: \(watch.failed.joined(separator: ", "))")
            }
            let elapsed = ContinuousClock.now - started
            guard elapsed < timeout else {
                throw .failed(
                    "publish: timed out; not NORMAL yet, not shared: \(watch.pending.joined(separator: ", ")); "
                        + "run `wait`, then `publish` again (it finds the copies)")
            }
            do {
                try await Task.sleep(for: min(interval, timeout - elapsed))
            } catch {
                throw .interrupted
            }
            interval = min(interval * 3 / 2, .seconds(10))
        }
        if let failure { throw failure }
        return shared
    }
}

import CVM
import Foundation
import TencentCloud

/// What `publish` shares, region by region: the sources in theirs, each copy in its own.
struct PublishTargets {
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
    /// Shares every image of `targets` with `accounts` in ONE journaled batch over their regions
    /// (``SharePlan/merged(_:)``), each image as soon as it is NORMAL: the batch waits before an
    /// image's first change until DescribeImages shows it NORMAL (``ImageReadiness``). Images
    /// still SYNCING are planned as they will be. Returns the plan that ran.
    func shareWhenNormal(
        _ targets: PublishTargets, accounts: [String], timeout: Duration
    ) async throws(ShellError) -> SharePlan? {
        let own = await ownAccountId()
        var plans: [SharePlan] = []
        for target in targets.regions where !target.ids.isEmpty {
            var images: [Image] = []
            var start = 0
            while start < target.ids.count {
                let chunk = Array(target.ids[start..<min(start + 100, target.ids.count)])
                images += try await withClient { (client: CVMClient) throws(TencentCloudError) -> [Image] in
                    try await client.describeImages(region: target.region, imageIds: chunk)
                }
                start += 100
            }
            // A copy (or a source being copied) is shared once NORMAL: the batch waits for it.
            for index in images.indices where images[index].imageState == "SYNCING" {
                images[index].imageState = "NORMAL"
            }
            let cache = ImageCache(region: target.region, images: images, fetched: Date())
            plans.append(
                SharePlanner.share(
                    selection: target.ids, accounts: accounts, images: cache, ownAccountId: own,
                    shares: session.shares))
        }
        guard let plan = SharePlan.merged(plans), !plan.isEmpty else { return nil }
        let client = try client()
        try await runBatch(plan) { region, imageId in
            await Self.waitUntilNormal(client: client, region: region, imageId: imageId, timeout: timeout)
        }
        return plan
    }

    /// Polls one image until it is NORMAL (`nil`), politely: after half a second, then as its
    /// SyncPercent says (``nextPoll(after:percent:gained:)``), so a copy is shared soon after it
    /// is done without asking often while it has far to go. Otherwise the outcome its pairs get:
    /// not started on Ctrl-C, failed when it is gone, failed or still not NORMAL after `timeout`.
    static func waitUntilNormal(
        client: CVMClient, region: String, imageId: String, timeout: Duration
    ) async -> PairOutcome? {
        let started = ContinuousClock.now
        var wait = Duration.milliseconds(500)
        var previous: (at: ContinuousClock.Instant, percent: Int?)?
        while true {
            let image: Image?
            do {
                image = try await client.describeImages(region: region, imageIds: [imageId]).first
            } catch {
                if Task.isCancelled { return .notStarted(.interrupted) }
                return .failed(code: error.code?.rawValue ?? "transport", message: error.description, requestId: nil)
            }
            let state = image?.imageState
            switch state {
            case "NORMAL": return nil
            case nil, "CREATEFAILED", "IMPORTFAILED":
                let message = "the image is \(state ?? "gone") and will not become NORMAL"
                return .failed(code: "cvmsh.NotNormal", message: message, requestId: nil)
            default: break
            }
            let now = ContinuousClock.now
            let elapsed = now - started
            guard elapsed < timeout else {
                return .failed(code: "cvmsh.Timeout", message: "still \(state ?? "") after \(timeout)", requestId: nil)
            }
            let percent = image?.syncPercent
            if let previous {
                let gained = previous.percent.flatMap { before in percent.map { $0 - before } }
                wait = nextPoll(after: now - previous.at, percent: percent, gained: gained)
            }
            previous = (now, percent)
            do {
                try await Task.sleep(for: min(wait, timeout - elapsed))
            } catch {
                return .notStarted(.interrupted)
            }
        }
    }

    /// The wait before the next look at an image being copied, `last` after the previous look:
    /// half the time its SyncPercent says is left at the pace it rose since then (`gained`
    /// points in `last`), between 0.5 s and 10 s; while it shows no progress (no percentage, or
    /// none gained), 1.5 times `last` (at most 10 s).
    static func nextPoll(after last: Duration, percent: Int?, gained: Int?) -> Duration {
        guard let percent, let gained, gained > 0, percent < 100 else { return min(last * 3 / 2, .seconds(10)) }
        let left = last * (Double(100 - percent) / Double(gained))
        return min(max(left / 2, .milliseconds(500)), .seconds(10))
    }
}

extension Interpreter {
    /// For `resume` of a batch that shares copies (`publish`): each image waits until it is
    /// NORMAL, as in the batch that was interrupted. `nil` for other batches.
    func copyReadiness(for batch: JournalBatch) -> ImageReadiness? {
        guard let records = try? copyRecords(), batch.imageIds.contains(where: { records.record(ofCopy: $0) != nil }),
            let client = try? client()
        else { return nil }
        return { region, imageId in
            await Interpreter.waitUntilNormal(
                client: client, region: region, imageId: imageId, timeout: WaitCommand.defaultTimeout)
        }
    }
}

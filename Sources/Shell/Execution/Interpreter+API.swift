import CVM
import Foundation
import TencentCloud

extension Interpreter {
    /// The API client for the session's endpoint.
    public func client() throws(ShellError) -> CVMClient {
        try services.client(for: session.endpoint)
    }

    /// Runs `body` with the session's client, turning API errors into shell errors.
    public func withClient<T>(_ body: (CVMClient) async throws(TencentCloudError) -> T) async throws(ShellError) -> T {
        let client = try client()
        do {
            return try await body(client)
        } catch {
            throw ShellError(error)
        }
    }

    /// The current region, or an error telling how to choose one.
    public func requireRegion() throws(ShellError) -> String {
        guard let region = session.region else {
            throw .failed(
                "no region selected: run `region REGION` (see `regions`), "
                    + "or start with --region or TENCENTCLOUD_REGION")
        }
        return region
    }

    /// DescribeRegions, read once per endpoint and kept. The call carries `region` (the one being
    /// switched to), else the session's, else ap-guangzhou.
    public func regions(refresh: Bool = false, region: String? = nil) async throws(ShellError) -> [RegionInfo] {
        if !refresh, let regions = session.regions { return regions }
        let asked = region ?? session.region ?? Session.fallbackRegion
        let regions = try await withClient { client throws(TencentCloudError) in
            try await client.describeRegions(region: asked).sorted { $0.region < $1.region }
        }
        session.regions = regions
        return regions
    }

    /// The session's regions, or an error telling how to choose one.
    public func requireRegions() throws(ShellError) -> [String] {
        _ = try requireRegion()
        return session.regionSet
    }

    /// The caller's own custom images in the session's regions, read (all pages, the regions
    /// concurrently) at most once until `refresh`. Selected images that are no longer listed
    /// leave the selection.
    public func images(refresh: Bool = false) async throws(ShellError) -> ImageCache {
        let region = try requireRegion()
        if !refresh, let cache = session.images, cache.regions == session.regionSet { return cache }
        if session.ownAccountId == nil, session.accountLookup == nil, session.accountLookupFailure == nil {
            // A share needs the caller's account: ask while the pages load, and never make the
            // list wait for the answer (STS may be slower or unreachable; `share` reports that).
            let client = try client()
            session.accountLookup = Task {
                do throws(TencentCloudError) {
                    return .success(try await client.getCallerIdentity(region: region).accountId)
                } catch {
                    return .failure(error)
                }
            }
        }
        let cache = try await imageList(\.images, filter: .ownImages, refresh: true)
        session.selection = session.selection.carried(to: cache)
        return cache
    }

    /// Images other accounts shared with the caller in the session's regions (read-only).
    public func imagesSharedWithMe(refresh: Bool = false) async throws(ShellError) -> ImageCache {
        try await imageList(\.sharedWithMe, filter: .sharedWithMe, refresh: refresh)
    }

    /// The list `filter` selects, kept in `slot` of the session for the session's regions.
    private func imageList(
        _ slot: WritableKeyPath<Session, ImageCache?>, filter: ImageFilter, refresh: Bool
    ) async throws(ShellError) -> ImageCache {
        let regions = try requireRegions()
        if !refresh, let cache = session[keyPath: slot], cache.regions == regions { return cache }
        let client = try client()
        let lists = try await readRegions(regions) { region throws(TencentCloudError) in
            try await client.listAllImages(region: region, filters: [filter])
        }
        let cache = ImageCache(sections: lists.map { (region: $0.region, images: $0.1) }, fetched: Date())
        session[keyPath: slot] = cache
        return cache
    }

    /// `read` of every region in `regions`, concurrently (with the default endpoint each region
    /// has its own API host and rate limits), in the order of `regions`. The first failure (in
    /// that order) is the command's error.
    func readRegions<T: Sendable>(
        _ regions: [String], _ read: @escaping @Sendable (String) async throws(TencentCloudError) -> T
    ) async throws(ShellError) -> [(region: String, T)] {
        typealias Read = (String, Result<T, TencentCloudError>)
        var answers: [String: Result<T, TencentCloudError>] = [:]
        _ = await forEachConcurrently(regions, width: regions.count) { region -> Read in
            do throws(TencentCloudError) {
                return (region, .success(try await read(region)))
            } catch {
                return (region, .failure(error))
            }
        } handle: { (answer: Read) in
            answers[answer.0] = answer.1
            return true
        }
        var results: [(region: String, T)] = []
        for region in regions {
            switch answers[region] {
            case .success(let value): results.append((region, value))
            case .failure(let error): throw ShellError(error)
            case nil: throw .interrupted
            }
        }
        return results
    }

    /// The caller's root account id, from GetCallerIdentity (asked once per credential), or
    /// `nil` when it cannot be learnt (STS not served at the endpoint, denied by policy). The
    /// identity only filters the own account out of share targets, so a failure never stops a
    /// command: it is warned about once and not asked again until the endpoint or key changes.
    public func ownAccountId() async -> String? {
        if let id = session.ownAccountId { return id }
        guard session.accountLookupFailure == nil else { return nil }
        let answer: Result<String, TencentCloudError>
        if let lookup = session.accountLookup {
            session.accountLookup = nil
            answer = await lookup.value
        } else {
            answer = await lookUpAccount()
        }
        switch answer {
        case .success(let id):
            session.ownAccountId = id
            return id
        case .failure(let error):
            session.accountLookupFailure = error.description
            warn("could not learn your account id (\(error)): your own account is not filtered out")
            return nil
        }
    }

    private func lookUpAccount() async -> Result<String, TencentCloudError> {
        guard let region = session.region, let client = try? client() else {
            return .failure(.credential(CredentialError("no region or client to ask GetCallerIdentity with")))
        }
        do throws(TencentCloudError) {
            return .success(try await client.getCallerIdentity(region: region).accountId)
        } catch {
            return .failure(error)
        }
    }

    /// Writes a rendered table or record in the session's output format.
    public func render(_ table: Table) async {
        await show(table.rendered(as: session.settings.output, style: style))
    }

    /// Writes a rendered record in the session's output format.
    public func render(_ record: Record) async {
        await show(record.rendered(as: session.settings.output, style: style))
    }

    /// Writes a command's result: through the console's pager in an interactive session at a
    /// terminal with `set pager on` (the pager shows short text as it is), else as it is.
    /// Output captured for a pipe or a file is never paged.
    public func show(_ text: String) async {
        if isInteractive, session.settings.pager, console.isTerminal {
            await console.page(text)
        } else {
            console.write(text)
        }
    }

    /// Colour only where the console allows it; the table format fits the terminal's width.
    public var style: Style {
        Style(
            usesColor: console.usesColor, width: console.isTerminal ? console.width : nil,
            tsvHeader: session.settings.tsvHeader, csvBOM: session.settings.csvBOM)
    }
}

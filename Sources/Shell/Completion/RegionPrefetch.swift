import Synchronization
import TencentCloud

/// The region list for TAB completion when the session has not read it yet (`region <TAB>`
/// before `regions`): the first request starts DescribeRegions in the background and returns at
/// once; the answer is kept for the session, per endpoint, so later TABs complete from it. The
/// synchronous completer never waits for the network.
public final class RegionPrefetch: Sendable {
    private enum State: Sendable {
        case loading
        case loaded([String])
    }

    private let read: @Sendable (Endpoint, _ region: String?) async -> [String]?
    private let states = Mutex<[String: State]>([:])

    /// - Parameter read: the region ids at an endpoint, asked with the session's region (if any),
    ///   `nil` when they cannot be read (tried again on a later request).
    public init(read: @escaping @Sendable (Endpoint, _ region: String?) async -> [String]?) {
        self.read = read
    }

    /// Reads regions through the session's clients (DescribeRegions, errors ignored).
    public convenience init(services: ShellServices) {
        self.init { endpoint, region in
            guard let client = try? services.client(for: endpoint) else { return nil }
            // Some deployments require X-TC-Region even for DescribeRegions: always send one.
            return try? await client.describeRegions(region: region ?? Session.fallbackRegion).map(\.region).sorted()
        }
    }

    /// The regions at `endpoint` once read; otherwise starts reading them (once) and returns `nil`.
    public func regions(at endpoint: Endpoint, region: String? = nil) -> [String]? {
        let key = endpoint.description
        let start: Bool = states.withLock { states in
            switch states[key] {
            case .loaded: return false
            case .loading: return false
            case nil:
                states[key] = .loading
                return true
            }
        }
        if start {
            Task.detached { [self] in
                let regions = await read(endpoint, region)
                states.withLock { $0[key] = regions.map { .loaded($0) } }
            }
        }
        return states.withLock { states in
            if case .loaded(let regions) = states[key] { return regions }
            return nil
        }
    }
}

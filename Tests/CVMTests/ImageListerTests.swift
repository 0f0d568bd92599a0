import CVM
import CVMEmulator
import Foundation
import Synchronization
import TencentCloud
import TestSupport
import Testing

/// Paging against the emulator over real HTTP, and against a scripted server whose total changes.
@Suite struct ImageListerTests {
    func client(_ endpoint: String, limits: RateLimits = .off) throws -> CVMClient {
        let api = APIClient(
            configuration: ClientConfiguration(
                endpoint: try Endpoint(parsing: endpoint), requestClient: "cvmsh/test", rateLimits: limits),
            credentials: StaticCredentialProvider(
                Credential(secretId: EmulatorState.demoSecretId, secretKey: EmulatorState.demoSecretKey)),
            transport: try AsyncHTTPTransport(configuration: TransportConfiguration()))
        return CVMClient(api: api)
    }

    @Test func readsEveryPageOnceInStableOrder() async throws {
        let (images, calls) = try await withEmulator(
            EmulatorOptions(state: .generated(images: 1234), rateLimit: .documented)
        ) { emulator in
            let cvm = try client(emulator.endpoint, limits: .documented)
            let images = try await cvm.listAllImages(region: EmulatorState.demoRegion)
            await cvm.api.shutdown()
            return (images, await emulator.calls().filter { $0.action == "DescribeImages" })
        }

        #expect(images.count == 1234)
        #expect(Set(images.map(\.imageId)).count == 1234)
        #expect(images == ImageLister.ordered(images))
        #expect(calls.count == 13)
        #expect(calls.allSatisfy { $0.errorCode == nil })
        let offsets = calls.compactMap { call -> Int? in
            (try? JSONSerialization.jsonObject(with: Data(call.parameters.utf8)) as? [String: Any])?["Offset"] as? Int
        }
        #expect(offsets.sorted() == Array(stride(from: 0, to: 1300, by: 100)))
    }

    /// Lists every image of the demo region of `emulator`, counting requests in flight.
    private func listCounting(_ emulator: Emulator) async throws -> (images: [Image], transport: InFlightCounter) {
        let transport = InFlightCounter(try AsyncHTTPTransport(configuration: TransportConfiguration()))
        let api = APIClient(
            configuration: ClientConfiguration(
                endpoint: try Endpoint(parsing: emulator.endpoint), requestClient: "t", rateLimits: .off),
            credentials: StaticCredentialProvider(
                Credential(secretId: EmulatorState.demoSecretId, secretKey: EmulatorState.demoSecretKey)),
            transport: transport)
        let images = try await CVMClient(api: api).listAllImages(region: EmulatorState.demoRegion)
        await api.shutdown()
        return (images, transport)
    }

    @Test func pagesAreFetchedConcurrentlyInTwoRounds() async throws {
        let (images, transport) = try await withEmulator(
            EmulatorOptions(state: .generated(images: 1000), rateLimit: .off, latency: .milliseconds(100))
        ) { emulator in try await listCounting(emulator) }
        #expect(images.count == 1000)
        // Five pages are asked for before any total is known, then the other five at once.
        #expect(transport.maximum == 5)
        #expect(transport.sent == 10)
    }

    @Test func aSmallRegionIsReadInOneRound() async throws {
        let (images, transport, pages) = try await withEmulator(
            EmulatorOptions(state: .generated(images: 130), rateLimit: .off)
        ) { emulator in
            let (images, transport) = try await listCounting(emulator)
            return (images, transport, await emulator.calls().filter { $0.action == "DescribeImages" })
        }
        #expect(images.count == 130)
        // One round of five: two pages of images, three empty ones, nothing after.
        #expect(pages.count == 5)
        #expect(transport.maximum == 5)
    }

    @Test func aGrowingTotalIsFollowedToTheEnd() async throws {
        let transport = GrowingCatalogue(initial: 250, grownTo: 720)
        let api = APIClient(
            configuration: ClientConfiguration(requestClient: "t", rateLimits: .off),
            credentials: StaticCredentialProvider(Credential(secretId: "AKIDxxxxxxxx", secretKey: "k")),
            transport: transport)
        let images = try await CVMClient(api: api).listAllImages(region: "ap-nanjing")
        // The first round (five pages) sees 720 images: two more pages are read.
        #expect(images.count == 720)
        #expect(Set(images.map(\.imageId)).count == 720)
    }
}

/// Counts the requests in flight at once.
final class InFlightCounter: HTTPTransport {
    private let inner: any HTTPTransport
    private let counts = Mutex((now: 0, sent: 0, maximum: 0))

    init(_ inner: any HTTPTransport) { self.inner = inner }

    var maximum: Int { counts.withLock { $0.maximum } }
    var sent: Int { counts.withLock { $0.sent } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        counts.withLock {
            $0.now += 1
            $0.sent += 1
            $0.maximum = max($0.maximum, $0.now)
        }
        defer { counts.withLock { $0.now -= 1 } }
        return try await inner.send(request)
    }

    func shutdown() async { await inner.shutdown() }
}

/// A DescribeImages server whose first page reports fewer images than the pages after it
/// (images were created while the list was read).
final class GrowingCatalogue: HTTPTransport {
    let initial: Int
    let grownTo: Int

    init(initial: Int, grownTo: Int) {
        self.initial = initial
        self.grownTo = grownTo
    }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let parameters = (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]) ?? [:]
        let offset = parameters["Offset"] as? Int ?? 0
        let limit = parameters["Limit"] as? Int ?? 20
        let total = offset == 0 ? initial : grownTo
        let images = (offset..<max(offset, min(offset + limit, total))).map { index in
            #"{"ImageId":"img-\#(index)","CreatedTime":"2024-01-01T00:00:00Z","ImageState":"NORMAL"}"#
        }
        let body =
            #"{"Response":{"TotalCount":\#(total),"ImageSet":[\#(images.joined(separator: ","))],"RequestId":"r"}}"#
        return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Array(body.utf8))
    }

    func shutdown() async {}
}

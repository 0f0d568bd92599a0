import CVMEmulator
import Foundation
import Synchronization
import TencentCloudCore

/// A clock tests move by hand instead of sleeping.
final class ManualClock: Sendable {
    private let value: Mutex<Double>

    init(_ start: Double = 1_750_000_000) {
        value = Mutex(start)
    }

    var now: Double { value.withLock { $0 } }

    func advance(_ seconds: Double) {
        value.withLock { $0 += seconds }
    }

    var emulatorClock: EmulatorClock { EmulatorClock { self.now } }
}

/// Keys to sign with.
struct Keys {
    var secretId: String
    var secretKey: String
    var token: String?

    static let demo = Keys(secretId: EmulatorState.demoSecretId, secretKey: EmulatorState.demoSecretKey)
    static let temporary = Keys(
        secretId: EmulatorState.demoTemporarySecretId, secretKey: EmulatorState.demoTemporarySecretKey,
        token: EmulatorState.demoTemporaryToken)
    static let collaborator = Keys(
        secretId: EmulatorState.collaboratorSecretId, secretKey: EmulatorState.collaboratorSecretKey)
    static let partner = Keys(secretId: EmulatorState.partnerSecretId, secretKey: EmulatorState.partnerSecretKey)
}

/// A service core on a manual clock, with helpers to sign and send calls.
struct Harness {
    let clock: ManualClock
    let service: EmulatorService

    init(
        state: EmulatorState = .demo(), rateLimit: RateLimit = .off, failRate: Double = 0,
        failKinds: Set<FaultKind> = [.internalError], seed: UInt64 = 0, maxAccountIds: Int? = nil,
        latency: Duration = .zero, logPath: String? = nil, strict: Bool = false, copySeconds: Double = 30,
        sourceSyncing: Bool = false
    ) throws {
        clock = ManualClock()
        var options = EmulatorOptions(
            state: state, rateLimit: rateLimit, strict: strict, latency: latency, failRate: failRate,
            failKinds: failKinds, seed: seed,
            maxAccountIdsPerCall: maxAccountIds, logPath: logPath, clock: clock.emulatorClock)
        options.copySeconds = copySeconds
        options.sourceSyncing = sourceSyncing
        service = try EmulatorService(options: options)
    }

    /// Signs (as the official SDK does) and handles one call.
    @discardableResult
    func call(
        _ action: String, _ body: String = "{}", region: String? = EmulatorState.demoRegion, keys: Keys = .demo,
        version: String? = nil, service scope: String? = nil, skew: Int = 0, host: String? = nil
    ) -> EmulatorResponse {
        let isSTS = action == "GetCallerIdentity"
        let request = EmulatorRequest.signed(
            action: action, version: version ?? (isSTS ? "2018-08-13" : "2017-03-12"),
            service: scope ?? (isSTS ? "sts" : "cvm"), region: region, body: body, secretId: keys.secretId,
            secretKey: keys.secretKey, token: keys.token, timestamp: Int(clock.now) + skew,
            host: host ?? (isSTS ? "sts.tencentcloudapi.com" : "cvm.tencentcloudapi.com"))
        return service.handle(request)
    }
}

extension EmulatorResponse {
    /// `Response` of the body.
    var payload: JSONValue? { json?["Response"] }
    /// `Response.Error.Code`, nil on success.
    var code: String? { payload?["Error"]?["Code"]?.stringValue }
    /// `ImageSet[*].ImageId`.
    var imageIds: [String] { payload?["ImageSet"]?.arrayValue?.compactMap { $0["ImageId"]?.stringValue } ?? [] }
    var totalCount: Int? { payload?["TotalCount"]?.intValue }
}

/// A small state for focused tests: the demo accounts, one region, a few images of known shape.
enum SmallState {
    static let region = "ap-nanjing"
    static let normal = "img-00000001"
    static let creating = "img-00000002"
    static let byol = "img-00000003"
    static let encrypted = "img-00000004"
    static let partnerShared = "img-00000005"
    static let partnerPrivate = "img-00000006"
    static let publicImage = "img-00000007"
    static let otherRegion = "img-00000008"

    static func make() -> EmulatorState {
        var demo = EmulatorState.demo()
        let owner = EmulatorState.demoAccountId
        let partner = EmulatorState.partnerAccountIds[0]
        func image(_ id: String, owner: String?, _ time: String, name: String, platform: String = "TencentOS")
            -> EmulatorState.Image
        {
            EmulatorState.Image(
                imageId: id, ownerAccountId: owner, osName: "\(platform) 1", createdTime: time, imageName: name,
                platform: platform)
        }
        var images = [
            image(normal, owner: owner, "2024-05-01T00:00:00Z", name: "web-prod"),
            image(creating, owner: owner, "2024-05-02T00:00:00Z", name: "web-building"),
            image(byol, owner: owner, "2024-05-03T00:00:00Z", name: "win-byol", platform: "Windows"),
            image(encrypted, owner: owner, "2024-05-04T00:00:00Z", name: "vault"),
            image(partnerShared, owner: partner, "2024-05-05T00:00:00Z", name: "partner-golden"),
            image(partnerPrivate, owner: partner, "2024-05-06T00:00:00Z", name: "partner-secret"),
            image(publicImage, owner: nil, "2020-01-01T00:00:00Z", name: "Ubuntu Server", platform: "Ubuntu"),
        ]
        images[1].imageState = "CREATING"
        images[2].licenseType = "BYOL"
        images[3].encrypted = true
        images[4].shares = [EmulatorState.SharePermission(accountId: owner, createdTime: "2024-06-01T00:00:00Z")]
        images[0].tags = [EmulatorState.Tag(key: "env", value: "prod")]
        demo.regions = [
            EmulatorState.Region(region: region, regionName: "华东地区(南京)", images: images),
            EmulatorState.Region(
                region: "ap-guangzhou", regionName: "华南地区(广州)",
                images: [
                    image(otherRegion, owner: owner, "2024-05-01T00:00:00Z", name: "gz-web")
                ]),
        ]
        return demo
    }
}

/// Makes realistic, deterministic images for the demo and generated data sets.
enum ImageFactory {
    private struct OS {
        let platform: String
        let osName: String
        let architecture: String
        let cloudInit: Bool
    }

    private static let systems = [
        OS(platform: "TencentOS", osName: "TencentOS Server 3.1 (TK4)", architecture: "x86_64", cloudInit: true),
        OS(platform: "TencentOS", osName: "TencentOS Server 4 for ARM64", architecture: "arm", cloudInit: true),
        OS(platform: "CentOS", osName: "CentOS 7.9 64位", architecture: "x86_64", cloudInit: true),
        OS(platform: "CentOS", osName: "CentOS Stream 9 64位", architecture: "x86_64", cloudInit: true),
        OS(platform: "Ubuntu", osName: "Ubuntu Server 22.04 LTS 64位", architecture: "x86_64", cloudInit: true),
        OS(platform: "Ubuntu", osName: "Ubuntu Server 24.04 LTS 64位 ARM", architecture: "arm", cloudInit: true),
        OS(platform: "Debian", osName: "Debian 12.4 64位", architecture: "x86_64", cloudInit: true),
        OS(platform: "Rocky Linux", osName: "Rocky Linux 9.3 64位", architecture: "x86_64", cloudInit: true),
        OS(platform: "OpenCloudOS", osName: "OpenCloudOS 9.0", architecture: "x86_64", cloudInit: true),
        OS(platform: "Windows", osName: "Windows Server 2022 数据中心版 64位中文版", architecture: "x86_64", cloudInit: false),
    ]
    private static let roles = [
        "web", "api", "db", "cache", "worker", "batch", "gateway", "ml-train", "ci-runner", "bastion",
    ]
    private static let environments = ["prod", "staging", "dev", "test"]
    private static let sizes = [20, 40, 50, 50, 50, 60, 80, 100, 200]
    private static let teams = ["platform", "payments", "search", "data"]

    /// `count` images owned by `owner`, with ids unique within `ids`.
    static func images(
        count: Int, owner: String, rng: inout SplitMix64, ids: inout Set<String>
    ) -> [EmulatorState.Image] {
        (0..<count).map { _ in image(owner: owner, rng: &rng, ids: &ids) }
    }

    private static func image(owner: String, rng: inout SplitMix64, ids: inout Set<String>) -> EmulatorState.Image {
        let id = uniqueId(prefix: "img-", rng: &rng, ids: &ids)
        let os = systems[Int(rng.next() % UInt64(systems.count))]
        let role = roles[Int(rng.next() % UInt64(roles.count))]
        let env = environments[Int(rng.next() % UInt64(environments.count))]
        let created = 1_672_531_200 + Int(rng.next() % 75_000_000)
        let size = sizes[Int(rng.next() % UInt64(sizes.count))]
        let roll = rng.nextUnit()
        let state: String
        var syncPercent: Int?
        var source = "CREATE_IMAGE"
        switch roll {
        case ..<0.84: state = "NORMAL"
        case ..<0.89: state = "CREATING"
        case ..<0.93: state = "CREATEFAILED"
        case ..<0.97:
            state = "SYNCING"
            syncPercent = Int(rng.next() % 99) + 1
        case ..<0.985:
            state = "IMPORTING"
            source = "EXTERNAL_IMPORT"
        default:
            state = "IMPORTFAILED"
            source = "EXTERNAL_IMPORT"
        }
        let byol = rng.nextUnit() < 0.03
        var snapshots = [
            EmulatorState.Snapshot(
                snapshotId: uniqueId(prefix: "snap-", rng: &rng, ids: &ids), diskUsage: "SYSTEM_DISK", diskSize: size)
        ]
        if rng.nextUnit() < 0.25 {
            snapshots.append(
                EmulatorState.Snapshot(
                    snapshotId: uniqueId(prefix: "snap-", rng: &rng, ids: &ids), diskUsage: "DATA_DISK",
                    diskSize: 100 * (1 + Int(rng.next() % 5))))
        }
        var tags = [EmulatorState.Tag(key: "env", value: env)]
        if rng.nextUnit() < 0.5 {
            tags.append(EmulatorState.Tag(key: "team", value: teams[Int(rng.next() % UInt64(teams.count))]))
        }
        let date = String(ISOTime.format(created).prefix(10).filter { $0 != "-" })
        return EmulatorState.Image(
            imageId: id, ownerAccountId: owner, osName: os.osName, createdTime: ISOTime.format(created),
            imageName: "\(role)-\(env)-\(date)",
            imageDescription: rng.nextUnit() < 0.5 ? "" : "Built by pipeline #\(1000 + Int(rng.next() % 9000))",
            imageSize: size, architecture: os.architecture, imageState: state, platform: byol ? "Windows" : os.platform,
            imageCreator: owner, imageSource: source, syncPercent: syncPercent, isSupportCloudinit: os.cloudInit,
            snapshotSet: snapshots, tags: tags, licenseType: byol ? "BYOL" : "TencentCloud",
            imageFamily: rng.nextUnit() < 0.1 ? "\(role)-family" : "")
    }

    /// The official images present in every region (same ids everywhere, as in the real service).
    static func publicImages() -> [EmulatorState.Image] {
        let list: [(String, OS, String)] = [
            ("img-eb30mz89", systems[0], "2023-06-01T00:00:00Z"),
            ("img-l8og963d", systems[2], "2022-11-15T00:00:00Z"),
            ("img-487zeit5", systems[4], "2023-05-10T00:00:00Z"),
            ("img-o5n8ffkv", systems[6], "2024-01-20T00:00:00Z"),
            ("img-9id7emv7", systems[9], "2024-03-05T00:00:00Z"),
            ("img-hdt9xxkt", systems[8], "2024-02-02T00:00:00Z"),
        ]
        return list.map { id, os, created in
            EmulatorState.Image(
                imageId: id, ownerAccountId: nil, osName: os.osName, createdTime: created, imageName: os.osName,
                imageDescription: os.osName, imageSize: os.platform == "Windows" ? 50 : 20,
                architecture: os.architecture, platform: os.platform, imageCreator: "", imageSource: "OFFICIAL",
                isSupportCloudinit: os.cloudInit,
                snapshotSet: [], imageFamily: "", imageDeprecated: false)
        }
    }

    private static func uniqueId(prefix: String, rng: inout SplitMix64, ids: inout Set<String>) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        while true {
            let suffix = String((0..<8).map { _ in alphabet[Int(rng.next() % 36)] })
            let id = prefix + suffix
            if ids.insert(id).inserted { return id }
        }
    }
}

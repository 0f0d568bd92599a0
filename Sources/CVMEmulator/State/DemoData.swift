extension EmulatorState {
    /// Root account of the demo user (owner of the demo images).
    public static let demoAccountId = "100012345678"
    /// The demo user's permanent SecretId. Clearly fake; works only against the emulator.
    public static let demoSecretId = "AKIDcvmshDEMO00000000000000000000000"
    /// The demo user's permanent SecretKey.
    public static let demoSecretKey = "cvmshDEMOsecretKeyNotARealKey000"
    /// A temporary (STS-style) credential of the demo account: needs `demoTemporaryToken`.
    public static let demoTemporarySecretId = "AKIDcvmshDEMOTMP00000000000000000000"
    /// SecretKey of the temporary demo credential.
    public static let demoTemporarySecretKey = "cvmshDEMOtmpKeyNotARealKey000000"
    /// Session token of the temporary demo credential (sent as `X-TC-Token`).
    public static let demoTemporaryToken = "cvmshDEMOsessionTokenNotARealToken"
    /// A collaborator (协作者) acting for the demo account: can call the API, cannot receive shares.
    public static let collaboratorAccountId = "100023456789"
    /// The collaborator's SecretId.
    public static let collaboratorSecretId = "AKIDcvmshCOLLAB000000000000000000000"
    /// The collaborator's SecretKey.
    public static let collaboratorSecretKey = "cvmshCOLLABsecretKeyNotARealKey0"
    /// Partner root accounts: valid share targets. The first one owns images shared to the demo
    /// account and has its own keys (`partnerSecretId`/`partnerSecretKey`).
    public static let partnerAccountIds = [
        "100087654321", "100011110001", "100011110002", "100011110003", "100011110004", "100011110005",
    ]
    /// The first partner's SecretId.
    public static let partnerSecretId = "AKIDcvmshPARTNER00000000000000000000"
    /// The first partner's SecretKey.
    public static let partnerSecretKey = "cvmshPARTNERsecretKeyNotARealKey"
    /// 200 more root accounts (`100030000001`…`100030000200`) for bulk-sharing benchmarks.
    public static let bulkPartnerAccountIds = (1...200).map { "100030000" + String(1000 + $0).dropFirst() }
    /// The region holding most demo images.
    public static let demoRegion = "ap-nanjing"

    /// The built-in demo data: 8 regions, 150 images of the demo account in ap-nanjing (mostly
    /// NORMAL, some CREATING/CREATEFAILED/SYNCING/IMPORTING, a few BYOL, two encrypted, a few with
    /// Chinese or Japanese names, a few already shared), fewer in other regions, images shared to
    /// the demo account by a partner, and public images in every region. Always the same.
    public static func demo() -> EmulatorState {
        var rng = SplitMix64(seed: 20_240_601)
        var ids = Set<String>()
        var regions = baseRegions()
        let counts = ["ap-nanjing": 150, "ap-guangzhou": 12, "ap-shanghai": 8, "ap-beijing": 5, "ap-singapore": 3]
        for index in regions.indices {
            let id = regions[index].region
            var own = ImageFactory.images(count: counts[id, default: 0], owner: demoAccountId, rng: &rng, ids: &ids)
            if id == demoRegion {
                decorateNanjing(&own)
                decorateFamilies(&own)
            }
            regions[index].images += own
            if id == demoRegion || id == "ap-guangzhou" {
                regions[index].images += partnerImages(region: id, rng: &rng, ids: &ids)
            }
        }
        return EmulatorState(accounts: demoAccounts(), regions: regions, organization: demoOrganization)
    }

    /// The demo accounts and regions (with public images) plus `images` deterministic images of
    /// the demo account in `region` (mostly NORMAL, with a mix of other states, platforms,
    /// sizes and a few BYOL), for paging tests and benchmarks.
    public static func generated(images: Int, region: String = demoRegion, seed: UInt64 = 1) -> EmulatorState {
        generated(images: images, regions: [region], seed: seed)
    }

    /// ``generated(images:region:seed:)`` in each of `regions`: `images` images per region, with
    /// ids unique across them (the first region's images are those of the one-region form).
    public static func generated(images: Int, regions chosen: [String], seed: UInt64 = 1) -> EmulatorState {
        var rng = SplitMix64(seed: seed)
        var ids = Set<String>()
        var regions = baseRegions()
        for region in chosen {
            let own = ImageFactory.images(count: images, owner: demoAccountId, rng: &rng, ids: &ids)
            if let index = regions.firstIndex(where: { $0.region == region }) {
                regions[index].images += own
            } else {
                regions.append(Region(region: region, regionName: region, images: ImageFactory.publicImages() + own))
            }
        }
        return EmulatorState(accounts: demoAccounts(), regions: regions, organization: demoOrganization)
    }

    private static func baseRegions() -> [Region] {
        let names = [
            ("ap-guangzhou", "华南地区(广州)"), ("ap-shanghai", "华东地区(上海)"), ("ap-nanjing", "华东地区(南京)"),
            ("ap-beijing", "华北地区(北京)"), ("ap-chengdu", "西南地区(成都)"), ("ap-singapore", "亚太东南(新加坡)"),
            ("ap-tokyo", "亚太东北(东京)"), ("eu-frankfurt", "欧洲地区(法兰克福)"),
        ]
        return names.map { Region(region: $0.0, regionName: $0.1, images: ImageFactory.publicImages()) }
    }

    private static func demoAccounts() -> [Account] {
        var accounts = [
            Account(
                accountId: demoAccountId, name: "cvmsh demo",
                credentials: [
                    Credential(secretId: demoSecretId, secretKey: demoSecretKey),
                    Credential(
                        secretId: demoTemporarySecretId, secretKey: demoTemporarySecretKey, token: demoTemporaryToken),
                ]),
            Account(
                accountId: collaboratorAccountId, name: "demo collaborator", kind: .collaborator,
                rootAccountId: demoAccountId,
                credentials: [Credential(secretId: collaboratorSecretId, secretKey: collaboratorSecretKey)]),
        ]
        for (n, id) in partnerAccountIds.enumerated() {
            let keys = n == 0 ? [Credential(secretId: partnerSecretId, secretKey: partnerSecretKey)] : []
            accounts.append(Account(accountId: id, name: "partner \(n + 1)", credentials: keys))
        }
        for (n, id) in bulkPartnerAccountIds.enumerated() {
            accounts.append(Account(accountId: id, name: "bulk partner \(n + 1)"))
        }
        return accounts
    }

    /// Names, licences, encryption and existing shares that make the demo region interesting.
    private static func decorateNanjing(_ images: inout [Image]) {
        let cjk = [
            (3, "ウェブサーバー-本番"), (11, "数据库-主库-2024"), (19, "ゲームサーバー-ステージング"),
            (27, "日志分析-测试环境"), (41, "在庫管理システム"),
        ]
        for (index, name) in cjk {
            images[index].imageName = name
            images[index].imageDescription = "デモ用イメージ / 演示镜像"
        }
        for index in [7, 52] {
            makeShareable(&images[index])
            images[index].encrypted = true
            images[index].imageName = "vault-encrypted-\(index)"
        }
        for index in [15, 33, 64, 88] {
            makeShareable(&images[index])
            images[index].licenseType = "BYOL"
            images[index].platform = "Windows"
            images[index].osName = "Windows Server 2019 数据中心版 64位英文版"
            images[index].imageName = "win-byol-\(index)"
        }
        let shares: [(Int, [Int])] = [(0, [0, 1]), (2, [0]), (5, [1, 2, 3]), (9, [0]), (21, [4])]
        for (index, partners) in shares {
            makeShareable(&images[index])
            images[index].shares = partners.enumerated().map { n, p in
                SharePermission(
                    accountId: partnerAccountIds[p], createdTime: ISOTime.format(1_735_000_000 + index * 3600 + n * 60))
            }
        }
    }

    private static func makeShareable(_ image: inout Image) {
        image.imageState = "NORMAL"
        image.syncPercent = nil
        image.licenseType = "TencentCloud"
        image.encrypted = false
    }

    /// Images owned by the first partner: most shared to the demo account, one not.
    private static func partnerImages(region: String, rng: inout SplitMix64, ids: inout Set<String>) -> [Image] {
        let owner = partnerAccountIds[0]
        var images = ImageFactory.images(count: region == demoRegion ? 5 : 2, owner: owner, rng: &rng, ids: &ids)
        for index in images.indices {
            makeShareable(&images[index])
            images[index].imageName = "partner-golden-\(index + 1)"
            if index < images.count - 1 {
                let created = ISOTime.format(1_730_000_000 + index * 86_400)
                images[index].shares = [SharePermission(accountId: demoAccountId, createdTime: created)]
            }
        }
        return images
    }
}

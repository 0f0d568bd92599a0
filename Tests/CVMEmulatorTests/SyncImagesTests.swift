import CVMEmulator
import Testing

@Suite struct SyncImagesTests {
    /// A harness over `SmallState` (plus Tokyo and an unavailable region) whose copies take 100 s.
    private func harness(sourceSyncing: Bool = false, quota: Int? = nil) throws -> Harness {
        var state = SmallState.make()
        state.regions.append(EmulatorState.Region(region: "ap-tokyo", regionName: "亚太东北(东京)"))
        state.regions.append(
            EmulatorState.Region(region: "ap-closed", regionName: "closed", regionState: "UNAVAILABLE"))
        if let quota, let i = state.accounts.firstIndex(where: { $0.accountId == EmulatorState.demoAccountId }) {
            state.accounts[i].imageQuota = quota
        }
        return try Harness(state: state, copySeconds: 100, sourceSyncing: sourceSyncing)
    }

    private func sync(
        _ h: Harness, _ image: String, to regions: [String], name: String? = nil, dryRun: Bool = false,
        setRequired: Bool = true, region: String = SmallState.region
    ) -> EmulatorResponse {
        let list = regions.map { "\"\($0)\"" }.joined(separator: ", ")
        var body = #"{"ImageIds": ["\#(image)"], "DestinationRegions": [\#(list)]"#
        if let name { body += #", "ImageName": "\#(name)""# }
        if dryRun { body += #", "DryRun": true"# }
        if setRequired { body += #", "ImageSetRequired": true"# }
        return h.call("SyncImages", body + "}", region: region)
    }

    private func copies(_ response: EmulatorResponse) -> [(id: String, region: String)] {
        response.payload?["ImageSet"]?.arrayValue?.compactMap { item in
            guard let id = item["ImageId"]?.stringValue, let region = item["Region"]?.stringValue else { return nil }
            return (id, region)
        } ?? []
    }

    @Test func copiesAreNewImagesThatFinishOverTime() throws {
        let h = try harness()
        let response = sync(h, SmallState.normal, to: ["ap-guangzhou", "ap-tokyo"])
        #expect(response.code == nil)
        let made = copies(response)
        #expect(made.map(\.region) == ["ap-guangzhou", "ap-tokyo"])
        #expect(Set(made.map(\.id)).count == 2 && !made.map(\.id).contains(SmallState.normal))
        let copy = try #require(h.service.state().image(made[1].id, region: "ap-tokyo"))
        #expect(copy.imageName == "web-prod" && copy.ownerAccountId == EmulatorState.demoAccountId)
        #expect(copy.imageState == "SYNCING" && copy.syncPercent == 0 && copy.shares.isEmpty)
        h.clock.advance(40)
        let listed = h.call("DescribeImages", #"{"ImageIds": ["\#(made[1].id)"]}"#, region: "ap-tokyo")
        #expect(listed.payload?["ImageSet"]?.arrayValue?.first?["ImageState"] == "SYNCING")
        #expect(listed.payload?["ImageSet"]?.arrayValue?.first?["SyncPercent"] == 40)
        // The source stays NORMAL by default.
        #expect(h.service.state().image(SmallState.normal, region: SmallState.region)?.imageState == "NORMAL")
        h.clock.advance(60)
        let done = try #require(h.service.state().image(made[1].id, region: "ap-tokyo"))
        #expect(done.imageState == "NORMAL" && done.syncPercent == nil)
    }

    @Test func withoutImageSetRequiredNoIdsComeBack() throws {
        let h = try harness()
        let response = sync(h, SmallState.normal, to: ["ap-tokyo"], setRequired: false)
        #expect(response.code == nil && copies(response).isEmpty)
        #expect(h.service.state().region("ap-tokyo")?.images.map(\.imageName) == ["web-prod"])
    }

    @Test func dryRunChecksAndCopiesNothing() throws {
        let h = try harness()
        #expect(sync(h, SmallState.normal, to: ["ap-tokyo"], dryRun: true).code == nil)
        #expect(h.service.state().region("ap-tokyo")?.images.isEmpty == true)
        #expect(sync(h, SmallState.creating, to: ["ap-tokyo"], dryRun: true).code == "InvalidImageId.IncorrectState")
    }

    @Test func sourceShowsSyncingWhenAsked() throws {
        let h = try harness(sourceSyncing: true)
        #expect(sync(h, SmallState.normal, to: ["ap-tokyo"]).code == nil)
        #expect(h.service.state().image(SmallState.normal, region: SmallState.region)?.imageState == "SYNCING")
        // While it is being copied it can neither be copied again nor shared.
        #expect(sync(h, SmallState.normal, to: ["ap-guangzhou"]).code == "InvalidImageId.IncorrectState")
        let share = h.call(
            "ModifyImageSharePermission",
            #"{"ImageId": "img-00000001", "AccountIds": ["100011110001"], "Permission": "SHARE"}"#)
        #expect(share.code == "InvalidParameterValue.InvalidImageState")
        h.clock.advance(100)
        #expect(h.service.state().image(SmallState.normal, region: SmallState.region)?.imageState == "NORMAL")
    }

    @Test func sharedInImageCopiesOnlyIntoItsOwnRegion() throws {
        let h = try harness()
        #expect(sync(h, SmallState.partnerShared, to: ["ap-tokyo"]).code == "InvalidParameterValue.InvalidRegion")
        let response = sync(h, SmallState.partnerShared, to: [SmallState.region], name: "partner-golden-own")
        #expect(response.code == nil)
        let id = try #require(copies(response).first?.id)
        let copy = try #require(h.service.state().image(id, region: SmallState.region))
        #expect(copy.ownerAccountId == EmulatorState.demoAccountId)
    }

    @Test func refusals() throws {
        let h = try harness(quota: 2)
        let cases: [(String, [String], String?, String)] = [
            (SmallState.normal, [SmallState.region], nil, "InvalidParameterValue.InvalidRegion"),
            (SmallState.creating, ["ap-tokyo"], nil, "InvalidImageId.IncorrectState"),
            (SmallState.encrypted, ["ap-tokyo"], nil, "UnsupportedOperation.SyncEncryptImageNotSupport"),
            (SmallState.partnerPrivate, ["ap-tokyo"], nil, "InvalidImageId.NotFound"),
            (SmallState.publicImage, ["ap-tokyo"], nil, "InvalidParameterValue.InvalidImageId"),
            ("img-99999999", ["ap-tokyo"], nil, "InvalidImageId.NotFound"),
            ("img-bad", ["ap-tokyo"], nil, "InvalidImageId.Malformed"),
            (SmallState.normal, ["ap-nowhere"], nil, "InvalidRegion.NotFound"),
            (SmallState.normal, ["ap-closed"], nil, "InvalidRegion.Unavailable"),
            (SmallState.normal, ["ap-guangzhou"], "gz-web", "InvalidImageName.Duplicate"),
            (SmallState.normal, ["ap-tokyo"], String(repeating: "n", count: 61), "InvalidParameterValue"),
            (SmallState.normal, [], nil, "InvalidParameterValue"),
        ]
        for (image, regions, name, code) in cases {
            #expect(sync(h, image, to: regions, name: name).code == code, "\(image) \(regions)")
        }
        let two = h.call(
            "SyncImages", #"{"ImageIds": ["img-00000001", "img-00000003"], "DestinationRegions": ["ap-tokyo"]}"#)
        #expect(two.code == "InvalidParameterValue.LimitExceeded")
        #expect(h.call("SyncImages", #"{"ImageIds": ["img-00000001"]}"#).code == "MissingParameter")
        // Nothing was copied by any refused call.
        #expect(h.service.state().region("ap-tokyo")?.images.isEmpty == true)
        // A name of exactly 60 characters is fine; then the name is taken, then the quota is full.
        let sixty = String(repeating: "n", count: 60)
        #expect(sync(h, SmallState.normal, to: ["ap-tokyo"], name: sixty).code == nil)
        #expect(sync(h, SmallState.normal, to: ["ap-tokyo"], name: sixty).code == "InvalidImageName.Duplicate")
        #expect(sync(h, SmallState.normal, to: ["ap-tokyo"]).code == nil)
        #expect(sync(h, SmallState.normal, to: ["ap-tokyo"], name: "third").code == "ImageQuotaLimitExceeded")
    }

    @Test func refusedDestinationFailsTheWholeCall() throws {
        let h = try harness()
        #expect(sync(h, SmallState.normal, to: ["ap-tokyo", "ap-nowhere"]).code == "InvalidRegion.NotFound")
        #expect(h.service.state().region("ap-tokyo")?.images.isEmpty == true)
    }

    @Test func copyCompletesAfterAnInjectedDrop() throws {
        var state = SmallState.make()
        state.regions.append(EmulatorState.Region(region: "ap-tokyo", regionName: "东京"))
        let h = try Harness(state: state, failRate: 1, failKinds: [.dropAfter], copySeconds: 0)
        let response = sync(h, SmallState.normal, to: ["ap-tokyo"])
        #expect(response.disposition == .closeWithoutAnswer)
        #expect(h.service.state().region("ap-tokyo")?.images.map(\.imageState) == ["NORMAL"])
    }
}

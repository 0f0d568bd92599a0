import CVMEmulator
import TencentCloudCore
import Testing

/// DescribeImageFromFamily, ModifyImageAttribute and the demo data's families and tags.
@Suite struct ImageFamilyTests {
    /// The small state with `normal`, `byol` and `encrypted` (NORMAL, 1–3 May 2024) in `web-base`,
    /// `creating` (2 May, CREATING) too.
    static func familyState() -> EmulatorState {
        var state = SmallState.make()
        for index in 0..<4 { state.regions[0].images[index].imageFamily = "web-base" }
        return state
    }

    static func latest(_ h: Harness, _ family: String, keys: Keys = .demo) -> JSONValue? {
        h.call("DescribeImageFromFamily", #"{"ImageFamily": "\#(family)"}"#, keys: keys).payload?["Image"]
    }

    @Test func latestIsTheNewestNormalImageNotDeprecated() throws {
        let h = try Harness(state: Self.familyState())
        // encrypted (4 May) is the newest NORMAL one; creating (2 May) is not NORMAL.
        #expect(Self.latest(h, "web-base")?["ImageId"]?.stringValue == SmallState.encrypted)
        #expect(Self.latest(h, "web-base")?["ImageFamily"] == "web-base")
        #expect(Self.latest(h, "web-base")?["ImageType"] == "PRIVATE_IMAGE")
        h.call("ModifyImageAttribute", #"{"ImageId": "\#(SmallState.encrypted)", "ImageDeprecated": true}"#)
        #expect(Self.latest(h, "web-base")?["ImageId"]?.stringValue == SmallState.byol)
        h.call("ModifyImageAttribute", #"{"ImageId": "\#(SmallState.encrypted)", "ImageDeprecated": false}"#)
        #expect(Self.latest(h, "web-base")?["ImageId"]?.stringValue == SmallState.encrypted)
    }

    @Test func aFamilyWithoutUsableImageAnswersNull() throws {
        let h = try Harness(state: Self.familyState())
        let response = h.call("DescribeImageFromFamily", #"{"ImageFamily": "db-base"}"#)
        #expect(response.code == nil)
        #expect(response.payload?["Image"] == .null)
        // Another account's family is not the caller's.
        #expect(Self.latest(h, "web-base", keys: .partner) == .null)
        // Every member deprecated: none usable.
        for id in [SmallState.normal, SmallState.byol, SmallState.encrypted] {
            h.call("ModifyImageAttribute", #"{"ImageId": "\#(id)", "ImageDeprecated": true}"#)
        }
        #expect(Self.latest(h, "web-base") == .null)
    }

    @Test func familyParameterIsChecked() throws {
        let h = try Harness(state: Self.familyState())
        #expect(h.call("DescribeImageFromFamily").code == "MissingParameter")
        #expect(
            h.call("DescribeImageFromFamily", #"{"ImageFamily": ""}"#).code
                == "InvalidParameterValue.InvalidImageFamily")
        #expect(
            h.call("DescribeImageFromFamily", #"{"ImageFamily": "web base"}"#).code
                == "InvalidParameterValue.InvalidImageFamily")
        #expect(h.call("DescribeImageFromFamily", #"{"ImageFamily": 3}"#).code == "InvalidParameter")
    }

    @Test func modifyChangesEachAttributeAndDescribeImagesShowsIt() throws {
        let h = try Harness(state: SmallState.make())
        let body = #"""
            {"ImageId": "\#(SmallState.normal)", "ImageName": "web-prod-v2", "ImageDescription": "rebuilt",
             "ImageFamily": "web-base", "ImageDeprecated": true}
            """#
        #expect(h.call("ModifyImageAttribute", body).code == nil)
        let image = try #require(h.service.state().image(SmallState.normal, region: SmallState.region))
        #expect(image.imageName == "web-prod-v2")
        #expect(image.imageDescription == "rebuilt")
        #expect(image.imageFamily == "web-base")
        #expect(image.imageDeprecated)
        let listed = h.call("DescribeImages", #"{"ImageIds": ["\#(SmallState.normal)"]}"#)
        let rendered = try #require(listed.payload?["ImageSet"]?.arrayValue?.first)
        #expect(rendered["ImageFamily"] == "web-base")
        #expect(rendered["ImageDeprecated"] == .bool(true))
        // An empty family leaves it; a name may be set to the image's own name again.
        let leave = #"{"ImageId": "\#(SmallState.normal)", "ImageFamily": "", "ImageName": "web-prod-v2"}"#
        #expect(h.call("ModifyImageAttribute", leave).code == nil)
        #expect(h.service.state().image(SmallState.normal, region: SmallState.region)?.imageFamily == "")
    }

    @Test(arguments: [
        (#"{"ImageId": "img-0000001"}"#, "InvalidImageId.Malformed"),
        (#"{"ImageId": "img-zzzzzzzz"}"#, "InvalidImageId.NotFound"),
        (#"{"ImageId": "img-00000006"}"#, "InvalidImageId.NotFound"),
        (#"{"ImageId": "img-00000005", "ImageDeprecated": true}"#, "UnsupportedOperation.SharedImageModifyUnsupported"),
        (#"{"ImageId": "img-00000007", "ImageDeprecated": true}"#, "UnsupportedOperation.SharedImageModifyUnsupported"),
        (#"{"ImageId": "img-00000002", "ImageDeprecated": true}"#, "InvalidImageId.IncorrectState"),
        (#"{"ImageId": "img-00000001", "ImageName": "vault"}"#, "InvalidImageName.Duplicate"),
        (#"{"ImageId": "img-00000001", "ImageName": ""}"#, "InvalidParameterValue"),
        (#"{"ImageId": "img-00000001", "ImageFamily": "-web"}"#, "InvalidParameterValue.InvalidImageFamily"),
        (#"{"ImageId": "img-00000001", "ImageDeprecated": "yes"}"#, "InvalidParameter"),
        (#"{"ImageFamily": "web"}"#, "MissingParameter"),
        (#"{"ImageId": "img-00000001", "Foo": 1}"#, "UnknownParameter"),
    ])
    func modifyErrors(_ body: String, _ code: String) throws {
        let h = try Harness(state: SmallState.make())
        let before = h.service.state()
        #expect(h.call("ModifyImageAttribute", body).code == code)
        #expect(h.service.state() == before)
    }

    @Test func modifyLengthLimits() throws {
        let h = try Harness(state: SmallState.make())
        let id = SmallState.normal
        let longName = String(repeating: "名", count: 61)
        #expect(
            h.call("ModifyImageAttribute", #"{"ImageId": "\#(id)", "ImageName": "\#(longName)"}"#).code
                == "InvalidParameterValue.TooLarge")
        let name60 = String(repeating: "名", count: 60)
        #expect(h.call("ModifyImageAttribute", #"{"ImageId": "\#(id)", "ImageName": "\#(name60)"}"#).code == nil)
        let longText = String(repeating: "x", count: 257)
        #expect(
            h.call("ModifyImageAttribute", #"{"ImageId": "\#(id)", "ImageDescription": "\#(longText)"}"#).code
                == "InvalidParameterValue.TooLarge")
    }

    @Test func strictModeRefusesAnImageSharedOut() throws {
        var state = SmallState.make()
        let partner = EmulatorState.partnerAccountIds[1]
        state.regions[0].images[0].shares = [.init(accountId: partner, createdTime: "2024-06-01T00:00:00Z")]
        let body = #"{"ImageId": "\#(SmallState.normal)", "ImageDeprecated": true}"#
        #expect(try Harness(state: state).call("ModifyImageAttribute", body).code == nil)
        #expect(
            try Harness(state: state, strict: true).call("ModifyImageAttribute", body).code
                == "UnsupportedOperation.SharedImageModifyUnsupported")
    }

    @Test func demoRegionHasFamiliesTagsAndDeprecatedImages() throws {
        let h = try Harness()
        let own = try #require(h.service.state().region(EmulatorState.demoRegion)).images.filter {
            $0.ownerAccountId == EmulatorState.demoAccountId
        }
        let web = own.filter { $0.imageFamily == "web-base" }
        let db = own.filter { $0.imageFamily == "db-base" }
        #expect(web.count >= 4 && db.count >= 3)
        #expect(web.contains { $0.imageDeprecated } && db.contains { $0.imageDeprecated })
        #expect(own.contains { $0.tags.contains { $0.key == "tier" && $0.value == "web" } })
        #expect(own.contains { $0.tags.contains { $0.key == "tier" && $0.value == "db" } })
        #expect(own.contains { $0.tags.contains { $0.key == "env" && $0.value == "prod" } })
        // latest: the newest NORMAL, not deprecated, which is not the newest NORMAL one.
        let usable = web.filter { $0.imageState == "NORMAL" && !$0.imageDeprecated }
        let newest = try #require(usable.max { ($0.createdTime, $1.imageId) < ($1.createdTime, $0.imageId) })
        #expect(Self.latest(h, "web-base")?["ImageId"]?.stringValue == newest.imageId)
        let newestNormal = web.filter { $0.imageState == "NORMAL" }.max { $0.createdTime < $1.createdTime }
        #expect(newestNormal?.imageDeprecated == true)
    }

    @Test func tagFiltersOnTheDemoData() throws {
        let h = try Harness()
        func ids(_ filters: String) -> Set<String> {
            Set(h.call("DescribeImages", #"{"Limit": 100, "Filters": [\#(filters)]}"#).imageIds)
        }
        let own = try #require(h.service.state().region(EmulatorState.demoRegion)).images
        func having(_ key: String, _ value: String?) -> Set<String> {
            Set(own.filter { $0.tags.contains { $0.key == key && (value == nil || $0.value == value) } }.map(\.imageId))
        }
        let prodWeb = having("env", "prod").intersection(having("tier", "web"))
        #expect(!prodWeb.isEmpty && prodWeb.count < 100)
        #expect(
            ids(#"{"Name": "tag:env", "Values": ["prod"]}, {"Name": "tag:tier", "Values": ["web"]}"#) == prodWeb)
        let tiers = having("tier", nil)
        #expect(tiers.count <= 100)
        #expect(ids(#"{"Name": "tag-key", "Values": ["tier"]}"#) == tiers)
        #expect(
            h.call("DescribeImages", #"{"Filters": [{"Name": "tag:env", "Values": ["a","b","c","d","e","f"]}]}"#).code
                == "InvalidFilterValue.LimitExceeded")
    }
}

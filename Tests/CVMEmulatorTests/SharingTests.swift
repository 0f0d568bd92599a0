import CVMEmulator
import Testing

@Suite struct SharingTests {
    let partners = EmulatorState.partnerAccountIds

    private func share(
        _ h: Harness, _ image: String, _ accounts: [String], permission: String = "SHARE", keys: Keys = .demo,
        region: String = SmallState.region
    ) -> EmulatorResponse {
        let list = accounts.map { "\"\($0)\"" }.joined(separator: ", ")
        return h.call(
            "ModifyImageSharePermission",
            #"{"ImageId": "\#(image)", "AccountIds": [\#(list)], "Permission": "\#(permission)"}"#,
            region: region, keys: keys)
    }

    @Test func shareListAndCancel() throws {
        let h = try Harness(state: SmallState.make())
        #expect(share(h, SmallState.normal, [partners[1], partners[2]]).code == nil)
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region) == [partners[1], partners[2]])
        let list = h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000001"}"#).payload?[
            "SharePermissionSet"]?.arrayValue
        #expect(list?.compactMap { $0["AccountId"]?.stringValue } == [partners[1], partners[2]])
        #expect(list?.first?["CreatedTime"] == "2025-06-15T15:06:40Z")
        // The receiver now sees it as a shared image.
        let seen = h.call(
            "DescribeImages", #"{"Filters": [{"Name": "image-type", "Values": ["SHARED_IMAGE"]}]}"#, keys: .partner)
        #expect(seen.imageIds.isEmpty) // partners[0] was not a target
        #expect(share(h, SmallState.normal, [partners[1]], permission: "CANCEL").code == nil)
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region) == [partners[2]])
        // Cancelling a share that does not exist succeeds and changes nothing.
        #expect(share(h, SmallState.normal, [partners[3]], permission: "CANCEL").code == nil)
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region) == [partners[2]])
    }

    @Test func receiverSeesSharedImage() throws {
        let h = try Harness(state: SmallState.make())
        #expect(share(h, SmallState.normal, [partners[0]]).code == nil)
        let seen = h.call(
            "DescribeImages", #"{"Filters": [{"Name": "image-type", "Values": ["SHARED_IMAGE"]}]}"#, keys: .partner)
        #expect(seen.imageIds == [SmallState.normal])
    }

    @Test func refusals() throws {
        let h = try Harness(state: SmallState.make())
        let cases: [(String, [String], String)] = [
            (SmallState.creating, [partners[1]], "InvalidParameterValue.InvalidImageState"),
            (SmallState.byol, [partners[1]], "FailedOperation.BYOLImageShareFailed"),
            (SmallState.encrypted, [partners[1]], "UnsupportedOperation.EncryptedImagesNotSupported"),
            (SmallState.partnerShared, [partners[1]], "UnauthorizedOperation.ImageNotBelongToAccount"),
            (SmallState.publicImage, [partners[1]], "UnauthorizedOperation.ImageNotBelongToAccount"),
            (SmallState.partnerPrivate, [partners[1]], "InvalidImageId.NotFound"),
            (SmallState.otherRegion, [partners[1]], "InvalidImageId.NotFound"),
            ("img-99999999", [partners[1]], "InvalidImageId.NotFound"),
            ("img-bad", [partners[1]], "InvalidImageId.Malformed"),
            (SmallState.normal, [EmulatorState.demoAccountId], "FailedOperation.AccountIsYourSelf"),
            (SmallState.normal, [EmulatorState.collaboratorAccountId], "FailedOperation.NotMasterAccount"),
            (SmallState.normal, ["100099999999"], "InvalidAccountId.NotFound"),
            (SmallState.normal, ["not-a-uin"], "InvalidAccountId.NotFound"),
            (SmallState.normal, [], "InvalidParameterValue"),
        ]
        for (image, accounts, code) in cases {
            #expect(share(h, image, accounts).code == code, "\(image) \(accounts)")
        }
        #expect(share(h, SmallState.normal, [partners[1]], permission: "share").code == "InvalidParameterValue")
        #expect(
            h.call("ModifyImageSharePermission", #"{"ImageId": "img-00000001", "Permission": "SHARE"}"#).code
                == "MissingParameter")
        // Images are regional: the Guangzhou image is shareable in its own region.
        #expect(share(h, SmallState.otherRegion, [partners[1]], region: "ap-guangzhou").code == nil)
        #expect(
            h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000005"}"#).code
                == "UnauthorizedOperation.ImageNotBelongToAccount")
        #expect(
            h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000006"}"#).code == "InvalidImageId.NotFound")
    }

    @Test func alreadySharedFailsTheWholeCall() throws {
        let h = try Harness(state: SmallState.make())
        #expect(share(h, SmallState.normal, [partners[1]]).code == nil)
        let response = share(h, SmallState.normal, [partners[2], partners[1], partners[3]])
        #expect(response.code == "FailedOperation.AccountAlreadyExists")
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region) == [partners[1]])
    }

    @Test func oneBadAccountChangesNothing() throws {
        let h = try Harness(state: SmallState.make())
        #expect(share(h, SmallState.normal, [partners[1], "100099999999"]).code == "InvalidAccountId.NotFound")
        #expect(
            share(h, SmallState.normal, [partners[1], EmulatorState.collaboratorAccountId]).code
                == "FailedOperation.NotMasterAccount")
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region).isEmpty)
        #expect(share(h, SmallState.normal, [partners[1], partners[2]]).code == nil)
        #expect(
            share(h, SmallState.normal, [partners[1], "100099999999"], permission: "CANCEL").code
                == "InvalidAccountId.NotFound")
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region) == [partners[1], partners[2]])
    }

    @Test func fiveHundredAccountsPerImage() throws {
        let bulk = EmulatorState.bulkPartnerAccountIds
        var state = SmallState.make()
        for n in 0..<300 {
            state.accounts.append(EmulatorState.Account(accountId: "1000400\(String(n + 10000))", name: "extra \(n)"))
        }
        let extra = (0..<300).map { "1000400\(String($0 + 10000))" }
        let targets = bulk + extra // 500
        let h = try Harness(state: state)
        #expect(share(h, SmallState.normal, Array(targets[0..<250])).code == nil)
        #expect(
            share(h, SmallState.normal, Array(targets[250..<499]) + [partners[1], partners[2]]).code == "OverQuota")
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region).count == 250)
        #expect(share(h, SmallState.normal, Array(targets[250..<500])).code == nil)
        #expect(share(h, SmallState.normal, [partners[1]]).code == "OverQuota")
        #expect(
            h.call("DescribeImageSharePermission", #"{"ImageId": "img-00000001"}"#).payload?["SharePermissionSet"]?
                .arrayValue?.count == 500)
    }

    @Test func accountIdCap() throws {
        let h = try Harness(state: SmallState.make(), maxAccountIds: 2)
        #expect(share(h, SmallState.normal, Array(partners[1...3])).code == "InvalidParameterValue.LimitExceeded")
        #expect(share(h, SmallState.normal, Array(partners[1...2])).code == nil)
    }

    @Test func duplicateIdsInOneCallCountOnce() throws {
        let h = try Harness(state: SmallState.make())
        #expect(share(h, SmallState.normal, [partners[1], partners[1]]).code == nil)
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region) == [partners[1]])
    }

    @Test func collaboratorCanShareForItsRoot() throws {
        let h = try Harness(state: SmallState.make())
        #expect(share(h, SmallState.normal, [partners[1]], keys: .collaborator).code == nil)
        #expect(h.service.shares(of: SmallState.normal, region: SmallState.region) == [partners[1]])
    }
}

import CVMEmulator
import Testing

@Suite struct RoutingAndValidationTests {
    let h: Harness

    init() throws {
        h = try Harness(state: SmallState.make())
    }

    @Test func unknownActionVersionAndProduct() {
        #expect(h.call("DescribeInstancesX").code == "InvalidAction")
        #expect(h.call("DescribeImages", version: "2020-01-01").code == "NoSuchVersion")
        #expect(h.call("DescribeImages", service: "sts").code == "NoSuchVersion")
        #expect(h.call("DescribeImages", version: "2018-08-13", service: "sts").code == "InvalidAction")
        #expect(h.call("DescribeImages", service: "nosuch").code == "NoSuchProduct")
    }

    @Test func missingActionOrVersionHeader() {
        var request = EmulatorRequest.signed(
            action: "DescribeImages", region: "ap-nanjing", secretId: Keys.demo.secretId,
            secretKey: Keys.demo.secretKey, timestamp: Int(h.clock.now))
        request.headers["x-tc-version"] = nil
        #expect(h.service.handle(request).code == "MissingParameter")
        request.headers["x-tc-action"] = nil
        #expect(h.service.handle(request).code == "MissingParameter")
    }

    @Test func onlyPostWithJSON() {
        var request = EmulatorRequest.signed(
            action: "DescribeImages", region: "ap-nanjing", secretId: Keys.demo.secretId,
            secretKey: Keys.demo.secretKey, timestamp: Int(h.clock.now))
        request.method = "PUT"
        #expect(h.service.handle(request).code == "UnsupportedProtocol")
        let form = EmulatorRequest.signed(
            action: "DescribeImages", region: "ap-nanjing", body: "Limit=1", secretId: Keys.demo.secretId,
            secretKey: Keys.demo.secretKey, timestamp: Int(h.clock.now),
            contentType: "application/x-www-form-urlencoded")
        #expect(h.service.handle(form).code == "InvalidParameter")
    }

    @Test func regionRules() {
        #expect(h.call("DescribeImages", region: nil).code == "MissingParameter")
        #expect(h.call("DescribeImages", region: "mars-north-1").code == "UnsupportedRegion")
        #expect(h.call("GetCallerIdentity", region: nil).code == "MissingParameter")
        // DescribeRegions needs no region, and ignores one.
        #expect(h.call("DescribeRegions", region: nil).code == nil)
        #expect(h.call("DescribeRegions", region: "mars-north-1").code == nil)
    }

    @Test func unknownAndMistypedParameters() {
        #expect(h.call("DescribeImages", #"{"Limitt": 1}"#).code == "UnknownParameter")
        #expect(h.call("DescribeRegions", #"{"Foo": 1}"#).code == "UnknownParameter")
        #expect(h.call("DescribeImages", #"{"Limit": "10"}"#).code == "InvalidParameter")
        #expect(h.call("DescribeImages", #"{"Limit": 1.5}"#).code == "InvalidParameter")
        #expect(h.call("DescribeImages", #"{"ImageIds": "img-00000001"}"#).code == "InvalidParameter")
        #expect(
            h.call("DescribeImages", #"{"Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"], "X": 1}]}"#)
                .code == "UnknownParameter")
        #expect(h.call("DescribeImages", #"{"Filters": [{"Values": ["x"]}]}"#).code == "MissingParameter")
        #expect(h.call("DescribeImages", "[1,2]").code == "InvalidParameter")
        #expect(h.call("DescribeImages", "{not json").code == "InvalidParameter")
        // null members are treated as absent, like the SDK that never sends them.
        #expect(h.call("DescribeImages", #"{"Limit": null}"#).code == nil)
        #expect(h.call("DescribeImages", "").code == nil)
    }

    @Test func offsetAndLimitBounds() {
        #expect(h.call("DescribeImages", #"{"Limit": 101}"#).code == "InvalidParameterValue.InvalidParameterValueLimit")
        #expect(h.call("DescribeImages", #"{"Limit": 0}"#).code == "InvalidParameterValue.InvalidParameterValueLimit")
        #expect(h.call("DescribeImages", #"{"Limit": 100}"#).code == nil)
        #expect(h.call("DescribeImages", #"{"Offset": -1}"#).code == "InvalidParameterValue")
        let past = h.call("DescribeImages", #"{"Offset": 1000}"#)
        #expect(past.code == nil)
        #expect(past.imageIds.isEmpty)
        #expect(past.totalCount == 6)
    }

    @Test func filterLimits() {
        let eleven = (0..<11).map { _ in #"{"Name": "platform", "Values": ["a"]}"# }.joined(separator: ",")
        #expect(h.call("DescribeImages", #"{"Filters": [\#(eleven)]}"#).code == "InvalidParameterValue.LimitExceeded")
        let ten = (0..<10).map { _ in #"{"Name": "platform", "Values": ["T"]}"# }.joined(separator: ",")
        #expect(h.call("DescribeImages", #"{"Filters": [\#(ten)]}"#).code == nil)
        #expect(
            h.call("DescribeImages", #"{"Filters": [{"Name": "platform", "Values": ["a","b","c","d","e","f"]}]}"#).code
                == "InvalidFilterValue.LimitExceeded")
        #expect(
            h.call("DescribeImages", #"{"Filters": [{"Name": "platform", "Values": ["a","b","c","d","e"]}]}"#).code
                == nil)
        #expect(
            h.call("DescribeImages", #"{"Filters": [{"Name": "colour", "Values": ["red"]}]}"#).code == "InvalidFilter")
        #expect(
            h.call("DescribeImages", #"{"Filters": [{"Name": "image-type", "Values": ["MINE"]}]}"#).code
                == "InvalidFilter")
        #expect(
            h.call("DescribeImages", #"{"Filters": [{"Name": "image-id", "Values": ["img-BAD"]}]}"#).code
                == "InvalidImageId.Malformed")
    }

    @Test func imageIdsAndFiltersTogether() {
        let body = #"{"ImageIds": ["img-00000001"], "Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}]}"#
        #expect(h.call("DescribeImages", body).code == "InvalidParameter.InvalidParameterCoexistImageIdsFilters")
        #expect(h.call("DescribeImages", #"{"ImageIds": ["img-0000001"]}"#).code == "InvalidImageId.Malformed")
    }

    @Test func instanceTypeFormat() {
        #expect(h.call("DescribeImages", #"{"InstanceType": "SA5.MEDIUM2"}"#).code == nil)
        #expect(h.call("DescribeImages", #"{"InstanceType": "sa5 medium"}"#).code == "InvalidInstanceType.Malformed")
    }

    @Test func quotaAndRegionsAndIdentity() {
        #expect(h.call("DescribeImageQuota").payload?["ImageNumQuota"] == .int(500))
        let regions = h.call("DescribeRegions", region: nil).payload
        #expect(regions?["TotalCount"] == .int(2))
        #expect(regions?["RegionSet"]?.arrayValue?.first?["RegionState"] == "AVAILABLE")

        let me = h.call("GetCallerIdentity").payload
        #expect(me?["AccountId"]?.stringValue == EmulatorState.demoAccountId)
        #expect(me?["UserId"]?.stringValue == EmulatorState.demoAccountId)
        let collaborator = h.call("GetCallerIdentity", keys: .collaborator).payload
        #expect(collaborator?["AccountId"]?.stringValue == EmulatorState.demoAccountId)
        #expect(collaborator?["PrincipalId"]?.stringValue == EmulatorState.collaboratorAccountId)
    }
}

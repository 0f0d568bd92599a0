import CVMEmulator
import Testing

@Suite struct DescribeImagesTests {
    @Test func imageTypesAsSeenByTheCaller() throws {
        let h = try Harness(state: SmallState.make())
        func ids(_ type: String, keys: Keys = .demo) -> [String] {
            h.call("DescribeImages", #"{"Filters": [{"Name": "image-type", "Values": ["\#(type)"]}]}"#, keys: keys)
                .imageIds
        }
        #expect(
            Set(ids("PRIVATE_IMAGE")) == [
                SmallState.normal, SmallState.creating, SmallState.byol, SmallState.encrypted,
            ])
        #expect(ids("SHARED_IMAGE") == [SmallState.partnerShared])
        #expect(ids("PUBLIC_IMAGE") == [SmallState.publicImage])
        // The partner sees its own images as private, and nothing shared.
        #expect(Set(ids("PRIVATE_IMAGE", keys: .partner)) == [SmallState.partnerShared, SmallState.partnerPrivate])
        #expect(ids("SHARED_IMAGE", keys: .partner).isEmpty)
        // A collaborator sees its root account's images.
        #expect(ids("PRIVATE_IMAGE", keys: .collaborator).count == 4)
    }

    @Test func newestFirstAndEveryField() throws {
        let h = try Harness(state: SmallState.make())
        let response = h.call("DescribeImages", #"{"Limit": 100}"#)
        #expect(
            response.imageIds == [
                SmallState.partnerShared, SmallState.encrypted, SmallState.byol, SmallState.creating, SmallState.normal,
                SmallState.publicImage,
            ])
        let image = try #require(response.payload?["ImageSet"]?.arrayValue?.first)
        // Parsing loses member order, so read it from the bytes sent.
        let text = String(decoding: response.body, as: UTF8.self)
        let keys = [
            "ImageId", "OsName", "ImageType", "CreatedTime", "ImageName", "ImageDescription", "ImageSize",
            "Architecture", "ImageState", "Platform", "ImageCreator", "ImageSource", "SyncPercent",
            "IsSupportCloudinit", "SnapshotSet", "Tags", "LicenseType", "ImageFamily", "ImageDeprecated",
        ]
        let positions = keys.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        if case .object(let members) = image {
            #expect(Set(members.map(\.key)) == Set(keys))
        } else {
            Issue.record("Image is not an object")
        }
        #expect(image["CreatedTime"] == "2024-05-05T00:00:00+00:00")
        #expect(image["SyncPercent"] == .null)
        #expect(image["ImageType"] == "SHARED_IMAGE")
    }

    @Test func encryptionNeverShows() throws {
        let h = try Harness(state: SmallState.make())
        let text = String(decoding: h.call("DescribeImages", #"{"ImageIds": ["img-00000004"]}"#).body, as: UTF8.self)
        #expect(text.contains(SmallState.encrypted))
        #expect(!text.lowercased().contains("encrypt"))
    }

    @Test func filters() throws {
        let h = try Harness(state: SmallState.make())
        func ids(_ filters: String) -> Set<String> {
            Set(h.call("DescribeImages", #"{"Filters": [\#(filters)]}"#).imageIds)
        }
        #expect(ids(#"{"Name": "image-name", "Values": ["WEB"]}"#) == [SmallState.normal, SmallState.creating])
        #expect(
            ids(#"{"Name": "platform", "Values": ["windows", "ubuntu"]}"#) == [SmallState.byol, SmallState.publicImage])
        #expect(ids(#"{"Name": "image-id", "Values": ["img-00000001", "img-00000006"]}"#) == [SmallState.normal])
        #expect(ids(#"{"Name": "tag-key", "Values": ["env"]}"#) == [SmallState.normal])
        #expect(ids(#"{"Name": "tag-value", "Values": ["prod"]}"#) == [SmallState.normal])
        #expect(ids(#"{"Name": "tag:env", "Values": ["prod"]}"#) == [SmallState.normal])
        #expect(ids(#"{"Name": "tag:env", "Values": ["dev"]}"#).isEmpty)
        // Filters are ANDed, values ORed.
        #expect(
            ids(
                #"{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}, {"Name": "image-name", "Values": ["vault", "win"]}"#
            )
                == [SmallState.byol, SmallState.encrypted])
        // ImageIds return only visible images.
        #expect(
            Set(h.call("DescribeImages", #"{"ImageIds": ["img-00000001", "img-00000006", "img-00000008"]}"#).imageIds)
                == [SmallState.normal])
    }

    @Test func pagingVisitsEveryImageOnce() throws {
        let h = try Harness(state: .generated(images: 250, seed: 7))
        var seen: [String] = []
        var offset = 0
        for _ in 0..<10 {
            let response = h.call(
                "DescribeImages",
                #"{"Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}], "Offset": \#(offset), "Limit": 100}"#
            )
            #expect(response.totalCount == 250)
            seen += response.imageIds
            offset += 100
            if offset >= 250 { break }
        }
        #expect(seen.count == 250)
        #expect(Set(seen).count == 250)
        // Default limit is 20.
        #expect(h.call("DescribeImages").imageIds.count == 20)
    }
}

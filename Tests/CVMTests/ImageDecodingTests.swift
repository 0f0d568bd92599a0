import CVM
import Foundation
import Testing

@Suite struct ImageDecodingTests {
    @Test func everyDocumentedFieldDecodesAndUnknownOnesAreIgnored() throws {
        let json = #"""
            {"ImageId":"img-6pb6lrmy","OsName":"CentOS 8.0 64位","ImageType":"PRIVATE_IMAGE",
             "CreatedTime":"2020-09-22T00:00:00+00:00","ImageName":"web","ImageDescription":"d","ImageSize":50,
             "Architecture":"x86_64","ImageState":"NORMAL","Platform":"CentOS","ImageCreator":"100012345678",
             "ImageSource":"CREATE_IMAGE","SyncPercent":null,"IsSupportCloudinit":true,
             "SnapshotSet":[{"SnapshotId":"snap-1","DiskUsage":"SYSTEM_DISK","DiskSize":50}],
             "Tags":[{"Key":"team","Value":"web"}],"LicenseType":"TencentCloud","ImageFamily":"web",
             "ImageDeprecated":false,"CdcCacheStatus":"CACHED","SomethingNew":{"x":[1,2]}}
            """#
        let image = try JSONDecoder().decode(Image.self, from: Data(json.utf8))
        #expect(image.imageId == "img-6pb6lrmy")
        #expect(image.syncPercent == nil)
        #expect(image.snapshotSet?.first?.diskSize == 50)
        #expect(image.tags == [Tag(key: "team", value: "web")])
        #expect(image.created == Date(timeIntervalSince1970: 1_600_732_800))
        #expect(image.imageDeprecated == false)
    }

    @Test func bothTimeFormatsParse() {
        #expect(ISO8601.parse("2020-09-22T00:00:00Z") == Date(timeIntervalSince1970: 1_600_732_800))
        #expect(ISO8601.parse("2020-09-22T00:00:00+00:00") == Date(timeIntervalSince1970: 1_600_732_800))
        #expect(ISO8601.parse("2020-09-22T08:00:00+08:00") == Date(timeIntervalSince1970: 1_600_732_800))
        #expect(ISO8601.parse("yesterday") == nil)
    }

    @Test func nullsAndMissingFieldsAreTolerated() throws {
        let image = try JSONDecoder().decode(
            Image.self, from: Data(#"{"ImageId":"img-1","ImageName":null,"Tags":null}"#.utf8))
        #expect(image.imageName == nil)
        #expect(image.created == nil)
    }

    @Test func orderingIsNewestFirstThenIdAndDeduplicated() {
        let images = [
            Image(imageId: "img-b", createdTime: "2024-01-01T00:00:00Z"),
            Image(imageId: "img-a", createdTime: "2024-01-01T00:00:00Z"),
            Image(imageId: "img-c", createdTime: "2025-01-01T00:00:00Z"),
            Image(imageId: "img-a", createdTime: "2024-01-01T00:00:00Z"),
            Image(imageId: "img-z", createdTime: nil),
        ]
        #expect(ImageLister.ordered(images).map(\.imageId) == ["img-c", "img-a", "img-b", "img-z"])
    }
}

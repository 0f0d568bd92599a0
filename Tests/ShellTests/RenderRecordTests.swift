import Foundation
import TencentCloudCore
import Testing

@testable import Shell

@Suite struct RenderRecordTests {
    private let status = Record(fields: [
        .init(key: "region", label: "Region", value: "ap-nanjing"),
        .init(key: "endpoint", label: "Endpoint", value: "cvm.tencentcloudapi.com"),
        .init(key: "selection", label: "Selection", value: 3),
        .init(key: "aliases", label: "Aliases", value: .init(["team", "ops"])),
        .init(key: "account", label: "Account", value: .init(.null)),
        .init(key: "confirm", label: "确认", value: .init(true, emphasis: .green)),
    ])

    @Test func table() {
        #expect(
            status.rendered(as: .table) == """
                Region:    ap-nanjing
                Endpoint:  cvm.tencentcloudapi.com
                Selection: 3
                Aliases:   team, ops
                Account:
                确认:      true

                """)
    }

    @Test func tsv() {
        #expect(
            status.rendered(as: .tsv) == """
                region\tap-nanjing
                endpoint\tcvm.tencentcloudapi.com
                selection\t3
                aliases\tteam,ops
                account\t
                confirm\ttrue

                """)
    }

    @Test func json() throws {
        #expect(
            status.rendered(as: .json) == """
                {
                  "region": "ap-nanjing",
                  "endpoint": "cvm.tencentcloudapi.com",
                  "selection": 3,
                  "aliases": [
                    "team",
                    "ops"
                  ],
                  "account": null,
                  "confirm": true
                }

                """)
    }

    @Test func jsonEncoderProducesValidDocuments() throws {
        let value: JSONValue = [
            "empty": [:], "list": [], "nested": ["a": [1, nil, false]],
            "text": .string("日本語 \u{0}\u{1F}\u{7F}\u{2028} 👍 \"q\" \\"),
        ]
        #expect(
            value.encoded(pretty: false)
                == #"{"empty":{},"list":[],"nested":{"a":[1,null,false]},"text":"日本語 \u0000\u001f\#u{7F}\#u{2028} 👍 \"q\" \\"}"#
        )
        for pretty in [true, false] {
            let object =
                try JSONSerialization.jsonObject(with: Data(value.encoded(pretty: pretty).utf8)) as? [String: Any]
            #expect(object?["text"] as? String == "日本語 \u{0}\u{1F}\u{7F}\u{2028} 👍 \"q\" \\")
        }
    }
}

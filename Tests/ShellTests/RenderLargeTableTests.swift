import Foundation
import TerminalText
import Testing

@testable import Shell

/// 260 images with Chinese and Japanese names: alignment holds on every line, and the tsv and
/// json forms carry every row in order.
@Suite struct RenderLargeTableTests {
    private let names = ["web-server", "数据库备份", "ウェブ本番", "cache", "日志-archive-2024-长名称-超过宽度"]

    private var table: Table {
        Table(
            columns: [
                Table.Column("#", key: "index", alignment: .right),
                Table.Column("ID", key: "id"),
                Table.Column("NAME", key: "name", maxWidth: 20),
                Table.Column("SIZE", key: "size_gb", alignment: .right),
            ],
            rows: (1...260).map { index in
                [
                    Table.Cell(.int(index)), Table.Cell(.string("img-\(1000 + index)")),
                    Table.Cell(.string("\(names[index % names.count])-\(index)")), Table.Cell(.int(index % 7 * 10)),
                ]
            }
        )
    }

    @Test func goldenLinesAndAlignment() {
        let lines = table.rendered(as: .table).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 262)
        #expect(lines.last == "")
        #expect(lines[0] == "  #  ID        NAME                 SIZE")
        #expect(lines[1] == "  1  img-1001  数据库备份-1           10")
        #expect(lines[2] == "  2  img-1002  ウェブ本番-2           20")
        #expect(lines[4] == "  4  img-1004  日志-archive-2024-…    40")
        #expect(lines[5] == "  5  img-1005  web-server-5           50")
        #expect(lines[260] == "260  img-1260  web-server-260         10")
        // Every line has the same display width: columns line up whatever the script.
        #expect(Set(lines.dropLast().map(\.displayWidth)) == [40])
    }

    @Test func tsvAndJSONCarryEveryRow() throws {
        let tsv = table.rendered(as: .tsv).split(separator: "\n")
        #expect(tsv.count == 260)
        #expect(tsv[3] == "4\timg-1004\t日志-archive-2024-长名称-超过宽度-4\t40")

        let json = table.rendered(as: .json)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.count == 260)
        #expect(decoded.map { $0["index"] as? Int } == (1...260).map { $0 })
        #expect(decoded[1]["name"] as? String == "ウェブ本番-2")
        #expect(decoded[1].keys.sorted() == ["id", "index", "name", "size_gb"])
    }
}

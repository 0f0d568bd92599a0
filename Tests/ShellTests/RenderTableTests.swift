import Foundation
import Testing

@testable import Shell

/// Golden outputs of the table renderer, embedded as literals.
@Suite struct RenderTableTests {
    private let columns = [
        Table.Column("#", key: "index", alignment: .right),
        Table.Column("ID", key: "id"),
        Table.Column("NAME", key: "name", maxWidth: 12),
        Table.Column("STATE", key: "state"),
    ]

    private var images: Table {
        Table(
            columns: columns,
            rows: [
                [1, "img-aaaa0001", "web-01", "NORMAL"],
                [2, "img-aaaa0002", "数据库-备份", "NORMAL"],
                [3, "img-aaaa0003", "ウェブサーバー本番環境", Table.Cell("CREATING", emphasis: .yellow)],
            ])
    }

    @Test func alignedTextWithCJKAndTruncation() {
        #expect(
            images.rendered(as: .table) == """
                #  ID            NAME         STATE
                1  img-aaaa0001  web-01       NORMAL
                2  img-aaaa0002  数据库-备份  NORMAL
                3  img-aaaa0003  ウェブサー…  CREATING

                """)
    }

    @Test func tsvHasNoHeaderAndEscapes() {
        var table = images
        table.rows.append([4, "img-aaaa0004", "tab\there\nnew\\line", .init(.null)])
        #expect(
            table.rendered(as: .tsv) == """
                1\timg-aaaa0001\tweb-01\tNORMAL
                2\timg-aaaa0002\t数据库-备份\tNORMAL
                3\timg-aaaa0003\tウェブサーバー本番環境\tCREATING
                4\timg-aaaa0004\ttab\\there\\nnew\\\\line\t

                """)
    }

    @Test func jsonKeepsKeyOrderAndTypes() {
        let table = Table(
            columns: Array(columns.prefix(3)),
            rows: [
                [1, "img-aaaa0001", "数据库"],
                [2, "img-aaaa0002", "quote \" and \\ and \u{1}"],
            ])
        #expect(
            table.rendered(as: .json) == """
                [
                  {
                    "index": 1,
                    "id": "img-aaaa0001",
                    "name": "数据库"
                  },
                  {
                    "index": 2,
                    "id": "img-aaaa0002",
                    "name": "quote \\" and \\\\ and \\u0001"
                  }
                ]

                """)
    }

    @Test func emptyTableShowsHeaderOnly() {
        let empty = Table(columns: columns)
        #expect(empty.rendered(as: .table) == "#  ID  NAME  STATE\n")
        #expect(empty.rendered(as: .tsv) == "")
        #expect(empty.rendered(as: .json) == "[]\n")
    }

    @Test func shortRowsAndListsAndControlCharacters() {
        let table = Table(
            columns: [
                Table.Column("IMAGE", key: "image"), Table.Column("ACCOUNTS", key: "accounts"),
                Table.Column("NOTE", key: "note"),
            ],
            rows: [["img-1", Cell(["100001", "100002"])], ["img-2", "", "evil\u{1B}[2J\u{202E}x"]])
        #expect(
            table.rendered(as: .table) == """
                IMAGE  ACCOUNTS        NOTE
                img-1  100001, 100002
                img-2                  evil\\u{1b}[2J\\u{202e}x

                """)
        #expect(table.rendered(as: .tsv) == "img-1\t100001,100002\t\nimg-2\t\tevil\\u{1b}[2J\\u{202e}x\n")
    }

    @Test func colourOnlyWhenEnabledAndWidthsUnchanged() {
        let coloured = images.rendered(as: .table, style: Style(usesColor: true))
        #expect(coloured.contains("\u{1B}[1mNAME\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[33mCREATING\u{1B}[0m"))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        #expect(stripped == images.rendered(as: .table))
        #expect(!images.rendered(as: .table, style: .plain).contains("\u{1B}"))
        #expect(!images.rendered(as: .json, style: Style(usesColor: true)).contains("\u{1B}"))
        #expect(!images.rendered(as: .tsv, style: Style(usesColor: true)).contains("\u{1B}"))
    }

    @Test func styleDecision() {
        #expect(Style(isTerminal: true, environment: ["TERM": "xterm-256color"]).usesColor)
        #expect(Style(isTerminal: true, environment: [:]).usesColor)
        #expect(Style(isTerminal: true, environment: ["NO_COLOR": ""]).usesColor)
        #expect(!Style(isTerminal: true, environment: ["NO_COLOR": "1"]).usesColor)
        #expect(!Style(isTerminal: true, environment: ["TERM": "dumb"]).usesColor)
        #expect(!Style(isTerminal: false, environment: ["TERM": "xterm"]).usesColor)
        #expect(Style(usesColor: true).apply(.bold, to: "x") == "\u{1B}[1mx\u{1B}[0m")
        #expect(Style.plain.apply(.bold, to: "x") == "x")
    }
}

private typealias Cell = Table.Cell

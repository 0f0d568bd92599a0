import CVM
import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// `set output csv`: RFC 4180 records, the header of column keys, the optional byte order mark.
@Suite struct CSVOutputTests {
    @Test func fieldsAreQuotedOnlyWhenTheyMustBeWithQuotesDoubled() {
        #expect(CSV.field("web-01") == "web-01")
        #expect(CSV.field("数据库-主库") == "数据库-主库")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("crlf\r\nend") == "\"crlf\r\nend\"")
        #expect(CSV.field("tab\there") == "tab\there")
        #expect(CSV.field("esc\u{1B}[31m") == "esc\\u{1b}[31m")
        #expect(CSV.field("") == "")
    }

    @Test func aTableIsAHeaderOfKeysThenRowsEndingInCRLF() {
        var table = Table(columns: [.init("NAME", key: "name"), .init("ACCOUNTS", key: "accounts")])
        table.rows.append([.init(.string("ゲーム, \"本番\"")), .init(.array([.string("100001"), .string("100002")]))])
        table.rows.append([.init(.null), .init(.int(3))])
        let expected = "name,accounts\r\n\"ゲーム, \"\"本番\"\"\",\"100001,100002\"\r\n,3\r\n"
        #expect(table.rendered(as: .csv) == expected)
        #expect(table.rendered(as: .csv, style: Style(usesColor: false, csvBOM: true)) == "\u{FEFF}" + expected)
        let record = Record(fields: [.init(key: "batch", label: "batch", value: .init(.string("b-1")))])
        #expect(record.rendered(as: .csv) == "batch\r\nb-1\r\n")
    }

    @Test func lsWritesNamesWithCommasQuotesNewlinesAndCJKAsTheyAre() async throws {
        var state = EmulatorState.demo()
        let nanjing = state.regions.firstIndex { $0.region == EmulatorState.demoRegion }!
        let index = state.regions[nanjing].images.firstIndex { $0.ownerAccountId == EmulatorState.demoAccountId }!
        state.regions[nanjing].images[index].imageName = "web,\"prod\"\nsecond line"
        let id = state.regions[nanjing].images[index].imageId
        try await ShellHarness.with(EmulatorOptions(state: state, rateLimit: .off)) { harness in
            #expect(await harness.run("set output csv\nset csv_bom on\nls") == .completed)
            let output = harness.console.output
            #expect(output.hasPrefix("\u{FEFF}index,selected,image_id,name,state,os,size_gib,created,family,tags\r\n"))
            #expect(output.contains(",\(id),\"web,\"\"prod\"\"\nsecond line\",NORMAL,"))
            #expect(output.contains(",ウェブサーバー-本番,"))
            #expect(output.contains("\r\n") && !output.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
            let records = output.components(separatedBy: "\r\n").count - 1
            #expect(records == 1 + (await harness.ownImages().count))
        }
    }

    @Test func sharedAndJournalWriteCSVToo() async throws {
        try await ShellHarness.with { harness in
            let id = await harness.ownImages().first { $0.shareable && $0.shares.isEmpty }!.imageId
            #expect(await harness.run("select \(id)\nshare 100011110001,100011110002 -y") == .completed)
            let before = harness.console.output.count
            #expect(await harness.run("set output csv\nshared\njournal") == .completed)
            let output = String(harness.console.output.dropFirst(before))
            #expect(output.contains("index,image_id,name,count,accounts\r\n"))
            #expect(output.contains(",\(id),") && output.contains(",2,\"100011110001,100011110002\"\r\n"))
            #expect(output.split(separator: "\r\n").count >= 4)
        }
    }
}

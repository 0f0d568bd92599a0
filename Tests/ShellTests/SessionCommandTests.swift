import CVMEmulator
import Foundation
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// The session commands against the emulator over real HTTP.
@Suite struct SessionCommandTests {
    @Test func lsListsEveryPageNumberedNewestFirst() async throws {
        try await ShellHarness.with(EmulatorOptions(state: .generated(images: 250), rateLimit: .off)) { shell in
            #expect(await shell.run("set output tsv\nls") == .completed)
            // tsv starts with the column keys; `set tsv_header off` leaves only the images.
            let header = "index\tselected\timage_id\tname\tstate\tos\tsize_gib\tcreated\tfamily\ttags"
            #expect(shell.console.output.hasPrefix(header + "\n"))
            shell.console.clear()
            #expect(await shell.run("set tsv_header off\nls") == .completed)
            let rows = shell.console.output.split(separator: "\n")
            #expect(rows.count == 250)
            #expect(rows.first?.hasPrefix("1\t") == true)
            #expect(rows.last?.hasPrefix("250\t") == true)
            let created = rows.map { $0.split(separator: "\t", omittingEmptySubsequences: false)[7] }
            #expect(created == created.sorted(by: >))
            // One round of five pages (the last two empty); a second ls reads the cache.
            #expect(await shell.calls("DescribeImages").count == 5)
            await shell.run("ls --refresh")
            #expect(await shell.calls("DescribeImages").count == 10)
            #expect(await shell.calls("DescribeImageSharePermission").isEmpty)
        }
    }

    @Test func selectStoresIdsAndRejectsUnknownIndicesWithoutChangingAnything() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("select 1,3 5-7") == .completed)
            #expect(shell.interpreter.session.selection.count == 5)
            let images = try #require(shell.interpreter.session.images)
            #expect(shell.interpreter.session.selection.ids == [1, 3, 5, 6, 7].map { images.images[$0 - 1].imageId })
            let before = shell.interpreter.session.selection.ids
            #expect(await shell.run("select 1,9999") == .stopped(.scriptStopped))
            #expect(shell.interpreter.session.selection.ids == before)
            #expect(shell.console.errors.last?.hasPrefix("cvmsh:test.cvmsh:1: error: select:") == true)
            #expect(await shell.run("unselect 3") == .completed)
            #expect(shell.interpreter.session.selection.count == 4)
            #expect(await shell.run("select none") == .completed)
            #expect(shell.interpreter.session.selection.isEmpty)
        }
    }

    @Test func selectByNameGlobFindsJapaneseNames() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("select 'name:ウェブ*'") == .completed)
            let id = try #require(shell.interpreter.session.selection.ids.first)
            #expect(shell.interpreter.session.images?.image(id)?.imageName == "ウェブサーバー-本番")
        }
    }

    @Test func regionSwitchValidatesAndDropsTheListAndSelection() async throws {
        try await ShellHarness.with { shell in
            await shell.run("select 1-3")
            #expect(await shell.run("region ap-guangzhou") == .completed)
            #expect(shell.interpreter.session.region == "ap-guangzhou")
            #expect(shell.interpreter.session.selection.isEmpty)
            #expect(shell.interpreter.session.images == nil)
            #expect(shell.console.diagnostics.contains { $0.contains("3 selected images unselected") })
            #expect(await shell.run("region ap-nanjnig") == .stopped(.scriptStopped))
            #expect(shell.console.errors.last?.contains("did you mean 'ap-nanjing'?") == true)
            #expect(shell.interpreter.session.region == "ap-guangzhou")
            // DescribeRegions was read once and kept.
            #expect(await shell.calls("DescribeRegions").count == 1)
        }
    }

    @Test func regionsTableInJSONIsOneDocument() async throws {
        try await ShellHarness.with { shell in
            await shell.run("set output json\nregions")
            let json = try JSONSerialization.jsonObject(with: Data(shell.console.output.utf8)) as? [[String: Any]]
            #expect(json?.count == 8)
            #expect(
                json?.contains { $0["region"] as? String == "ap-nanjing" && $0["current"] as? String == "*" } == true)
        }
    }

    @Test func statusShowsMaskedCredentialsAndNeverTheKey() async throws {
        try await ShellHarness.with { shell in
            await shell.run("ls\nselect 2\nstatus")
            let out = shell.console.output
            #expect(out.contains("AKID…0000 from environment"))
            #expect(out.contains("150 images in ap-nanjing"))
            #expect(out.contains("Selected"))
            #expect(!out.contains(EmulatorState.demoSecretKey))
            #expect(!out.contains(EmulatorState.demoSecretId))
        }
    }

    @Test func unknownCommandSuggestsTheClosest() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("lss") == .stopped(.scriptStopped))
            #expect(
                shell.console.errors == [
                    "cvmsh:test.cvmsh:1: error: unknown command 'lss'; did you mean 'ls'? (type `help` for the list)"
                ])
        }
    }

    @Test func scriptStopsAtTheFirstFailureByDefault() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("echo one\nbogus\necho two") == .stopped(.scriptStopped))
            #expect(shell.console.output == "one\n")
        }
    }

    @Test func onErrorContinueRunsEverythingAndCountsFailures() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("set on_error continue\necho one\nbogus\nset nope 1\necho two") == .completed)
            #expect(shell.console.output == "one\ntwo\n")
            #expect(shell.interpreter.failures == 2)
            #expect(shell.console.errors.map { $0.prefix(19) } == ["cvmsh:test.cvmsh:3:", "cvmsh:test.cvmsh:4:"])
        }
    }

    @Test func dashPrefixIgnoresOneFailureButReportsIt() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("-bogus\necho after") == .completed)
            #expect(shell.console.output == "after\n")
            #expect(shell.console.errors.first?.hasSuffix("(ignored)") == true)
            #expect(shell.interpreter.failures == 0)
        }
    }

    @Test func exitEndsTheScriptWithItsStatus() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("echo a; exit 4; echo b\necho c") == .exited(ExitStatus(4)))
            #expect(shell.console.output == "a\n")
            #expect(await shell.run("exit 300") == .stopped(.scriptStopped))
        }
    }

    @Test func unreachableEndpointStopsWithStatus2() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("endpoint http://127.0.0.1:9\nls") == .stopped(.apiUnusable))
            #expect(shell.console.errors.last?.contains("DescribeImages: cannot connect") == true)
        }
    }

    @Test func wrongKeyIsAPIUnusable() async throws {
        try await ShellHarness.with(environment: ["TENCENTCLOUD_SECRET_KEY": "wrong-key-wrong-key-wrong-key-00"]) {
            shell in
            #expect(await shell.run("ls") == .stopped(.apiUnusable))
            #expect(shell.console.errors.last?.contains("AuthFailure.SignatureFailure") == true)
            #expect(shell.console.errors.last?.contains("RequestId") == true)
        }
    }

    @Test func sourceRunsNestedFilesWithTheirOwnLineNumbersAndRelativePaths() async throws {
        try await ShellHarness.with { shell in
            let dir = shell.home + "/scripts"
            try FileManager.default.createDirectory(atPath: dir + "/inner", withIntermediateDirectories: true)
            try "echo outer\nsource inner/b.cvmsh\necho not reached\n".write(
                toFile: dir + "/a.cvmsh", atomically: true, encoding: .utf8)
            try "echo inner\n\n# comment\nbogus-inner\n".write(
                toFile: dir + "/inner/b.cvmsh", atomically: true, encoding: .utf8)
            #expect(await shell.run("source \(dir)/a.cvmsh") == .stopped(.scriptStopped))
            #expect(shell.console.output == "outer\ninner\n")
            #expect(shell.console.errors.count == 1)
            #expect(shell.console.errors[0].hasPrefix("cvmsh:inner/b.cvmsh:4: error: unknown command 'bogus-inner'"))
        }
    }

    @Test func sourceLoopIsAnError() async throws {
        try await ShellHarness.with { shell in
            try "echo a\nsource b.cvmsh\n".write(toFile: shell.home + "/a.cvmsh", atomically: true, encoding: .utf8)
            try "echo b\nsource a.cvmsh\n".write(toFile: shell.home + "/b.cvmsh", atomically: true, encoding: .utf8)
            // The `source` line that would close the loop is the failing command: the script stops (3).
            #expect(await shell.run("source \(shell.home)/a.cvmsh") == .stopped(.scriptStopped))
            #expect(shell.console.output == "a\nb\n")
            #expect(shell.console.errors.first?.contains("source loop: a.cvmsh → b.cvmsh → a.cvmsh") == true)
        }
    }

    @Test func aliasesExpandAndRejectBadIds() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("alias team 100011110001,100011110002\nalias all @team 100011110003") == .completed)
            #expect(shell.interpreter.session.aliases["all"] == ["100011110001", "100011110002", "100011110003"])
            #expect(await shell.run("alias bad 12a45") == .stopped(.scriptStopped))
            #expect(shell.console.errors.last?.contains("12a45") == true)
            #expect(await shell.run("unalias team") == .completed)
            #expect(shell.interpreter.session.aliases["team"] == nil)
        }
    }

    @Test func setShowsAndValidates() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("set concurrency 4\nset output tsv\nset") == .completed)
            #expect(shell.console.output.contains("concurrency\t4"))
            #expect(await shell.run("set concurrency 0") == .stopped(.scriptStopped))
            #expect(await shell.run("set ouput json") == .stopped(.scriptStopped))
            #expect(shell.console.errors.last?.contains("did you mean 'output'?") == true)
        }
    }

    @Test func helpListsEveryCommandAndShowsExamples() async throws {
        try await ShellHarness.with { shell in
            await shell.run("help")
            for command in Interpreter.commands {
                #expect(shell.console.output.contains(command.synopsis))
            }
            shell.console.clear()
            await shell.run("help select")
            #expect(shell.console.output.hasPrefix("usage: select [SPEC...]"))
            #expect(shell.console.output.contains("Examples:"))
        }
    }

    @Test func endpointRefusesPlainHTTPOffLoopback() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("endpoint http://example.com") == .stopped(.scriptStopped))
            #expect(shell.console.errors.last?.contains("only loopback hosts may use http") == true)
        }
    }

    @Test func loginIsRefusedInScriptsAndNeverTakesKeysAsWords() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("login") == .stopped(.scriptStopped))
            #expect(await shell.run("login AKIDxxxx secret") == .stopped(.scriptStopped))
            #expect(shell.console.errors.last?.contains("never typed on the command line") == true)
        }
    }

    @Test func sharedWithMeListsImagesOthersShared() async throws {
        try await ShellHarness.with { shell in
            await shell.run("set output json\nls --shared-with-me")
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(shell.console.output.utf8)) as? [[String: Any]])
            #expect(!rows.isEmpty)
            #expect(
                rows.allSatisfy { $0["owner"] as? String == EmulatorState.partnerAccountIds[0] || $0["owner"] != nil })
        }
    }

    @Test func profileSwitchesToATCCLIProfileAndRefusesAMissingOne() async throws {
        try await ShellHarness.with(environment: ["TENCENTCLOUD_SECRET_KEY": "wrong-key-wrong-key-wrong-key-00"]) {
            shell in
            let tccli = shell.home + "/.tccli"
            try FileManager.default.createDirectory(atPath: tccli, withIntermediateDirectories: true)
            let credential =
                #"{"secretId": "\#(EmulatorState.demoSecretId)", "secretKey": "\#(EmulatorState.demoSecretKey)"}"#
            try credential.write(toFile: tccli + "/partner.credential", atomically: true, encoding: .utf8)
            chmod(tccli + "/partner.credential", 0o600)
            #expect(await shell.run("profile partner\nls\nstatus") == .completed)
            #expect(shell.console.output.contains("tccli profile partner"))
            #expect(shell.interpreter.session.profile == "partner")
            #expect(await shell.run("profile nosuch") == .stopped(.apiUnusable))
            #expect(shell.console.errors.last?.contains("profile nosuch not found") == true)
            #expect(shell.interpreter.session.profile == "partner")
        }
    }

    @Test func unselectAfterARefreshStillRemovesTheRightImages() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("select 1-5\nunselect 2\nls --refresh\nunselect 4") == .completed)
            let images = try #require(shell.interpreter.session.images)
            #expect(shell.interpreter.session.selection.ids == [1, 3, 5].map { images.images[$0 - 1].imageId })
            #expect(await shell.run("select all\nunselect 2-150") == .completed)
            #expect(shell.interpreter.session.selection.ids == [images.images[0].imageId])
        }
    }

    @Test func aMissingSourcedFileIsAnOrdinaryFailure() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("-source nope.cvmsh\necho after") == .completed)
            #expect(shell.console.output == "after\n")
            #expect(shell.console.errors.first?.hasSuffix("cannot read nope.cvmsh: no such file (ignored)") == true)
            #expect(await shell.run("source nope.cvmsh\necho not-reached") == .stopped(.scriptStopped))
        }
    }
}

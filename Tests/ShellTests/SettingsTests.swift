import Testing

@testable import Shell

/// The settings are one declared list that drives `set`, completion and `status`.
@Suite struct SettingsTests {
    @Test func everyDeclaredValueRoundTrips() throws {
        var settings = Settings(onError: .stop)
        for setting in Settings.all {
            for value in setting.completions {
                try settings.set(setting.key, to: value)
                #expect(settings.value(of: setting.key) == value, "\(setting.key)")
            }
            #expect(throws: ShellError.self) { try settings.set(setting.key, to: "bogus") }
        }
        try settings.set("concurrency", to: "64")
        #expect(settings.concurrency == 64)
        try settings.set("confirm", to: "no")
        #expect(!settings.confirm)
    }

    @Test func errorsNameTheAllowedValues() {
        var settings = Settings(onError: .stop)
        #expect(throws: ShellError.usage("set output: expected table, tsv, csv or json, got 'xml'")) {
            try settings.set("output", to: "xml")
        }
        #expect(throws: ShellError.usage("set concurrency: expected a number from 1 to 64, got '0'")) {
            try settings.set("concurrency", to: "0")
        }
        #expect(throws: ShellError.usage("set on_error: expected stop or continue, got 'x'")) {
            try settings.set("on_error", to: "x")
        }
    }

    @Test func setHelpStatusAndCompletionListEveryKey() async throws {
        let page = HelpText.page(for: SetCommand.signature, width: 80)
        for setting in Settings.all {
            #expect(page.contains("  \(setting.key) \(setting.allowed)"), "\(setting.key)")
            #expect(page.contains("(default \(setting.value(in: Settings.defaults)))"), "\(setting.key)")
        }
        try await ShellHarness.with { shell in
            #expect(await shell.run("status") == .completed)
            let status = shell.console.output
            for setting in Settings.all {
                #expect(status.contains("\(setting.key)=\(setting.value(in: shell.interpreter.session.settings))"))
            }
        }
    }
}

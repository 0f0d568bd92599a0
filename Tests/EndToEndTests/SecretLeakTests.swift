import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// "Secrets stay secret": whole sessions of the built `cvmsh` with recognisable fake keys that
/// the emulator accepts (so real, signed calls happen), with `--debug`; then every byte the
/// session printed or left on disk is searched for the keys, the token and the unmasked
/// SecretId. Also: private file modes, planted symlinks, world-readable credential files,
/// TLS verification and the plain-http rule. See docs/reliability.md.
@Suite(.serialized) struct SecretLeakTests {
    static let secretId = "AKIDLEAKCANARYid00000000000000000000"
    static let secretKey = "LEAKCANARYsecretKey0123456789abcd"
    static let tempSecretId = "AKIDLEAKCANARYtmp0000000000000000000"
    static let tempSecretKey = "LEAKCANARYtmpKey0123456789abcdefg"
    static let token = "LEAKCANARYtoken0123456789abcdefghijklmnopqrstuvwxyz"
    /// What must never appear (the SecretIds only unmasked; `AKID…0000` is fine).
    static let canaries = [secretId, secretKey, tempSecretId, tempSecretKey, token, "LEAKCANARY"]

    /// Starts an emulator whose demo account has only the canary credentials: a permanent key
    /// and a temporary key with its token.
    static func canaryEmulator(in directory: String) async throws -> EmulatorProcess {
        let seedDirectory = directory + "/seed"
        try FileManager.default.createDirectory(atPath: seedDirectory, withIntermediateDirectories: true)
        let seed = try await EmulatorProcess(
            ["--generate", "30", "--seed", "5", "--rate-limit", "off"], directory: seedDirectory)
        let dump = try await seed.stop()
        var state = dump.raw
        var accounts = state["accounts"] as? [[String: Any]] ?? []
        let index = try #require(accounts.firstIndex { $0["accountId"] as? String == KillResumeTests.demoAccount })
        accounts[index]["credentials"] = [
            ["secretId": secretId, "secretKey": secretKey],
            ["secretId": tempSecretId, "secretKey": tempSecretKey, "token": token, "expiredTime": 4_102_444_800],
        ]
        state["accounts"] = accounts
        let statePath = directory + "/canary-state.json"
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: statePath))
        return try await EmulatorProcess(
            ["--state", statePath, "--rate-limit", "off", "--seed", "5"], directory: directory)
    }

    /// Every regular file below `directory` (symlinks not followed) that contains a canary.
    static func filesLeaking(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var leaking: [String] = []
        while let relative = walker.nextObject() as? String {
            let path = directory + "/" + relative
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if canaries.contains(where: text.contains) { leaking.append(relative) }
        }
        return leaking
    }

    static func leaks(in text: String) -> [String] {
        canaries.filter { text.contains($0) }
    }

    // MARK: - Script mode

    @Test func aWholeScriptSessionWithDebugLeaksNoKeyTokenOrSecretId() async throws {
        try await withTemporaryFolder("cvmsh-leak") { directory in
            let emulator = try await Self.canaryEmulator(in: directory)
            let home = directory + "/home"
            try FileManager.default.createDirectory(atPath: home + "/.config/cvmsh", withIntermediateDirectories: true)
            try "set concurrency 4\n".write(toFile: home + "/.config/cvmsh/cvmshrc", atomically: true, encoding: .utf8)
            let script = """
                status
                ls
                select 1-6
                share 100030000001,100030000002
                shared
                -share 100099999999
                -bogus-command
                -select img-zzzzzzzz
                journal
                unshare 100030000002
                undo
                status
                """
            // A temporary key (with its token) from the environment.
            let temporary = try await run(
                cvmsh, ["--debug", "--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-y"], stdin: script,
                environment: [
                    "TENCENTCLOUD_SECRET_ID": Self.tempSecretId, "TENCENTCLOUD_SECRET_KEY": Self.tempSecretKey,
                    "TENCENTCLOUD_TOKEN": Self.token,
                ],
                home: home, timeout: .seconds(120))
            #expect(temporary.status == 0, "\(temporary.stderr)")
            #expect(temporary.stdout.contains("AKID…0000"), "status shows the masked SecretId")
            #expect(temporary.stderr.contains("debug"), "--debug traced the calls")
            #expect(temporary.stderr.contains("InvalidAccountId.NotFound"), "an API error was reported")
            #expect(Self.leaks(in: temporary.stdout).isEmpty, "stdout leaks \(Self.leaks(in: temporary.stdout))")
            #expect(Self.leaks(in: temporary.stderr).isEmpty, "stderr leaks \(Self.leaks(in: temporary.stderr))")

            // A permanent key from a private INI file (and a broken temporary key first: an auth error).
            try FileManager.default.createDirectory(atPath: home + "/.tencentcloud", withIntermediateDirectories: true)
            let credentials = home + "/.tencentcloud/credentials"
            try "[default]\nsecret_id = \(Self.secretId)\nsecret_key = \(Self.secretKey)\n"
                .write(toFile: credentials, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: credentials)
            let badToken = try await run(
                cvmsh, ["--debug", "--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-c", "ls"],
                environment: [
                    "TENCENTCLOUD_SECRET_ID": Self.tempSecretId, "TENCENTCLOUD_SECRET_KEY": Self.tempSecretKey,
                    "TENCENTCLOUD_TOKEN": Self.token + "x",
                ],
                home: home)
            #expect(badToken.status != 0, "\(badToken.stderr)")
            #expect(badToken.stderr.contains("AuthFailure"), "\(badToken.stderr)")
            let permanent = try await run(
                cvmsh,
                ["--debug", "--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-y", "--output", "json"],
                stdin: "status\nselect all\nshare 100030000003\nshared\njournal\n", home: home, timeout: .seconds(120))
            #expect(permanent.status == 0, "\(permanent.stderr)")
            #expect(!permanent.stderr.contains("readable by other users"), "a 0600 file gets no warning")
            for result in [badToken, permanent] {
                #expect(
                    Self.leaks(in: result.stdout + result.stderr).isEmpty,
                    "output leaks \(Self.leaks(in: result.stdout + result.stderr))")
            }

            // Nothing on disk but the credentials file itself holds a secret.
            let leaking = Self.filesLeaking(under: home).filter { $0 != ".tencentcloud/credentials" }
            #expect(leaking.isEmpty, "files leaking a secret: \(leaking)")
            let journal = home + "/.local/state/cvmsh/journal.jsonl"
            #expect(FileManager.default.fileExists(atPath: journal))
            try Self.expectPrivate(journal)
            let calls = try emulator.calls()
            #expect(calls.contains { $0.appliedChange && $0.permission == "SHARE" }, "real changes were made")
            let logText = (try? String(contentsOfFile: emulator.logPath, encoding: .utf8)) ?? ""
            #expect(Self.leaks(in: logText).isEmpty, "the emulator's log leaks")
            _ = try await emulator.stop()
        }
    }

    static func expectPrivate(_ path: String) throws {
        let file = try FileManager.default.attributesOfItem(atPath: path)
        let folder = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)
        #expect((file[.posixPermissions] as? Int) == 0o600, "\(path) mode")
        #expect((folder[.posixPermissions] as? Int) == 0o700, "directory of \(path) mode")
    }

    @Test func aWorldReadableCredentialsFileIsWarnedAboutOnceWhenUsed() async throws {
        try await withTemporaryFolder("cvmsh-leak-mode") { directory in
            let emulator = try await Self.canaryEmulator(in: directory)
            let home = directory + "/home"
            try FileManager.default.createDirectory(atPath: home + "/.tencentcloud", withIntermediateDirectories: true)
            let credentials = home + "/.tencentcloud/credentials"
            try "[default]\nsecret_id = \(Self.secretId)\nsecret_key = \(Self.secretKey)\n"
                .write(toFile: credentials, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: credentials)
            let result = try await run(
                cvmsh, ["--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-c", "ls", "-c", "ls --refresh"],
                home: home)
            #expect(result.status == 0, "\(result.stderr)")
            let warnings = result.stderr.components(separatedBy: "readable by other users").count - 1
            #expect(warnings == 1, "one warning per session: \(result.stderr)")
            #expect(result.stderr.contains("chmod 600"))
            #expect(Self.leaks(in: result.stdout + result.stderr).isEmpty)
            let status = try await run(
                cvmsh, ["--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-c", "status"], home: home)
            #expect(status.stderr.contains("readable by other users"), "status warns too: \(status.stderr)")
            _ = try await emulator.stop()
        }
    }

    // MARK: - Interactive, with history

    @Test func anInteractiveLoginSessionKeepsKeysOutOfTheTerminalHistoryAndFiles() async throws {
        try await withTemporaryFolder("cvmsh-leak-pty") { directory in
            let emulator = try await Self.canaryEmulator(in: directory)
            let home = directory + "/home"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let history = home + "/.local/state/cvmsh/history"
            let terminal = try PseudoTerminal(
                cvmsh, arguments: ["--debug", "--endpoint", emulator.endpoint, "--region", "ap-nanjing"],
                environment: [
                    "HOME": home, "NO_COLOR": "1", "EDITRC": home + "/none",
                    "CVMSH_METADATA_ENDPOINT": "http://127.0.0.1:9/",
                ],
                rows: 40, cols: 160)
            _ = try await terminal.waitFor("Endpoint: \(emulator.endpoint)")
            _ = try await terminal.waitFor("ap-nanjing [0]> ")
            try await terminal.type("login\r")
            _ = try await terminal.waitFor("SecretId: ")
            try await terminal.type(Self.tempSecretId + "\r")
            _ = try await terminal.waitFor("SecretKey: ")
            try await terminal.type(Self.tempSecretKey + "\r")
            _ = try await terminal.waitFor("Token")
            try await terminal.type(Self.token + "\r")
            _ = try await terminal.waitFor("ap-nanjing [0]> ")
            for (line, answer) in [("ls", "30 images"), ("select all", "30 images selected"), ("status", "Endpoint")] {
                try await terminal.type(line + "\r")
                _ = try await terminal.waitFor(answer, timeout: .seconds(30))
                _ = try await terminal.waitFor("]> ", timeout: .seconds(30))
            }
            try await terminal.type("share 100030000004\r")
            _ = try await terminal.waitFor("[y/N] ", timeout: .seconds(30))
            try await terminal.type("y\r")
            _ = try await terminal.waitFor("shared", timeout: .seconds(30))
            _ = try await terminal.waitFor("]> ", timeout: .seconds(30))
            for line in ["shared", "journal", "share 12", "status"] {
                try await terminal.type(line + "\r")
                _ = try await terminal.waitFor("]> ", timeout: .seconds(30))
            }
            // Nothing typed so far was a secret that could be echoed: the terminal shows none.
            #expect(Self.leaks(in: terminal.output).isEmpty, "the terminal showed \(Self.leaks(in: terminal.output))")
            #expect(terminal.output.contains("AKID…0000"), "status shows the masked id")
            // A key pasted at the prompt by mistake (echoed, as anything typed is) stays out of history.
            try await terminal.type(Self.secretKey + "\r")
            _ = try await terminal.waitFor("]> ")
            try await terminal.type("echo export TENCENTCLOUD_SECRET_KEY=\(Self.secretKey)\r")
            _ = try await terminal.waitFor("]> ")
            try await terminal.type("exit\r")
            #expect(try await terminal.waitForExit(timeout: .seconds(20)) == 0)

            let saved = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
            #expect(saved.contains("journal"), "history was written: \(saved)")
            #expect(Self.leaks(in: saved).isEmpty, "history holds \(Self.leaks(in: saved))")
            try Self.expectPrivate(history)
            #expect(Self.filesLeaking(under: home).isEmpty, "files leaking: \(Self.filesLeaking(under: home))")
            _ = try await emulator.stop()
        }
    }

    // MARK: - Files: symlinks planted at their paths

    @Test func aSymlinkPlantedAtTheJournalPathIsRefusedNotFollowed() async throws {
        try await withTemporaryFolder("cvmsh-leak-link") { directory in
            let emulator = try await EmulatorProcess(["--generate", "10", "--rate-limit", "off"], directory: directory)
            let home = directory + "/home"
            let state = home + "/.local/state/cvmsh"
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
            let target = directory + "/victim"
            try "precious\n".write(toFile: target, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: state + "/journal.jsonl", withDestinationPath: target)
            let result = try await run(
                cvmsh,
                [
                    "--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-y", "-c",
                    "select all; share 100030000001",
                ],
                environment: emulator.credentials, home: home)
            #expect(result.status != 0)
            #expect(result.stderr.contains("symbolic link"), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was changed"), "\(result.stderr)")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n")
            #expect(!(try emulator.calls()).contains { $0.action == "ModifyImageSharePermission" })
            _ = try await emulator.stop()
        }
    }

    @Test func aSymlinkPlantedAtTheHistoryPathIsNotFollowed() async throws {
        try await withTemporaryFolder("cvmsh-leak-histlink") { home in
            let state = home + "/.local/state/cvmsh"
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
            let target = home + "/victim"
            try "precious\n".write(toFile: target, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: state + "/history", withDestinationPath: target)
            let terminal = try PseudoTerminal(
                cvmsh, arguments: ["--demo"], environment: ["HOME": home, "NO_COLOR": "1", "EDITRC": home + "/none"],
                rows: 40, cols: 120)
            _ = try await terminal.waitFor("ap-nanjing [0]> ")
            try await terminal.type("echo marker-line\r")
            _ = try await terminal.waitFor("]> ")
            try await terminal.type("exit\r")
            _ = try await terminal.waitForExit(timeout: .seconds(20))
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n", "the link target was written")
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: state + "/history")
            #expect(link == target, "the planted link is left alone, not replaced by a file")
            #expect(terminal.output.contains("symbolic link"), "the refusal is reported: \(terminal.output)")
        }
    }

    // MARK: - TLS and plain http

    @Test func anUntrustedCertificateFailsAndThereIsNoWayToSkipVerification() async throws {
        try await withTemporaryFolder("cvmsh-leak-tls") { directory in
            let openssl = try await run(
                "/usr/bin/env",
                [
                    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem", "-days", "2", "-subj",
                    "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                ])
            try #require(openssl.status == 0)
            let emulator = try await EmulatorProcess(
                [
                    "--generate", "5", "--rate-limit", "off", "--tls-cert", directory + "/cert.pem", "--tls-key",
                    directory + "/key.pem",
                ],
                directory: directory)
            let https = "https://127.0.0.1:\(emulator.port)"
            var environment = emulator.credentials
            environment["SSL_CERT_FILE"] = nil
            let untrusted = try await run(
                cvmsh, ["--endpoint", https, "--region", "ap-nanjing", "-c", "ls"], environment: environment)
            #expect(untrusted.status == 2, "\(untrusted.stderr)")
            #expect(
                untrusted.stderr.lowercased().contains("certificate"),
                "the failure names the certificate: \(untrusted.stderr)")
            // The same server with its certificate trusted works: the failure above was verification.
            environment["SSL_CERT_FILE"] = directory + "/cert.pem"
            let trusted = try await run(
                cvmsh, ["--endpoint", https, "--region", "ap-nanjing", "-c", "ls"], environment: environment)
            #expect(trusted.status == 0, "\(trusted.stderr)")
            #expect(trusted.stdout.contains("img-"))
            // No flag turns verification off.
            let help = try await run(cvmsh, ["--help"])
            for word in ["insecure", "no-verify", "skip-verify", "--no-tls"] {
                #expect(!help.stdout.lowercased().contains(word))
            }
            _ = try await emulator.stop()
        }
    }

    @Test func plainHttpIsRefusedForAnythingButLoopback() async throws {
        for endpoint in ["http://example.com", "http://10.0.0.1:8080", "http://cvm.tencentcloudapi.com"] {
            let result = try await run(cvmsh, ["--endpoint", endpoint, "--region", "ap-nanjing", "-c", "status"])
            #expect(result.status == 64, "\(endpoint): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("plain http"), "\(endpoint): \(result.stderr)")
        }
        let fromEnvironment = try await run(
            cvmsh, ["--region", "ap-nanjing", "-c", "status"], environment: ["CVMSH_ENDPOINT": "http://example.com"])
        #expect(fromEnvironment.status == 64, "\(fromEnvironment.stderr)")
        let loopback = try await run(
            cvmsh, ["--endpoint", "http://127.0.0.1:9", "--region", "ap-nanjing", "-c", "status"],
            environment: ["CVMSH_METADATA_ENDPOINT": "http://127.0.0.1:9/"])
        #expect(loopback.status == 0, "\(loopback.stderr)")
        #expect(loopback.stdout.contains("http://127.0.0.1:9"), "status shows the endpoint: \(loopback.stdout)")
        #expect(!loopback.stdout.contains("(default)"))
    }
}

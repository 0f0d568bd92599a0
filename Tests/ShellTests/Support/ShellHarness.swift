import CVMEmulator
import Foundation
import Logging
import TencentCloud

@testable import Shell

/// A shell wired to a fresh emulator over real HTTP on loopback, in a temporary HOME.
final class ShellHarness {
    let emulator: Emulator
    let console: TestConsole
    let interpreter: Interpreter
    let home: String

    /// - Parameters:
    ///   - options: the emulator's; demo data by default.
    ///   - region: the region the session starts in.
    static func start(
        _ options: EmulatorOptions = EmulatorOptions(state: .demo(), rateLimit: .off),
        region: String? = EmulatorState.demoRegion, interactive: Bool = false, answers: [Bool] = [],
        environment extra: [String: String] = [:], rateLimits: RateLimits = .off, terminalWidth: Int? = nil
    ) async throws -> ShellHarness {
        let emulator = try await Emulator.start(options)
        let home = NSTemporaryDirectory() + "cvmsh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = [
            "HOME": home,
            "TENCENTCLOUD_SECRET_ID": EmulatorState.demoSecretId,
            "TENCENTCLOUD_SECRET_KEY": EmulatorState.demoSecretKey,
            "CVMSH_METADATA_ENDPOINT": "http://127.0.0.1:9/",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        environment.merge(extra) { $1 }
        let services = ShellServices(
            environment: environment, profile: nil, version: "test", logger: Logger(label: "test"),
            rateLimits: rateLimits)
        var session = Session(
            endpoint: try Endpoint(parsing: emulator.endpoint), region: region,
            settings: Settings(onError: interactive ? .continue : .stop))
        session.settings.confirm = interactive
        let console = TestConsole(answers: answers, terminalWidth: terminalWidth)
        let interpreter = Interpreter(
            session: session, console: console, services: services, isInteractive: interactive)
        return ShellHarness(emulator: emulator, console: console, interpreter: interpreter, home: home)
    }

    /// Runs `body` with a fresh harness and stops it afterwards, even when `body` throws.
    static func with(
        _ options: EmulatorOptions = EmulatorOptions(state: .demo(), rateLimit: .off),
        region: String? = EmulatorState.demoRegion, interactive: Bool = false, answers: [Bool] = [],
        environment extra: [String: String] = [:], rateLimits: RateLimits = .off, terminalWidth: Int? = nil,
        _ body: (ShellHarness) async throws -> Void
    ) async throws {
        let shell = try await start(
            options, region: region, interactive: interactive, answers: answers, environment: extra,
            rateLimits: rateLimits, terminalWidth: terminalWidth)
        do {
            try await body(shell)
        } catch {
            await shell.stop()
            throw error
        }
        await shell.stop()
    }

    private init(emulator: Emulator, console: TestConsole, interpreter: Interpreter, home: String) {
        self.emulator = emulator
        self.console = console
        self.interpreter = interpreter
        self.home = home
    }

    /// Runs `text` as a script named `name`; returns how it ended.
    @discardableResult
    func run(_ text: String, source name: String = "test.cvmsh") async -> Interpreter.ScriptOutcome {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return await interpreter.runScript(source: name) { body in
            for line in lines where await !body(line) { break }
            return nil
        }
    }

    /// Calls of one action the emulator served.
    func calls(_ action: String) async -> [EmulatorCall] {
        await emulator.calls().filter { $0.action == action }
    }

    func stop() async {
        await interpreter.services.shutdown()
        await emulator.stop()
        try? FileManager.default.removeItem(atPath: home)
    }
}

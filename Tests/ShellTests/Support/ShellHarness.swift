import CVMEmulator
import Foundation
import Logging
import TencentCloud
import TestSupport

@testable import Shell

/// A shell wired to a fresh emulator over real HTTP on loopback, in a temporary HOME.
final class ShellHarness {
    let emulator: Emulator
    let console: TestConsole
    let interpreter: Interpreter
    let home: String

    /// Runs `body` with a shell wired to a fresh emulator in a fresh temporary HOME, and stops
    /// the emulator and removes the HOME afterwards, even when `body` throws.
    /// - Parameters:
    ///   - options: the emulator's; demo data by default.
    ///   - region: the region the session starts in.
    static func with<T>(
        _ options: EmulatorOptions = EmulatorOptions(state: .demo(), rateLimit: .off),
        region: String? = EmulatorState.demoRegion, interactive: Bool = false, answers: [Bool] = [],
        environment extra: [String: String] = [:], rateLimits: RateLimits = .off, terminalWidth: Int? = nil,
        _ body: (ShellHarness) async throws -> T
    ) async throws -> T {
        try await withEmulator(options) { emulator in
            try await withTemporaryFolder("cvmsh-test") { home in
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
                let shell = ShellHarness(emulator: emulator, console: console, interpreter: interpreter, home: home)
                do {
                    let result = try await body(shell)
                    await interpreter.services.shutdown()
                    return result
                } catch {
                    await interpreter.services.shutdown()
                    throw error
                }
            }
        }
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
}

import CVMEmulator
import Foundation
import LineEditor
import Logging
import Shell
import TencentCloud

/// Builds the session from the command line and the environment, then runs the scripts and
/// the prompt in order, and decides the exit status.
@MainActor
struct Launcher {
    let options: CVMShell
    let arguments: [String]

    func run() async -> ExitStatus {
        await ProcessSignals.install()
        defer { TemporaryFolders.removeAll() }
        var environment = ProcessInfo.processInfo.environment
        let console = StandardConsole(environment: environment)
        let terminal = Terminal.isInteractive
        let scripts = ScriptOrder.items(arguments: arguments, commands: options.commands, files: options.files)
        let prompt = scripts.isEmpty ? terminal : options.interactive && terminal

        var demo: Emulator?
        if options.demo {
            do {
                // Copies finish in 8 s, so `sync`, `wait` and `publish` can be tried without waiting long.
                var demoOptions = EmulatorOptions(state: .demo(), latency: .milliseconds(20))
                demoOptions.copySeconds = 8
                demo = try await Emulator.start(demoOptions)
            } catch {
                console.diagnostic("cvmsh: error: cannot start the demo emulator: \(error)")
                return .failure
            }
            environment["TENCENTCLOUD_SECRET_ID"] = EmulatorState.demoSecretId
            environment["TENCENTCLOUD_SECRET_KEY"] = EmulatorState.demoSecretKey
            environment["TENCENTCLOUD_REGION"] = EmulatorState.demoRegion
            if environment["CVMSH_JOURNAL"] == nil {
                let folder = NSTemporaryDirectory() + "cvmsh-demo-\(ProcessInfo.processInfo.processIdentifier)"
                do {
                    try TemporaryFolders.create(folder)
                } catch {
                    console.diagnostic("cvmsh: error: cannot create the demo's folder \(folder): \(error)")
                    await demo?.stop()
                    return .failure
                }
                environment["CVMSH_JOURNAL"] = folder + "/journal.jsonl"
            }
        }
        let status = await run(environment: environment, console: console, scripts: scripts, prompt: prompt, demo: demo)
        await demo?.stop()
        if let number = ProcessSignals.terminatingSignal {
            TemporaryFolders.removeAll()
            ProcessSignals.die(of: number)
        }
        return status
    }

    /// Builds the session and runs it; everything after the demo emulator is up.
    private func run(
        environment: [String: String], console: StandardConsole, scripts: [ScriptItem], prompt: Bool, demo: Emulator?
    ) async -> ExitStatus {
        var logger = Logger(label: "cvmsh") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = options.debug ? .debug : .warning
        let services = ShellServices(
            environment: environment, profile: options.demo ? nil : options.profile, version: CVMShell.version,
            logger: logger,
            credentialWarning: { console.diagnostic("cvmsh: warning: \($0)") })

        var settings = Settings(
            onError: options.onError.flatMap(ErrorPolicy.init) ?? (scripts.isEmpty && prompt ? .continue : .stop))
        settings.echo = options.echo
        settings.confirm = !options.yes
        if let output = options.output.flatMap(OutputFormat.init) { settings.output = output }
        var session = Session(settings: settings)
        session.dryRun = options.dryRun
        session.profile = options.profile
        if let demo {
            session.endpoint = (try? Endpoint(parsing: demo.endpoint)) ?? .official
            session.endpointLock =
                "--demo talks only to its built-in emulator, so nothing leaves this machine; "
                + "run cvmsh without --demo to use another endpoint"
        } else if let text = options.endpoint ?? environment["CVMSH_ENDPOINT"] {
            do {
                session.endpoint = try Endpoint.named(text) ?? Endpoint(parsing: text)
            } catch {
                console.diagnostic("cvmsh: error: \(error)")
                return .usage
            }
        }
        do {
            let resolver = RegionResolver(profile: options.profile, environment: environment, home: services.paths.home)
            if let region = try resolver.resolve(explicit: options.region) {
                // `--region ap-nanjing,ap-tokyo` starts in a set of regions, as `region a,b` does.
                let set = region.region.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                session.regionSet = set.filter { !$0.isEmpty }.reduce(into: []) {
                    if !$0.contains($1) { $0.append($1) }
                }
                session.regionSource = region.source.description
            }
        } catch {
            console.diagnostic("cvmsh: error: \(error)")
            return .apiUnusable
        }

        let interpreter = Interpreter(session: session, console: console, services: services, isInteractive: false)
        interpreter.isQuiet = options.quiet
        let status = await run(interpreter, scripts: scripts, prompt: prompt, demo: demo)
        await services.shutdown()
        return status
    }

    private func run(_ interpreter: Interpreter, scripts: [ScriptItem], prompt: Bool, demo: Emulator?) async
        -> ExitStatus
    {
        for item in scripts {
            let outcome: Interpreter.ScriptOutcome
            switch item {
            case .commands(let text):
                outcome = await runScript(interpreter) { shell in
                    await shell.runScript(source: "-c") { body in
                        for line in text.split(separator: "\n", omittingEmptySubsequences: false)
                        where await !body(Array(line.utf8)) {
                            break
                        }
                        return nil
                    }
                }
            case .file("-"):
                outcome = await runScript(interpreter) { shell in
                    await shell.runScript(source: "<stdin>", lines: LineSource(descriptor: STDIN_FILENO).forEachLine)
                }
            case .file(let path):
                outcome = await runScript(interpreter) { shell in
                    do {
                        return try await shell.runScript(file: path)
                    } catch {
                        // An unreadable script is a local fatal error (exit 1), not a stopped script.
                        shell.console.diagnostic("cvmsh: error: \(error)")
                        return .stopped(.failure)
                    }
                }
            }
            switch outcome {
            case .completed: continue
            case .stopped(let status), .exited(let status): return status
            }
        }
        if prompt {
            interpreter.isInteractive = true
            if !options.quiet { banner(interpreter, demo: demo) }
            if !options.noRC { await runRC(interpreter) }
            return await InteractiveLoop(interpreter: interpreter, historyPath: interpreter.services.paths.historyFile)
                .run()
        }
        if scripts.isEmpty {
            let outcome = await runScript(interpreter) { shell in
                await shell.runScript(source: "<stdin>", lines: LineSource(descriptor: STDIN_FILENO).forEachLine)
            }
            switch outcome {
            case .completed: break
            case .stopped(let status), .exited(let status): return status
            }
        }
        return interpreter.failures > 0 ? .failure : .success
    }

    private func runScript(
        _ interpreter: Interpreter, _ body: @escaping @MainActor (Interpreter) async -> Interpreter.ScriptOutcome
    ) async -> Interpreter.ScriptOutcome {
        let (outcome, interrupted) = await InterruptWatcher.run(interpreter, body)
        return interrupted ? .stopped(.interrupted) : outcome
    }

    private func runRC(_ interpreter: Interpreter) async {
        let path = interpreter.services.paths.rcFile
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = await runScript(interpreter) { shell in
            do {
                return try await shell.runScript(file: path)
            } catch {
                shell.warn("rc file \(path): \(error)")
                return .completed
            }
        }
    }

    private func banner(_ interpreter: Interpreter, demo: Emulator?) {
        let console = interpreter.console
        console.diagnostic("cvmsh \(CVMShell.version): type `help` for commands, Ctrl-D to leave.")
        if let demo {
            console.diagnostic(
                "Demo: talking to the built-in CVM emulator at \(demo.endpoint) with sample data; nothing leaves this machine."
            )
        } else if !interpreter.session.endpoint.isDefault {
            console.diagnostic("Endpoint: \(interpreter.session.endpoint)")
        }
    }
}

import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A built executable running in the background, its stdout and stderr going to files in
/// `directory`. Every wait is bounded and holds no thread; a process still running when the value
/// is dropped is killed (SIGKILL) and reaped.
final class BackgroundProcess: Sendable {
    let process: SpawnedProcess
    let stdoutPath: String
    let stderrPath: String

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String, name: String)
        throws
    {
        stdoutPath = directory + "/\(name).stdout"
        stderrPath = directory + "/\(name).stderr"
        var variables = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": directory, "TERM": "dumb"]
        variables.merge(environment) { $1 }
        process = try SpawnedProcess(
            executable, arguments, environment: variables, directory: directory, stdout: .file(stdoutPath),
            stderr: .file(stderrPath))
    }

    var pid: pid_t { process.pid }
    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func signal(_ signal: Int32) {
        process.signal(signal)
    }

    /// Sends SIGKILL `extraDelay` after the journal at `journal` holds `sends` send records (or
    /// at once when the process has ended or 60 s have passed). Watched from a thread of its
    /// own, every 3 ms: a watcher on the cooperative threads waited its turn for seconds in a
    /// full run, long enough for a batch of a few seconds to end unwatched.
    func sigkill(afterSends sends: Int, in journal: String, extraDelay: Duration = .zero) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { [self] in
                let deadline = ContinuousClock.now + .seconds(60)
                while process.isRunning, sendRecords(journal) < sends, ContinuousClock.now < deadline {
                    usleep(3_000)
                }
                if process.isRunning { usleep(UInt32(extraDelay / .microseconds(1))) }
                signal(SIGKILL)
                done.resume()
            }
        }
    }

    /// Waits until stdout contains `text`; fails when the process ends first or time runs out.
    func waitForOutput(_ text: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !stdout.contains(text) {
            guard process.isRunning else {
                throw RunFailure(
                    description: "\(name) exited before printing \(text.debugDescription): \(stdout) \(stderr)")
            }
            guard ContinuousClock.now < deadline else {
                throw RunFailure(
                    description: "\(name) did not print \(text.debugDescription) within \(timeout): \(stdout) \(stderr)"
                )
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits for the exit; returns the status (128 + signal when killed by one).
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32 {
        guard let status = try await process.finish(within: timeout) else {
            throw RunFailure(description: "\(name) did not exit within \(timeout): \(stderr)")
        }
        return status
    }

    private var name: String { process.name }
}

/// A `cvm-emulator` process on a free loopback port.
final class EmulatorProcess: @unchecked Sendable {
    let background: BackgroundProcess
    let port: Int
    /// `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` from its `export` lines (empty when
    /// the state holds no demo credential).
    let credentials: [String: String]
    let dumpPath: String
    let logPath: String

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts `cvm-emulator` with `arguments` plus `--dump` and `--log` files in `directory`.
    init(_ arguments: [String], directory: String) async throws {
        dumpPath = directory + "/emulator-dump.json"
        logPath = directory + "/emulator-calls.jsonl"
        background = try BackgroundProcess(
            cvmEmulator, arguments + ["--dump", dumpPath, "--log", logPath], environment: [:], directory: directory,
            name: "emulator")
        try await background.waitForOutput("# endpoint:")
        var port = 0
        var credentials: [String: String] = [:]
        for line in background.stdout.split(separator: "\n") {
            if line.hasPrefix("LISTENING ") { port = Int(line.dropFirst("LISTENING ".count)) ?? 0 }
            if line.hasPrefix("export "), let equals = line.firstIndex(of: "=") {
                credentials[String(line[line.index(line.startIndex, offsetBy: 7)..<equals])] = String(
                    line[line.index(after: equals)...])
            }
        }
        guard port > 0 else { throw RunFailure(description: "no LISTENING line: \(background.stdout)") }
        self.port = port
        self.credentials = credentials
    }

    /// SIGTERM, then the state it dumped.
    func stop() async throws -> EmulatorDump {
        background.signal(SIGTERM)
        if try await !background.process.exited(within: .seconds(5)) {
            let status = (try? String(contentsOfFile: "/proc/\(background.pid)/status", encoding: .utf8)) ?? ""
            let signals = status.split(separator: "\n").filter { $0.hasPrefix("Sig") || $0.hasPrefix("ShdPnd") }
            throw RunFailure(description: "emulator ignored SIGTERM for 5 s: \(signals)")
        }
        let status = try await background.waitForExit(timeout: .seconds(20))
        guard status == 0 else { throw RunFailure(description: "emulator exited \(status): \(background.stderr)") }
        return try EmulatorDump(path: dumpPath)
    }

    /// Every call the emulator answered, from its `--log`.
    func calls() throws -> [LoggedCall] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { LoggedCall(line: String($0)) }
    }
}

/// One line of the emulator's call log.
struct LoggedCall {
    let action: String
    let errorCode: String?
    let fault: String?
    let imageId: String?
    let accountIds: [String]
    let permission: String?

    init?(line: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return nil
        }
        action = object["action"] as? String ?? ""
        errorCode = object["errorCode"] as? String
        fault = object["fault"] as? String
        let parameters = object["parameters"] as? [String: Any] ?? [:]
        imageId = parameters["ImageId"] as? String
        accountIds = parameters["AccountIds"] as? [String] ?? []
        permission = parameters["Permission"] as? String
    }

    /// A ModifyImageSharePermission the emulator applied (a `drop` was never processed; a
    /// `drop-after` was).
    var appliedChange: Bool {
        action == "ModifyImageSharePermission" && errorCode == nil && fault != "drop"
    }
}

/// The state the emulator wrote with `--dump`: the images of one region and their shares.
struct EmulatorDump {
    struct Image {
        let id: String
        let owner: String?
        let state: String
        let license: String
        let encrypted: Bool
        let shares: Set<String>
    }

    let images: [String: [Image]]
    let raw: [String: Any]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RunFailure(description: "dump is not a JSON object")
        }
        raw = object
        var images: [String: [Image]] = [:]
        for region in object["regions"] as? [[String: Any]] ?? [] {
            let name = region["region"] as? String ?? ""
            images[name] = (region["images"] as? [[String: Any]] ?? []).map { image in
                Image(
                    id: image["imageId"] as? String ?? "", owner: image["ownerAccountId"] as? String,
                    state: image["imageState"] as? String ?? "", license: image["licenseType"] as? String ?? "",
                    encrypted: image["encrypted"] as? Bool ?? false,
                    shares: Set((image["shares"] as? [[String: Any]] ?? []).compactMap { $0["accountId"] as? String }))
            }
        }
        self.images = images
    }
}

/// The number of `send` records in the journal file so far.
func sendRecords(_ path: String) -> Int {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
    return text.components(separatedBy: #""type":"send""#).count - 1
}

/// The journal file as JSON objects (a torn or damaged line is left out).
func journalRecords(_ path: String) -> [[String: Any]] {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
}

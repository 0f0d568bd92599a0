import Foundation
import TestSupport

/// The result of running a built executable to completion with pipes.
struct Completed {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `executable` with `arguments`, feeding `stdin`, in a temporary HOME; bounded by `timeout`.
/// The wait holds no thread (see ``Foundation/Process/exited(within:)``).
func run(
    _ executable: String, _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
    home: String? = nil, timeout: Duration = .seconds(60)
) async throws -> Completed {
    try await withTemporaryFolder("cvmsh-e2e") { path in
        try await run(
            executable, arguments, stdin: stdin, environment: environment, home: home, timeout: timeout, in: path)
    }
}

/// ``run(_:_:stdin:environment:home:timeout:)`` with its files (and default HOME) in `path`.
private func run(
    _ executable: String, _ arguments: [String], stdin: String, environment: [String: String],
    home: String?, timeout: Duration, in path: String
) async throws -> Completed {
    let dir = URL(fileURLWithPath: path)
    let input = dir.appendingPathComponent("stdin")
    let output = dir.appendingPathComponent("stdout")
    let error = dir.appendingPathComponent("stderr")
    try Data(stdin.utf8).write(to: input)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: error.path, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var variables = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home ?? dir.path, "TERM": "dumb"]
    variables.merge(environment) { $1 }
    process.environment = variables
    process.currentDirectoryURL = dir
    process.standardInput = try FileHandle(forReadingFrom: input)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: error)
    try process.run()
    guard try await process.exited(within: timeout) else {
        kill(process.processIdentifier, SIGKILL)
        _ = try await process.exited(within: .seconds(30))
        throw RunFailure(description: "\(executable) \(arguments) did not finish within \(timeout)")
    }
    return Completed(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: error), as: UTF8.self))
}

struct RunFailure: Error, CustomStringConvertible {
    let description: String
}

/// The built `cvmsh`.
let cvmsh = PseudoTerminal.builtProduct(named: "cvmsh")
/// The built `cvm-emulator`.
let cvmEmulator = PseudoTerminal.builtProduct(named: "cvm-emulator")

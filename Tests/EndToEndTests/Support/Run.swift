import Foundation
import TestSupport

/// The result of running a built executable to completion with pipes.
struct Completed {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `executable` with `arguments`, feeding `stdin`, in a temporary HOME; bounded by `timeout`.
/// The wait holds no thread (see ``SpawnedProcess/finish(within:)``).
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
    let input = path + "/stdin"
    let output = path + "/stdout"
    let error = path + "/stderr"
    try Data(stdin.utf8).write(to: URL(fileURLWithPath: input))
    var variables = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home ?? path, "TERM": "dumb"]
    variables.merge(environment) { $1 }
    let process = try SpawnedProcess(
        executable, arguments, environment: variables, directory: path, stdin: .file(input), stdout: .file(output),
        stderr: .file(error))
    guard let status = try await process.finish(within: timeout) else {
        throw RunFailure(description: "\(executable) \(arguments) did not finish within \(timeout)")
    }
    return Completed(
        status: status,
        stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: error)), as: UTF8.self))
}

struct RunFailure: Error, CustomStringConvertible {
    let description: String
}

/// The built `cvmsh`.
let cvmsh = PseudoTerminal.builtProduct(named: "cvmsh")
/// The built `cvm-emulator`.
let cvmEmulator = PseudoTerminal.builtProduct(named: "cvm-emulator")

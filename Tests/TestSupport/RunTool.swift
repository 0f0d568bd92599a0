import Foundation

/// What ``runTool(_:stdin:in:timeout:)`` collected from a tool run to its end.
public struct ToolResult: Sendable {
    /// The exit status (128 + the signal number when a signal ended it).
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the tool `arguments[0]` (a path, or a name looked up on PATH) with the rest of
/// `arguments`, in `directory` (default: this process's), with `stdin` as its input and this
/// process's environment, and waits for it without holding a thread.
///
/// - Throws: when it cannot start, or runs past `timeout` (it is then killed).
public func runTool(
    _ arguments: [String], stdin: Data = Data(), in directory: String? = nil, timeout: Duration = .seconds(60)
) async throws -> ToolResult {
    try await withTemporaryFolder("cvmsh-tool") { files in
        let input = files + "/stdin"
        let output = files + "/stdout"
        let error = files + "/stderr"
        try stdin.write(to: URL(fileURLWithPath: input))
        let process = try SpawnedProcess(
            "/usr/bin/env", arguments, environment: ProcessInfo.processInfo.environment, directory: directory,
            stdin: .file(input), stdout: .file(output), stderr: .file(error))
        guard let status = try await process.finish(within: timeout) else {
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(arguments) did not finish within \(timeout)"])
        }
        return ToolResult(
            status: status,
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: error)), as: UTF8.self))
    }
}

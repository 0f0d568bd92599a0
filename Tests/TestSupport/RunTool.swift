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
        let input = URL(fileURLWithPath: files + "/stdin")
        let output = URL(fileURLWithPath: files + "/stdout")
        let error = URL(fileURLWithPath: files + "/stderr")
        try stdin.write(to: input)
        try Data().write(to: output)
        try Data().write(to: error)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        guard try await process.exited(within: timeout) else {
            kill(process.processIdentifier, SIGKILL)
            _ = try await process.exited(within: .seconds(30))
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(arguments) did not finish within \(timeout)"])
        }
        return ToolResult(
            status: process.shellStatus, stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: error), as: UTF8.self))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Reads a file descriptor line by line as raw bytes (UTF-8 is validated by the
/// ``ScriptReader``, so invalid input is reported, not silently replaced). Streaming: a piped
/// script runs each command as soon as its line arrives. The blocking read(2) runs on a queue
/// of its own, never on Swift's cooperative pool (a pipe that stays silent holds no task thread).
public struct LineSource: Sendable {
    private let descriptor: Int32
    private static let queue = DispatchQueue(label: "cvmsh.line-source", attributes: .concurrent)

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Calls `body` with each line, without its `\n`; the last line may lack one. Stops early
    /// when `body` returns false. Returns a read error message, if reading failed.
    public func forEachLine(_ body: ([UInt8]) async -> Bool) async -> String? {
        var line: [UInt8] = []
        while true {
            let buffer: [UInt8]
            switch await nextChunk() {
            case .success(let bytes): buffer = bytes
            case .failure(let error): return error.message
            }
            let count = buffer.count
            if count == 0 { break }
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                line.append(contentsOf: buffer[start..<index])
                guard await body(line) else { return nil }
                line.removeAll(keepingCapacity: true)
                start = index + 1
            }
            line.append(contentsOf: buffer[start..<count])
        }
        if !line.isEmpty { _ = await body(line) }
        return nil
    }

    private struct ReadError: Error {
        let message: String
    }

    /// The next bytes (empty at end of input), read on ``queue``.
    private func nextChunk() async -> Result<[UInt8], ReadError> {
        let descriptor = descriptor
        return await withCheckedContinuation { continuation in
            Self.queue.async {
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count >= 0 {
                        continuation.resume(returning: .success(Array(buffer[..<count])))
                        return
                    }
                    if errno != EINTR {
                        continuation.resume(returning: .failure(ReadError(message: String(cString: strerror(errno)))))
                        return
                    }
                }
            }
        }
    }
}

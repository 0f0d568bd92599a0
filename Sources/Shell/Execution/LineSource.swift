import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The next bytes (empty at end of input, or when the task is cancelled: a silent pipe must
    /// not keep an interrupted or terminated shell waiting), read on ``queue``. The read waits in
    /// poll(2) on the descriptor and on a pipe that the cancellation writes to.
    private func nextChunk() async -> Result<[UInt8], ReadError> {
        let descriptor = descriptor
        var wake: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        let (readEnd, writeEnd) = (wake[0], wake[1])
        defer {
            close(readEnd)
            close(writeEnd)
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Self.queue.async { continuation.resume(returning: Self.readChunk(descriptor, wake: readEnd)) }
            }
        } onCancel: {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }

    private static func readChunk(_ descriptor: Int32, wake: Int32) -> Result<[UInt8], ReadError> {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var descriptors = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(message: String(cString: strerror(errno))))
            }
            if descriptors[1].revents != 0 { return .success([]) }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return .success(Array(buffer[..<count])) }
            if errno != EINTR && errno != EAGAIN {
                return .failure(ReadError(message: String(cString: strerror(errno))))
            }
        }
    }
}

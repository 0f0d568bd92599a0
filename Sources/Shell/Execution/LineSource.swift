#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line as raw bytes (UTF-8 is validated by the
/// ``ScriptReader``, so invalid input is reported, not silently replaced). Streaming: a piped
/// script runs each command as soon as its line arrives.
public struct LineSource: Sendable {
    private let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Calls `body` with each line, without its `\n`; the last line may lack one. Stops early
    /// when `body` returns false. Returns a read error message, if reading failed.
    public func forEachLine(_ body: ([UInt8]) async -> Bool) async -> String? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var line: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
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
}

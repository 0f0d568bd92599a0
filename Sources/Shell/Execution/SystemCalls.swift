import Foundation

// libc's open(2) and close(2) under names that the `open` and `close` members of ``Journal``
// and ``BatchLock`` do not shadow, so those types need no module-qualified `Glibc.open` (which
// would not build on macOS, where libc is `Darwin`).

/// `open(2)`.
func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    open(path, flags, mode)
}

/// `close(2)`.
@discardableResult
func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

/// Writing whole buffers to file descriptors.
public enum SystemIO {
    /// Writes all of `bytes` to `descriptor`, again after a short write or EINTR. Returns `nil`
    /// when everything was written, else the `errno` of the write that failed.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Writes all of `text`'s UTF-8 to `descriptor` (without copying a native string).
    @discardableResult
    public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }
}

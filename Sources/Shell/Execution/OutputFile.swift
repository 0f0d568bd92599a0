import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The file of `> FILE` or `>> FILE`, opened before the command runs, so that a path that cannot
/// be written fails before any API work, and written only when the command succeeded.
///
/// A missing file is created with mode 0600 (output may list accounts); an existing one keeps
/// its mode. `>` replaces the contents, `>>` appends.
struct OutputFile: ~Copyable {
    private let descriptor: Int32
    private let path: String
    private let append: Bool

    /// Opens (creating when missing) `path`; throws a one-line error naming the file.
    init(path: String, shown: String, append: Bool) throws(ShellError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : 0)
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else {
            throw .failed("cannot write \(shown): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        self.path = shown
        self.append = append
    }

    deinit { close(descriptor) }

    /// Replaces (or, for `>>`, ends) the contents with `text`.
    func write(_ text: String) throws(ShellError) {
        if !append, ftruncate(descriptor, 0) != 0 { throw failure() }
        if let code = SystemIO.writeAll(text, to: descriptor) { throw failure(code) }
    }

    private func failure(_ code: Int32 = errno) -> ShellError {
        .failed("cannot write \(path): \(String(cString: strerror(code)))")
    }
}

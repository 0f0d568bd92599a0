import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files cvmsh keeps for its user (the aliases, the copy records): in a folder only the
/// user can enter (0700), readable only by the user (0600), and replaced whole, so a crash leaves
/// the old file or the new one, never half of either.
enum PrivateFile {
    /// Replaces the file at `path` with `data`: written to a temporary file beside it (created
    /// anew, never through a symbolic link), synced, renamed over `path` (a link planted there is
    /// replaced, not followed), and the folder synced; the folder is made when missing.
    static func replace(_ path: String, with data: Data) throws(ShellError) {
        let directory = (path as NSString).deletingLastPathComponent
        let folderPath = directory.isEmpty ? "." : directory
        do {
            try FileManager.default.createDirectory(
                atPath: folderPath, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .failed("cannot create \(directory): \(error.localizedDescription)")
        }
        let temporary = "\(path).tmp-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .failed("cannot create \(temporary): \(systemError())") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            unlink(temporary)
            throw .failed("cannot write \(temporary): \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = systemError()
            unlink(temporary)
            throw .failed("cannot replace \(path): \(reason)")
        }
        let folder = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            _ = close(folder)
        }
    }

    /// The text of `errno`.
    static func systemError() -> String { String(cString: strerror(errno)) }
}

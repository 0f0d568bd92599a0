import Foundation

/// A throw-away CA and a server certificate for 127.0.0.1, localhost and any further DNS names,
/// made with `openssl`, in a ``TemporaryFolder`` that is removed when the value is released.
/// `defer { certificates.remove() }` keeps it until the scope ends.
public struct TestCertificates: Sendable {
    private let folder: TemporaryFolder
    /// The folder the files are in.
    public var directory: URL { URL(fileURLWithPath: folder.path) }
    public var caPath: String { directory.appendingPathComponent("ca.pem").path }
    public var certPath: String { directory.appendingPathComponent("server.pem").path }
    public var keyPath: String { directory.appendingPathComponent("server.key").path }

    /// - Parameter names: DNS names the server certificate is also valid for (such as
    ///   `cvm.ap-guangzhou.tencentcloudapi.com`, for a client that keeps a default host name).
    public init(names: [String] = []) async throws {
        folder = try TemporaryFolder("cvm-emu-tls")
        try """
        subjectAltName=IP:127.0.0.1,DNS:localhost\(names.map { ",DNS:\($0)" }.joined())
        basicConstraints=CA:FALSE
        keyUsage=digitalSignature,keyEncipherment
        extendedKeyUsage=serverAuth
        """.write(to: directory.appendingPathComponent("ext.cnf"), atomically: true, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await run(
            ["req", "-x509"] + ec + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=cvmsh test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        try await run(["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
        try await run([
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf",
        ])
    }

    private func run(_ arguments: [String]) async throws {
        guard try await runTool(["openssl"] + arguments, in: directory.path).status == 0 else {
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.first ?? "") failed"])
        }
    }

    /// Removes the folder now (it is removed on release anyway).
    public func remove() {
        withExtendedLifetime(folder) { try? FileManager.default.removeItem(atPath: folder.path) }
    }
}

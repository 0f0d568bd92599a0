import CVMEmulator
import Foundation
import TencentCloud
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A throw-away CA and a server certificate for 127.0.0.1/localhost, made with `openssl`.
struct TestCertificates {
    let directory: URL
    var caPath: String { directory.appendingPathComponent("ca.pem").path }
    var certPath: String { directory.appendingPathComponent("server.pem").path }
    var keyPath: String { directory.appendingPathComponent("server.key").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cvm-emu-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            subjectAltName=IP:127.0.0.1,DNS:localhost
            basicConstraints=CA:FALSE
            keyUsage=digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth
            """.write(to: directory.appendingPathComponent("ext.cnf"), atomically: true, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=cvmsh test CA",
                 "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try run(["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
        try run(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                 "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf"])
    }

    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.first ?? "") failed"])
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite struct HTTPSTests {
    /// Runs `curl` (which, unlike URLSession on Linux, takes a CA file) with a request signed in Swift.
    private func curl(_ url: String, ca: String?, request: URLRequest) throws -> (status: Int32, body: String) {
        var arguments = ["curl", "--silent", "--show-error", "--max-time", "10", "--data-binary", "@-"]
        if let ca { arguments += ["--cacert", ca] }
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            arguments += ["-H", "\(name): \(value)"]
        }
        arguments.append(url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(request.httpBody ?? Data())
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(1))) func servesHTTPSWithATestCA() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let emulator = try await Emulator.start(EmulatorOptions(
            rateLimit: .off, tls: TLSFiles(certPath: certificates.certPath, keyPath: certificates.keyPath)))
        #expect(emulator.endpoint == "https://127.0.0.1:\(emulator.port)")
        let request = signedURLRequest(endpoint: emulator.endpoint, action: "DescribeImageQuota")

        let trusted = try curl(emulator.endpoint + "/", ca: certificates.caPath, request: request)
        #expect(trusted.status == 0)
        let payload = EmulatorJSON.parse(Array(trusted.body.utf8))?["Response"]
        #expect(payload?["ImageNumQuota"] == .int(500))

        // Without the test CA the certificate is not trusted: TLS is real.
        let untrusted = try curl(emulator.endpoint + "/", ca: nil, request: request)
        #expect(untrusted.status != 0)
        #expect(await emulator.calls().count == 1)
        await emulator.stop()
    }
}

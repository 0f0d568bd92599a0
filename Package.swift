// swift-tools-version:6.1
import PackageDescription

/// cvmsh: a shell for sharing Tencent Cloud CVM custom images with other accounts, in bulk, safely.
///
/// Libraries hold all logic; the two executables only wire them. Dependencies flow one way:
/// TencentCloudCore ← TencentCloud ← CVM ← Shell ← cvmsh, TencentCloudCore ← CVMEmulator ← cvm-emulator,
/// and LineEditor knows nothing of Shell (cvmsh joins them); both measure text with TerminalText.
let package = Package(
    name: "cvmsh",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cvmsh", targets: ["cvmsh"]),
        .executable(name: "cvm-emulator", targets: ["cvm-emulator"]),
        .library(name: "TencentCloudCore", targets: ["TencentCloudCore"]),
        .library(name: "TencentCloud", targets: ["TencentCloud"]),
        .library(name: "CVM", targets: ["CVM"]),
        .library(name: "CVMEmulator", targets: ["CVMEmulator"]),
        .library(name: "Shell", targets: ["Shell"]),
        .library(name: "LineEditor", targets: ["LineEditor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // YAML for share files (`plan`, `apply`): libyaml underneath, nodes with line:column marks.
        .package(url: "https://github.com/jpsim/Yams", "5.0.1"..<"7.0.0"),
    ],
    targets: [
        // The API's vocabulary, without networking: TC3 signing, UTC dates, action declarations, error codes.
        .target(name: "TencentCloudCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Credentials, transport, errors, retries, rate limits.
        .target(
            name: "TencentCloud",
            dependencies: [
                "TencentCloudCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Typed CVM and STS actions and the image lister.
        .target(name: "CVM", dependencies: ["TencentCloud"]),
        // A local fake of the CVM image API and its HTTP(S) front.
        .target(
            name: "CVMEmulator",
            dependencies: [
                "TencentCloudCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Terminal columns of text (display width), shared by Shell's tables and LineEditor's lists.
        .target(name: "TerminalText"),
        // Command language, session, commands, batch engine, journal, rendering. No terminal I/O.
        .target(
            name: "Shell",
            dependencies: [
                "CVM", "TencentCloud", "TerminalText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "BitCollections", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Async functions run where they are called from, so the non-Sendable interpreter
            // can run a command on the prompt's actor without crossing an isolation boundary.
            swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
        ),
        // libedit, reached through a system-library target and a tiny C shim for its variadics.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "EditShim", dependencies: ["CLibEdit"]),
        .target(name: "LineEditor", dependencies: ["CLibEdit", "EditShim", "TerminalText"]),

        .executableTarget(
            name: "cvmsh",
            dependencies: [
                "Shell", "LineEditor", "CVMEmulator", "TencentCloud", "CVM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "cvm-emulator",
            dependencies: [
                "CVMEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The signer against the official SDK's vectors, with nothing but the core linked.
        .testTarget(name: "TencentCloudCoreTests", dependencies: ["TencentCloudCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TencentCloudTests",
            dependencies: [
                "TencentCloud", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Scoped fixtures shared by the test targets: temporary folders, an emulator, a loopback
        // CONNECT proxy and a throw-away CA.
        .target(
            name: "TestSupport",
            dependencies: [
                "CVMEmulator",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "CVMTests", dependencies: ["CVM", "CVMEmulator", "TencentCloud", "TestSupport"]),
        .testTarget(name: "CVMEmulatorTests", dependencies: ["CVMEmulator", "CVM", "TencentCloud", "TestSupport"]),
        .testTarget(
            name: "ShellTests",
            dependencies: ["Shell", "CVMEmulator", "CVM", "TencentCloud", "TerminalText", "TestSupport"]
        ),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TerminalText", "TestSupport"]),
        // Runs the built executables: pipes, exit statuses, a real pseudo-terminal.
        .testTarget(name: "EndToEndTests", dependencies: ["cvmsh", "cvm-emulator", "CVMEmulator", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

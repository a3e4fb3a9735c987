// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ethics-committee",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ethics", targets: ["ethics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        // Parsing multipart/form-data uploads (case attachments): Hummingbird has no parser of its own.
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
        // Notifications: the SMTP client (NIO) and the background service run beside the server.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        // The HTTP request parts Hummingbird's channel carries, for the per-request deadline handler.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.0"),
        // E-mail over TLS: STARTTLS (587) and implicit TLS (465) for the SMTP client.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
    ],
    targets: [
        // The system libcmark (Debian: libcmark-dev); Markdown/ is its only user.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The system libqrencode (Debian: libqrencode-dev); Accounts/QRCode.swift draws the two-factor enrolment QR.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // Compiles Templates/ into Swift at build time (App/TemplateRuntime.swift is what the output calls).
        .executableTarget(name: "TemplateCompiler"),
        .plugin(name: "TemplateCompilerPlugin", capability: .buildTool(), dependencies: ["TemplateCompiler"]),
        .target(
            name: "EthicsCommittee",
            dependencies: [
                "CCmark",
                "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            plugins: ["TemplateCompilerPlugin"]
        ),
        // `ethics demo`: the seeded demo-data generator, outside the server's library. It writes through the stores'
        // `package` in-transaction writes (the very ones the handlers' writes run), so each write exists once.
        .target(
            name: "EthicsDemo",
            dependencies: [
                "EthicsCommittee",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "ethics",
            dependencies: [
                "EthicsCommittee",
                "EthicsDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TemplateCompilerTests", dependencies: ["TemplateCompiler"]),
        .testTarget(
            name: "EthicsCommitteeTests",
            dependencies: [
                "EthicsCommittee",
                "EthicsDemo",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
    ]
)

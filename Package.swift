// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Mailroom",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Mailroom", targets: ["Mailroom"]),
        .executable(name: "mailroom", targets: ["mailroom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        // DOCX/XLSX are ZIP archives; read in memory with a cap on the decompressed size.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        // System libraries. Each is imported by exactly one small wrapper file in Mailroom.
        .systemLibrary(name: "CEtpan", path: "Sources/CEtpan"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        .target(
            name: "Mailroom",
            dependencies: [
                "CEtpan", "CCurl", "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/Mailroom"
        ),
        .executableTarget(
            name: "mailroom",
            dependencies: [
                "Mailroom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/mailroom"
        ),
        .testTarget(
            name: "MailroomTests",
            dependencies: ["Mailroom"],
            path: "Tests/MailroomTests",
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

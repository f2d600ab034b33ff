// swift-tools-version:6.1
import PackageDescription

// The targets are the architecture (docs/ARCHITECTURE.md, generated from this file by scripts/target-graph.sh):
//
//   Ingest ──► Parse ──► Understand ──► Decide ──► Act        the pipeline stages, dependencies only forward
//   Vocabulary                                                the value types, errors, store protocols they share
//   Store                                                     the SQLite implementation of the store protocols
//   LibEtpan, CurlTransport, Markup, Patterns, PasswordHashing the only Swift code that touches a C library
//   Audit                                                     the auditor's reading of the trail
//   Daemon                                                    composition: configuration, pipeline, lifecycle
//   WebUI                                                     the daemon's HTTP face: web UI, /metrics, health
//   mailroom                                                  the command-line tool
//   MailroomTesting                                           real servers and the daemon process for tests
//
// SwiftPM refuses cycles, so a stage cannot reach back to an earlier one's caller; a C module is imported only
// with `internal import` by its wrapper, so its types cannot leak.

var package = Package(
    name: "Mailroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mailroom", targets: ["mailroom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        // Verifies IMAP servers' certificate chains and host names (libetpan's TLS does not).
        .package(url: "https://github.com/apple/swift-certificates.git", exact: "1.21.1"),
        // DOCX/XLSX are ZIP archives; read in memory with a cap on the decompressed size.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        // The web UI, /metrics and health (issue 16). Hummingbird's default traits pull swift-configuration; not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // C libraries: each is imported by exactly one wrapper target below.
        .systemLibrary(name: "CEtpan", path: "Sources/CEtpan"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        // RE2 is C++: a few extern "C" functions over it (Debian's libre2-dev).
        .target(name: "CRE2Shim", path: "Sources/CRE2Shim", linkerSettings: [.linkedLibrary("re2")]),
        // Argon2id password hashes for the web UI's users (Debian's libargon2-dev).
        .systemLibrary(name: "CArgon2", path: "Sources/CArgon2", pkgConfig: "libargon2"),

        .target(
            name: "Vocabulary",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Wrappers around the C libraries.
        .target(name: "LibEtpan", dependencies: ["CEtpan", "Vocabulary"]),
        .target(name: "CurlTransport", dependencies: ["CCurl", "Vocabulary"]),
        .target(name: "Markup", dependencies: ["CLibXML2", "Vocabulary"]),
        // Regular expressions that match in linear time (RE2): every pattern run over mail text.
        .target(name: "Patterns", dependencies: ["CRE2Shim"]),
        // Passwords stored only as Argon2id hashes (libargon2).
        .target(name: "PasswordHashing", dependencies: ["CArgon2"]),

        .target(
            name: "Store",
            dependencies: [
                "Vocabulary",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // The pipeline stages.
        .target(
            name: "Ingest",
            dependencies: [
                "Vocabulary", "LibEtpan", "CurlTransport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .target(
            name: "Parse",
            dependencies: [
                "Vocabulary", "Ingest", "LibEtpan", "Markup",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "Understand",
            dependencies: [
                "Vocabulary", "Ingest", "Parse", "Markup", "CurlTransport", "Patterns",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Decide",
            dependencies: [
                "Vocabulary", "Parse", "Understand", "Patterns",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Act",
            dependencies: [
                "Vocabulary", "Ingest", "Parse", "Understand", "Decide", "LibEtpan", "CurlTransport", "Markup",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Signs and checks checkpoints of the trail's Merkle tree (Ed25519).
        .target(name: "Audit", dependencies: ["Vocabulary", .product(name: "Crypto", package: "swift-crypto")]),

        // Composition and the command line.
        .target(
            name: "Daemon",
            dependencies: [
                "Vocabulary", "Store", "Ingest", "Parse", "Understand", "Decide", "Act", "Audit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),  // SIGHUP reloads the rules
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),  // counters and timers; exposed by WebUI
            ]
        ),
        // The daemon's HTTP face: the auditors' and reviewers' web UI, /metrics, /healthz and /readyz.
        // Holds no business logic: it reads the store through its interfaces and calls the operator actions.
        .target(
            name: "WebUI",
            dependencies: [
                "Vocabulary", "Store", "Understand", "Decide", "Act", "Audit", "Daemon", "PasswordHashing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),  // session id hashes
            ]
        ),
        .executableTarget(
            name: "mailroom",
            dependencies: [
                "Vocabulary", "Store", "Ingest", "Parse", "Understand", "Decide", "Act", "Audit", "Daemon", "WebUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Test support: the real servers the tests start (one TestServer shape), the daemon process, scratch folders.
        // Plain imports (what it uses is `package`), so it builds in release too.
        .target(
            name: "MailroomTesting",
            dependencies: [
                "Vocabulary", "Store", "Ingest", "Parse", "Understand", "Decide", "Act", "Audit", "Daemon",
                "LibEtpan", "CurlTransport", "Markup",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // The fuzz targets' entry points (issue 14): the project's readers of hostile and hand-written input,
        // called by the libFuzzer driver (`make fuzz`) and by FuzzTests (the saved corpus, in `make test`).
        .target(name: "FuzzTargets", dependencies: ["Vocabulary", "Markup", "Parse", "Understand", "Decide", "Act", "Daemon"]),

        // One test target per target; fixtures beside the tests that read them.
        .testTarget(name: "VocabularyTests", dependencies: ["MailroomTesting", "Vocabulary"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Ingest", "Audit", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Ingest", "Parse", "LibEtpan", "CurlTransport", "Daemon",
                           .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "ParseTests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Ingest", "Parse", "Markup", "LibEtpan",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],  // DOCX built in the budget tests
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "UnderstandTests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Ingest", "Parse", "Understand", "Markup", "CurlTransport",
                           "Audit", "Daemon", "Patterns"],  // the stage run inside the pipeline, its audit trail verified
            exclude: ["Fixtures", "Corpus"]
        ),
        .testTarget(
            name: "DecideTests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Ingest", "Parse", "Understand", "Decide", "Act",
                           "Audit", "Daemon", "Patterns"]  // rule files as the daemon loads them, decisions run in the pipeline
        ),
        .testTarget(
            name: "ActTests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Ingest", "Parse", "Understand", "Decide", "Act",
                           "LibEtpan", "CurlTransport", "Markup", "Audit", "Daemon"]
        ),
        .testTarget(
            name: "AuditTests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Audit", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "MailroomTesting", "Vocabulary", "Store", "Ingest", "Parse", "Understand", "Decide", "Act", "Audit", "Daemon",
                "LibEtpan", "CurlTransport", "Markup",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),  // the attacker's plain SQLite in the anchoring test
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),  // the systemd notifier as a service
            ],
            exclude: ["Fixtures"]  // the prompt-injection suite's hostile mails
        ),
        .testTarget(name: "CurlTransportTests", dependencies: ["MailroomTesting", "Vocabulary", "CurlTransport"]),
        .testTarget(name: "MarkupTests", dependencies: ["MailroomTesting", "Vocabulary", "Markup"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets"], path: "Tests/Fuzz", exclude: ["Corpus", "Driver", "README.md"]),
        .testTarget(name: "MailroomTestingTests", dependencies: ["MailroomTesting"]),  // FreePort, the skip rule
        .testTarget(
            name: "WebUITests",
            dependencies: ["MailroomTesting", "Vocabulary", "Store", "Understand", "Decide", "Act", "Audit", "Daemon",
                           "WebUI", "PasswordHashing", .product(name: "Logging", package: "swift-log"),
                           .product(name: "Prometheus", package: "swift-prometheus")]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)

// The libFuzzer driver exists only in the fuzz build (scripts/fuzz.sh sets MAILROOM_FUZZ=1 and builds into
// .build/fuzz with coverage instrumentation): it has no main of its own without libFuzzer, and the normal build
// and `make test` never compile it.
if Context.environment["MAILROOM_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "mailroom-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Driver"))
}

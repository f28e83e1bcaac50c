// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode is the package default; these upcoming
/// features keep imports honest and existentials explicit from day one.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Buurtstem",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Statuut", targets: ["Statuut"]),
        .library(name: "BuurtstemCore", targets: ["BuurtstemCore"]),
        .executable(name: "buurtstem", targets: ["buurtstem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "Statuut", swiftSettings: strictSettings),
        .target(
            name: "BuurtstemCore",
            dependencies: [
                "Statuut",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "BigInt", package: "BigInt"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "BuurtstemStore",
            dependencies: [
                "BuurtstemCore", "CSodium",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        // Debian's libqrencode (`libqrencode-dev`, installed by scripts/test) for QR codes.
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // Debian's libsodium (`libsodium-dev`, installed by scripts/test) for Argon2id password hashes.
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        // Everything printed or exported: minutes, the compliance report, the calendar, letters with codes.
        .target(
            name: "BuurtstemDocuments",
            dependencies: ["Statuut", "BuurtstemCore", "CQREncode", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates"), .copy("Messages"), .copy("Static")],
            swiftSettings: strictSettings),
        .target(
            name: "BuurtstemWeb",
            dependencies: [
                "BuurtstemCore", "BuurtstemStore", "BuurtstemDocuments", "Statuut",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "buurtstem",
            dependencies: [
                "Statuut", "BuurtstemCore", "BuurtstemStore", "BuurtstemDocuments", "BuurtstemWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "buurtstem-bench",
            dependencies: ["Statuut", "BuurtstemCore", "BuurtstemStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BuurtstemCoreTests", dependencies: ["BuurtstemCore", "Statuut", .product(name: "BigInt", package: "BigInt")], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "BuurtstemStoreTests", dependencies: ["BuurtstemStore", "BuurtstemCore", "BuurtstemDocuments"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "BuurtstemWebTests",
            dependencies: [
                "BuurtstemWeb", "BuurtstemStore", "BuurtstemCore", "BuurtstemDocuments",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StatuutTests", dependencies: ["Statuut"], exclude: ["Fixtures"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)

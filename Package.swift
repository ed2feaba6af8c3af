// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "flowtrace",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flowtrace", targets: ["flowtrace"]),
        .library(name: "FlowTrace", targets: ["FlowTrace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(
            name: "CChecksum",
            path: "Sources/CChecksum",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "CMemoryHints",
            path: "Sources/CMemoryHints"
        ),
        .target(
            name: "CByteScan",
            path: "Sources/CByteScan"
        ),
        .executableTarget(
            name: "embed-data",
            path: "Sources/embed-data"
        ),
        .plugin(
            name: "EmbedData",
            capability: .buildTool(),
            dependencies: ["embed-data"]
        ),
        .target(
            name: "FlowTrace",
            dependencies: [
                "CZlib",
                "CPCRE2",
                "CChecksum",
                "CMemoryHints",
                "CByteScan",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: [
                // The engine is single-threaded per stream and its hot path is exclusive by design:
                // runtime exclusivity checks cost ~10% of a scan in release builds.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ],
            plugins: ["EmbedData"]
        ),
        .executableTarget(
            name: "flowtrace",
            dependencies: [
                "FlowTrace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "FlowTraceTests",
            dependencies: ["FlowTrace", "flowtrace"]
        ),
    ]
)

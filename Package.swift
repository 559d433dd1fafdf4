// swift-tools-version:6.0
import PackageDescription

// No package dependencies, by product decision: the toolchain alone builds Gazette.
let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GazetteKit", targets: ["GazetteKit"]),
        .executable(name: "gazette", targets: ["gazette"]),
    ],
    targets: [
        .target(name: "GazetteKit"),
        .executableTarget(name: "gazette", dependencies: ["GazetteKit"]),
        // libFuzzer harness (docs/fuzzing.md); built normally it replays saved inputs.
        .executableTarget(name: "GazetteFuzz", dependencies: ["GazetteKit"]),
        .testTarget(name: "GazetteKitTests", dependencies: ["GazetteKit"]),
    ]
)

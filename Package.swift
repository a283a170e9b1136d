// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "launchc",
    products: [
        .executable(name: "launchc", targets: ["launchc"]),
        .library(name: "LaunchcCore", targets: ["LaunchcCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The C libraries come from the system (apt: libyaml-dev, libjansson-dev). The names
        // avoid Yams' vendored `CYaml` so the two can live in one package graph.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CJansson",
            pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"]), .brew(["jansson"])]
        ),
        // The few C library calls Swift's Glibc module does not show (the stack's bounds).
        .target(name: "CLaunchcSupport"),
        // All logic lives here; it never touches Foundation so that start-up stays cheap.
        .target(
            name: "LaunchcCore",
            dependencies: ["CLibYAML", "CJansson", "CLaunchcSupport"]
        ),
        // The command line: parses arguments, calls the core, prints.
        .executableTarget(
            name: "launchc",
            dependencies: [
                "LaunchcCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: parse cost against bare libyaml and jansson on the same bytes.
        .executableTarget(
            name: "launchc-bench",
            dependencies: ["LaunchcCore", "CLibYAML", "CJansson", "CBenchSupport"]
        ),
        .target(name: "CBenchSupport"),
        // `make conformance`: the official JSON Schema Test Suite against the engine.
        .executableTarget(
            name: "launchc-conformance",
            dependencies: ["LaunchcCore"]
        ),
        // `make fuzz`: libFuzzer targets (with -D LAUNCHC_FUZZ); built plainly, a replayer.
        .executableTarget(
            name: "launchc-fuzz",
            dependencies: ["LaunchcCore"]
        ),
        .testTarget(
            name: "LaunchcCoreTests",
            dependencies: [
                "LaunchcCore", "launchc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}

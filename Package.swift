// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "techstack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "techstack", targets: ["techstack"]),
        .library(name: "TechStackModel", targets: ["TechStackModel"]),
        .library(name: "TechStackLint", targets: ["TechStackLint"]),
        .library(name: "TechStackPortfolio", targets: ["TechStackPortfolio"]),
        .library(name: "TechStackSite", targets: ["TechStackSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    // What may use what: each target depends only on those below it (README, "Architecture").
    targets: [
        // YAML reading, the catalogue, manifests, rules, reach and cost; the default
        // catalogue and rules are compiled in by the EmbedDefaults plugin.
        .target(
            name: "TechStackModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            plugins: ["EmbedDefaults"]
        ),
        // The stack observed in a repository: the walk, signals matched, package manifests.
        .target(
            name: "TechStackEvidence",
            dependencies: ["TechStackModel", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // One assessment of a project, the linter's findings and their reporters, `init`.
        .target(name: "TechStackLint", dependencies: ["TechStackModel", "TechStackEvidence"]),
        // Escaped HTML and SVG through Plot's typed DSL, shared by every page.
        .target(name: "TechStackHTML", dependencies: ["TechStackModel", .product(name: "Plot", package: "Plot")]),
        // Scorecards, levels and campaigns, history (GRDB), grant plans, catalogue-change impact.
        .target(
            name: "TechStackPortfolio",
            dependencies: [
                "TechStackLint", "TechStackHTML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Plot", package: "Plot"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedDefaults"]
        ),
        // The static site, exports for other tools, and JSON schemas for editors.
        .target(
            name: "TechStackSite",
            dependencies: [
                "TechStackPortfolio", "TechStackHTML",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Plot", package: "Plot"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedDefaults"]
        ),
        .executableTarget(name: "embed-defaults"),
        .plugin(name: "EmbedDefaults", capability: .buildTool(), dependencies: ["embed-defaults"]),
        // The command line: parses arguments, calls the libraries, sets the exit code.
        .executableTarget(
            name: "techstack",
            dependencies: [
                "TechStackSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What both test targets share: running the binary, the fixture catalogues and reports,
        // the hostile corpus and the checks against outside schemas and tools.
        .target(
            name: "TechStackTestSupport",
            dependencies: ["TechStackModel", "TechStackLint", "TechStackPortfolio"],
            path: "Tests/TechStackTestSupport"
        ),
        // Tests that call the libraries.
        .testTarget(
            name: "TechStackUnitTests",
            dependencies: [
                "TechStackSite", "TechStackTestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
        // Tests that run the built `techstack` executable, as a user or a CI job would.
        .testTarget(
            name: "TechStackEndToEndTests",
            dependencies: [
                "TechStackSite", "TechStackTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)

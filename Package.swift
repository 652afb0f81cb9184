// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "techstack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "techstack", targets: ["techstack"]),
        .library(name: "TechStackCore", targets: ["TechStackCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .target(
            name: "TechStackCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedDefaults"]
        ),
        .executableTarget(name: "embed-defaults"),
        .plugin(name: "EmbedDefaults", capability: .buildTool(), dependencies: ["embed-defaults"]),
        .executableTarget(
            name: "techstack",
            dependencies: [
                "TechStackCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TechStackCoreTests",
            dependencies: [
                "TechStackCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

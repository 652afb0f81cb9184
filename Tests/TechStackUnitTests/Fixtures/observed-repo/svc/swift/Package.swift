// swift-tools-version:6.0
import PackageDescription
let package = Package(name: "x", dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
])

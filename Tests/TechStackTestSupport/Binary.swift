// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
import Foundation
import XCTest

/// Runs the built `techstack` executable, as a user or a CI job would, and captures what it says.
///
/// `swift build` (or `swift test`, which builds every product) must have built the executable;
/// it lies next to the test bundle in the products directory.
public enum Binary {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case missing(String)
        public var description: String {
            switch self {
            case .missing(let path): "no techstack executable at \(path); run 'swift build' first"
            }
        }
    }

    /// The folder holding the built products (`.build/debug` or similar).
    public static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    public static var executable: URL { productsDirectory.appendingPathComponent("techstack") }

    /// Runs `techstack ARGS` in `directory` (default: the current directory), with `environment`
    /// added to the inherited one. Standard input is empty; output goes through files, so a large
    /// report can never block the child on a full pipe.
    public static func run(_ args: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let url = executable
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw Failure.missing(url.path) }
        let scratch = try makeTemporaryDirectory(prefix: "techstack-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = url
        process.arguments = args
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return (process.terminationStatus, stdout, stderr)
    }

    /// A fresh, empty folder under the system's temporary directory; remove it when done.
    public static func makeTemporaryDirectory(prefix: String = "techstack-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve symbolic links (e.g. /tmp on macOS) so paths compare equal to what the tool prints.
        return url.resolvingSymlinksInPath()
    }
}
#endif

import Foundation
import TechStackModel
import TechStackTestSupport
import XCTest

/// README, "Limits and hostile input", through the real binary: `lint`, `lint --rules` and
/// `catalogue check` exit 2 with a located `path:line:col: error:` on every hostile file, and
/// never follow a symbolic link or read a directory, a device or a missing path as a file.
final class HostileInputEndToEndTests: XCTestCase {
    func testCatalogueCheckExitsTwoOnEveryMalformedFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in try HostileCorpus.malformedYAML() where file.bytes.count < 64 * 1024 {
            let catalogue = folder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
            let path = catalogue.appendingPathComponent("hostile.yaml")
            try Data(file.bytes).write(to: path)
            let run = try Bounded.run(["catalogue", "check", "--catalogue", catalogue.path])
            XCTAssertEqual(run.status, 2, "\(file.path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path.path), "\(file.path): \(run.stderr)")
        }
    }

    func testLintExitsTwoWithALocatedErrorOnEveryCorpusFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, file) in try HostileCorpus.lintCases().enumerated() {
            let path = folder.appendingPathComponent("\(index)-techstack.yaml")
            try Data(file.bytes).write(to: path)
            let run = try Bounded.run(["lint", path.path])
            XCTAssertEqual(run.status, 2, "\(file.path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path.path), "\(file.path): \(run.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, try HostileCorpus.lintCases().count)
    }

    func testLintRefusesADirectoryAndASymbolicLinkToAnotherKindOfFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("techstack.yaml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        for path in [directory.path, link.path, "/dev/zero", folder.appendingPathComponent("missing.yaml").path] {
            let run = try Bounded.run(["lint", path])
            XCTAssertEqual(run.status, 2, "\(path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path), "\(path): \(run.stderr)")
        }
    }

    func testLintAcceptsAUTF8ByteOrderMark() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("techstack.yaml")
        try Data([0xEF, 0xBB, 0xBF] + Array("techstack: 1\nproject: p\nagency: ica\nchoices:\n  api-style: rest-json\n".utf8)).write(to: path)
        let run = try Bounded.run(["lint", "--format", "json", path.path])
        XCTAssertNotEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stdout.contains("\"files\""), run.stdout)
    }

    func testLintExitsTwoOnEveryHostileRuleFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("techstack.yaml")
        try Data("techstack: 1\nproject: p\nagency: ica\n".utf8).write(to: manifest)
        let cases = try HostileCorpus.committed("rules") + HostileCorpus.committed("yaml") + [Generated.malformed.first { $0.path.contains("just-over-1mib") }].compactMap { $0 }
        for file in cases {
            let rules = folder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
            let path = rules.appendingPathComponent("rules.yaml")
            try Data(file.bytes).write(to: path)
            let run = try Bounded.run(["lint", "--rules", rules.path, manifest.path])
            XCTAssertEqual(run.status, 2, "\(file.path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path.path), "\(file.path): \(run.stderr)")
        }
    }

    func testTheSizeLimitAppliesToCatalogueFiles() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.yaml")
        try Data(Array("# ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20) + [0x0A]).write(to: path)
        let run = try Bounded.run(["catalogue", "check", "--catalogue", folder.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(path.path):1:1: error: file is 1048579 bytes; the limit is 1048576 bytes"), run.stderr)
    }

    func testACatalogueFolderNeverFollowsSymbolicLinks() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("passwd.yaml").path, withDestinationPath: "/etc/passwd")
        let run = try Bounded.run(["catalogue", "check", "--catalogue", folder.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("holds no *.yaml files"), run.stderr)
        XCTAssertFalse(run.stderr.contains("root:"), run.stderr)
    }

    func testACatalogueThatIsAFileIsRefused() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("catalogue.yaml")
        try Data("catalogue: {}\n".utf8).write(to: file)
        let run = try Bounded.run(["catalogue", "check", "--catalogue", file.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: file.path), run.stderr)
    }
}

import Foundation
import TechStackTestSupport
import XCTest

/// Nothing in the code assumes Singapore, through the real binary: the Ena catalogue of
/// `examples/se-ena/` is checked, linted against, scored and drawn as a site.
final class SecondCatalogueEndToEndTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var ena: String { root.appendingPathComponent("examples/se-ena").path }

    func testBothCataloguesPassTheProvenanceCheck() throws {
        for args in [["catalogue", "check", "--require-links"],
                     ["catalogue", "check", "--require-links", "--catalogue", "\(ena)/catalogue"]] {
            let out = try Binary.run(args)
            XCTAssertEqual(out.status, 0, "\(args): \(out)")
            XCTAssertTrue(out.stdout.contains("no problems"), "\(args): \(out)")
            XCTAssertEqual(out.stderr, "", "\(args): no warning")
        }
    }

    func testAnEntryWithoutASourceIsReported() throws {
        let dir = try Binary.makeTemporaryDirectory()
        try FileManager.default.copyItem(atPath: "\(ena)/catalogue", toPath: dir.appendingPathComponent("c").path)
        let extra = """
        standards:
          - id: unsourced-standard
            name: Unsourced
            summary: A standard nobody published.
        """
        try extra.write(to: dir.appendingPathComponent("c/zz-extra.yaml"), atomically: true, encoding: .utf8)
        let out = try Binary.run(["catalogue", "check", "--require-links", "--catalogue", dir.appendingPathComponent("c").path])
        XCTAssertEqual(out.status, 1, "\(out)")
        XCTAssertTrue(out.stderr.contains("zz-extra.yaml:2:5: error: 'unsourced-standard' has no source link"), "\(out)")
        let plain = try Binary.run(["catalogue", "check", "--catalogue", dir.appendingPathComponent("c").path])
        XCTAssertEqual(plain.status, 0, "without --require-links it is no problem: \(plain)")
    }

    func testEnaProjectsLintScoreAndDrawASite() throws {
        let common = ["--catalogue", "\(ena)/catalogue", "--rules", "\(ena)/rules", "--today", "2026-12-01", "--no-color"]
        let expected = ["kommun-bygglov": Int32(0), "forsakringskassan-arendehantering": 1, "region-vardbokning": 1]
        for (project, status) in expected {
            let out = try Binary.run(["lint", "\(ena)/projects/\(project)/techstack.yaml"] + common)
            XCTAssertEqual(out.status, status, "\(project): \(out)")
            XCTAssertFalse(out.stdout.contains("unknown-reference"), "\(project) names only Ena ids: \(out)")
        }
        let score = try Binary.run(["scorecard", "\(ena)/projects", "--format", "json"] + common)
        XCTAssertEqual(score.status, 0, "\(score)")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let projects = try XCTUnwrap(json["projects"] as? [[String: Any]] ?? (json["projects"] as? [Any])?.compactMap { $0 as? [String: Any] })
        XCTAssertEqual(projects.count, 3)
        let site = try Binary.makeTemporaryDirectory()
        let out = try Binary.run(["catalogue", "site", site.appendingPathComponent("site").path, "--catalogue", "\(ena)/catalogue"])
        XCTAssertEqual(out.status, 0, "\(out)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("site/components/mina-ombud.html").path))
    }
}

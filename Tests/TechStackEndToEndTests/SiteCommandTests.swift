import Foundation
import TechStackTestSupport
import XCTest

/// `catalogue site` and `catalogue export`, run as a user runs them: the real binary on real files.
final class SiteCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try Binary.makeTemporaryDirectory(prefix: "techstack-site-command")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: scratch.appendingPathComponent(path).path)
    }

    func testSiteWritesTheWholeSiteAndSaysWhere() throws {
        let out = try Binary.run(["catalogue", "site", "public"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stdout, "")
        XCTAssertTrue(out.stderr.contains("wrote "), out.stderr)
        XCTAssertTrue(out.stderr.contains("public/index.html"), out.stderr)
        for path in ["index.html", "style.css", "search.js", "search-index.js", "components/apex.html",
                     "source-kinds/individual.html", "datasets/myinfo-person.html", "funding-models.html", ".techstack-site"] {
            XCTAssertTrue(exists("public/\(path)"), path)
        }
    }

    func testSiteRunTwiceKeepsTheUsersFiles() throws {
        XCTAssertEqual(try Binary.run(["catalogue", "site", "public"], in: scratch).status, 0)
        try "keep".write(to: scratch.appendingPathComponent("public/README.txt"), atomically: true, encoding: .utf8)
        let again = try Binary.run(["catalogue", "site", "public"], in: scratch)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("public/README.txt"), encoding: .utf8), "keep")
    }

    func testSiteIntoAFileExitsTwo() throws {
        try "x".write(to: scratch.appendingPathComponent("taken"), atomically: true, encoding: .utf8)
        let out = try Binary.run(["catalogue", "site", "taken"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("taken:1:1: error: is a file"), out.stderr)
    }

    func testSiteWithABrokenCatalogueExitsTwoAndPointsAtCheck() throws {
        let cat = scratch.appendingPathComponent("cat")
        try FileManager.default.createDirectory(at: cat, withIntermediateDirectories: true)
        try "catalogue: {name: X, publisher: Y, version: '1'}\nlayers: [\n".write(to: cat.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let out = try Binary.run(["catalogue", "site", "public", "--catalogue", "cat"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("cat/a.yaml:"), out.stderr)
        XCTAssertTrue(out.stderr.contains("techstack catalogue check"), out.stderr)
        XCTAssertFalse(exists("public"))
    }

    func testSiteFromAHostileCatalogueEscapesIt() throws {
        try SiteFixtures.writeHostile(to: scratch.appendingPathComponent("cat"))
        let out = try Binary.run(["catalogue", "site", "public", "--catalogue", "cat"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        let page = try String(contentsOf: scratch.appendingPathComponent("public/components/login.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(page.contains("<script>alert"))
    }

    func testExportBackstageToAFile() throws {
        let out = try Binary.run(["catalogue", "export", "--format", "backstage", "--output", "catalog-info.yaml"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stdout, "")
        let yaml = try String(contentsOf: scratch.appendingPathComponent("catalog-info.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.hasPrefix("---\napiVersion: backstage.io/v1alpha1\n"))
        XCTAssertTrue(yaml.contains("kind: Component"))
        XCTAssertTrue(yaml.contains("kind: Resource\nmetadata:\n  name: rest-json\n"), "a standard is a Resource")
        XCTAssertFalse(yaml.contains("kind: API"))
    }

    func testExportRadarToStandardOutput() throws {
        let out = try Binary.run(["catalogue", "export", "--format", "radar"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        let radar = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((radar["rings"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["adopt", "trial", "assess", "hold"])
    }

    func testRadarsCountTheProjectsOfAPortfolioAndReadAHistory() throws {
        let repository = ExternalCheck.packageRoot
        let portfolio = repository.appendingPathComponent("examples/portfolio").path
        let byor = try Binary.run(["catalogue", "export", "--format", "radar-byor", "--portfolio", portfolio], in: scratch)
        XCTAssertEqual(byor.status, 0, byor.stderr)
        let blips = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(byor.stdout.utf8)) as? [[String: String]])
        let rest = try XCTUnwrap(blips.first { $0["name"] == "REST with JSON" })
        XCTAssertTrue(rest["description"]?.contains(" projects in the portfolio.") ?? false, "\(rest)")
        let db = scratch.appendingPathComponent("history.sqlite").path
        let recorded = try Binary.run(["scorecard", portfolio, "--record", db, "--today", "2026-01-15"], in: scratch)
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        let radar = try Binary.run(["catalogue", "export", "--format", "radar", "--history", db], in: scratch)
        XCTAssertEqual(radar.status, 0, radar.stderr)
        XCTAssertTrue(radar.stdout.contains("\"date\" : \"2026-01-15\""), "a timeline point from the snapshot")
        let missing = try Binary.run(["catalogue", "export", "--format", "radar", "--portfolio", "nowhere.yaml"], in: scratch)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("nowhere.yaml:"), missing.stderr)
        let frame = try Binary.run(["catalogue", "export", "--format", "radar-zalando", "--frame-quadrant", "governance"], in: scratch)
        XCTAssertEqual(frame.status, 2, "the frame is no quadrant")
    }

    func testExportWithAnUnknownFormatExitsTwo() throws {
        let out = try Binary.run(["catalogue", "export", "--format", "backstag"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("The value 'backstag' is invalid for '--format"), out.stderr)
        XCTAssertTrue(out.stderr.contains("backstage"), out.stderr)
        XCTAssertEqual(try Binary.run(["catalogue", "export"], in: scratch).status, 2)
    }
}

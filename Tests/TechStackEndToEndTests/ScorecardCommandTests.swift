import TechStackTestSupport
import XCTest

/// `techstack scorecard` end to end: the real binary on real files in a temporary folder.
final class ScorecardCommandTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Binary.makeTemporaryDirectory(prefix: "techstack-scorecard")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// The repository's own folder, for `examples/portfolio`.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let exemplary = """
    techstack: 1
    project: passport-renewal
    agency: ica
    choices:
      api-style: rest-json
      citizen-identity: singpass
      identity-protocol: oidc
      login-security-profile: fapi-2
      personal-data: myinfo
      analytics: wogaa
      hosting: gcc
    consumes: [myinfo-person]
    """

    static let soap = """
    techstack: 1
    project: parking-permits
    agency: hdb
    choices:
      api-style: soap
      citizen-identity: singpass
      personal-data: myinfo
      analytics: wogaa
    consumes: [myinfo-person]
    exemptions:
      - rule: recommended-choice
        concern: api-style
        reason: Gantry vendor speaks SOAP
        expires: 2026-01-31
    """

    @discardableResult
    func write(_ text: String, _ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func portfolio() throws -> String {
        try write(Self.exemplary, "portfolio/ica/passport-renewal/techstack.yaml")
        try write(Self.soap, "portfolio/hdb/parking-permits/techstack.yaml")
        try write("techstack: 1\nproject: stray\nagency: ica\n", "portfolio/node_modules/dep/techstack.yaml")
        return root.appendingPathComponent("portfolio").path
    }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(args, in: root, environment: ["NO_COLOR": "1"])
    }

    // MARK: formats

    func testTextNamesAgenciesConcernsForfeitedDataAndProjects() throws {
        let r = try run(["scorecard", try portfolio(), "--today", "2026-06-30"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("2 manifests: 2 projects in 2 agencies"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Adoption per agency"))
        XCTAssertTrue(r.stdout.contains("soap (1)"), "the most common deviation is named")
        XCTAssertTrue(r.stdout.contains("myinfo-person"))
        XCTAssertTrue(r.stdout.contains("parking-permits"))
        XCTAssertFalse(r.stdout.contains("stray"), "node_modules is skipped")
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour with NO_COLOR")
    }

    func testMarkdownIsTablesPerAgencyConcernAndProject() throws {
        let r = try run(["scorecard", try portfolio(), "--today", "2026-06-30", "--format", "markdown"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("# Adoption scorecard"))
        XCTAssertTrue(r.stdout.contains("## Adoption per agency"))
        XCTAssertTrue(r.stdout.contains("| ica (Immigration"))
        XCTAssertTrue(r.stdout.contains("## Datasets most often forfeited"))
    }

    func testCSVLoadsInPythonsCSVReaderWithOneRowPerProject() throws {
        let dir = try portfolio()
        try write("techstack: 1\nproject: [broken\n", "portfolio/msf/broken/techstack.yaml")
        let csvPath = root.appendingPathComponent("card.csv").path
        let r = try run(["scorecard", dir, "--today", "2026-06-30", "--format", "csv", "--output", csvPath])
        XCTAssertEqual(r.status, 2, "an unreadable manifest makes the exit code 2")
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline="") as f:
            rows = list(csv.DictReader(f))
        print(json.dumps([[r["path"], r["project"], r["agency"], r["adoption"], r["error"]] for r in rows]))
        """
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", "-c", script, csvPath]
        let pipe = Pipe()
        py.standardOutput = pipe
        try py.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        py.waitUntilExit()
        XCTAssertEqual(py.terminationStatus, 0)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String]])
        XCTAssertEqual(rows.count, 3)
        let byProject = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0) })
        XCTAssertEqual(byProject["passport-renewal"]?[3], "1.000")
        XCTAssertEqual(byProject["parking-permits"]?[3], "0.750")
        let error = try XCTUnwrap(rows.first { !$0[4].isEmpty })
        XCTAssertTrue(error[0].hasSuffix("msf/broken/techstack.yaml"))
        XCTAssertTrue(error[4].contains("msf/broken/techstack.yaml:3:1: error: invalid YAML"), error[4])
    }

    func testJSONNamesTheCatalogueAndCarriesEveryMetric() throws {
        let r = try run(["scorecard", try portfolio(), "--today", "2026-06-30", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let catalogue = try XCTUnwrap(json["catalogue"] as? [String: Any])
        XCTAssertEqual(catalogue["name"] as? String, "Singapore Government Tech Stack")
        XCTAssertNotNil(catalogue["version"] as? String)
        XCTAssertEqual(json["date"] as? String, "2026-06-30")
        let projects = try XCTUnwrap(json["projects"] as? [[String: Any]])
        let soap = try XCTUnwrap(projects.first { $0["project"] as? String == "parking-permits" })
        XCTAssertEqual(soap["concernsAnswered"] as? Int, 4)
        XCTAssertEqual((soap["deviations"] as? [[String: Any]])?.first?["concern"] as? String, "api-style")
        XCTAssertTrue((soap["totalCost"] as? [[String: Any]] ?? []).contains { $0["dataset"] as? String == "myinfo-person" })
        XCTAssertEqual(soap["unreachable"] as? [String], ["myinfo-person"])
        XCTAssertEqual((soap["missingGrants"] as? [[String: Any]])?.first?["agency"] as? String, "ica")
        XCTAssertEqual((soap["exemptions"] as? [String: Int])?["expired"], 1)
        XCTAssertEqual(soap["sharedComponents"] as? [String], ["singpass", "myinfo", "wogaa"])
        let agencies = try XCTUnwrap(json["agencies"] as? [[String: Any]])
        XCTAssertEqual(agencies.map { $0["agency"] as? String }, ["hdb", "ica"])
        let forfeited = try XCTUnwrap(json["forfeited"] as? [[String: Any]])
        XCTAssertEqual(forfeited.first { $0["dataset"] as? String == "myinfo-person" }?["projects"] as? Int, 1)
        XCTAssertFalse((json["funding"] as? [[String: Any]] ?? []).isEmpty)
    }

    func testFindingsCountsTheLintFindingsOfEachManifest() throws {
        let dir = try portfolio()
        let plain = try run(["scorecard", dir, "--today", "2026-06-30"])
        XCTAssertFalse(plain.stdout.contains("Lint findings"), "findings are counted only when asked for")
        let r = try run(["scorecard", dir, "--today", "2026-06-30", "--findings", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let projects = try XCTUnwrap(json["projects"] as? [[String: Any]])
        let soap = try XCTUnwrap(projects.first { $0["project"] as? String == "parking-permits" })
        let findings = try XCTUnwrap(soap["findings"] as? [String: Int])
        XCTAssertGreaterThan(findings["error"] ?? 0, 0, "the SOAP deviation and the expired exemption are errors")
        XCTAssertNotNil((json["summary"] as? [String: Any])?["findings"])
        let text = try run(["scorecard", dir, "--today", "2026-06-30", "--findings"])
        XCTAssertTrue(text.stdout.contains("Lint findings"))
    }

    func testHTMLIsOneSelfContainedPageWithChartsAndSortableTables() throws {
        try write(Self.exemplary.replacingOccurrences(of: "passport-renewal", with: "\"<script>alert(1)</script>\""),
                  "portfolio/ica/evil/techstack.yaml")
        let r = try run(["scorecard", try portfolio(), "--today", "2026-06-30", "--format", "html"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = r.stdout
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for id in ["agencies-chart", "concerns-chart", "heat-map", "forfeited", "project-table"] {
            XCTAssertTrue(html.contains("id=\"\(id)\""), "missing \(id)")
        }
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("class=\"sortable\""))
        XCTAssertTrue(html.contains("Singapore Government Tech Stack"))
        XCTAssertFalse(html.contains("<script>alert(1)</script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(html.contains("<link"), "no external stylesheet")
        XCTAssertFalse(html.contains("src=\""), "nothing loaded from elsewhere")
    }

    func testTheExamplePortfolioScoresCleanly() throws {
        let examples = Self.repository.appendingPathComponent("examples/portfolio").path
        let r = try Binary.run(["scorecard", examples, "--format", "json", "--today", "2026-11-20"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertGreaterThanOrEqual(summary["projects"] as? Int ?? 0, 40)
        XCTAssertGreaterThanOrEqual(summary["agencies"] as? Int ?? 0, 6)
        XCTAssertGreaterThan(summary["activeExemptions"] as? Int ?? 0, 0)
        XCTAssertGreaterThan(summary["expiredExemptions"] as? Int ?? 0, 0)
        XCTAssertGreaterThan(summary["projectsForfeiting"] as? Int ?? 0, 0)
    }

    // MARK: error rows

    func testAnInvalidManifestIsAnErrorRowTheRunGoesOnAndExitsTwo() throws {
        let dir = try portfolio()
        let broken = try write("techstack: 1\nproject: x\nagency: ica\nchoices: [not, a, mapping]\n", "portfolio/zz/broken/techstack.yaml")
        for format in ["text", "markdown", "csv", "json", "html"] {
            let r = try run(["scorecard", dir, "--today", "2026-06-30", "--format", format])
            XCTAssertEqual(r.status, 2, format)
            XCTAssertTrue(r.stderr.contains("\(broken):4:"), "\(format): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("error:"), format)
            XCTAssertTrue(r.stdout.contains("passport-renewal"), "\(format): the report is still written in full")
            XCTAssertTrue(r.stdout.contains("parking-permits"), format)
            XCTAssertTrue(r.stdout.contains("zz/broken/techstack.yaml"), "\(format): the error row is in the report")
        }
    }

    func testAMissingPathIsAnErrorRow() throws {
        let manifest = try write(Self.exemplary, "one/techstack.yaml")
        let r = try run(["scorecard", manifest, "no/such/techstack.yaml", "--today", "2026-06-30"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no/such/techstack.yaml:1:1: error:"), r.stderr)
        XCTAssertTrue(r.stdout.contains("1 could not be read"))
    }

    func testAnUnknownFormatIsRefused() throws {
        let r = try run(["scorecard", try portfolio(), "--format", "pdf"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("pdf"))
        XCTAssertTrue(r.stdout.isEmpty)
    }

    // MARK: history

    func testRecordAndTrendAcrossTwoSnapshotsShowTheImprovement() throws {
        let dir = try portfolio()
        let db = root.appendingPathComponent("history.sqlite").path
        let first = try run(["scorecard", dir, "--today", "2026-01-31", "--record", db, "--output", root.appendingPathComponent("first.txt").path])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("Recorded snapshot 1"))

        // HDB moves its parking service to REST/JSON.
        try write(Self.soap.replacingOccurrences(of: "api-style: soap", with: "api-style: rest-json"), "portfolio/hdb/parking-permits/techstack.yaml")
        let second = try run(["scorecard", dir, "--today", "2026-06-30", "--record", db, "--format", "json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("Recorded snapshot 2"))

        let text = try run(["scorecard", "trend", db])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("2 snapshots"))
        XCTAssertTrue(text.stdout.contains("2026-01-31"))
        XCTAssertTrue(text.stdout.contains("Biggest improvements from 2026-01-31 to 2026-06-30"))
        XCTAssertTrue(text.stdout.contains("75% → 100%"), text.stdout)

        let json = try run(["scorecard", "trend", db, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["snapshots"] as? [[String: Any]])?.count, 2)
        let improvements = try XCTUnwrap(object["improvements"] as? [[String: Any]])
        XCTAssertTrue(improvements.contains { $0["subject"] as? String == "agency" && $0["id"] as? String == "hdb" && $0["points"] as? Double == 25 })
        XCTAssertTrue(improvements.contains { $0["subject"] as? String == "concern" && $0["id"] as? String == "api-style" })
        XCTAssertEqual((object["drops"] as? [Any])?.count, 0)
        let hdb = try XCTUnwrap((object["agencies"] as? [[String: Any]])?.first { $0["id"] as? String == "hdb" })
        XCTAssertEqual(hdb["adoption"] as? [Double], [0.75, 1])

        let html = try run(["scorecard", "trend", db, "--format", "html"])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.contains("id=\"trend-chart\""))
        XCTAssertTrue(html.stdout.contains("<path d=\"M"))
    }

    func testARunWithErrorRowsStillRecordsItsSnapshot() throws {
        let dir = try portfolio()
        try write("techstack: [\n", "portfolio/bad/techstack.yaml")
        let db = root.appendingPathComponent("history.sqlite").path
        let r = try run(["scorecard", dir, "--today", "2026-06-30", "--record", db, "--format", "csv"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("Recorded snapshot 1"), r.stderr)
        let trend = try run(["scorecard", "trend", db, "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(trend.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["snapshots"] as? [[String: Any]])?.first?["errors"] as? Int, 1)
    }

    func testTrendOfAMissingHistorySaysHowToRecordOne() throws {
        let r = try run(["scorecard", "trend", "nothing-here.sqlite"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("nothing-here.sqlite:1:1: error:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--record"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("nothing-here.sqlite").path))
    }
}

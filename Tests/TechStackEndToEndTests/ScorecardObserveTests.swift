import GRDB
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// `techstack scorecard --observe` end to end: two small repositories in a temporary folder,
/// one whose code speaks SOAP while its manifest declares REST, one whose code matches.
final class ScorecardObserveTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Binary.makeTemporaryDirectory(prefix: "techstack-scorecard-observe")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    static let legacy = """
    techstack: 1
    project: legacy-claims
    agency: msf
    choices:
      api-style: rest-json
      citizen-identity: singpass
    consumes: [myinfo-person]
    """

    /// A service description that is SOAP (the envelope namespace) and WSDL.
    static let wsdl = """
    <definitions xmlns="http://schemas.xmlsoap.org/wsdl/"
      xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"/>
    """

    static let clean = """
    techstack: 1
    project: clean-portal
    agency: ica
    choices:
      api-style: rest-json
      citizen-identity: singpass
    """

    @discardableResult
    func write(_ text: String, _ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// `portfolio/legacy` (SOAP in the code, REST in the manifest) and `portfolio/clean`
    /// (signs in with Singpass, as it declares).
    func portfolio() throws -> String {
        try write(Self.legacy, "portfolio/legacy/techstack.yaml")
        try write(Self.wsdl, "portfolio/legacy/src/claims.wsdl")
        try write(Self.clean, "portfolio/clean/techstack.yaml")
        try write("const login = 'https://id.singpass.gov.sg/auth';\n", "portfolio/clean/src/login.ts")
        return root.appendingPathComponent("portfolio").path
    }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(args, in: root, environment: ["NO_COLOR": "1"])
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: formats

    func testTextNamesTheUndeclaredSoapAndItsHiddenCost() throws {
        let r = try run(["scorecard", try portfolio(), "--observe", "--today", "2026-06-30"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Observed stack        2 undeclared, 1 unobserved; 1 project with hidden cost (16 datasets)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Observed stack: what each repository shows beside its manifest"))
        XCTAssertTrue(r.stdout.contains("undeclared  api-style: soap (src/claims.wsdl:2), api-description: wsdl (src/claims.wsdl:1 and 1 more place)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("unobserved  citizen-identity: singpass"), r.stdout)
        XCTAssertTrue(r.stdout.contains("hidden cost myinfo-person (source ica), "), r.stdout)
        let section = try XCTUnwrap(r.stdout.components(separatedBy: "Observed stack: what each").last)
        XCTAssertTrue(section.contains("legacy/techstack.yaml (legacy-claims, msf)"))
        XCTAssertFalse(section.contains("clean-portal"), "a repository that matches its manifest is not listed")
        XCTAssertTrue(r.stdout.contains("undeclared  unobserved  hidden cost"), "the project table has the new columns")
    }

    func testJSONCarriesTheListsPerProjectAndTheCountsPerAgencyAndInTheSummary() throws {
        let r = try run(["scorecard", try portfolio(), "--observe", "--today", "2026-06-30", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try json(r.stdout)
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["undeclared"] as? Int, 2)
        XCTAssertEqual(summary["unobserved"] as? Int, 1)
        XCTAssertEqual(summary["projectsWithHiddenCost"] as? Int, 1)
        XCTAssertEqual(summary["datasetsHiddenForfeited"] as? Int, 16)
        let agencies = try XCTUnwrap(object["agencies"] as? [[String: Any]])
        let msf = try XCTUnwrap(agencies.first { $0["agency"] as? String == "msf" })
        XCTAssertEqual(msf["undeclared"] as? Int, 2)
        XCTAssertEqual(msf["projectsWithHiddenCost"] as? Int, 1)
        XCTAssertEqual(msf["datasetsHiddenForfeited"] as? Int, 16)
        let ica = try XCTUnwrap(agencies.first { $0["agency"] as? String == "ica" })
        XCTAssertEqual(ica["undeclared"] as? Int, 0)
        XCTAssertEqual(ica["unobserved"] as? Int, 0)
        XCTAssertEqual(ica["projectsWithHiddenCost"] as? Int, 0)

        let projects = try XCTUnwrap(object["projects"] as? [[String: Any]])
        let legacy = try XCTUnwrap(projects.first { $0["project"] as? String == "legacy-claims" })
        let undeclared = try XCTUnwrap(legacy["undeclared"] as? [[String: Any]])
        XCTAssertEqual(undeclared.map { $0["id"] as? String }, ["soap", "wsdl"])
        XCTAssertEqual(undeclared.first?["concern"] as? String, "api-style")
        let evidence = try XCTUnwrap(undeclared.first?["evidence"] as? [[String: Any]])
        XCTAssertEqual(evidence.first?["path"] as? String, "src/claims.wsdl")
        XCTAssertEqual(evidence.first?["line"] as? Int, 2)
        XCTAssertEqual(undeclared.last?["evidenceCount"] as? Int, 2)
        let unobserved = try XCTUnwrap(legacy["unobserved"] as? [[String: Any]])
        XCTAssertEqual(unobserved.map { $0["id"] as? String }, ["singpass"])
        let hidden = try XCTUnwrap(legacy["hiddenCost"] as? [[String: String]])
        XCTAssertEqual(hidden.first, ["dataset": "myinfo-person", "source": "ica"])
        XCTAssertEqual(hidden.count, 16)
        XCTAssertEqual((legacy["totalCost"] as? [Any])?.count, 0, "the declared stack costs nothing: the cost is hidden")

        let clean = try XCTUnwrap(projects.first { $0["project"] as? String == "clean-portal" })
        XCTAssertEqual((clean["undeclared"] as? [Any])?.count, 0)
        XCTAssertEqual((clean["unobserved"] as? [Any])?.count, 0)
        XCTAssertEqual((clean["hiddenCost"] as? [Any])?.count, 0)
    }

    func testCSVHasTheNewColumnsAfterError() throws {
        let r = try run(["scorecard", try portfolio(), "--observe", "--today", "2026-06-30", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = try XCTUnwrap(lines.first).components(separatedBy: ",")
        let start = try XCTUnwrap(header.firstIndex(of: "error")) + 1
        XCTAssertEqual(Array(header[start..<start + 7]), ["undeclared", "undeclared_choices", "unobserved", "unobserved_choices",
                                                          "hidden_cost", "hidden_cost_datasets", "hidden_cost_sources"])
        let legacy = try XCTUnwrap(lines.first { $0.contains("legacy-claims") }).components(separatedBy: ",")
        XCTAssertEqual(legacy.count, header.count)
        func cell(_ name: String) -> String? { header.firstIndex(of: name).map { legacy[$0] } }
        XCTAssertEqual(cell("undeclared"), "2")
        XCTAssertEqual(cell("undeclared_choices"), "api-style=soap;api-description=wsdl")
        XCTAssertEqual(cell("unobserved_choices"), "citizen-identity=singpass")
        XCTAssertEqual(cell("hidden_cost"), "16")
        XCTAssertEqual(cell("hidden_cost_datasets")?.components(separatedBy: ";").first, "myinfo-person")
        XCTAssertEqual(cell("hidden_cost_sources")?.components(separatedBy: ";").first, "ica")
        let clean = try XCTUnwrap(lines.first { $0.contains("clean-portal") }).components(separatedBy: ",")
        XCTAssertEqual(header.firstIndex(of: "hidden_cost").map { clean[$0] }, "0")
    }

    func testMarkdownAndHTMLHaveTheColumnsAndASection() throws {
        let dir = try portfolio()
        let md = try run(["scorecard", dir, "--observe", "--today", "2026-06-30", "--format", "markdown"])
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.contains("## Observed stack"))
        XCTAssertTrue(md.stdout.contains("| Projects with hidden cost | 1 (16 datasets) |"), md.stdout)
        XCTAssertTrue(md.stdout.contains("api-style: soap (src/claims.wsdl:2)<br>"), md.stdout)
        let html = try run(["scorecard", dir, "--observe", "--today", "2026-06-30", "--format", "html"])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.contains("<section id=\"observed\">"))
        XCTAssertTrue(html.stdout.contains("myinfo-person (source ica)"))
        XCTAssertTrue(html.stdout.contains(">Datasets hidden-forfeited<"))
    }

    func testObserveDirComparesEveryManifestWithOneRepository() throws {
        let dir = try portfolio()
        let r = try run(["scorecard", dir, "--observe-dir", root.appendingPathComponent("portfolio/legacy").path,
                         "--today", "2026-06-30", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let projects = try XCTUnwrap(try json(r.stdout)["projects"] as? [[String: Any]])
        XCTAssertEqual(projects.map { ($0["hiddenCost"] as? [Any])?.count }, [16, 16], "both manifests are compared with the SOAP code")
    }

    func testAnUnreadableRepositoryIsAnErrorRowAndExitsTwo() throws {
        let dir = try portfolio()
        let missing = root.appendingPathComponent("no-such-repo").path
        let r = try run(["scorecard", dir, "--observe-dir", missing, "--today", "2026-06-30"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\(missing):1:1: error: cannot read the repository folder"), r.stderr)
        XCTAssertTrue(r.stdout.contains("Manifests that could not be read"))
    }

    func testTextFromTheRepositoryIsEscaped() throws {
        let dir = try portfolio()
        try write(Self.wsdl, "portfolio/legacy/src/<b>\u{1B}[31m.wsdl")
        let text = try run(["scorecard", dir, "--observe", "--today", "2026-06-30"])
        XCTAssertFalse(text.stdout.contains("\u{1B}[31m"), "no raw escape from a file name")
        let html = try run(["scorecard", dir, "--observe", "--today", "2026-06-30", "--format", "html"])
        XCTAssertFalse(html.stdout.contains("<b>\u{1B}"), "a file name is no markup")
        XCTAssertTrue(html.stdout.contains("&lt;b&gt;"), "but it is shown")
    }

    // MARK: without --observe

    func testWithoutObserveNothingChanges() throws {
        let dir = try portfolio()
        var before: [String: String] = [:]
        for format in ["text", "markdown", "csv", "json", "html"] {
            let r = try run(["scorecard", dir, "--today", "2026-06-30", "--format", format])
            XCTAssertEqual(r.status, 0, r.stderr)
            before[format] = r.stdout
            for word in ["undeclared", "unobserved", "hidden cost", "hiddenCost", "hidden_cost", "Observed stack"] {
                XCTAssertFalse(r.stdout.lowercased().contains(word.lowercased()), "\(format) says \(word) without --observe")
            }
        }
        XCTAssertEqual(before["csv"]?.components(separatedBy: "\r\n").first,
                       (CSVScorecard.header + ProgrammeSections.csvLevelHeader).joined(separator: ","))
        // The code is never looked at: without it, every format reads the same.
        try FileManager.default.removeItem(at: root.appendingPathComponent("portfolio/legacy/src"))
        for format in ["text", "markdown", "csv", "json", "html"] {
            let r = try run(["scorecard", dir, "--today", "2026-06-30", "--format", format])
            XCTAssertEqual(r.stdout, before[format], format)
        }
    }

    // MARK: history

    func testHistoryKeepsTheObservedFiguresAndTheTrendCarriesThem() throws {
        let dir = try portfolio()
        let db = root.appendingPathComponent("history.sqlite").path
        let first = try run(["scorecard", dir, "--today", "2026-01-31", "--record", db])
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try run(["scorecard", dir, "--observe", "--today", "2026-06-30", "--record", db])
        XCTAssertEqual(second.status, 0, second.stderr)

        let snapshots = try History.load(db)
        XCTAssertEqual(snapshots.count, 2)
        XCTAssertNil(snapshots[0].summary.undeclared, "a snapshot recorded without --observe has no observed figures")
        XCTAssertEqual(snapshots[1].summary.undeclared, 2)
        XCTAssertEqual(snapshots[1].summary.unobserved, 1)
        XCTAssertEqual(snapshots[1].summary.projectsWithHiddenCost, 1)
        XCTAssertEqual(snapshots[1].summary.datasetsHiddenForfeited, 16)
        let msf = try XCTUnwrap(snapshots[1].agencies.first { $0.agency == "msf" })
        XCTAssertEqual(msf.undeclared, 2)
        XCTAssertEqual(msf.datasetsHiddenForfeited, 16)
        let legacy = try XCTUnwrap(snapshots[1].projects.first { $0.project == "legacy-claims" })
        XCTAssertEqual(legacy.undeclared, 2)
        XCTAssertEqual(legacy.unobserved, 1)
        XCTAssertEqual(legacy.hiddenCost, 16)
        XCTAssertNil(snapshots[0].projects.first?.hiddenCost)

        let trend = try run(["scorecard", "trend", db, "--format", "json"])
        XCTAssertEqual(trend.status, 0, trend.stderr)
        let object = try json(trend.stdout)
        let points = try XCTUnwrap(object["snapshots"] as? [[String: Any]])
        XCTAssertNil(points[0]["undeclared"])
        XCTAssertEqual(points[1]["undeclared"] as? Int, 2)
        XCTAssertEqual(points[1]["unobserved"] as? Int, 1)
        XCTAssertEqual(points[1]["projectsWithHiddenCost"] as? Int, 1)
        XCTAssertEqual(points[1]["datasetsHiddenForfeited"] as? Int, 16)
        let agencies = try XCTUnwrap(object["agencies"] as? [[String: Any]])
        let msfSeries = try XCTUnwrap(agencies.first { $0["id"] as? String == "msf" })
        let series = try XCTUnwrap(msfSeries["datasetsHiddenForfeited"] as? [Any])
        XCTAssertTrue(series.first is NSNull, "null where the snapshot was not observed")
        XCTAssertEqual(series.last as? Int, 16)

        // The observed rows are sealed with their snapshot.
        let queue = try DatabaseQueue(path: db)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "UPDATE snapshotObserved SET undeclared = 0") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM snapshotProjectObserved") })
        XCTAssertThrowsError(try queue.write {
            try $0.execute(sql: "INSERT INTO snapshotAgencyObserved (snapshotId, agency, undeclared, unobserved, projectsWithHiddenCost, datasetsHiddenForfeited) VALUES (2, 'forged', 0, 0, 0, 0)")
        })
    }

    func testAHistoryFromBeforeTheObservedTablesStillReadsAndUpgrades() throws {
        let dir = try portfolio()
        let db = root.appendingPathComponent("history.sqlite").path
        let queue = try DatabaseQueue(path: db)
        // Every migration before the observed tables', whatever they are.
        let migrations = History.migrator.migrations
        let observed = try XCTUnwrap(migrations.firstIndex(of: ObservedHistory.migration))
        try History.migrator.migrate(queue, upTo: migrations[observed - 1])
        let card = Scorecard.make(paths: [dir], metrics: ScorecardMetrics(catalogue: Fixtures.builtinCatalogue, today: Day("2026-01-31")!))
        try queue.write { db in
            var snapshot = SnapshotRecord(card, recordedAt: "2026-01-31T00:00:00Z")
            try snapshot.insert(db)
            let id = try XCTUnwrap(snapshot.id)
            for agency in card.agencies { try AgencyRecord(agency, snapshot: id).insert(db) }
            try db.execute(sql: "INSERT INTO snapshotSeal (snapshotId) VALUES (?)", arguments: [id])
        }
        XCTAssertFalse(try queue.read { try $0.tableExists("snapshotObserved") })
        XCTAssertEqual(try History.load(db).count, 1, "an older history reads as it is")
        let trend = try run(["scorecard", "trend", db, "--format", "json"])
        XCTAssertEqual(trend.status, 0, trend.stderr)

        let r = try run(["scorecard", dir, "--observe", "--today", "2026-06-30", "--record", db])
        XCTAssertEqual(r.status, 0, r.stderr)
        let snapshots = try History.load(db)
        XCTAssertEqual(snapshots.map { $0.summary.projectsWithHiddenCost }, [nil, 1])
    }
}

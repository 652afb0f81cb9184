import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Programme tools for ambassadors, end to end: campaigns, levels, baselines, the ratchet and
/// grant plans, with the real binary on real files.
final class ProgrammeTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Binary.makeTemporaryDirectory(prefix: "techstack-programme")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    static let choices = """
    choices:
      api-style: rest-json
      citizen-identity: singpass
      identity-protocol: oidc
      login-security-profile: fapi-2
      personal-data: myinfo
      analytics: wogaa
      hosting: gcc
    """

    static let exemplary = """
    techstack: 1
    project: passport-renewal
    agency: ica
    \(choices)
    consumes: [myinfo-person]
    """

    /// Deviates on api-style with an exemption that is still valid: the campaign goal stays undone.
    static let soap = """
    techstack: 1
    project: parking-permits
    agency: hdb
    \(choices.replacingOccurrences(of: "api-style: rest-json", with: "api-style: soap"))
    consumes: [myinfo-person]
    exemptions:
      - rule: recommended-choice
        concern: api-style
        reason: Gantry vendor speaks SOAP
        expires: 2030-01-31
    """

    static let amqp = """
    techstack: 1
    project: levy-billing
    agency: mom
    \(choices.replacingOccurrences(of: "api-style: rest-json", with: "api-style: amqp"))
    consumes: [myinfo-person]
    grants:
      ica: GR-1
    """

    @discardableResult
    func write(_ text: String, _ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func portfolio() throws {
        try write(Self.exemplary, "portfolio/ica/passport-renewal/techstack.yaml")
        try write(Self.soap, "portfolio/hdb/parking-permits/techstack.yaml")
        try write(Self.amqp, "portfolio/mom/levy-billing/techstack.yaml")
    }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(args, in: root, environment: ["NO_COLOR": "1"])
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func campaign(_ document: [String: Any], _ id: String) throws -> [String: Any] {
        let list = try XCTUnwrap(document["campaigns"] as? [[String: Any]])
        return try XCTUnwrap(list.first { $0["id"] as? String == id }, "\(list)")
    }

    static let restCampaign = """
    campaigns:
      - id: rest-everywhere
        name: Every API on REST
        goal: {concern: api-style}
        starts: 2026-01-01
        due: 2026-03-02
    """

    // MARK: campaigns

    func testACampaignCountsDoneAndRemainingAndWhatTheRemainingWouldWinBack() throws {
        try portfolio()
        try write(Self.restCampaign, "campaigns/rest.yaml")
        let r = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-01-10", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let c = try campaign(try json(r.stdout), "rest-everywhere")
        XCTAssertEqual(c["name"] as? String, "Every API on REST")
        XCTAssertEqual(c["starts"] as? String, "2026-01-01")
        XCTAssertEqual(c["due"] as? String, "2026-03-02")
        XCTAssertEqual((c["inScope"] as? [String])?.count, 3)
        XCTAssertEqual(c["done"] as? [String], ["portfolio/ica/passport-renewal/techstack.yaml"])
        // The SOAP project's exemption suppresses its finding, never the deviation: still remaining.
        XCTAssertEqual(c["remaining"] as? [String], ["portfolio/hdb/parking-permits/techstack.yaml", "portfolio/mom/levy-billing/techstack.yaml"])
        let winBack = try XCTUnwrap(c["winBack"] as? [[String: String]])
        XCTAssertTrue(winBack.contains(["dataset": "myinfo-person", "source": "ica"]), "\(winBack)")
        // 9 of 60 days gone: 0.45 projects expected, 1 done.
        XCTAssertEqual(c["onTrack"] as? Bool, true)
        XCTAssertEqual(c["overdue"] as? Bool, false)
    }

    func testCampaignProgressIsRecordedAndDrawnAsABurnUpAgainstTheLine() throws {
        try portfolio()
        try write(Self.restCampaign, "campaigns/rest.yaml")
        let db = "history.sqlite"
        // Day 30 of 60: the line expects 1.5 projects, 1 is done: behind.
        var r = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-01-31", "--record", db, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        var c = try campaign(try json(r.stdout), "rest-everywhere")
        XCTAssertEqual(c["onTrack"] as? Bool, false)
        XCTAssertEqual((c["burnUp"] as? [[String: Any]])?.count, 1)

        // The AMQP service moves to REST: 2 of 3 by day 45, the line expects 2.25: still behind.
        try write(Self.amqp.replacingOccurrences(of: "api-style: amqp", with: "api-style: rest-json"), "portfolio/mom/levy-billing/techstack.yaml")
        r = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-02-15", "--record", db, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        c = try campaign(try json(r.stdout), "rest-everywhere")
        XCTAssertEqual((c["done"] as? [String])?.count, 2)
        XCTAssertEqual(c["onTrack"] as? Bool, false)

        // Past due with the SOAP service left: overdue, and the burn-up has every recorded day.
        r = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-03-10", "--record", db, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        c = try campaign(try json(r.stdout), "rest-everywhere")
        XCTAssertEqual(c["overdue"] as? Bool, true)
        XCTAssertEqual(c["onTrack"] as? Bool, false)
        XCTAssertEqual(c["remaining"] as? [String], ["portfolio/hdb/parking-permits/techstack.yaml"])
        let burnUp = try XCTUnwrap(c["burnUp"] as? [[String: Any]])
        XCTAssertEqual(burnUp.map { $0["day"] as? String }, ["2026-01-31", "2026-02-15", "2026-03-10"])
        XCTAssertEqual(burnUp.map { $0["done"] as? Int }, [1, 2, 2])

        let text = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-03-11", "--record", db])
        XCTAssertTrue(text.stdout.contains("OVERDUE"), text.stdout)
        XCTAssertTrue(text.stdout.contains("remaining: portfolio/hdb/parking-permits/techstack.yaml (parking-permits)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("burn-up: 2026-01-31 1/3, 2026-02-15 2/3, 2026-03-10 2/3, 2026-03-11 2/3"), text.stdout)

        let html = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-03-12", "--record", db, "--format", "html"])
        XCTAssertTrue(html.stdout.contains("<section id=\"campaigns\">"))
        XCTAssertTrue(html.stdout.contains("<polyline class=\"done\""))
        XCTAssertTrue(html.stdout.contains("<line class=\"plan\""))

        let trend = try run(["scorecard", "trend", db, "--format", "json"])
        XCTAssertEqual(trend.status, 0, "the trend still reads a history with campaign progress: \(trend.stderr)")
    }

    func testARuleGoalIsDoneWithoutAnUnsuppressedFindingOfThatRule() throws {
        try portfolio()
        try write("""
        campaigns:
          - id: grants
            name: Grants first
            goal: {rule: missing-grant}
            scope: {agencies: [hdb], projects: [portfolio/mom/levy-billing/techstack.yaml, passport-renewal]}
            starts: 2026-01-01
            due: 2026-12-31
        """, "campaigns/grants.yaml")
        let r = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-06-30", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let document = try json(r.stdout)
        let c = try campaign(document, "grants")
        XCTAssertEqual((c["inScope"] as? [String])?.count, 3, "an agency, a path and a project name")
        XCTAssertEqual(c["remaining"] as? [String], ["portfolio/hdb/parking-permits/techstack.yaml"])
        XCTAssertEqual(c["winBack"] as? [[String: String]], [["dataset": "myinfo-person", "source": "ica"]])
        XCTAssertNil((document["summary"] as? [String: Any])?["findings"], "the rule goal does not add finding counts")
    }

    func testCSVCarriesLevelsAsColumnsAndCampaignsAsTheirOwnTable() throws {
        try portfolio()
        try write(Self.restCampaign, "campaigns/rest.yaml")
        let r = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-01-10", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let tables = r.stdout.components(separatedBy: "\r\n\r\n")
        XCTAssertEqual(tables.count, 2)
        XCTAssertTrue(tables[0].hasPrefix((CSVScorecard.header + ["level", "next_level", "next_level_missing"]).joined(separator: ",")))
        XCTAssertTrue(tables[1].hasPrefix("campaign,name,goal,starts,due,in_scope,done,remaining"), tables[1])
        XCTAssertTrue(tables[1].contains("rest-everywhere,Every API on REST"))
    }

    func testABadCampaignFileIsLocatedWithTheNearestIdAndExitsTwo() throws {
        try portfolio()
        try write("""
        campaigns:
          - id: rest
            name: REST
            goal: {concern: api-styl}
            scope: {agencies: [hbd]}
            starts: 2026-01-01
            due: 2025-13-01
          - id: rules
            name: Rules
            goal: {rule: missing-grnt}
            starts: 2026-01-01
            due: 2026-02-01
        """, "campaigns/bad.yaml")
        let r = try run(["scorecard", "portfolio", "--campaigns", "campaigns", "--today", "2026-01-10"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("campaigns/bad.yaml:4:21: error: 'goal.concern' must name a concern of the catalogue, found 'api-styl', which is not in the catalogue (did you mean 'api-style'?)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("campaigns/bad.yaml:5:24: error: 'scope.agencies' must name agencies of the catalogue, found 'hbd' (did you mean 'hdb'?)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("campaigns/bad.yaml:7:10: error: 'due' must be a date written YYYY-MM-DD"), r.stderr)
        XCTAssertTrue(r.stderr.contains("campaigns/bad.yaml:10:18: error: 'goal.rule' must name a rule, found 'missing-grnt' (did you mean 'missing-grant'?)"), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty)
    }

    // MARK: levels

    func testTheDefaultLadderGivesEveryProjectALevelAndWhatStandsBeforeTheNext() throws {
        try portfolio()
        let r = try run(["scorecard", "portfolio", "--today", "2026-06-30", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let document = try json(r.stdout)
        let levels = try XCTUnwrap(document["levels"] as? [String: Any])
        XCTAssertEqual((levels["ladder"] as? [[String: Any]])?.map { $0["id"] as? String }, ["bronze", "silver", "gold"])
        let projects = try XCTUnwrap(document["projects"] as? [[String: Any]])
        let soap = try XCTUnwrap(projects.first { $0["project"] as? String == "parking-permits" })
        // No grant from ICA for myinfo-person: below bronze.
        XCTAssertTrue(soap["level"] is NSNull, "\(soap)")
        let next = try XCTUnwrap(soap["nextLevel"] as? [String: Any])
        XCTAssertEqual(next["id"] as? String, "bronze")
        let missing = try XCTUnwrap(next["missing"] as? [[String: String]])
        XCTAssertTrue(missing.contains(["check": "no-missing-grant", "message": "no grant from 'ica' for 'myinfo-person'"]), "\(missing)")
        let amqp = try XCTUnwrap(projects.first { $0["project"] as? String == "levy-billing" })
        // Granted, but AMQP costs Myinfo data: bronze, not silver.
        XCTAssertEqual(amqp["level"] as? String, "bronze", "\(amqp)")
        XCTAssertEqual((amqp["nextLevel"] as? [String: Any])?["id"] as? String, "silver")
        let agencies = try XCTUnwrap(levels["agencies"] as? [[String: Any]])
        XCTAssertEqual(agencies.first { $0["agency"] as? String == "mom" }?["levels"] as? [String: Int], ["bronze": 1, "silver": 0, "gold": 0])
    }

    func testALadderFromRulesReplacesTheDefaultOneAndTheTopLevelHasNoNext() throws {
        try portfolio()
        try write("""
        levels:
          - {id: granted, name: Granted, summary: Every grant recorded., checks: [no-missing-grant]}
          - {id: clean, name: Clean, summary: Every answer recommended., checks: [all-answers-recommended]}
        """, "rules/levels.yaml")
        let r = try run(["scorecard", "portfolio", "--rules", "rules", "--today", "2026-06-30", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let document = try json(r.stdout)
        let projects = try XCTUnwrap(document["projects"] as? [[String: Any]])
        let exemplary = try XCTUnwrap(projects.first { $0["project"] as? String == "passport-renewal" })
        XCTAssertEqual(exemplary["level"] as? String, "clean")
        XCTAssertTrue(exemplary["nextLevel"] is NSNull)
        let amqp = try XCTUnwrap(projects.first { $0["project"] as? String == "levy-billing" })
        XCTAssertEqual(amqp["level"] as? String, "granted")
        let missing = try XCTUnwrap((amqp["nextLevel"] as? [String: Any])?["missing"] as? [[String: String]])
        XCTAssertEqual(missing.map { $0["check"] }, ["all-answers-recommended"])

        let text = try run(["scorecard", "portfolio", "--rules", "rules", "--today", "2026-06-30"])
        XCTAssertTrue(text.stdout.contains("Levels per agency"), text.stdout)
        XCTAssertTrue(text.stdout.contains("top level reached"))
        let md = try run(["scorecard", "portfolio", "--rules", "rules", "--today", "2026-06-30", "--format", "markdown"])
        XCTAssertTrue(md.stdout.contains("## Levels"))
        let html = try run(["scorecard", "portfolio", "--rules", "rules", "--today", "2026-06-30", "--format", "html"])
        XCTAssertTrue(html.stdout.contains("id=\"level-table\""))
    }

    func testAnUnknownLevelCheckIsLocatedAndExitsTwo() throws {
        try portfolio()
        try write("levels:\n  - {id: x, name: X, summary: s, checks: [no-missing-grants]}\n", "rules/levels.yaml")
        let r = try run(["scorecard", "portfolio", "--rules", "rules", "--today", "2026-06-30"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("rules/levels.yaml:2:43: error: unknown level check 'no-missing-grants' (did you mean 'no-missing-grant'?)"), r.stderr)
    }

    // MARK: ratchet

    func testTheRatchetFailsOnAProjectWhoseTotalCostRoseAndNamesIt() throws {
        try portfolio()
        let db = "history.sqlite"
        var r = try run(["scorecard", "portfolio", "--today", "2026-05-01", "--ratchet", db, "--record", db, "--output", "/dev/null"])
        XCTAssertEqual(r.status, 0, "the first run has nothing to compare with: \(r.stderr)")
        r = try run(["scorecard", "portfolio", "--today", "2026-05-02", "--ratchet", db, "--output", "/dev/null"])
        XCTAssertEqual(r.status, 0, "nothing rose: \(r.stderr)")

        try write(Self.exemplary.replacingOccurrences(of: "api-style: rest-json", with: "api-style: soap"), "portfolio/ica/passport-renewal/techstack.yaml")
        r = try run(["scorecard", "portfolio", "--today", "2026-05-03", "--ratchet", db, "--record", db, "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("ratchet: portfolio/ica/passport-renewal/techstack.yaml (passport-renewal) rose since 2026-05-01: total cost 0 → "), r.stderr)
        let ratchet = try XCTUnwrap(try json(r.stdout)["ratchet"] as? [String: Any])
        XCTAssertEqual(ratchet["failed"] as? Bool, true)
        XCTAssertEqual((ratchet["rises"] as? [[String: Any]])?.map { $0["path"] as? String }, ["portfolio/ica/passport-renewal/techstack.yaml"])

        // The run compared before recording: against its own snapshot, nothing rose.
        r = try run(["scorecard", "portfolio", "--today", "2026-05-04", "--ratchet", db, "--output", "/dev/null"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testTheRatchetRefusesAMissingHistoryUnlessItIsAlsoRecorded() throws {
        try portfolio()
        let r = try run(["scorecard", "portfolio", "--today", "2026-05-01", "--ratchet", "nothing.sqlite"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("nothing.sqlite:1:1: error: no such history database for --ratchet"), r.stderr)
    }

    // MARK: baselines

    static let lintable = """
    techstack: 1
    project: parking-permits
    agency: hdb
    choices:
      api-style: soap
      citizen-identity: singpass
      personal-data: myinfo
    consumes: [myinfo-person]
    """

    func testABaselineAcceptsTodaysFindingsAndSurvivesALineShift() throws {
        let manifest = try write(Self.lintable, "project/techstack.yaml")
        var r = try run(["lint", "project/techstack.yaml", "--today", "2026-06-30"])
        XCTAssertEqual(r.status, 1)
        r = try run(["lint", "project/techstack.yaml", "--today", "2026-06-30", "--write-baseline", "baseline.json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let baseline = try json(String(contentsOf: root.appendingPathComponent("baseline.json"), encoding: .utf8))
        XCTAssertEqual(baseline["version"] as? Int, 1)
        XCTAssertEqual(baseline["fingerprint"] as? String, "techstack/v1")
        let entries = try XCTUnwrap(baseline["findings"] as? [[String: Any]])
        XCTAssertFalse(entries.isEmpty)

        // Blank lines at the top move every finding down; the same baseline still matches.
        try ("\n\n\n" + Self.lintable).write(toFile: manifest, atomically: true, encoding: .utf8)
        r = try run(["lint", "project/techstack.yaml", "--today", "2026-06-30", "--baseline", "baseline.json", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("gone"), r.stderr)
        let findings = try XCTUnwrap(((try json(r.stdout)["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
        XCTAssertEqual(findings.count, entries.count)
        XCTAssertTrue(findings.allSatisfy { $0["baseline"] as? Bool == true })
        XCTAssertTrue(findings.allSatisfy { ($0["line"] as? Int ?? 0) > 3 })
        let text = try run(["lint", "project/techstack.yaml", "--today", "2026-06-30", "--baseline", "baseline.json"])
        XCTAssertTrue(text.stdout.contains("(in the baseline)"), text.stdout)
    }

    func testANewFindingFailsAndAFixedOneIsGoneFromTheBaseline() throws {
        let manifest = try write(Self.lintable, "project/techstack.yaml")
        _ = try run(["lint", "project/techstack.yaml", "--today", "2026-06-30", "--write-baseline", "baseline.json"])
        // SOAP fixed, Google Analytics added: one entry gone, one new error.
        try Self.lintable.replacingOccurrences(of: "api-style: soap", with: "api-style: rest-json\n  analytics: google-analytics")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        var r = try run(["lint", "project/techstack.yaml", "--today", "2026-06-30", "--baseline", "baseline.json", "--fail-on", "warning"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("baseline entry is gone") || r.stderr.contains("baseline entries are gone"), r.stderr)
        XCTAssertTrue(r.stderr.contains("gone: project/techstack.yaml: recommended-choice (api-style)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("not in the baseline"), r.stderr)

        // Rewriting with the old baseline keeps only what is still found: it never grows.
        r = try run(["lint", "project/techstack.yaml", "--today", "2026-06-30", "--baseline", "baseline.json", "--write-baseline", "baseline.json", "--fail-on", "never"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rewritten = try json(String(contentsOf: root.appendingPathComponent("baseline.json"), encoding: .utf8))
        let rules = try XCTUnwrap(rewritten["findings"] as? [[String: Any]]).map { $0["concern"] as? String }
        XCTAssertFalse(rules.contains("api-style"))
        XCTAssertFalse(rules.contains("analytics"), "the new finding is not added")
    }

    func testAnUnusableBaselineExitsTwo() throws {
        try write(Self.lintable, "project/techstack.yaml")
        try write("{\"version\": 7, \"findings\": []}", "baseline.json")
        let r = try run(["lint", "project/techstack.yaml", "--baseline", "baseline.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("baseline.json:1:1: error: baseline version 7"), r.stderr)
    }

    // MARK: grants

    static let grantsProject = """
    techstack: 1
    project: flat-eligibility
    agency: hdb
    \(choices)
    consumes: [myinfo-person, myinfo-cpf, myinfo-housing, hdb-resale-prices, weather-readings]
    grants:
      ica: ICA-GR-1
    """

    func testGrantsGivesEachDatasetItsStatusPerSourceAgency() throws {
        try write(Self.grantsProject, "portfolio/hdb/flat/techstack.yaml")
        try write(Self.soap, "portfolio/hdb/parking/techstack.yaml")
        var r = try run(["grants", "portfolio", "--format", "json"])
        XCTAssertEqual(r.status, 0, "missing grants alone do not fail the run: \(r.stderr)")
        let document = try json(r.stdout)
        let projects = try XCTUnwrap(document["projects"] as? [[String: Any]])
        let flat = try XCTUnwrap(projects.first { $0["project"] as? String == "flat-eligibility" })
        var status: [String: String] = [:]
        for group in try XCTUnwrap(flat["agencies"] as? [[String: Any]]) {
            for item in try XCTUnwrap(group["datasets"] as? [[String: Any]]) {
                status["\(group["agency"] ?? "")/\(item["dataset"] ?? "")"] = item["status"] as? String
            }
        }
        XCTAssertEqual(status, ["ica/myinfo-person": "granted", "cpfb/myinfo-cpf": "missing", "hdb/myinfo-housing": "not-needed",
                                "hdb/hdb-resale-prices": "not-needed", "nea/weather-readings": "not-needed"])
        let waits = try XCTUnwrap(document["waits"] as? [[String: Any]])
        let ica = try XCTUnwrap(waits.first { $0["agency"] as? String == "ica" })
        XCTAssertEqual(ica["projectsWaiting"] as? Int, 1, "the parking project waits on ICA")
        let cpfb = try XCTUnwrap(waits.first { $0["agency"] as? String == "cpfb" })
        XCTAssertEqual(cpfb["blockingReachable"] as? [[String: String]], [["path": "portfolio/hdb/flat/techstack.yaml", "dataset": "myinfo-cpf"]])
        XCTAssertNotNil((cpfb["grantProcess"] as? [String: Any])?["summary"])

        r = try run(["grants", "portfolio", "--fail-on-missing"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("myinfo-cpf: missing (the data is otherwise reachable)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Projects waiting per agency"))
        let md = try run(["grants", "portfolio", "--format", "markdown"])
        XCTAssertTrue(md.stdout.hasPrefix("# Grant plan"))
    }

    func testGrantsListsItsFormatsInHelpAndRefusesAnUnknownOne() throws {
        let help = try run(["grants", "--help"])
        XCTAssertTrue(help.stdout.contains("text, markdown, json"), help.stdout)
        let r = try run(["grants", "--format", "yaml"])
        XCTAssertEqual(r.status, 2)
    }
}

import Foundation
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// One assessment of a project: for every manifest of the example portfolio, what
/// `lint --format json --show-suppressed` reports and what the scorecard counts agree on
/// deviations, unreachable data and missing grants — through the real binary.
final class AssessmentAgreementTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testLintAndScorecardAgreeOnEveryPortfolioManifest() throws {
        let portfolio = "examples/portfolio"
        let score = try Binary.run(["scorecard", portfolio, "--format", "json", "--today", "2026-12-01"], in: root)
        XCTAssertNotEqual(score.status, 2, score.stderr)
        let card = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let projects = try XCTUnwrap(card["projects"] as? [[String: Any]])
        XCTAssertEqual(projects.count, 50)
        let paths = projects.compactMap { $0["path"] as? String }
        let lint = try Binary.run(["lint"] + paths + ["--format", "json", "--show-suppressed", "--today", "2026-12-01"], in: root)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        var byPath: [String: [[String: Any]]] = [:]
        for file in files {
            let path = try XCTUnwrap(file["path"] as? String)
            byPath[path] = (file["findings"] as? [[String: Any]] ?? []) + (file["suppressed-findings"] as? [[String: Any]] ?? [])
        }
        var compared = 0
        for project in projects {
            let path = try XCTUnwrap(project["path"] as? String)
            let findings = try XCTUnwrap(byPath[path], "lint reports \(path)")
            func of(_ rule: String, _ key: String) -> [String] {
                findings.filter { $0["rule"] as? String == rule }.compactMap { $0[key] as? String }.sorted()
            }
            let deviations = (project["deviations"] as? [[String: Any]] ?? []).compactMap { $0["concern"] as? String }.sorted()
            // A free deviation is a finding too, at severity-when-free; none is turned off by default.
            XCTAssertEqual(of("recommended-choice", "concern"), deviations, "\(path): deviations")
            XCTAssertEqual(of("unreachable-data", "dataset"), (project["unreachable"] as? [String] ?? []).sorted(), "\(path): unreachable data")
            let grants = (project["missingGrants"] as? [[String: Any]] ?? []).compactMap { $0["dataset"] as? String }.sorted()
            XCTAssertEqual(of("missing-grant", "dataset"), grants, "\(path): missing grants")
            compared += 1
        }
        XCTAssertEqual(compared, 50)
    }

    func testADatasetConsumedTwiceIsOneFindingAndOneCount() throws {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let linter = Linter(catalogue: catalogue, rules: Fixtures.rules, today: try XCTUnwrap(Day("2026-12-01")))
        let text = "techstack: 1\nproject: x\nagency: hdb\nconsumes: [myinfo-person, myinfo-person]\n"
        guard case .success(let manifest) = ManifestLoader.load(InputFile(path: "m.yaml", text: text)) else { return XCTFail("loads") }
        let assessment = linter.assess(manifest)
        XCTAssertEqual(assessment.unreachable.map(\.dataset.value), ["myinfo-person"])
        let result = linter.lint(manifest, assessment: assessment)
        XCTAssertEqual(result.findings.filter { $0.rule == "unreachable-data" }.count, 1)
        XCTAssertEqual(result.findings.filter { $0.rule == "missing-grant" }.count, 1)
        let row = ScorecardMetrics(catalogue: catalogue, reach: linter.reach, today: linter.today).score(manifest, assessment: assessment)
        XCTAssertEqual(row.unreachable, ["myinfo-person"])
        XCTAssertEqual(row.missingGrants.map(\.dataset), ["myinfo-person"])
    }
}

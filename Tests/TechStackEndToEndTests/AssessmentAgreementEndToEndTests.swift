import Foundation
import TechStackTestSupport
import XCTest

/// One assessment of a project: for every manifest of the example portfolio, what
/// `lint --format json --show-suppressed` reports and what the scorecard counts agree on
/// deviations, unreachable data and missing grants, and the grant plan agrees on missing
/// grants and unreachable data — through the real binary.
final class AssessmentAgreementEndToEndTests: XCTestCase {
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
        let plan = try Binary.run(["grants", portfolio, "--format", "json"], in: root)
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let planJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        var planned: [String: [[String: Any]]] = [:]
        for project in try XCTUnwrap(planJSON["projects"] as? [[String: Any]]) {
            let path = try XCTUnwrap(project["path"] as? String)
            planned[path] = (project["agencies"] as? [[String: Any]] ?? []).flatMap { $0["datasets"] as? [[String: Any]] ?? [] }
        }
        XCTAssertEqual(planned.count, 50)
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
            let items = try XCTUnwrap(planned[path], "the grant plan lists \(path)")
            let planMissing = items.filter { $0["status"] as? String == "missing" }.compactMap { $0["dataset"] as? String }.sorted()
            XCTAssertEqual(planMissing, grants, "\(path): the grant plan's missing grants")
            let planUnreachable = items.filter { $0["reachable"] as? Bool == false }.compactMap { $0["dataset"] as? String }.sorted()
            XCTAssertEqual(planUnreachable, (project["unreachable"] as? [String] ?? []).sorted(), "\(path): the grant plan's unreachable data")
            compared += 1
        }
        XCTAssertEqual(compared, 50)
    }
}

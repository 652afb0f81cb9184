import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// The changes made for speed keep the output exactly what it was: work is remembered,
/// never approximated. (Speed itself is measured by `bench/run`, not by tests.)
final class ScalingTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func linter() throws -> Linter {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let rules = try XCTUnwrap(RuleSet.load(builtin: Builtin.ruleFiles, added: []).ruleSet)
        return Linter(catalogue: catalogue, rules: rules, today: try XCTUnwrap(Day("2026-11-24")))
    }

    /// Remembered costs are keyed by the deviations, whatever order they are written in.
    func testRememberedCostsDoNotDependOnTheOrderOfAnswers() throws {
        let reach = try linter().reach
        let first = reach.totalCost(["api-style": ["soap", "amqp"], "citizen-identity": ["corppass"]])
        XCTAssertFalse(first.isEmpty)
        XCTAssertEqual(reach.totalCost(["citizen-identity": ["corppass"], "api-style": ["amqp", "soap"]]), first)
        XCTAssertEqual(reach.cost(ofDeviation: "api-style", to: ["amqp", "soap"]), reach.cost(ofDeviation: "api-style", to: ["soap", "amqp"]))
        XCTAssertNotEqual(reach.totalCost(["api-style": ["soap"]]), reach.totalCost(["citizen-identity": ["corppass"]]))
    }

    /// A suggestion is remembered per field and value: the same wrong id in another field
    /// gets that field's suggestion.
    func testRememberedSuggestionsBelongToTheirField() throws {
        let linter = try linter()
        let text = "techstack: 1\nproject: p\nagency: ica\nchoices:\n  api-style: rest-jsn\nconsumes: [myinfo-persn]\n"
        guard case .success(let manifest) = ManifestLoader.load(InputFile(path: "t.yaml", text: text)) else { return XCTFail("refused") }
        for _ in 0..<2 {
            let messages = linter.lint(manifest).findings.filter { $0.rule == "unknown-reference" }.map(\.message)
            XCTAssertTrue(messages.contains { $0.contains("'rest-jsn'") && $0.contains("did you mean 'rest-json'") }, "\(messages)")
            XCTAssertTrue(messages.contains { $0.contains("'myinfo-persn'") && $0.contains("did you mean 'myinfo-person'") }, "\(messages)")
        }
    }
}

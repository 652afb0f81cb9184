import XCTest
@testable import TechStackCore

/// Every example of every default rule, against the default catalogue: on a `pass` example
/// the rule stays silent, on a `fail` example it fires. Adding a rule adds its tests.
final class RuleExamplesTests: XCTestCase {
    func testEveryDefaultRuleKeepsItsExamples() throws {
        let loaded = CatalogueLoader.load(files: Builtin.catalogueFiles)
        let catalogue = try XCTUnwrap(loaded.catalogue, "the built-in catalogue is missing")
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        let rules = Fixtures.rules
        // The examples are judged on the real date, so their far-past and far-future expiry
        // dates work the same for a user who copies them into `techstack lint`.
        let linter = Linter(catalogue: catalogue, rules: rules, today: try today())
        XCTAssertEqual(Set(rules.rules.map(\.kind)), Set(RuleKind.allCases), "one default rule of every kind")

        for rule in rules.rules {
            XCTAssertEqual(rule.id, rule.kind.rawValue, "a default rule's id is its kind")
            XCTAssertGreaterThanOrEqual(rule.examples.pass.count, 2, "\(rule.id): at least two pass examples")
            XCTAssertGreaterThanOrEqual(rule.examples.fail.count, 2, "\(rule.id): at least two fail examples")
            for (index, example) in rule.examples.pass.enumerated() {
                let result = linter.lint(InputFile(path: "\(rule.id) pass[\(index)]", text: example))
                XCTAssertEqual(result.errors, [], "\(rule.id) pass[\(index)] is not a usable manifest")
                let fired = result.findings.filter { $0.rule == rule.id }
                XCTAssertEqual(fired.map(\.message), [], "\(rule.id) pass[\(index)]: the rule must stay silent")
                let unknown = result.findings.filter { $0.rule == "unknown-reference" }
                if rule.kind != .unknownReference {
                    XCTAssertEqual(unknown.map(\.message), [], "\(rule.id) pass[\(index)] names ids the default catalogue lacks")
                }
            }
            for (index, example) in rule.examples.fail.enumerated() {
                let result = linter.lint(InputFile(path: "\(rule.id) fail[\(index)]", text: example))
                XCTAssertEqual(result.errors, [], "\(rule.id) fail[\(index)] is not a usable manifest")
                XCTAssertTrue(result.findings.contains { $0.rule == rule.id }, "\(rule.id) fail[\(index)]: the rule must fire")
                if rule.kind != .unknownReference {
                    let unknown = result.findings.filter { $0.rule == "unknown-reference" }
                    XCTAssertEqual(unknown.map(\.message), [], "\(rule.id) fail[\(index)] names ids the default catalogue lacks")
                }
            }
        }
    }

    private func today() throws -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return try XCTUnwrap(Day(text))
    }
}

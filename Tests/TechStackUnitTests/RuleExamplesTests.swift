import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

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
                let result = try lint(linter, rule, example, files: rule.examples.passFiles, index, "pass")
                XCTAssertEqual(result.errors, [], "\(rule.id) pass[\(index)] is not a usable manifest")
                let fired = result.findings.filter { $0.rule == rule.id }
                XCTAssertEqual(fired.map(\.message), [], "\(rule.id) pass[\(index)]: the rule must stay silent")
                let unknown = result.findings.filter { $0.rule == "unknown-reference" }
                if rule.kind != .unknownReference {
                    XCTAssertEqual(unknown.map(\.message), [], "\(rule.id) pass[\(index)] names ids the default catalogue lacks")
                }
            }
            for (index, example) in rule.examples.fail.enumerated() {
                let result = try lint(linter, rule, example, files: rule.examples.failFiles, index, "fail")
                XCTAssertEqual(result.errors, [], "\(rule.id) fail[\(index)] is not a usable manifest")
                XCTAssertTrue(result.findings.contains { $0.rule == rule.id }, "\(rule.id) fail[\(index)]: the rule must fire")
                if rule.kind != .unknownReference {
                    let unknown = result.findings.filter { $0.rule == "unknown-reference" }
                    XCTAssertEqual(unknown.map(\.message), [], "\(rule.id) fail[\(index)] names ids the default catalogue lacks")
                }
            }
        }
    }

    /// An example with repository files (or of a kind that compares manifest and code) is
    /// written to a temporary folder and linted with `--observe`'s observation of it.
    private func lint(_ linter: Linter, _ rule: Rule, _ manifest: String, files: [[String: String]], _ index: Int, _ kind: String) throws -> FileResult {
        let path = "\(rule.id) \(kind)[\(index)]"
        let repository = index < files.count ? files[index] : [:]
        guard !repository.isEmpty || rule.kind.needsObservation else {
            return linter.lint(InputFile(path: path, text: manifest))
        }
        let folder = try Binary.makeTemporaryDirectory(prefix: "rule-example")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (relative, text) in repository {
            let url = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("techstack.yaml"))
        let observation = try Detector(catalogue: linter.catalogue).scan(folder.path)
        return linter.lint(InputFile(path: path, text: manifest), observed: DetectResult(observation, catalogue: linter.catalogue))
    }

    private func today() throws -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return try XCTUnwrap(Day(text))
    }
}

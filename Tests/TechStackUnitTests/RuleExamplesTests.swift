import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Every example of every default rule, against the default catalogue: on a `pass` example
/// the rule stays silent, on a `fail` example it fires exactly where the example's position
/// markers (`↓`) say. Adding a rule adds its tests.
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
        XCTAssertEqual(Set(RuleKind.allCases.map(\.rawValue)).count, RuleKind.allCases.count, "kind ids are unique")

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
                if rule.kind != RuleKind.UnknownReference.kind {
                    XCTAssertEqual(unknown.map(\.message), [], "\(rule.id) pass[\(index)] names ids the default catalogue lacks")
                }
            }
            for (index, example) in rule.examples.fail.enumerated() {
                let result = try lint(linter, rule, example, files: rule.examples.failFiles, index, "fail")
                XCTAssertEqual(result.errors, [], "\(rule.id) fail[\(index)] is not a usable manifest")
                XCTAssertTrue(result.findings.contains { $0.rule == rule.id }, "\(rule.id) fail[\(index)]: the rule must fire")
                for problem in Self.markProblems(rule, index, result) { XCTFail(problem) }
                if rule.kind != RuleKind.UnknownReference.kind {
                    let unknown = result.findings.filter { $0.rule == "unknown-reference" }
                    XCTAssertEqual(unknown.map(\.message), [], "\(rule.id) fail[\(index)] names ids the default catalogue lacks")
                }
            }
        }
    }

    /// What is wrong with the position markers of `rule`'s fail example `index`, given its
    /// lint result: none, a marker where the rule reports nothing, or a finding not marked.
    static func markProblems(_ rule: Rule, _ index: Int, _ result: FileResult) -> [String] {
        let marks = index < rule.examples.failMarks.count ? rule.examples.failMarks[index] : []
        let fired = result.findings.filter { $0.rule == rule.id }.map(\.mark)
        let at = { (marks: [Mark]) in marks.map { "\($0.line):\($0.column)" }.joined(separator: ", ") }
        guard !marks.isEmpty else {
            return ["\(rule.id) fail[\(index)]: no position marker '↓'; the rule reports at \(at(fired))"]
        }
        var problems: [String] = []
        for mark in marks where !fired.contains(mark) {
            problems.append("\(rule.id) fail[\(index)]: marked at \(at([mark])), but the rule reports at \(at(fired))")
        }
        for mark in fired where !marks.contains(mark) {
            problems.append("\(rule.id) fail[\(index)]: the rule also reports at \(at([mark])), which is not marked")
        }
        return problems
    }

    func testAMisplacedOrMissingMarkerIsReportedWithTheRuleAndExample() throws {
        let rules = Fixtures.rules
        var rule = try XCTUnwrap(rules["unknown-key"])
        rule.examples = try XCTUnwrap(RuleSet.load(builtin: Builtin.ruleFiles, added: [InputFile(path: "r.yaml", text: """
        rules:
          - id: unknown-key
            examples:
              fail:
                - |
                  techstack: 1
                  project: p
                  agency: ica
                  ↓colour: blue
                - |
                  techstack: 1
                  project: p
                  agency: ica
                  colour: ↓blue
                - |
                  techstack: 1
                  project: p
                  agency: ica
                  colour: blue
        """)]).ruleSet?["unknown-key"]).examples
        XCTAssertEqual(rule.examples.fail[0], "techstack: 1\nproject: p\nagency: ica\ncolour: blue\n", "the marker is taken out")
        XCTAssertEqual(rule.examples.failMarks, [[Mark(line: 4, column: 1)], [Mark(line: 4, column: 9)], []])
        let linter = Fixtures.linter(rules: RuleSet(rules: [rule]))
        let results = rule.examples.fail.map { linter.lint(InputFile(path: "t.yaml", text: $0)) }
        XCTAssertEqual(Self.markProblems(rule, 0, results[0]), [])
        XCTAssertEqual(Self.markProblems(rule, 1, results[1]), [
            "unknown-key fail[1]: marked at 4:9, but the rule reports at 4:1",
            "unknown-key fail[1]: the rule also reports at 4:1, which is not marked",
        ])
        XCTAssertEqual(Self.markProblems(rule, 2, results[2]), ["unknown-key fail[2]: no position marker '↓'; the rule reports at 4:1"])
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

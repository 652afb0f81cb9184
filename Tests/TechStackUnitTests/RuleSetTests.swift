import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class RuleSetTests: XCTestCase {
    private func load(_ text: String) -> RuleSet.LoadResult {
        RuleSet.load(builtin: Builtin.ruleFiles, added: [InputFile(path: "team/rules.yaml", text: text)])
    }

    private func diagnostics(_ text: String) -> [Diagnostic] { load(text).diagnostics.items }

    func testBuiltinRulesHaveOneRuleOfEveryKindWithTheSpecSeverities() {
        let rules = Fixtures.rules
        let expected: [String: String] = [
            "recommended-choice": "error", "required-concern": "error", "unknown-reference": "error",
            "unknown-key": "warning", "deprecated-choice": "warning", "unreachable-data": "error",
            "missing-grant": "error", "sharing-by-default": "warning", "consent-required": "warning",
            "expired-exemption": "error", "funding-notice": "info",
            "undeclared-choice": "warning", "unobserved-choice": "info",
        ]
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rules.rules.map { ($0.id, $0.severityText) }), expected)
        XCTAssertEqual(rules["recommended-choice"]?[parameters: RuleKind.RecommendedChoice.self]?.severityWhenFree, .warning)
        XCTAssertEqual(rules["sharing-by-default"]?[parameters: RuleKind.SharingByDefault.self]?.concern?.value, "api-gateway")
        XCTAssertEqual(rules["expired-exemption"]?[parameters: RuleKind.ExpiredExemption.self]?.warnDays, 30)
        XCTAssertTrue(rules.rules.allSatisfy { !$0.summary.isEmpty && !$0.rationale.isEmpty })
    }

    func testARuleWithADefaultIdReplacesItKeepingWhatItLeavesOut() throws {
        let result = load("rules:\n  - id: missing-grant\n    severity: warning\n")
        let rules = try XCTUnwrap(result.ruleSet, "\(result.diagnostics)")
        let rule = try XCTUnwrap(rules["missing-grant"])
        XCTAssertEqual(rule.severity, .warning)
        XCTAssertEqual(rule.kind, RuleKind.MissingGrant.kind)
        XCTAssertEqual(rule.summary, Fixtures.rules["missing-grant"]?.summary)
        XCTAssertEqual(rule.origin.path, "team/rules.yaml")
        XCTAssertEqual(rules.rules.count, Fixtures.rules.rules.count)
    }

    func testSeverityOffDisablesARule() throws {
        let rules = try XCTUnwrap(load("rules:\n  - {id: funding-notice, severity: off}\n").ruleSet)
        XCTAssertTrue(rules["funding-notice"]?.isOff ?? false)
        XCTAssertFalse(rules.active.contains { $0.id == "funding-notice" })
    }

    func testASecondRuleOfAKindIsAdded() throws {
        let result = load("""
        rules:
          - id: share-open-data
            kind: sharing-by-default
            severity: info
            concern: open-data
            summary: Publish produced data as open data too.
            rationale: Open data is reused beyond government.
        """)
        let rules = try XCTUnwrap(result.ruleSet, "\(result.diagnostics)")
        XCTAssertEqual(rules.rules.filter { $0.kind == RuleKind.SharingByDefault.kind }.map(\.id), ["sharing-by-default", "share-open-data"])
        XCTAssertEqual(rules["share-open-data"]?[parameters: RuleKind.SharingByDefault.self]?.concern?.value, "open-data")
    }

    func testAPositionMarkerInAPassExampleIsWarnedAndTakenOut() throws {
        let result = load("rules:\n  - id: unknown-key\n    examples:\n      pass:\n        - \"techstack: 1\\n↓project: p\\n\"\n")
        let rule = try XCTUnwrap(result.ruleSet?["unknown-key"], "\(result.diagnostics)")
        XCTAssertEqual(rule.examples.pass, ["techstack: 1\nproject: p\n"])
        XCTAssertEqual(result.diagnostics.warnings.map(\.mark), [Mark(line: 5, column: 11)])
        XCTAssertTrue(result.diagnostics.warnings.contains { $0.message.contains("a pass example marks no finding") }, "\(result.diagnostics)")
    }

    func testUnknownKindIsAnErrorNamingTheNearestKind() {
        let found = diagnostics("rules:\n  - {id: x, kind: recomended-choice, severity: error, summary: s, rationale: r}\n")
        XCTAssertTrue(found.contains { $0.severity == .error && $0.message.contains("did you mean 'recommended-choice'?") && $0.mark == Mark(line: 2, column: 19) }, "\(found)")
        XCTAssertNil(load("rules:\n  - {id: x, kind: nope, severity: error, summary: s, rationale: r}\n").ruleSet)
    }

    func testUnknownFieldIsAWarningWithTheNearestName() throws {
        let result = load("rules:\n  - id: funding-notice\n    severity: info\n    sumary: typo\n")
        XCTAssertNotNil(result.ruleSet)
        let warning = try XCTUnwrap(result.diagnostics.warnings.first)
        XCTAssertEqual(warning.mark, Mark(line: 4, column: 5))
        XCTAssertTrue(warning.message.contains("did you mean 'summary'?"), warning.message)
    }

    func testParameterOfAnotherKindIsWarned() throws {
        let result = load("rules:\n  - id: funding-notice\n    warn-days: 10\n")
        XCTAssertTrue(result.diagnostics.warnings.contains { $0.message.contains("parameter of expired-exemption rules") })
    }

    func testBadParametersAreLocatedErrors() {
        let cases: [(String, Mark, String)] = [
            ("rules:\n  - {id: expired-exemption, warn-days: soon}\n", Mark(line: 2, column: 40), "whole number"),
            ("rules:\n  - {id: expired-exemption, warn-days: -1}\n", Mark(line: 2, column: 40), "zero or more"),
            ("rules:\n  - {id: recommended-choice, severity-when-free: loud}\n", Mark(line: 2, column: 50), "one of error, warning, info, off"),
            ("rules:\n  - {id: unknown-key, severity: fatal}\n", Mark(line: 2, column: 33), "one of error, warning, info, off"),
            ("rules:\n  - {id: new-rule, severity: error}\n", Mark(line: 2, column: 5), "required field 'kind'"),
            ("rules:\n  - {id: Bad_Id, kind: unknown-key, severity: error, summary: s, rationale: r}\n", Mark(line: 2, column: 10), "must match"),
            ("rules: {a: b}\n", Mark(line: 1, column: 8), "must be a list"),
            ("rules:\n  - {id: unknown-key, examples: {pass: [{a: b}]}}\n", Mark(line: 2, column: 41), "manifest written as text"),
        ]
        for (text, mark, words) in cases {
            let found = load(text)
            XCTAssertNil(found.ruleSet, text)
            XCTAssertTrue(found.diagnostics.errors.contains { $0.mark == mark && $0.message.contains(words) && $0.path == "team/rules.yaml" },
                          "\(text): expected '\(words)' at \(mark), got \(found.diagnostics)")
        }
    }

    func testDuplicateIdInAddedFilesIsAnError() {
        let found = load("rules:\n  - {id: funding-notice, severity: off}\n  - {id: funding-notice, severity: info}\n")
        XCTAssertNil(found.ruleSet)
        XCTAssertTrue(found.diagnostics.errors.contains { $0.message.contains("duplicate rule id 'funding-notice'") })
    }

    func testSharingConcernMustBeAConcernOfTheCatalogue() throws {
        let rules = try XCTUnwrap(load("rules:\n  - id: sharing-by-default\n    concern: api-gateways\n").ruleSet)
        let problems = rules.problems(against: Fixtures.catalogue)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.mark, Mark(line: 3, column: 14))
        XCTAssertTrue(problems.first?.message.contains("did you mean 'api-gateway'?") ?? false)
        XCTAssertEqual(Fixtures.rules.problems(against: Fixtures.catalogue), [])
    }
}

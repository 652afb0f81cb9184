// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
import Foundation
import TechStackLint
import TechStackModel

/// Hand-built lint reports for reporter tests, including text a hostile manifest could carry.
public enum ReportFixtures {
    public static let catalogue = CatalogueInfo(name: "Singapore Government Tech Stack", publisher: "GovTech", version: "2026.11")

    public static let hostile = "<script>alert(1)</script> | *bold* _x_ `code` [link](http://evil) %0A 100% ]]> {0} \\ & 'q' \"dq\"\nsecond line\r\n::error::injected\u{1B}[31mred\u{07}\u{0}"

    public static let rules = [
        RuleDescription(id: "recommended-choice", kind: RuleKind.RecommendedChoice.kind, severity: .error,
                        summary: "Answer each concern with a recommended choice",
                        rationale: "A deviation forfeits shared data that only the recommended standards reach."),
        RuleDescription(id: "unknown-key", kind: RuleKind.UnknownKey.kind, severity: .warning,
                        summary: "Only keys the manifest format knows",
                        rationale: "A misspelt key is silently ignored otherwise."),
        RuleDescription(id: "funding-notice", kind: RuleKind.FundingNotice.kind, severity: .info,
                        summary: "Charged components", rationale: "Budget for per-use charges."),
        RuleDescription(id: "consent-required", kind: RuleKind.ConsentRequired.kind, severity: nil,
                        summary: "Consent for private-sector use", rationale: "Consent must be collected per person."),
    ]

    public static func deviation(line: Int = 7, column: Int = 14, message: String = "api-style is answered with soap; recommended: rest-json") -> Finding {
        Finding(rule: "recommended-choice", severity: .error, message: message,
                mark: Mark(line: line, column: column), concern: "api-style", choice: ["soap"],
                recommended: ["rest-json"], cost: [CostItem(dataset: "myinfo-person", source: "ica")])
    }

    public static func unknownKey(_ key: String = "colour") -> Finding {
        Finding(rule: "unknown-key", severity: .warning, message: "unknown key '\(key)'; did you mean 'choices'?",
                mark: Mark(line: 3, column: 1))
    }

    public static func notice() -> Finding {
        Finding(rule: "funding-notice", severity: .info, message: "apex is charged per use", mark: Mark(line: 9, column: 20))
    }

    public static func suppressed(reason: String = "Partner X only speaks SOAP until 2027") -> Finding {
        var finding = deviation(line: 8, column: 3)
        finding.exemption = reason
        return finding
    }

    public static func report(_ files: [FileResult]) -> LintReport {
        LintReport(catalogue: catalogue, files: files)
    }

    public static func context(workingDirectory: String = "/work/project", showSuppressed: Bool = false) -> ReportContext {
        ReportContext(rules: rules, workingDirectory: workingDirectory, showSuppressed: showSuppressed)
    }

    /// One manifest with one finding of each severity and one suppressed finding.
    public static var mixed: LintReport {
        report([FileResult(path: "techstack.yaml", findings: [unknownKey(), deviation(), notice()],
                           suppressed: [suppressed()])])
    }

    /// A manifest whose every text field carries `hostile`.
    public static var hostileReport: LintReport {
        var finding = deviation(message: hostile)
        finding.rule = "recommended-choice"
        finding.concern = hostile
        finding.choice = [hostile]
        finding.cost = [CostItem(dataset: hostile, source: hostile)]
        var hidden = suppressed(reason: hostile)
        hidden.message = hostile
        var info = catalogue
        info.name = hostile
        info.version = hostile
        return LintReport(catalogue: info, files: [
            FileResult(path: "dir,with:odd%/" + "evil<x>|`*.yaml", findings: [finding], suppressed: [hidden]),
            FileResult(path: "broken.yaml", errors: [Diagnostic(path: "broken.yaml", mark: Mark(line: 2, column: 5), message: hostile)]),
        ])
    }
}
#endif

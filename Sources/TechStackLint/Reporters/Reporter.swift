import TechStackEvidence
import TechStackModel

/// What a reporter needs besides the findings.
public struct ReportContext: Sendable {
    /// The rules that ran, for help texts (SARIF rule metadata, JUnit, `explain`).
    public var rules: [RuleDescription]
    public var style: Style
    /// The directory paths are reported relative to (SARIF `uriBaseId`).
    public var workingDirectory: String
    /// Whether suppressed findings are listed (they are always counted).
    public var showSuppressed: Bool
    /// Leave suppressed findings out of SARIF (`--omit-suppressed`): GitHub code scanning
    /// ignores `suppressions` and would open an alert for each.
    public var omitSuppressed: Bool
    /// The lowest severity that fails the run (`--fail-on`; nil for `never`): JUnit counts a
    /// failure only for findings at or above it.
    public var failOn: Severity?
    /// Where the full report can be had, named when a format shows only part of it (GitHub
    /// annotations past the limit).
    public var fullReportHint: String?

    public init(rules: [RuleDescription], style: Style = .plain, workingDirectory: String, showSuppressed: Bool = false,
                omitSuppressed: Bool = false, failOn: Severity? = .error, fullReportHint: String? = nil) {
        self.rules = rules
        self.style = style
        self.workingDirectory = workingDirectory
        self.showSuppressed = showSuppressed
        self.omitSuppressed = omitSuppressed
        self.failOn = failOn
        self.fullReportHint = fullReportHint
    }
}

/// One output format of `lint`, one file per format (`--format IDENTIFIER`).
public protocol Reporter {
    static var identifier: String { get }
    static func generateReport(_ report: LintReport, context: ReportContext) -> String
}

/// What a reporter needs besides the findings.
public struct ReportContext: Sendable {
    /// The rules that ran, for help texts (SARIF rule metadata, JUnit, `explain`).
    public var rules: [RuleDescription]
    public var style: Style
    /// The directory paths are reported relative to (SARIF `uriBaseId`).
    public var workingDirectory: String
    /// Whether suppressed findings are listed (they are always counted).
    public var showSuppressed: Bool

    public init(rules: [RuleDescription], style: Style = .plain, workingDirectory: String, showSuppressed: Bool = false) {
        self.rules = rules
        self.style = style
        self.workingDirectory = workingDirectory
        self.showSuppressed = showSuppressed
    }
}

/// A rule as reporters describe it.
public struct RuleDescription: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var severity: String
    public var summary: String
    public var rationale: String

    public init(id: String, kind: String, severity: String, summary: String, rationale: String) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
    }
}

/// One output format of `lint`, one file per format (`--format IDENTIFIER`).
public protocol Reporter {
    static var identifier: String { get }
    static func generateReport(_ report: LintReport, context: ReportContext) -> String
}

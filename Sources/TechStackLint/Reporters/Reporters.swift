import TechStackEvidence
import TechStackModel

/// Every `lint` output format, by `--format` identifier. One line per reporter.
public enum Reporters {
    public static var all: [any Reporter.Type] { Choice.allCases.map(\.reporter) }

    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// `lint --format`: one case per reporter, so a wrong value is refused by the parser and
    /// every value shows in `--help`.
    public enum Choice: String, CaseIterable, Sendable {
        case text, json, sarif, github, junit, markdown

        public var reporter: any Reporter.Type {
            switch self {
            case .text: TextReporter.self
            case .json: JSONReporter.self
            case .sarif: SARIFReporter.self
            case .github: GitHubReporter.self
            case .junit: JUnitReporter.self
            case .markdown: MarkdownReporter.self
            }
        }
    }
}

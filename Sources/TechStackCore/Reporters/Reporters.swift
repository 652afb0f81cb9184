/// Every `lint` output format, by `--format` identifier. One line per reporter.
public enum Reporters {
    public static var all: [any Reporter.Type] {
        [
            TextReporter.self,
            JSONReporter.self,
            SARIFReporter.self,
            GitHubReporter.self,
            JUnitReporter.self,
            MarkdownReporter.self,
        ]
    }

    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }
}

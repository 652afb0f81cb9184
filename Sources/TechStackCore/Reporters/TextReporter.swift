/// `path:line:col: severity: message [rule]`, one finding a line, each cost on an indented
/// `cost:` line, then a summary. Text from manifests is escaped for the terminal.
public struct TextReporter: Reporter {
    public static let identifier = "text"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        let style = context.style
        var lines: [String] = []
        for file in report.files {
            let path = Terminal.sanitize(file.path)
            for finding in file.findings {
                lines += self.lines(finding, path: path, style: style, suppressed: false)
            }
            if context.showSuppressed {
                for finding in file.suppressed {
                    lines += self.lines(finding, path: path, style: style, suppressed: true)
                }
            }
        }
        lines.append(summary(report, style: style))
        return lines.joined(separator: "\n") + "\n"
    }

    static func lines(_ finding: Finding, path: String, style: Style, suppressed: Bool) -> [String] {
        let severity = suppressed ? style.dim(finding.severity.rawValue) : style.severity(finding.severity)
        var line = "\(style.bold("\(path):\(finding.line):\(finding.column):")) \(severity): \(Terminal.sanitize(finding.message)) \(style.dim("[\(Terminal.sanitize(finding.rule))]"))"
        if suppressed {
            line += style.dim(" (suppressed: \(Terminal.sanitize(finding.exemption ?? "exemption")))")
        }
        var out = [line]
        if let cost = finding.cost, !cost.isEmpty {
            let items = cost.map { "\($0.dataset) (source \($0.source))" }.joined(separator: ", ")
            out.append("    \(style.cyan("cost:")) \(Terminal.sanitize(items))")
        }
        for item in (finding.evidence ?? []).prefix(10) {
            out.append("    \(style.cyan("evidence:")) \(Terminal.sanitize(item.location))  \(Terminal.sanitize(item.signal))")
        }
        if let evidence = finding.evidence, evidence.count > 10 {
            out.append("    \(style.cyan("evidence:")) … and \(evidence.count - 10) more")
        }
        return out
    }

    /// "1 error, 2 warnings, 0 info, 1 suppressed in 1 file".
    static func summary(_ report: LintReport, style: Style) -> String {
        func count(_ n: Int, _ word: String, plural: String? = nil) -> String { "\(n) \(n == 1 ? word : plural ?? word + "s")" }
        let errors = report.count(.error), warnings = report.count(.warning), infos = report.count(.info)
        var text = [
            errors > 0 ? style.red(count(errors, "error")) : count(errors, "error"),
            warnings > 0 ? style.yellow(count(warnings, "warning")) : count(warnings, "warning"),
            "\(infos) info",
            "\(report.suppressedCount) suppressed",
        ].joined(separator: ", ")
        text += " in \(count(report.files.count, "file"))"
        let unusable = report.files.filter { !$0.errors.isEmpty }.count
        if unusable > 0 {
            text += " (\(unusable) could not be used; see the errors on standard error)"
        }
        return text
    }
}

import TechStackEvidence
import TechStackModel

/// `path:line:col: severity: message [rule]`, one finding a line, each cost on an indented
/// `cost:` line, then a summary. Built as `StyledText`: text from manifests is made safe as it enters, colour added last.
public struct TextReporter: Reporter {
    public static let identifier = "text"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        let style = context.style
        var lines: [StyledText] = []
        for file in report.files {
            for finding in file.findings {
                lines += self.lines(finding, path: file.path, style: style, suppressed: false)
            }
            if context.showSuppressed {
                for finding in file.suppressed {
                    lines += self.lines(finding, path: file.path, style: style, suppressed: true)
                }
            }
        }
        lines.append(summary(report, style: style))
        return style.render(lines.joined(separator: "\n")) + "\n"
    }

    static func lines(_ finding: Finding, path: String, style: Style, suppressed: Bool) -> [StyledText] {
        let severity = suppressed ? style.dim(finding.severity.rawValue) : style.severity(finding.severity)
        var line: StyledText = "\(style.bold("\(path):\(finding.line):\(finding.column):" as StyledText)) \(severity): \(finding.message) \(style.dim("[\(finding.rule)]" as StyledText))"
        if suppressed {
            line += style.dim(" (suppressed: \(finding.exemption ?? "exemption"))" as StyledText)
        }
        var out = [line]
        if let cost = finding.cost, !cost.isEmpty {
            out.append("    \(style.cyan("cost:")) \(CostText.list(cost))")
        }
        for item in (finding.evidence ?? []).prefix(10) {
            out.append("    \(style.cyan("evidence:")) \(item.location)  \(item.signal)")
        }
        if let evidence = finding.evidence, evidence.count > 10 {
            out.append("    \(style.cyan("evidence:")) … and \(evidence.count - 10) more")
        }
        return out
    }

    /// "1 error, 2 warnings, 0 info, 1 suppressed in 1 file".
    static func summary(_ report: LintReport, style: Style) -> StyledText {
        func count(_ n: Int, _ word: String, plural: String? = nil) -> String { "\(n) \(n == 1 ? word : plural ?? word + "s")" }
        let errors = report.count(.error), warnings = report.count(.warning), infos = report.count(.info)
        var text = [
            errors > 0 ? style.red(count(errors, "error")) : StyledText(count(errors, "error")),
            warnings > 0 ? style.yellow(count(warnings, "warning")) : StyledText(count(warnings, "warning")),
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

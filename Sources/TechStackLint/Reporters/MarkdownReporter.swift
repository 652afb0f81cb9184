import TechStackEvidence
import TechStackModel

/// GitHub-flavoured Markdown (`--format markdown`), for a pull-request comment or a job
/// summary: totals first, then one table of findings per manifest.
public enum MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        var out = "## techstack lint\n\n"
        out += "| Errors | Warnings | Info | Suppressed | Catalogue |\n"
        out += "| ---: | ---: | ---: | ---: | --- |\n"
        out += "| \(report.count(.error)) | \(report.count(.warning)) | \(report.count(.info)) "
            + "| \(report.suppressedCount) | \(Escape.markdown(report.catalogue.name)) \(Escape.markdown(report.catalogue.version)) |\n"
        for file in report.files {
            out += "\n### " + Escape.markdown(file.path) + "\n\n"
            if !file.errors.isEmpty {
                out += "This manifest could not be used:\n\n"
                for error in file.errors {
                    out += "- " + Escape.markdown("\(error.path):\(error.mark.line):\(error.mark.column): \(error.message)") + "\n"
                }
                continue
            }
            if file.findings.isEmpty {
                out += "No findings"
                out += file.suppressed.isEmpty ? ".\n" : " (\(file.suppressed.count) suppressed by exemptions).\n"
            } else {
                out += table(file.findings, path: file.path, suppressed: false)
            }
            if context.showSuppressed && !file.suppressed.isEmpty {
                out += "\nSuppressed by exemptions:\n\n"
                out += table(file.suppressed, path: file.path, suppressed: true)
            }
        }
        return out
    }

    static func table(_ findings: [Finding], path: String, suppressed: Bool) -> String {
        var out = "| Location | Severity | Rule | Message | Cost |" + (suppressed ? " Exemption |" : "") + "\n"
        out += "| --- | --- | --- | --- | --- |" + (suppressed ? " --- |" : "") + "\n"
        for finding in findings {
            var cells = [
                Escape.markdown("\(path):\(finding.line):\(finding.column)"),
                finding.severity.rawValue,
                Escape.markdown(finding.rule),
                Escape.markdown(finding.message),
                Escape.markdown(finding.costText ?? "none"),
            ]
            if suppressed { cells.append(Escape.markdown(finding.exemption ?? "")) }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

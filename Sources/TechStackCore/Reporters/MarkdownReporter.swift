/// GitHub-flavoured Markdown (`--format markdown`), for a pull-request comment or a job
/// summary: totals first, then one table of findings per manifest.
public enum MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        var out = "## techstack lint\n\n"
        out += "| Errors | Warnings | Info | Suppressed | Catalogue |\n"
        out += "| ---: | ---: | ---: | ---: | --- |\n"
        out += "| \(report.count(.error)) | \(report.count(.warning)) | \(report.count(.info)) "
            + "| \(report.suppressedCount) | \(escape(report.catalogue.name)) \(escape(report.catalogue.version)) |\n"
        for file in report.files {
            out += "\n### " + escape(file.path) + "\n\n"
            if !file.errors.isEmpty {
                out += "This manifest could not be used:\n\n"
                for error in file.errors {
                    out += "- " + escape("\(error.path):\(error.mark.line):\(error.mark.column): \(error.message)") + "\n"
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
                escape("\(path):\(finding.line):\(finding.column)"),
                finding.severity.rawValue,
                escape(finding.rule),
                escape(finding.message),
                escape(finding.costText ?? "none"),
            ]
            if suppressed { cells.append(escape(finding.exemption ?? "")) }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Text from a manifest or catalogue, inert inside a table cell or a heading: every
    /// character Markdown or HTML would act on is backslash-escaped, line breaks become `<br>`
    /// (a raw one would end the table row), and other control characters are made visible.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$", "#":
                out += "\\" + String(character)
            case "\r\n", "\r", "\n", "\u{2028}", "\u{2029}":
                out += "<br>"
            default:
                out += Terminal.sanitize(String(character))
            }
        }
        return out
    }
}

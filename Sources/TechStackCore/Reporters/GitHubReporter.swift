/// GitHub Actions workflow commands (`--format github`): each finding becomes an annotation
/// on the manifest line in the pull request (`::error file=…,line=…,col=…,title=…::message`).
public enum GitHubReporter: Reporter {
    public static let identifier = "github"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        var lines: [String] = []
        for file in report.files {
            for error in file.errors {
                lines.append(command("error", path: error.path, mark: error.mark,
                                     title: "techstack: manifest could not be used", message: error.message))
            }
            for finding in file.findings {
                lines.append(command(level(finding.severity), path: file.path, mark: finding.mark,
                                     title: finding.rule, message: text(finding)))
            }
            if context.showSuppressed {
                for finding in file.suppressed {
                    let reason = finding.exemption.map { "suppressed by exemption: " + $0 } ?? "suppressed by an exemption"
                    lines.append(command("notice", path: file.path, mark: finding.mark,
                                         title: finding.rule + " (suppressed)", message: text(finding) + "\n" + reason))
                }
            }
        }
        let catalogue = report.catalogue
        lines.append(escapeData(
            "techstack: \(report.count(.error)) error(s), \(report.count(.warning)) warning(s), "
                + "\(report.count(.info)) info, \(report.suppressedCount) suppressed "
                + "(catalogue \(catalogue.name) \(catalogue.version))"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    static func text(_ finding: Finding) -> String {
        finding.message + (finding.costText.map { "\ncost: " + $0 } ?? "")
    }

    static func command(_ name: String, path: String, mark: Mark, title: String, message: String) -> String {
        let properties = [
            "file=" + escapeProperty(path),
            "line=\(max(1, mark.line))",
            "col=\(max(1, mark.column))",
            "title=" + escapeProperty(title),
        ]
        return "::\(name) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// A command's message: GitHub decodes `%25`, `%0D`, `%0A`, so a line break in a manifest
    /// can never start a new workflow command. Other control characters are made visible.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return Terminal.sanitize(out)
    }

    /// A command property (`file=`, `title=`): also `:` and `,`, which end a property.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

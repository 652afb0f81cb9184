#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TechStackEvidence
import TechStackModel

/// GitHub Actions workflow commands (`--format github`): each finding becomes an annotation
/// on the manifest line in the pull request (`::error file=…,line=…,col=…,title=…::message`).
///
/// GitHub shows at most 10 annotations of each level per step and drops the rest, so this
/// writes at most 10 per level, the most severe and most costly first; when some are cut, one
/// closing `::notice::` (counted within the 10 notices) says how many were left out and where
/// the full report is. The totals follow as a plain log line.
public enum GitHubReporter: Reporter {
    public static let identifier = "github"

    /// GitHub's limit of annotations per level and step.
    public static let limitPerLevel = 10

    struct Annotation {
        var level: String
        var rank: Int
        var cost: Int
        var order: Int
        package var line: String
    }

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        var annotations: [Annotation] = []
        func add(_ level: String, rank: Int, cost: Int, _ line: String) {
            annotations.append(Annotation(level: level, rank: rank, cost: cost, order: annotations.count, line: line))
        }
        for file in report.files {
            for error in file.errors {
                add("error", rank: 3, cost: 0, command("error", path: error.path, mark: error.mark,
                                                       title: "techstack: manifest could not be used", message: error.message))
            }
            for finding in file.findings {
                add(level(finding.severity), rank: rank(finding.severity), cost: finding.cost?.count ?? 0,
                    command(level(finding.severity), path: file.path, mark: finding.mark, title: finding.rule, message: text(finding)))
            }
            if context.showSuppressed {
                for finding in file.suppressed {
                    let reason = finding.exemption.map { "suppressed by exemption: " + $0 } ?? "suppressed by an exemption"
                    add("notice", rank: -1, cost: finding.cost?.count ?? 0,
                        command("notice", path: file.path, mark: finding.mark,
                                title: finding.rule + " (suppressed)", message: text(finding) + "\n" + reason))
                }
            }
        }
        // Most severe, then most costly, then in report order.
        annotations.sort { ($1.rank, $1.cost, $0.order) < ($0.rank, $0.cost, $1.order) }
        var kept: [String: [String]] = [:]
        for annotation in annotations { kept[annotation.level, default: []].append(annotation.line) }
        let over = ["error", "warning", "notice"].reduce(0) { $0 + max(0, (kept[$1]?.count ?? 0) - limitPerLevel) }
        var lines: [String] = []
        var omitted = 0
        for level in ["error", "warning", "notice"] {
            let all = kept[level] ?? []
            // The closing notice is itself a notice: it takes one of the ten.
            let limit = level == "notice" && over > 0 ? limitPerLevel - 1 : limitPerLevel
            lines += all.prefix(limit)
            omitted += max(0, all.count - limit)
        }
        if omitted > 0 {
            let hint = context.fullReportHint ?? "run 'techstack lint --format text' on the same manifests"
            lines.append("::notice::" + escapeData(
                "techstack: \(omitted) finding(s) were left out: GitHub shows at most \(limitPerLevel) annotations per level. "
                    + "For the full report, \(hint)."))
        }
        let catalogue = report.catalogue
        lines.append(escapeData(
            "techstack: \(report.count(.error)) error(s), \(report.count(.warning)) warning(s), "
                + "\(report.count(.info)) info, \(report.suppressedCount) suppressed "
                + "(catalogue \(catalogue.name) \(catalogue.version))"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func rank(_ severity: Severity) -> Int {
        switch severity {
        case .error: 2
        case .warning: 1
        case .info: 0
        }
    }

    // MARK: - Job summary

    /// The Markdown appended to `$GITHUB_STEP_SUMMARY`: the Markdown report, or only its totals
    /// when the full one would pass GitHub's 1 MiB limit for a step's summary.
    public static func stepSummary(_ report: LintReport, context: ReportContext) -> String {
        let full = MarkdownReporter.generateReport(report, context: context)
        if full.utf8.count <= 900_000 { return full + "\n" }
        var totals = full.split(separator: "\n", maxSplits: 5, omittingEmptySubsequences: false).prefix(5).joined(separator: "\n")
        totals += "\n\nThe findings are too many for a job summary; " + Escape.markdown(context.fullReportHint ?? "run 'techstack lint --format text'") + ".\n\n"
        return totals
    }

    /// Appends `text` to the file at `path`, creating it if need be; never truncates or
    /// replaces it. A FIFO or device is written into as it is.
    public static func append(_ text: String, to path: String) throws(Diagnostic) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Diagnostic(path: path, mark: .start, message: "cannot append the job summary: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(path: path, mark: .start, message: "cannot append the job summary: \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    package static func text(_ finding: Finding) -> String {
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

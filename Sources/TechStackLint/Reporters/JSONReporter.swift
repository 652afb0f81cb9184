import TechStackEvidence
import TechStackModel

/// The README, "Linting a project" JSON shape. Beyond it: each file's suppressed findings (with the exemption's
/// reason) and, for a manifest that could not be used, its errors.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    struct Document: Encodable {
        var version = 1
        var catalogue: Catalogue
        var files: [File]
        var summary: Summary
    }

    struct Catalogue: Encodable {
        var name: String
        var version: String
    }

    struct File: Encodable {
        package var path: String
        var findings: [Finding]
        var suppressed: Int
        var suppressedFindings: [Finding]
        var errors: [FileError]?

        enum CodingKeys: String, CodingKey {
            case path, findings, suppressed, errors
            case suppressedFindings = "suppressed-findings"
        }
    }

    struct FileError: Encodable {
        package var line: Int
        var column: Int
        var message: String
    }

    struct Summary: Encodable {
        var error: Int
        var warning: Int
        var info: Int
        var suppressed: Int
    }

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        let files = report.files.map { file in
            File(path: file.path, findings: file.findings, suppressed: file.suppressed.count, suppressedFindings: file.suppressed,
                 errors: file.errors.isEmpty ? nil : file.errors.map { FileError(line: $0.mark.line, column: $0.mark.column, message: $0.message) })
        }
        let document = Document(
            catalogue: Catalogue(name: report.catalogue.name, version: report.catalogue.version),
            files: files,
            summary: Summary(error: report.count(.error), warning: report.count(.warning), info: report.count(.info),
                             suppressed: report.suppressedCount))
        return JSONOutput.encode(document)
    }
}

import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// One row per manifest under a header row, quoted as RFC 4180 says (CRLF line ends).
///
/// Error rows carry the path and the located problem in `error`, every metric left empty.
/// Lists (deviations, datasets, components) are `;`-separated inside one field.
public enum CSVScorecard: ScorecardFormat {
    public static let identifier = "csv"

    public static let header = [
        "path", "project", "agency", "sector", "concerns_answered", "on_recommended", "adoption", "deviations",
        "deviating_concerns", "total_cost", "forfeited_datasets", "unreachable", "unreachable_datasets",
        "missing_grants", "missing_grant_datasets", "active_exemptions", "expired_exemptions", "shared_components",
        "components", "lint_errors", "lint_warnings", "lint_info", "error",
    ]

    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        // Levels are columns after `error`; campaigns and the ratchet are tables of their own
        // after the project rows (ProgrammeSections.csvSections).
        // With --observe, the observed-stack columns come after `error`, before the levels.
        let levels = scorecard.programme != nil
        let observed = scorecard.isObserved
        var out = line(header + (observed ? ObservedSections.csvHeader : []) + (levels ? ProgrammeSections.csvLevelHeader : []))
        // One line per project, written on every core.
        out += ParallelMap.map(scorecard.projects, workers: System.activeCores) { row in
            line(fields(row) + (observed ? ObservedSections.csvCells(row) : []) + (levels ? ProgrammeSections.csvLevelCells(row) : []))
        }.joined()
        return out + ProgrammeSections.csvSections(scorecard)
    }

    package static func fields(_ row: ProjectScore) -> [String] {
        if let problem = row.problem {
            var cells = [String](repeating: "", count: header.count)
            cells[0] = row.path
            cells[header.count - 1] = problem.description
            return cells
        }
        let lint = row.findings
        return [
            row.path, row.project, row.agency, row.sector.rawValue, "\(row.concernsAnswered)", "\(row.onRecommended)",
            row.adoption.map(fraction) ?? "", "\(row.deviations.count)",
            row.deviations.map { "\($0.concern)=\($0.choice.joined(separator: "+"))" }.joined(separator: ";"),
            "\(row.totalCost.count)", row.totalCost.map(\.dataset).joined(separator: ";"),
            "\(row.unreachable.count)", row.unreachable.joined(separator: ";"),
            "\(row.missingGrants.count)", row.missingGrants.map(\.dataset).joined(separator: ";"),
            "\(row.activeExemptions)", "\(row.expiredExemptions)", "\(row.sharedComponents.count)",
            row.sharedComponents.joined(separator: ";"),
            lint.map { "\($0.error)" } ?? "", lint.map { "\($0.warning)" } ?? "", lint.map { "\($0.info)" } ?? "", "",
        ]
    }

    /// A rate with three decimals, `0.833`.
    static func fraction(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let rest = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - rest.count))\(rest)"
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A field
    /// a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
    /// Control characters (line breaks, ESC, BEL, NUL, C1) are shown as `\u{…}`, never raw.
    static func quote(_ field: String) -> String {
        // Printable ASCII with no comma or quote and no formula sign first, the usual field,
        // is written as it is: checked on the bytes.
        var first = true
        var plain = true
        for byte in field.utf8 {
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || (first && (byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@"))) {
                plain = false
                break
            }
            first = false
        }
        if plain { return field }
        // Control characters (line breaks, ESC, BEL, NUL, C1) never reach a spreadsheet or a
        // terminal raw: they are shown as `\u{…}`.
        var text = Terminal.sanitize(field)
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

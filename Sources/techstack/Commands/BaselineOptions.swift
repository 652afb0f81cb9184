import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

/// `lint --baseline FILE` and `lint --write-baseline FILE`.
struct BaselineOptions: ParsableArguments {
    @Option(name: .customLong("baseline"), help: ArgumentHelp("Apply --fail-on only to findings not in this baseline; findings in it are marked, and entries no longer found are listed as gone.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write today's findings to FILE as a baseline (JSON). With --baseline, only the entries still found are kept: a baseline never grows.", valueName: "FILE"))
    var writeBaseline: String?

    /// The baseline read and compared with `results`, the report marked; nil without --baseline.
    func apply(to report: inout LintReport) throws -> Baseline.Comparison? {
        guard let baseline else { return nil }
        let comparison = try Baseline.read(baseline).compare(report.files)
        report.mark(comparison)
        return comparison
    }

    /// Writes the baseline when asked, says which entries are gone, and returns whether the run
    /// fails: with a baseline, only a finding not in it at or above `level` fails it; when only
    /// writing one, every finding is now accepted and the run does not fail.
    func finish(_ report: LintReport, comparison: Baseline.Comparison?, today: Day, level: Severity?) throws -> Bool {
        if let comparison, !comparison.gone.isEmpty, let baseline {
            Console.error("\(Terminal.sanitize(baseline)): \(comparison.gone.count) baseline entr\(comparison.gone.count == 1 ? "y is" : "ies are") gone (no longer found); rewrite the baseline with --baseline \(Terminal.sanitize(baseline)) --write-baseline \(Terminal.sanitize(baseline)) to drop \(comparison.gone.count == 1 ? "it" : "them"):")
            for entry in comparison.gone {
                let about = entry.concern ?? entry.dataset
                Console.error("  gone: \(Terminal.sanitize(entry.path)): \(Terminal.sanitize(entry.rule))\(about.map { " (\(Terminal.sanitize($0)))" } ?? ""): \(Terminal.sanitize(entry.message))")
            }
        }
        if let writeBaseline {
            let entries = comparison?.kept ?? Baseline.entries(report.files)
            try OutputFile.write(Baseline(created: today, findings: entries).encoded(), to: writeBaseline)
            Console.error("Wrote \(entries.count) finding\(entries.count == 1 ? "" : "s") to the baseline \(Terminal.sanitize(writeBaseline)).")
        }
        guard let level else { return false }
        if let comparison {
            let new = comparison.newFindings(report.files, atOrAbove: level)
            if !new.isEmpty {
                Console.error("\(new.count) finding\(new.count == 1 ? "" : "s") at or above \(level.rawValue) not in the baseline.")
            }
            return !new.isEmpty
        }
        if writeBaseline != nil { return false }
        return report.files.contains { $0.findings.contains { $0.severity >= level } }
    }
}

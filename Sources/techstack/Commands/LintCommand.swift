import ArgumentParser
import Foundation
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint project manifests: every deviation from the recommended standards, with the shared data it costs.",
        discussion: """
        Exit 0 when no finding is at or above --fail-on, 1 when one is, 2 when a manifest, \
        the catalogue or the rules could not be used (the other manifests are still linted \
        and reported).
        """
    )

    @Argument(help: ArgumentHelp("Manifests to lint.", valueName: "MANIFEST"))
    var manifests: [String] = []

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var rules: RulesOptions
    @OptionGroup var output: OutputOptions<Reporters.Choice>
    @OptionGroup var today: TodayOption

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 on findings at or above this level: error, warning, info or never.", valueName: "LEVEL"))
    var failOn: FailLevel = .error

    @Flag(name: .customLong("show-suppressed"), help: "Also list findings an exemption suppressed (they are always counted).")
    var showSuppressed = false

    @OptionGroup var baseline: BaselineOptions

    @Flag(name: .customLong("omit-suppressed"), help: "SARIF: leave out findings an exemption suppressed (GitHub code scanning ignores SARIF suppressions).")
    var omitSuppressed = false

    @OptionGroup var observe: ObserveOptions

    func run() throws {
        let reporter = output.format.reporter
        let day = try today.day()
        let catalogue = try self.catalogue.usable()
        let ruleSet = try rules.usable(against: catalogue)
        let linter = Linter(catalogue: catalogue, rules: ruleSet, today: day)

        let observer = observe.observer(catalogue: catalogue)
        var results: [FileResult] = []
        for path in paths {
            do {
                let file = try InputFile.read(path)
                results.append(linter.lint(file, observed: try observer?.observe(manifest: path)))
            } catch {
                var error = error
                if manifests.isEmpty, access(path, F_OK) != 0 {
                    error.message = "no techstack.yaml here; 'techstack init' writes a starter manifest, or name the manifests to lint"
                }
                results.append(FileResult(path: path, errors: [error]))
            }
        }
        for result in results where !result.errors.isEmpty {
            Console.report(DiagnosticList(result.errors))
        }

        var report = LintReport(catalogue: catalogue.info, files: results)
        let comparison = try baseline.apply(to: &report)
        let context = ReportContext(rules: ruleSet.descriptions, style: output.style,
                                    workingDirectory: FileManager.default.currentDirectoryPath,
                                    showSuppressed: showSuppressed, omitSuppressed: omitSuppressed,
                                    failOn: failOn.severity, fullReportHint: fullReportHint)
        try output.write(reporter.generateReport(report, context: context))
        if reporter.identifier == GitHubReporter.identifier,
           let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            do {
                try GitHubReporter.append(GitHubReporter.stepSummary(report, context: context), to: summary)
            } catch {
                Console.report(DiagnosticList([error]))
                throw ExitCode(2)
            }
        }

        let fails = try baseline.finish(report, comparison: comparison, today: day, level: failOn.severity)
        if results.contains(where: { !$0.errors.isEmpty }) { throw ExitCode(2) }
        if fails { throw ExitCode(1) }
    }
}

extension LintCommand {
    /// Where to see every finding when a format shows only some (GitHub annotations).
    var fullReportHint: String {
        let sarif = " (or read the SARIF report, when the workflow uploads one)"
        guard paths.count <= 3 else { return "run 'techstack lint --format text' on the same \(paths.count) manifests" + sarif }
        let files = paths.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
        return "run 'techstack lint --format text \(files)'" + sarif
    }

    var paths: [String] { manifests.isEmpty ? ["techstack.yaml"] : manifests }
}

/// `--fail-on`: the lowest severity that fails the run.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var severity: Severity? { self == .never ? nil : Severity(rawValue: rawValue) }
}

/// `--rules DIR`: rule files added to, or replacing, the built-in rules.
struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder of rule files; a rule with a built-in rule's id replaces it.", valueName: "DIR"))
    var directory: String?

    /// The rules, refused (exit 2) when a rule file has errors; warnings go to stderr.
    func usable(against catalogue: Catalogue? = nil) throws -> RuleSet {
        let (rules, warnings) = try RuleSet.loadUsable(directory: directory)
        Console.report(DiagnosticList(warnings))
        if let catalogue {
            let problems = rules.problems(against: catalogue)
            if !problems.isEmpty { throw DiagnosticList(problems) }
        }
        return rules
    }
}

/// `--today YYYY-MM-DD`: the day exemptions are judged against.
struct TodayOption: ParsableArguments {
    @Option(name: .customLong("today"), help: ArgumentHelp("The date for exemption expiry (default: the local date).", valueName: "YYYY-MM-DD"))
    var today: String?

    func day() throws -> Day {
        guard let today else { return try Self.localDate() }
        guard let day = Day(today) else {
            throw ValidationError("--today must be a date written YYYY-MM-DD (e.g. 2026-03-31), found '\(today)'")
        }
        return day
    }

    static func localDate() throws -> Day {
        // The C library's local time, not Calendar.current: that would load the calendar and
        // time-zone machinery of Foundation, a sizeable share of a one-file lint's run time.
        var now = time(nil)
        var parts = tm()
        let ok = localtime_r(&now, &parts) != nil
        let text = ok ? String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday)) : "unknown"
        guard let day = Day(text) else {
            throw ValidationError("the system date '\(text)' is not usable; pass --today YYYY-MM-DD")
        }
        return day
    }
}

/// `--observe` and `--observe-dir DIR` (SPEC §8): compare each manifest with what its
/// repository shows.
struct ObserveOptions: ParsableArguments {
    @Flag(name: .customLong("observe"), help: "Compare each manifest with the evidence in its folder (its repository).")
    var observe = false

    @Option(name: .customLong("observe-dir"), help: ArgumentHelp("The repository to observe instead of each manifest's folder (implies --observe).", valueName: "DIR"))
    var directory: String?

    func observer(catalogue: Catalogue) -> Observer? {
        observe || directory != nil ? Observer(detector: Detector(catalogue: catalogue), catalogue: catalogue, directory: directory) : nil
    }
}

/// `lint --observe`: each repository scanned once, with progress on a terminal.
final class Observer {
    let observer: ManifestObserver
    private let progress = Progress.onTerminal()

    init(detector: Detector, catalogue: Catalogue, directory: String?) {
        observer = ManifestObserver(detector: detector, catalogue: catalogue, directory: directory)
    }

    func observe(manifest: String) throws(Diagnostic) -> DetectResult {
        defer { progress?.clear() }
        return try observer.observe(manifest: manifest, progress: progress.map { p in
            { folder, done, total in p.show("observing \(folder): \(done)/\(total) files") }
        })
    }
}

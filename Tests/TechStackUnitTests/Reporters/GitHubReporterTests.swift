import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class GitHubReporterTests: XCTestCase {
    private func lines(_ report: LintReport, showSuppressed: Bool = false) -> [String] {
        GitHubReporter.generateReport(report, context: ReportFixtures.context(showSuppressed: showSuppressed))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testOneCommandPerFindingMostSevereFirst() {
        let out = lines(ReportFixtures.mixed)
        XCTAssertEqual(out[0], "::error file=techstack.yaml,line=7,col=14,title=recommended-choice::"
                       + "api-style is answered with soap; recommended: rest-json%0Acost: myinfo-person (source ica)")
        XCTAssertEqual(out[1], "::warning file=techstack.yaml,line=3,col=1,title=unknown-key::unknown key 'colour'; did you mean 'choices'?")
        XCTAssertEqual(out[2], "::notice file=techstack.yaml,line=9,col=20,title=funding-notice::apex is charged per use")
        XCTAssertEqual(out[3], "techstack: 1 error(s), 1 warning(s), 1 info, 1 suppressed (catalogue Singapore Government Tech Stack 2026.11)")
        XCTAssertEqual(out[4], "", "output ends with a newline")
        XCTAssertEqual(out.count, 5, "suppressed findings are only counted by default")
    }

    /// 14 errors (two of them costly), 12 warnings, 3 notices.
    private var crowded: LintReport {
        var findings: [Finding] = []
        for i in 1...12 { findings.append(ReportFixtures.deviation(line: i, column: 1, message: "cheap \(i)")) }
        for i in findings.indices { findings[i].cost = [] }
        var costly = ReportFixtures.deviation(line: 30, column: 1, message: "costly two")
        costly.cost = [CostItem(dataset: "a", source: "x"), CostItem(dataset: "b", source: "y")]
        findings.append(costly)
        findings.append(ReportFixtures.deviation(line: 31, column: 1, message: "costly one"))
        for _ in 1...12 { findings.append(ReportFixtures.unknownKey()) }
        for _ in 1...3 { findings.append(ReportFixtures.notice()) }
        return ReportFixtures.report([FileResult(path: "techstack.yaml", findings: findings)])
    }

    func testAtMostTenPerLevelMostCostlyFirstThenOneClosingNotice() {
        var context = ReportFixtures.context()
        context.fullReportHint = "run 'techstack lint --format text techstack.yaml'"
        let out = GitHubReporter.generateReport(crowded, context: context).split(separator: "\n").map(String.init)
        let errors = out.filter { $0.hasPrefix("::error ") }
        let warnings = out.filter { $0.hasPrefix("::warning ") }
        let notices = out.filter { $0.hasPrefix("::notice ") || $0.hasPrefix("::notice::") }
        XCTAssertEqual(errors.count, 10)
        XCTAssertEqual(warnings.count, 10)
        XCTAssertEqual(notices.count, 4, "3 notices and the closing one")
        XCTAssertTrue(errors[0].hasSuffix("::costly two%0Acost: a (source x), b (source y)"), errors[0])
        XCTAssertTrue(errors[1].contains("::costly one"), errors[1])
        XCTAssertTrue(errors[2].hasSuffix("::cheap 1"), "then in report order: \(errors[2])")
        let closing = out[out.count - 2]
        XCTAssertTrue(closing.hasPrefix("::notice::techstack: 6 finding(s) were left out"), closing)
        XCTAssertTrue(closing.contains("run 'techstack lint --format text techstack.yaml'"), closing)
        XCTAssertTrue(out.last?.hasPrefix("techstack: 14 error(s), 12 warning(s), 3 info") ?? false)
    }

    func testTheClosingNoticeTakesOneOfTheTenNotices() {
        var findings = (1...12).map { _ in ReportFixtures.notice() }
        findings.append(ReportFixtures.deviation())
        let out = lines(ReportFixtures.report([FileResult(path: "techstack.yaml", findings: findings)]))
        let notices = out.filter { $0.hasPrefix("::notice ") || $0.hasPrefix("::notice::") }
        XCTAssertEqual(notices.count, 10)
        XCTAssertTrue(notices.last?.contains("3 finding(s) were left out") ?? false, "\(notices)")
    }

    func testNothingCutNoClosingNotice() {
        XCTAssertFalse(lines(ReportFixtures.mixed).contains { $0.contains("left out") })
    }

    func testStepSummaryIsTheMarkdownReportAndIsAppended() throws {
        let directory = try Binary.makeTemporaryDirectory(prefix: "summary")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("summary.md").path
        try Data("earlier step\n".utf8).write(to: URL(fileURLWithPath: path))
        let summary = GitHubReporter.stepSummary(ReportFixtures.mixed, context: ReportFixtures.context())
        XCTAssertTrue(summary.hasPrefix("## techstack lint\n"), summary)
        try GitHubReporter.append(summary, to: path)
        try GitHubReporter.append(summary, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, "earlier step\n" + summary + summary, "appended, never replaced")
    }

    func testSuppressedFindingsAreNoticesWhenShown() {
        let out = lines(ReportFixtures.mixed, showSuppressed: true)
        XCTAssertEqual(out[3], "::notice file=techstack.yaml,line=8,col=3,title=recommended-choice (suppressed)::"
                       + "api-style is answered with soap; recommended: rest-json%0Acost: myinfo-person (source ica)"
                       + "%0Asuppressed by exemption: Partner X only speaks SOAP until 2027")
    }

    func testUnusableManifestIsAnErrorAnnotation() {
        let report = ReportFixtures.report([FileResult(path: "bad.yaml", errors: [
            Diagnostic(path: "bad.yaml", mark: Mark(line: 4, column: 2), message: "duplicate key 'project'"),
        ])])
        XCTAssertEqual(lines(report)[0], "::error file=bad.yaml,line=4,col=2,title=techstack%3A manifest could not be used::duplicate key 'project'")
    }

    func testHostileTextCannotStartACommandOrEndAProperty() {
        let out = lines(ReportFixtures.hostileReport, showSuppressed: true)
        // Every line is one of ours: a command we wrote or the summary.
        for line in out.dropLast() {
            XCTAssertTrue(line.hasPrefix("::error ") || line.hasPrefix("::notice ") || line.hasPrefix("techstack: "), line)
            XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 }, "no raw control character: \(line)")
        }
        XCTAssertEqual(out.count, 5)
        XCTAssertTrue(out[0].hasPrefix("::error file=broken.yaml,line=2,col=5,"), "an unusable manifest comes first: \(out[0])")
        let line = out[1]
        XCTAssertTrue(line.hasPrefix("::error file=dir%2Cwith%3Aodd%25/evil<x>|`*.yaml,line=7,col=14,title=recommended-choice::"), line)
        XCTAssertTrue(line.contains("%250A 100%25 ]]>"), "percent signs are escaped first: \(line)")
        XCTAssertTrue(line.contains("\"dq\"%0Asecond line%0D%0A::error::injected\\u{1b}[31mred\\u{7}\\u{0}"), line)
    }

    func testEscapingRules() {
        XCTAssertEqual(GitHubReporter.escapeData("50% a\r\nb:c,d"), "50%25 a%0D%0Ab:c,d")
        XCTAssertEqual(GitHubReporter.escapeProperty("50% a\r\nb:c,d"), "50%25 a%0D%0Ab%3Ac%2Cd")
    }
}

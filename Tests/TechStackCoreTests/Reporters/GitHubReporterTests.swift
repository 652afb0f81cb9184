import XCTest
@testable import TechStackCore

final class GitHubReporterTests: XCTestCase {
    private func lines(_ report: LintReport, showSuppressed: Bool = false) -> [String] {
        GitHubReporter.generateReport(report, context: ReportFixtures.context(showSuppressed: showSuppressed))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testOneCommandPerFindingBySeverity() {
        let out = lines(ReportFixtures.mixed)
        XCTAssertEqual(out[0], "::warning file=techstack.yaml,line=3,col=1,title=unknown-key::unknown key 'colour'; did you mean 'choices'?")
        XCTAssertEqual(out[1], "::error file=techstack.yaml,line=7,col=14,title=recommended-choice::"
                       + "api-style is answered with soap; recommended: rest-json%0Acost: myinfo-person (source ica)")
        XCTAssertEqual(out[2], "::notice file=techstack.yaml,line=9,col=20,title=funding-notice::apex is charged per use")
        XCTAssertEqual(out[3], "techstack: 1 error(s), 1 warning(s), 1 info, 1 suppressed (catalogue Singapore Government Tech Stack 2026.11)")
        XCTAssertEqual(out[4], "", "output ends with a newline")
        XCTAssertEqual(out.count, 5, "suppressed findings are only counted by default")
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
        XCTAssertTrue(out[0].hasPrefix("::error file=dir%2Cwith%3Aodd%25/evil<x>|`*.yaml,line=7,col=14,title=recommended-choice::"), out[0])
        XCTAssertTrue(out[0].contains("%250A 100%25 ]]>"), "percent signs are escaped first: \(out[0])")
        XCTAssertTrue(out[0].contains("\"dq\"%0Asecond line%0D%0A::error::injected\\u{1b}[31mred\\u{7}\\u{0}"), out[0])
    }

    func testEscapingRules() {
        XCTAssertEqual(GitHubReporter.escapeData("50% a\r\nb:c,d"), "50%25 a%0D%0Ab:c,d")
        XCTAssertEqual(GitHubReporter.escapeProperty("50% a\r\nb:c,d"), "50%25 a%0D%0Ab%3Ac%2Cd")
    }
}

import XCTest
@testable import TechStackCore

final class MarkdownReporterTests: XCTestCase {
    func testSummaryTableAndFindingsTable() {
        let out = MarkdownReporter.generateReport(ReportFixtures.mixed, context: ReportFixtures.context())
        XCTAssertEqual(out, """
        ## techstack lint

        | Errors | Warnings | Info | Suppressed | Catalogue |
        | ---: | ---: | ---: | ---: | --- |
        | 1 | 1 | 1 | 1 | Singapore Government Tech Stack 2026.11 |

        ### techstack.yaml

        | Location | Severity | Rule | Message | Cost |
        | --- | --- | --- | --- | --- |
        | techstack.yaml:3:1 | warning | unknown-key | unknown key 'colour'; did you mean 'choices'? | none |
        | techstack.yaml:7:14 | error | recommended-choice | api-style is answered with soap; recommended: rest-json | myinfo-person (source ica) |
        | techstack.yaml:9:20 | info | funding-notice | apex is charged per use | none |

        """)
    }

    func testSuppressedTableWhenShown() {
        let out = MarkdownReporter.generateReport(ReportFixtures.mixed, context: ReportFixtures.context(showSuppressed: true))
        XCTAssertTrue(out.hasSuffix("""
        Suppressed by exemptions:

        | Location | Severity | Rule | Message | Cost | Exemption |
        | --- | --- | --- | --- | --- | --- |
        | techstack.yaml:8:3 | error | recommended-choice | api-style is answered with soap; recommended: rest-json | myinfo-person (source ica) | Partner X only speaks SOAP until 2027 |

        """), out)
    }

    func testCleanManifestAndUnusableManifest() {
        let report = ReportFixtures.report([
            FileResult(path: "a/techstack.yaml", suppressed: [ReportFixtures.suppressed()]),
            FileResult(path: "b/techstack.yaml", errors: [Diagnostic(path: "b/techstack.yaml", mark: Mark(line: 1, column: 12), message: "expected a mapping")]),
        ])
        let out = MarkdownReporter.generateReport(report, context: ReportFixtures.context())
        XCTAssertTrue(out.contains("### a/techstack.yaml\n\nNo findings (1 suppressed by exemptions).\n"), out)
        XCTAssertTrue(out.contains("### b/techstack.yaml\n\nThis manifest could not be used:\n\n- b/techstack.yaml:1:12: expected a mapping\n"), out)
    }

    func testHostileTextCannotInjectMarkup() {
        let out = MarkdownReporter.generateReport(ReportFixtures.hostileReport, context: ReportFixtures.context(showSuppressed: true))
        XCTAssertFalse(out.contains("<script>"), out)
        XCTAssertFalse(out.replacingOccurrences(of: "\\]", with: "").contains("]("), "no link survives: \(out)")
        XCTAssertFalse(out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
        XCTAssertTrue(out.contains("\\<script\\>alert(1)\\</script\\> \\| \\*bold\\* \\_x\\_ \\`code\\` \\[link\\](http://evil)"), out)
        XCTAssertTrue(out.contains("\\]\\]\\> {0} \\\\ \\& 'q' \"dq\"<br>second line<br>::error::injected\\u{1b}\\[31mred"), out)
        // Every table row keeps its column count: no unescaped pipe and no raw line break inside a cell.
        for line in out.split(separator: "\n") where line.hasPrefix("| ") {
            let pipes = line.unicodeScalars.indices.filter { index in
                line.unicodeScalars[index] == "|" && (index == line.unicodeScalars.startIndex
                    || line.unicodeScalars[line.unicodeScalars.index(before: index)] != "\\")
            }
            XCTAssertTrue([6, 7].contains(pipes.count), "row has \(pipes.count) cell borders: \(line)")
        }
        XCTAssertTrue(out.contains("### dir,with:odd%/evil\\<x\\>\\|\\`\\*.yaml\n"), out)
    }
}

import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

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
        XCTAssertTrue(out.contains("\\<script\\>alert(1)\\</script\\> \\| \\*bold\\* \\_x\\_ \\`code\\` \\[link\\](http:\u{200B}//evil)"), out)
        XCTAssertTrue(out.contains("\\]\\]\\> {0} \\\\ \\& 'q' \"dq\"<br>second line<br>::\u{200B}error::\u{200B}injected\\u{1b}\\[31mred"), out)
        // Every table row keeps its column count: no unescaped pipe and no raw line break inside a cell.
        for line in out.split(separator: "\n") where line.hasPrefix("| ") {
            let pipes = line.unicodeScalars.indices.filter { index in
                line.unicodeScalars[index] == "|" && (index == line.unicodeScalars.startIndex
                    || line.unicodeScalars[line.unicodeScalars.index(before: index)] != "\\")
            }
            XCTAssertTrue([6, 7].contains(pipes.count), "row has \(pipes.count) cell borders: \(line)")
        }
        XCTAssertTrue(out.contains("### dir,with:\u{200B}odd%/evil\\<x\\>\\|\\`\\*.yaml\n"), out)
    }

    // MARK: - Scalars, autolinks, mentions

    func testEscapeWorksPerScalarNotPerGrapheme() {
        // U+0600 and a combining mark each form one grapheme with the character beside them.
        XCTAssertEqual(Escape.markdown("\u{0600}[x](y)"), "\u{0600}\\[x\\](y)")
        XCTAssertEqual(Escape.markdown("`\u{0301}code`"), "\\`\u{0301}code\\`")
        XCTAssertEqual(Escape.markdown("*\u{0301}b*"), "\\*\u{0301}b\\*")
        XCTAssertEqual(Escape.markdown("a\r\nb\rc\nd"), "a<br>b<br>c<br>d")
        XCTAssertEqual(Escape.markdown("x\u{1B}y\u{85}z\u{202E}"), "x\\u{1b}y\\u{85}z\\u{202e}")
    }

    func testAutolinksMentionsAndReferencesAreBroken() {
        let zwsp = "\u{200B}"
        XCTAssertEqual(Escape.markdown("https://evil.example"), "https:\(zwsp)//evil.example")
        XCTAssertEqual(Escape.markdown("WWW.evil.example"), "WWW\(zwsp).evil.example")
        XCTAssertEqual(Escape.markdown("@octocat a@b.co"), "@\(zwsp)octocat a@\(zwsp)b.co")
        XCTAssertEqual(Escape.markdown("fixes #12"), "fixes \\#\(zwsp)12")
        XCTAssertEqual(Escape.markdown("mailto:x :shipit:"), "mailto:\(zwsp)x :\(zwsp)shipit:")
        XCTAssertEqual(Escape.markdown("api-style: soap at techstack.yaml:7:14"), "api-style: soap at techstack.yaml:7:14",
                       "ordinary text and locations are unchanged")
    }

    static let hostileCells = [
        "\u{0600}[x](https://evil.example/a)", "`\u{0301}code` and *\u{0301}bold*", "https://evil.example/b",
        "see www.evil.example now", "http://evil", "mailto:a@evil.example", "user@evil.example", "@octocat",
        "![img](https://evil.example/x.png)", "<img src=x onerror=alert(1)>", "<https://evil.example/c>",
        "a | b | c", "[ref]: https://evil.example/d", "&lt;img src=x&gt;", "[x]\u{200D}(https://evil.example/e)",
        "line\r\nbreak\u{2028}sep", "\u{1B}[31mred\u{07}", ":octocat: #42", "<a href=\"https://evil.example\">a</a>",
        "[![x](https://evil.example/i.png)](https://evil.example)", "\\[x](https://evil.example/f)",
    ]

    /// The report rendered by a real CommonMark + GFM renderer (markdown-it-py with GFM tables
    /// and linkify-it, which finds bare URLs as GitHub does) shows no link or image from input,
    /// and every row keeps its cells.
    func testARealRendererShowsNoLinkImageOrExtraCell() throws {
        let python = try ExternalCheck.python(importing: ["markdown_it", "linkify_it"], install: "pip install markdown-it-py linkify-it-py")
        var findings: [Finding] = []
        for (i, cell) in Self.hostileCells.enumerated() {
            var finding = ReportFixtures.deviation(line: i + 1, column: 1, message: cell)
            finding.rule = cell
            finding.cost = [CostItem(dataset: cell, source: cell)]
            finding.exemption = cell
            findings.append(finding)
        }
        var info = ReportFixtures.catalogue
        info.name = Self.hostileCells.joined(separator: " ")
        let report = LintReport(catalogue: info, files: [
            FileResult(path: "@octocat https://evil.example/p | x.yaml", findings: findings, suppressed: findings),
            FileResult(path: "www.evil.example/broken.yaml", errors: Self.hostileCells.map { Diagnostic(path: "b.yaml", mark: .start, message: $0) }),
        ])
        let markdown = MarkdownReporter.generateReport(report, context: ReportFixtures.context(showSuppressed: true))
        XCTAssertFalse(markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
        let script = """
            import re, sys
            from markdown_it import MarkdownIt
            md = MarkdownIt("gfm-like", {"linkify": True, "html": True})
            md.linkify.set({"fuzzy_link": False})  # GitHub links www. and scheme:// URLs, not bare domains
            html = md.render(sys.stdin.read())
            problems = []
            for tag in ("<a", "<img", "<script", "<iframe"):
                if tag in html:
                    i = html.index(tag)
                    problems.append(f"{tag} in the HTML: ...{html[max(0, i - 80):i + 80]}...")
            for table in re.findall(r"<table>.*?</table>", html, re.S):
                header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
                for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S):
                    cells = len(re.findall(r"<td[ >]", row))
                    if cells != header:
                        problems.append(f"a row of {cells} cells under {header} headers: {row[:160]}")
            text = re.sub(r"<[^>]+>", "", html)
            for mention in re.findall(r"(?<![\\w`])@[A-Za-z0-9]", text):
                problems.append(f"a mention survived: {mention}")
            print("\\n".join(problems))
            sys.exit(1 if problems else 0)
            """
        let result = try ExternalCheck.run(python, ["-c", script], input: Data(markdown.utf8))
        XCTAssertEqual(result.status, 0, result.output)
    }
}

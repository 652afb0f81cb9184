import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class ReporterTests: XCTestCase {
    private func report(_ yaml: String, path: String = "svc/techstack.yaml") -> LintReport {
        var result = Fixtures.lint(yaml)
        result.path = path
        return LintReport(catalogue: Fixtures.catalogue.info, files: [result])
    }

    private let soap = Fixtures.head + "choices:\n  api-style: soap\n  analytics: wogaa\n  hosting: nectar\n"

    func testTextLinesCostAndSummary() {
        let text = TextReporter.generateReport(report(soap), context: ReportContext(rules: [], workingDirectory: "/"))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "svc/techstack.yaml:5:14: error: api-style: 'soap' deviates from the recommended 'rest-json'; this gives up myinfo-person (Myinfo person, source ica) and resale-prices (Resale prices, source hdb). Choose rest-json or add an exemption. [recommended-choice]")
        XCTAssertEqual(lines[1], "    cost: myinfo-person (source ica), resale-prices (source hdb)")
        XCTAssertEqual(lines.last, "1 error, 0 warnings, 1 info, 0 suppressed in 1 file")
        XCTAssertFalse(text.contains("\u{1B}"))
    }

    func testTextColourOnlyWhenTheStyleAllowsIt() {
        let coloured = TextReporter.generateReport(report(soap), context: ReportContext(rules: [], style: Style(color: true), workingDirectory: "/"))
        XCTAssertTrue(coloured.contains("\u{1B}[31m"))
    }

    func testSuppressedFindingsAreListedOnlyOnRequest() {
        let exempted = report(soap + "exemptions:\n  - rule: recommended-choice\n    reason: Partner X\n    expires: 2099-01-01\n")
        let hidden = TextReporter.generateReport(exempted, context: ReportContext(rules: [], workingDirectory: "/"))
        XCTAssertFalse(hidden.contains("[recommended-choice]"))
        XCTAssertTrue(hidden.contains("1 suppressed"))
        let shown = TextReporter.generateReport(exempted, context: ReportContext(rules: [], workingDirectory: "/", showSuppressed: true))
        XCTAssertTrue(shown.contains("[recommended-choice] (suppressed: Partner X)"), shown)
    }

    func testTextEscapesControlCharactersFromTheManifest() {
        let text = TextReporter.generateReport(report(Fixtures.head + "\"bad\\u001B[2Jkey\": 1\n"), context: ReportContext(rules: [], workingDirectory: "/"))
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertTrue(text.contains("bad\\u{1b}[2Jkey"), text)
    }

    func testJSONShape() throws {
        let exempted = report(soap + "consumes: [myinfo-person]\nexemptions:\n  - rule: funding-notice\n    reason: Budgeted\n    expires: 2099-01-01\n")
        let text = JSONReporter.generateReport(exempted, context: ReportContext(rules: [], workingDirectory: "/"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["version", "catalogue", "files", "summary"])
        XCTAssertEqual(json["catalogue"] as? [String: String], ["name": "Test Stack", "version": "1.0"])
        let file = try XCTUnwrap((json["files"] as? [[String: Any]])?.first)
        XCTAssertEqual(file["path"] as? String, "svc/techstack.yaml")
        XCTAssertEqual(file["suppressed"] as? Int, 1)
        let suppressed = try XCTUnwrap(file["suppressed-findings"] as? [[String: Any]])
        XCTAssertEqual(suppressed.first?["exemption"] as? String, "Budgeted")
        let findings = try XCTUnwrap(file["findings"] as? [[String: Any]])
        let unreachable = try XCTUnwrap(findings.first { $0["rule"] as? String == "unreachable-data" })
        XCTAssertEqual(unreachable["dataset"] as? String, "myinfo-person")
        XCTAssertNil(findings.first?["exemption"])
        XCTAssertEqual(json["summary"] as? [String: Int], ["error": 2, "warning": 0, "info": 0, "suppressed": 1])
    }

    func testJSONCarriesTheErrorsOfAnUnusableManifest() throws {
        let result = Fixtures.linter().lint(InputFile(path: "bad.yaml", text: "techstack: [\n"))
        let text = JSONReporter.generateReport(LintReport(catalogue: Fixtures.catalogue.info, files: [result]), context: ReportContext(rules: [], workingDirectory: "/"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let file = try XCTUnwrap((json["files"] as? [[String: Any]])?.first)
        XCTAssertEqual((file["errors"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual((file["findings"] as? [Any])?.count, 0)
    }

    func testRegistryLooksUpByIdentifier() {
        XCTAssertEqual(Reporters.identifiers.prefix(2), ["text", "json"])
        XCTAssertNotNil(Reporters.named("json"))
        XCTAssertNil(Reporters.named("yaml"))
    }
}

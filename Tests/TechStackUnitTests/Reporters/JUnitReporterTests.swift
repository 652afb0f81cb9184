import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class JUnitReporterTests: XCTestCase {
    private func parse(_ xml: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        return try XCTUnwrap(document.rootElement())
    }

    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    private func context(failOn: Severity?) -> ReportContext {
        var context = ReportFixtures.context()
        context.failOn = failOn
        return context
    }

    private var twoManifests: LintReport {
        ReportFixtures.report([
            FileResult(path: "techstack.yaml", findings: [ReportFixtures.unknownKey(), ReportFixtures.deviation(),
                                                          ReportFixtures.deviation(line: 12, column: 3), ReportFixtures.notice()],
                       suppressed: [ReportFixtures.suppressed()]),
            FileResult(path: "other/techstack.yaml"),
        ])
    }

    func testSuitePerManifestCasePerSilentRuleAndPerFinding() throws {
        let root = try parse(JUnitReporter.generateReport(twoManifests, context: ReportFixtures.context()))
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attributes?.count ?? 0, 0, "windyroad's schema allows no attribute on testsuites")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { attribute($0, "name") }, ["techstack.yaml", "other/techstack.yaml"])
        let cases = suites[0].elements(forName: "testcase")
        XCTAssertEqual(cases.map { attribute($0, "name") }, [
            "unknown-key", "recommended-choice (api-style)", "recommended-choice (api-style)", "funding-notice",
            "recommended-choice (api-style)",
        ], "every rule fired: a case per finding, the suppressed one last")
        XCTAssertEqual(attribute(suites[0], "tests"), "5")
        XCTAssertEqual(attribute(suites[0], "failures"), "2", "the two errors; the warning and the notice do not fail --fail-on error")
        XCTAssertEqual(attribute(suites[0], "skipped"), "1")
        XCTAssertEqual(attribute(suites[0], "errors"), "0")
        let failures = cases.flatMap { $0.elements(forName: "failure") }
        XCTAssertEqual(failures.count, 2)
        XCTAssertEqual(attribute(failures[0], "type"), "error")
        XCTAssertEqual(attribute(failures[0], "message"), "api-style is answered with soap; recommended: rest-json")
        XCTAssertEqual(failures[0].stringValue, "techstack.yaml:7:14: error: api-style is answered with soap; recommended: rest-json [recommended-choice]\ncost: myinfo-person (source ica)")
        let out = try XCTUnwrap(suites[0].elements(forName: "system-out").first?.stringValue)
        XCTAssertTrue(out.contains("techstack.yaml:3:1: warning: unknown key 'colour'"), out)
        XCTAssertTrue(out.contains("techstack.yaml:9:20: info: apex is charged per use"), out)
        // The silent manifest: one passing case per enabled rule (consent-required is off).
        let silent = suites[1].elements(forName: "testcase")
        XCTAssertEqual(silent.map { attribute($0, "name") }, ["recommended-choice", "unknown-key", "funding-notice"])
        for testcase in silent { XCTAssertEqual(testcase.childCount, 0, "a silent rule passes") }
        let properties = try XCTUnwrap(suites[0].elements(forName: "properties").first).elements(forName: "property")
        XCTAssertEqual(properties.map { attribute($0, "value") }, ["Singapore Government Tech Stack", "2026.11", "error"])
    }

    func testFailuresAreTheFindingsAtOrAboveFailOnAndNeverANotice() throws {
        let expected: [(Severity?, Int)] = [(.error, 2), (.warning, 3), (.info, 3), (nil, 0)]
        for (level, count) in expected {
            let root = try parse(JUnitReporter.generateReport(twoManifests, context: context(failOn: level)))
            let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
            let failures = suite.elements(forName: "testcase").flatMap { $0.elements(forName: "failure") }
            XCTAssertEqual(failures.count, count, "--fail-on \(level?.rawValue ?? "never")")
            XCTAssertEqual(attribute(suite, "failures"), String(count))
            XCTAssertFalse(failures.contains { attribute($0, "type") == "info" }, "a notice is never a failure")
        }
    }

    func testOnlySuppressedFindingsSkipTheirCase() throws {
        let report = ReportFixtures.report([FileResult(path: "techstack.yaml", suppressed: [ReportFixtures.suppressed()])])
        let root = try parse(JUnitReporter.generateReport(report, context: ReportFixtures.context()))
        let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
        XCTAssertEqual(attribute(suite, "failures"), "0")
        XCTAssertEqual(attribute(suite, "skipped"), "1")
        let testcase = try XCTUnwrap(suite.elements(forName: "testcase").first { !$0.elements(forName: "skipped").isEmpty })
        XCTAssertEqual(attribute(testcase, "name"), "recommended-choice (api-style)")
        XCTAssertEqual(attribute(try XCTUnwrap(testcase.elements(forName: "skipped").first), "message"),
                       "suppressed by exemption: Partner X only speaks SOAP until 2027")
    }

    func testUnusableManifestIsAnError() throws {
        let report = ReportFixtures.report([FileResult(path: "bad.yaml", errors: [
            Diagnostic(path: "bad.yaml", mark: Mark(line: 2, column: 1), message: "expected a mapping"),
            Diagnostic(path: "bad.yaml", mark: Mark(line: 5, column: 3), message: "duplicate key"),
        ])])
        let root = try parse(JUnitReporter.generateReport(report, context: ReportFixtures.context()))
        let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
        XCTAssertEqual(attribute(suite, "errors"), "1")
        XCTAssertEqual(attribute(suite, "tests"), "1")
        let errors = try XCTUnwrap(suite.elements(forName: "testcase").first?.elements(forName: "error"))
        XCTAssertEqual(errors.count, 1, "one error element per case")
        XCTAssertEqual(errors[0].stringValue, "bad.yaml:2:1: error: expected a mapping\nbad.yaml:5:3: error: duplicate key")
    }

    // MARK: - Schemas

    /// Valid against Jenkins xUnit's and windyroad's XSDs (xmllint, else Python's lxml).
    func testOutputIsValidAgainstBothJUnitSchemas() throws {
        let schemas = [try ExternalCheck.schema("junit-jenkins-xunit-10.xsd"), try ExternalCheck.schema("junit-windyroad.xsd")]
        let directory = try Binary.makeTemporaryDirectory(prefix: "junit")
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports: [(String, LintReport, ReportContext)] = [
            ("two", twoManifests, ReportFixtures.context()),
            ("warning", twoManifests, context(failOn: .warning)),
            ("never", twoManifests, context(failOn: nil)),
            ("hostile", ReportFixtures.hostileReport, ReportFixtures.context()),
            ("empty", ReportFixtures.report([]), ReportFixtures.context()),
            ("broken", ReportFixtures.report([FileResult(path: "bad.yaml", errors: [
                Diagnostic(path: "bad.yaml", mark: Mark(line: 2, column: 1), message: "expected a mapping")])]), ReportFixtures.context()),
        ]
        for (name, report, context) in reports {
            let file = directory.appendingPathComponent("\(name).xml")
            try Data(JUnitReporter.generateReport(report, context: context).utf8).write(to: file)
            for xsd in schemas { try ExternalCheck.validateXML(file, xsd: xsd) }
        }
    }

    func testHostileTextIsWellFormedAndIntact() throws {
        let xml = JUnitReporter.generateReport(ReportFixtures.hostileReport, context: ReportFixtures.context())
        XCTAssertFalse(xml.contains("<script>"))
        XCTAssertFalse(xml.contains("]]>"))
        let root = try parse(xml)
        let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
        XCTAssertEqual(attribute(suite, "name"), "dir,with:odd%/evil<x>|`*.yaml")
        let failure = try XCTUnwrap(suite.elements(forName: "testcase").flatMap { $0.elements(forName: "failure") }.first)
        let message = try XCTUnwrap(attribute(failure, "message"))
        XCTAssertTrue(message.hasPrefix("<script>alert(1)</script> | *bold*"), message)
        XCTAssertTrue(message.contains("\"dq\"\nsecond line\r\n::error::injected\\u{1b}[31mred\\u{7}\\u{0}"), "line breaks survive attribute normalisation: \(message)")
    }

    func testXMLEscape() {
        XCTAssertEqual(Escape.xml("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        XCTAssertEqual(Escape.xml("x\u{0}y\u{1B}z\u{FFFE}"), "x\\u{0}y\\u{1b}z\\u{fffe}")
        XCTAssertEqual(Escape.xml("é😀"), "é😀")
    }
}

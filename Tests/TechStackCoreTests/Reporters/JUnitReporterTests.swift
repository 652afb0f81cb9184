import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import TechStackCore

final class JUnitReporterTests: XCTestCase {
    private func parse(_ xml: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        return try XCTUnwrap(document.rootElement())
    }

    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    func testSuitePerManifestCasePerRuleFailurePerFinding() throws {
        let report = ReportFixtures.report([
            FileResult(path: "techstack.yaml", findings: [ReportFixtures.unknownKey(), ReportFixtures.deviation(),
                                                          ReportFixtures.deviation(line: 12, column: 3), ReportFixtures.notice()],
                       suppressed: [ReportFixtures.suppressed()]),
            FileResult(path: "other/techstack.yaml"),
        ])
        let root = try parse(JUnitReporter.generateReport(report, context: ReportFixtures.context()))
        XCTAssertEqual(root.name, "testsuites")
        // 3 enabled rules per manifest (consent-required is off).
        XCTAssertEqual(attribute(root, "tests"), "6")
        XCTAssertEqual(attribute(root, "failures"), "3")
        XCTAssertEqual(attribute(root, "errors"), "0")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { attribute($0, "name") }, ["techstack.yaml", "other/techstack.yaml"])
        XCTAssertEqual(attribute(suites[0], "tests"), "3")
        XCTAssertEqual(attribute(suites[0], "failures"), "3")
        XCTAssertEqual(attribute(suites[1], "failures"), "0")
        let cases = suites[0].elements(forName: "testcase")
        XCTAssertEqual(cases.map { attribute($0, "name") }, ["recommended-choice", "unknown-key", "funding-notice"])
        let failures = cases[0].elements(forName: "failure")
        XCTAssertEqual(failures.count, 2)
        XCTAssertEqual(attribute(failures[0], "type"), "error")
        XCTAssertEqual(attribute(failures[0], "message"), "api-style is answered with soap; recommended: rest-json")
        XCTAssertEqual(failures[0].stringValue, "techstack.yaml:7:14: error: api-style is answered with soap; recommended: rest-json [recommended-choice]\ncost: myinfo-person (source ica)")
        XCTAssertEqual(attribute(cases[2].elements(forName: "failure")[0], "type"), "info")
        for testcase in suites[1].elements(forName: "testcase") {
            XCTAssertEqual(testcase.childCount, 0, "a silent rule passes")
        }
        let properties = try XCTUnwrap(suites[0].elements(forName: "properties").first).elements(forName: "property")
        XCTAssertEqual(properties.map { attribute($0, "value") }, ["Singapore Government Tech Stack", "2026.11"])
    }

    func testOnlySuppressedFindingsSkipTheCase() throws {
        let report = ReportFixtures.report([FileResult(path: "techstack.yaml", suppressed: [ReportFixtures.suppressed()])])
        let root = try parse(JUnitReporter.generateReport(report, context: ReportFixtures.context()))
        XCTAssertEqual(attribute(root, "failures"), "0")
        XCTAssertEqual(attribute(root, "skipped"), "1")
        let testcase = try XCTUnwrap(root.elements(forName: "testsuite").first?.elements(forName: "testcase").first)
        XCTAssertEqual(attribute(try XCTUnwrap(testcase.elements(forName: "skipped").first), "message"),
                       "suppressed by exemption: Partner X only speaks SOAP until 2027")
    }

    func testUnusableManifestIsAnError() throws {
        let report = ReportFixtures.report([FileResult(path: "bad.yaml", errors: [
            Diagnostic(path: "bad.yaml", mark: Mark(line: 2, column: 1), message: "expected a mapping"),
        ])])
        let root = try parse(JUnitReporter.generateReport(report, context: ReportFixtures.context()))
        XCTAssertEqual(attribute(root, "errors"), "1")
        XCTAssertEqual(attribute(root, "tests"), "1")
        let error = try XCTUnwrap(root.elements(forName: "testsuite").first?.elements(forName: "testcase").first?.elements(forName: "error").first)
        XCTAssertEqual(error.stringValue, "bad.yaml:2:1: error: expected a mapping")
    }

    func testHostileTextIsWellFormedAndIntact() throws {
        let xml = JUnitReporter.generateReport(ReportFixtures.hostileReport, context: ReportFixtures.context())
        XCTAssertFalse(xml.contains("<script>"))
        XCTAssertFalse(xml.contains("]]>"))
        let root = try parse(xml)
        let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
        XCTAssertEqual(attribute(suite, "name"), "dir,with:odd%/evil<x>|`*.yaml")
        let failure = try XCTUnwrap(suite.elements(forName: "testcase").first?.elements(forName: "failure").first)
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

import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// `evidence:` in the catalogue (SPEC §8): decoded on standards and components, every bad
/// signal a located schema error.
final class EvidenceCatalogueTests: XCTestCase {
    private let base = CatalogueFixture.head()

    private func load(_ standards: String) -> CatalogueLoader.Result {
        CatalogueLoader.load(files: [InputFile(path: "a.yaml", text: base), InputFile(path: "b.yaml", text: standards)])
    }

    func testSignalsOfEveryKindAreDecodedWithTheirLinks() throws {
        let result = load("""
        standards:
          - id: wsdl
            name: WSDL
            summary: s
            evidence:
              - files: ["**/*.wsdl"]
                links: [https://www.w3.org/TR/wsdl20/]
              - files: "**/*.{xml,xsd}"
                contains: "http://schemas.xmlsoap.org/wsdl/"
              - dependency: {ecosystem: npm, name: soap}
        """)
        XCTAssertFalse(result.diagnostics.hasErrors, result.diagnostics.description)
        let signals = try XCTUnwrap(result.catalogue?.standard("wsdl")?.evidence)
        XCTAssertEqual(signals.count, 3)
        XCTAssertEqual(signals[0].files.map(\.pattern), ["**/*.wsdl"])
        XCTAssertEqual(signals[0].links, ["https://www.w3.org/TR/wsdl20/"])
        XCTAssertEqual(signals[1].contains, ["http://schemas.xmlsoap.org/wsdl/"])
        XCTAssertEqual(signals[2].dependency, Signal.Dependency(ecosystem: .npm, name: "soap"))
        XCTAssertEqual(signals[2].description, "dependency npm soap")
    }

    func testEveryBadSignalIsALocatedSchemaError() {
        let result = load("""
        standards:
          - id: x
            name: X
            summary: s
            evidence:
              - files: [""]
              - files: ["/etc/passwd"]
              - files: ["../up/*.txt"]
              - files: ["**/*.{a,b"]
              - files: ["**/*.{a,{b,c}}"]
              - files: ["{a,b,c,d,e,f,g,h}{a,b,c,d,e,f,g,h}{a,b}"]
              - dependency: {ecosystem: NPM, name: x}
              - dependency: {ecosystem: pipy, name: x}
              - files: ["*.js"]
                contains: [""]
              - contains: ["x"]
              - links: [https://example.org]
              - files: [package.json]
                dependency: {ecosystem: npm, name: x}
        """)
        let lines = result.diagnostics.items.map(\.description)
        func has(_ prefix: String, _ text: String) {
            XCTAssertTrue(lines.contains { $0.hasPrefix(prefix) && $0.contains(text) }, "missing \(prefix) … \(text) in\n\(lines.joined(separator: "\n"))")
        }
        has("b.yaml:6:17: error:", "must not be empty")
        has("b.yaml:7:17: error:", "is absolute")
        has("b.yaml:8:17: error:", "'..'")
        has("b.yaml:9:17: error:", "'{' without its '}'")
        has("b.yaml:10:17: error:", "nests braces")
        has("b.yaml:11:17: error:", "more than 64 alternatives")
        has("b.yaml:12:33: error:", "unknown ecosystem 'NPM' (did you mean 'npm'?)")
        has("b.yaml:13:33: error:", "unknown ecosystem 'pipy' (did you mean 'pypi'?)")
        has("b.yaml:15:20: error:", "'contains' texts must not be empty")
        has("b.yaml:16:9: error:", "needs 'files'")
        has("b.yaml:17:9: error:", "needs 'files'")
        has("b.yaml:18:9: error:", "not both")
        XCTAssertTrue(result.diagnostics.hasSchemaErrors)
        XCTAssertEqual(result.diagnostics.errors.count, 12, lines.joined(separator: "\n"))
    }

    func testEvidenceOnAConcernIsAnUnknownField() {
        let result = load("""
        standards:
          - {id: rest, name: REST, summary: s}
        concerns:
          - {id: api, name: API, summary: s, layer: services, question: q, recommended: [rest], evidence: []}
        """)
        XCTAssertTrue(result.diagnostics.warnings.contains { $0.message.contains("unknown field 'evidence'") }, result.diagnostics.description)
    }

    func testTheDefaultCatalogueCarriesEvidenceWhereTheSpecSaysAndNoneForOnPremises() throws {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let withEvidence = catalogue.standards.filter { !$0.evidence.isEmpty }.count + catalogue.components.filter { !$0.evidence.isEmpty }.count
        XCTAssertGreaterThanOrEqual(withEvidence, 30)
        for id in ["jenkins", "google-analytics", "kong", "bootstrap", "sendgrid", "wsdl", "singpass", "wogaa", "apex"] {
            XCTAssertFalse(catalogue.evidence(of: id).isEmpty, id)
        }
        XCTAssertTrue(catalogue.evidence(of: "on-premises").isEmpty, "no public signal shows on-premises hosting")
        // Every signal of the default catalogue cites the fact that makes it evidence.
        for entry in catalogue.standards.map({ ($0.header.id, $0.evidence) }) + catalogue.components.map({ ($0.header.id, $0.evidence) }) {
            for signal in entry.1 { XCTAssertFalse(signal.links.isEmpty, "\(entry.0): \(signal.description) has no link") }
        }
    }

    func testShowNamesHowAnEntryIsRecognised() throws {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let report = CatalogueReport(catalogue: catalogue)
        let shown = try XCTUnwrap(report.show("wsdl"))
        XCTAssertEqual(shown.evidence?.first?.signal, "files **/*.wsdl")
        XCTAssertTrue(report.text(shown, style: Style(color: false)).plain.contains("Recognised in a repository by:\n  - files **/*.wsdl"))
        let none = try XCTUnwrap(report.show("on-premises"))
        XCTAssertNil(none.evidence)
        XCTAssertTrue(report.text(none, style: Style(color: false)).plain.contains("No evidence signal"))
    }
}

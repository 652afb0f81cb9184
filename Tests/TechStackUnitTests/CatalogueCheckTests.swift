import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// `catalogue check`: every schema error and catalogue problem, located, in one run.
final class CatalogueCheckTests: XCTestCase {
    private func check(_ files: [String: String]) -> DiagnosticList {
        CatalogueLoader.load(files: files.sorted { $0.key < $1.key }.map { InputFile(path: $0.key, text: $0.value) }).diagnostics
    }

    private let base = CatalogueFixture.head(standards: [.init("rest", "REST")])

    func testPlantedCatalogueProblemsAreAllReportedWithLocations() {
        let planted = """
        components:
          - {id: login, name: Login, summary: s, layer: servces, owner: reg, funding: {model: central}, requires: [gateway]}
          - {id: gateway, name: Gateway, summary: s, layer: services, owner: government, funding: {model: central}, requires: [login]}
          - {id: rest, name: Duplicate, summary: s, layer: services, owner: reg, funding: {model: central}}
        concerns:
          - {id: identity, name: Identity, summary: s, layer: services, question: q, recommended: []}
        datasets:
          - {id: person, name: Person, summary: s, source: reg, items: [name], access: []}
        """
        let d = check(["a.yaml": base, "b.yaml": planted])
        let lines = d.items.map(\.description)
        XCTAssertFalse(d.hasSchemaErrors, lines.joined(separator: "\n"))
        func has(_ prefix: String, _ text: String) {
            XCTAssertTrue(lines.contains { $0.hasPrefix(prefix) && $0.contains(text) }, "missing \(prefix) … \(text) in\n\(lines.joined(separator: "\n"))")
        }
        has("b.yaml:2:49: error:", "'layer' names 'servces', which is no layer in the catalogue (did you mean 'services'?)")
        has("b.yaml:3:70: error:", "'owner' must name a agency, but 'government' is a source kind")
        has("b.yaml:4:5: error:", "duplicate id 'rest'")
        has("b.yaml:6:5: error:", "recommends nothing")
        has("b.yaml:8:5: error:", "has no access path")
        XCTAssertTrue(lines.contains { $0.contains("cycle") && $0.contains("login → gateway → login") }, lines.joined(separator: "\n"))
        XCTAssertEqual(d.errors.count, 6)
    }

    func testSchemaErrorsAreLocatedAndCollected() {
        let broken = """
        components:
          - id: Bad_Id
            name: x
            summary: s
          - id: login
            name: [not, text]
            summary: s
            layer: services
            owner: reg
            funding: {model: central}
            status: retried
        layers:
          - {id: data, name: Data, summary: s, order: first}
        """
        let d = check(["a.yaml": base, "b.yaml": broken])
        XCTAssertTrue(d.hasSchemaErrors)
        let lines = d.items.map(\.description)
        XCTAssertTrue(lines.contains("b.yaml:2:9: error: id 'Bad_Id' must match [a-z0-9][a-z0-9.-]*: lower-case letters, digits, '.' and '-'"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("b.yaml:6:11: error: 'name' must be text") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("b.yaml:11:13: error: 'status' must be one of active, deprecated, retired, found 'retried' (did you mean 'retired'?)") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("b.yaml:13:47: error: 'order' must be a whole number") })
    }

    func testUnknownFieldsAreWarningsNamingTheNearestField() {
        let d = check(["a.yaml": base + "  - {id: soap, name: SOAP, summary: s, verison: '1.2'}\n"])
        XCTAssertFalse(d.hasErrors)
        XCTAssertEqual(d.warnings.map(\.description), ["a.yaml:12:40: warning: unknown field 'verison' in a standard entry; did you mean 'version'?"])
    }

    func testMalformedYAMLIsASchemaErrorAndOtherFilesAreStillChecked() {
        let d = check(["a.yaml": base, "b.yaml": "components: [\n", "c.yaml": "concerns:\n  - {id: x, name: X, summary: s, layer: nowhere, question: q, recommended: [rest]}\n"])
        XCTAssertTrue(d.hasSchemaErrors)
        XCTAssertTrue(d.items.contains { $0.path == "b.yaml" && $0.message.hasPrefix("invalid YAML") })
        XCTAssertTrue(d.items.contains { $0.path == "c.yaml" && $0.message.contains("'nowhere'") })
    }

    func testMetadataMustAppearExactlyOnce() {
        XCTAssertTrue(check(["a.yaml": "layers: []\n"]).items.contains { $0.message.contains("no file has 'catalogue:' metadata") })
        XCTAssertTrue(check(["a.yaml": base, "b.yaml": "catalogue: {name: U, publisher: U, version: '2'}\n"]).items.contains {
            $0.path == "b.yaml" && $0.message.contains("exactly one file")
        })
    }

    func testWrongTopLevelKeyIsWarnedWithNearestKey() {
        let d = check(["a.yaml": base + "component:\n  - {id: x}\n"])
        XCTAssertTrue(d.warnings.contains { $0.message.contains("unknown field 'component'") && $0.message.contains("did you mean 'components'?") })
    }
}

import Foundation
import TechStackTestSupport
import XCTest

/// The catalogue commands and `cost`, run as a user runs them: the real binary on real files.
final class CatalogueCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("techstack-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func write(_ name: String, _ text: String) throws {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testCheckOnTheBuiltinCatalogueIsCleanFromAnyDirectory() throws {
        let out = try Binary.run(["catalogue", "check"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stderr, "")
        XCTAssertTrue(out.stdout.contains("Singapore Government Tech Stack"))
        XCTAssertTrue(out.stdout.contains("no problems"))
    }

    func testCheckNamesEveryPlantedMistakeAndExitsOne() throws {
        try write("cat/meta.yaml", CatalogueFixture.head(name: "Planted", publisher: "Tests", version: "0", sourceKind: "goverment"))
        try write("cat/more/entries.yaml", """
        standards:
          - {id: rest, name: REST, summary: s}
        components:
          - {id: login, name: Login, summary: s, layer: services, owner: reg, funding: {model: centrl}, requires: [rest, login]}
        concerns:
          - {id: identity, name: Identity, summary: s, layer: services, question: q, recommended: []}
          - {id: rest, name: Duplicate, summary: s, layer: services, question: q, recommended: [login]}
        datasets:
          - {id: person, name: Person, summary: s, source: reg, items: [name], access: []}
        """)
        let out = try Binary.run(["catalogue", "check", "--catalogue", "cat"], in: scratch)
        XCTAssertEqual(out.status, 1, out.stderr)
        let expected = [
            "cat/meta.yaml:7:56: error: 'source-kind' names 'goverment'",
            "cat/more/entries.yaml:4:88: error: 'funding.model' names 'centrl'",
            "cat/more/entries.yaml:4:114: error: 'requires' forms a cycle: login → login",
            "cat/more/entries.yaml:6:5: error: concern 'identity' recommends nothing",
            "cat/more/entries.yaml:7:5: error: duplicate id 'rest'",
            "cat/more/entries.yaml:9:5: error: dataset 'person' has no access path",
        ]
        for line in expected { XCTAssertTrue(out.stderr.contains(line), "missing \(line) in\n\(out.stderr)") }
        XCTAssertEqual(out.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count, expected.count, out.stderr)
    }

    func testInvalidYAMLOrAWrongTypeExitsTwoWithALocatedError() throws {
        try write("bad/a.yaml", "catalogue: {name: X, publisher: X, version: '1'}\nlayers:\n  - {id: a, name: A, summary: s, order: [1]}\n")
        var out = try Binary.run(["catalogue", "check", "--catalogue", "bad"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("bad/a.yaml:3:41: error: 'order' must be a whole number, found a list"), out.stderr)

        try write("bad/b.yaml", "components:\n  - {id: x, name: 'unterminated}\n")
        out = try Binary.run(["catalogue", "check", "--catalogue", "bad"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("bad/b.yaml:"), out.stderr)
        XCTAssertTrue(out.stderr.contains("invalid YAML"), out.stderr)

        // Other commands refuse the catalogue and point at `catalogue check`.
        out = try Binary.run(["cost", "x", "--catalogue", "bad"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("techstack catalogue check"), out.stderr)
    }

    func testCostOfRestJSONListsMyinfoPersonFromICA() throws {
        let text = try Binary.run(["cost", "rest-json", "--no-color"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("myinfo-person (Myinfo person (identity and residency)) — source: ica"), text.stdout)

        let json = try Binary.run(["cost", "rest-json", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["id"] as? String, "rest-json")
        let cost = try XCTUnwrap(object["cost"] as? [[String: String]])
        XCTAssertTrue(cost.contains(["dataset": "myinfo-person", "source": "ica"]))
    }

    func testShowConcernGivesTheRecommendationAndWhatSoapCosts() throws {
        let text = try Binary.run(["catalogue", "show", "api-style", "--no-color"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("✓ rest-json (REST with JSON): recommended"), text.stdout)
        XCTAssertTrue(text.stdout.contains("✗ soap (SOAP web services): costs"), text.stdout)

        let json = try Binary.run(["catalogue", "show", "api-style", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let options = try XCTUnwrap(object["options"] as? [[String: Any]])
        let soap = try XCTUnwrap(options.first { $0["id"] as? String == "soap" })
        XCTAssertEqual(soap["recommended"] as? Bool, false)
        XCTAssertTrue((soap["cost"] as? [[String: String]] ?? []).contains(["dataset": "myinfo-person", "source": "ica"]))
        XCTAssertEqual(options.first?["id"] as? String, "rest-json")
    }

    func testShowComponentNamesLayerOwnerFundingAndUnlockedData() throws {
        let out = try Binary.run(["catalogue", "show", "myinfo", "--no-color"])
        XCTAssertEqual(out.status, 0)
        for text in ["layer: microservices", "owner: govtech", "funding: central", "requires: singpass, rest-json", "myinfo-person"] {
            XCTAssertTrue(out.stdout.contains(text), "missing \(text) in\n\(out.stdout)")
        }
    }

    func testListFiltersByKindAndLayer() throws {
        let out = try Binary.run(["catalogue", "list", "components", "--layer", "application", "--format", "json"])
        XCTAssertEqual(out.status, 0)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(rows.contains { $0["id"] as? String == "wogaa" })
        XCTAssertFalse(rows.contains { $0["id"] as? String == "singpass" })
        XCTAssertTrue(rows.allSatisfy { $0["kind"] as? String == "component" })
    }

    func testSearchFindsDatasetItems() throws {
        let out = try Binary.run(["catalogue", "search", "passport", "--format", "json"])
        XCTAssertEqual(out.status, 0)
        let hits = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(hits.contains { $0["id"] as? String == "myinfo-person" }, out.stdout)
    }

    func testUnknownIdsAndBadArgumentsExitTwoWithASuggestion() throws {
        var out = try Binary.run(["catalogue", "show", "singpas"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("did you mean 'singpass'?"), out.stderr)
        out = try Binary.run(["cost", "api-style"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("'api-style' is a concern"), out.stderr)
        out = try Binary.run(["catalogue", "list", "--format", "xml"])
        XCTAssertEqual(out.status, 2)
        out = try Binary.run(["catalogue", "frobnicate"])
        XCTAssertEqual(out.status, 2)
        out = try Binary.run(["catalogue", "check", "--catalogue", "does-not-exist"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("does-not-exist:1:1: error: no such directory"), out.stderr)
    }
}

import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// The built-in catalogue: the same as `catalogue/`, clean, and modelling SGTS as README, "Writing a catalogue" requires.
final class DefaultCatalogueTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func catalogue() throws -> Catalogue {
        let result = CatalogueLoader.load(files: Builtin.catalogueFiles)
        XCTAssertEqual(result.diagnostics.items.map(\.description), [], "the default catalogue must pass with no error and no warning")
        return try XCTUnwrap(result.catalogue)
    }

    func testBuiltinCopyEqualsTheCatalogueFolder() throws {
        let folder = Self.root.appendingPathComponent("catalogue").path
        let onDisk = try InputFile.yamlFiles(under: folder).map { path in
            (String(path.dropFirst(Self.root.path.count + 1)), try String(contentsOfFile: path, encoding: .utf8))
        }
        let builtin = Builtin.catalogueFiles.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
        XCTAssertEqual(builtin.map(\.0), onDisk.map(\.0))
        for (a, b) in zip(builtin, onDisk) { XCTAssertEqual(a.1, b.1, "\(a.0) drifted from the built-in copy") }
    }

    func testRequiredIdsAndMeanings() throws {
        let c = try catalogue()
        XCTAssertEqual(Set(c.layers.map(\.header.id)), ["microservices", "application", "infrastructure", "data", "governance"])
        XCTAssertEqual(c.layers.filter(\.crossCutting).map(\.header.id), ["governance"])
        XCTAssertEqual(c.sourceKinds.count, 3)
        XCTAssertEqual(c.fundingModel("central")?.charging, .free)
        XCTAssertEqual(c.fundingModel("pay-per-use")?.charging, .perUse)
        XCTAssertEqual(c.fundingModel("project-then-paid")?.becomes?.model.value, "pay-per-use")
        for id in ["singpass", "corppass", "myinfo", "apex", "wogaa", "nectar", "data-gov-sg"] {
            XCTAssertNotNil(c.component(id), id)
        }
        XCTAssertGreaterThan(c.component("nectar")?.layers.count ?? 0, 1, "NECTAR is a hybrid")
        let first = ["api-style": "rest-json", "citizen-identity": "singpass", "business-identity": "corppass",
                     "api-gateway": "apex", "analytics": "wogaa"]
        for (concern, id) in first { XCTAssertEqual(c.concern(concern)?.recommended.first?.value, id, concern) }
        XCTAssertNotNil(c.concern("hosting"))
        XCTAssertNotNil(c.standard("soap"))
        XCTAssertNotNil(c.standard("amqp"))
        XCTAssertTrue(c.concerns(recommending: "soap").isEmpty)
        XCTAssertTrue(c.concerns(recommending: "amqp").isEmpty)

        let person = try XCTUnwrap(c.dataset("myinfo-person"))
        XCTAssertTrue(person.consent)
        XCTAssertEqual(person.source.value, "ica")
        XCTAssertEqual(person.access.map { $0.requires.map(\.value) }, [["myinfo"]])
        // The catalogue format's minimum: myinfo requires singpass and rest-json; the catalogue adds FAPI 2.0, which
        // Myinfo's current API is built on.
        XCTAssertTrue(Set(c.requires("myinfo")).isSuperset(of: ["singpass", "rest-json"]))
        XCTAssertTrue(c.datasets.contains { d in
            !d.grantRequired && d.access.contains { $0.requires.contains { $0.value == "data-gov-sg" } }
        }, "an open dataset from data.gov.sg")
    }

    func testSizes() throws {
        let c = try catalogue()
        XCTAssertGreaterThanOrEqual(c.agencies.count, 12)
        XCTAssertGreaterThanOrEqual(c.components.count, 20)
        XCTAssertGreaterThanOrEqual(c.standards.count, 25)
        XCTAssertGreaterThanOrEqual(c.concerns.count, 15)
        XCTAssertGreaterThanOrEqual(c.datasets.count, 12)
        XCTAssertEqual(Set(c.concerns.map(\.layer.value)), Set(c.layers.map(\.header.id)), "concerns cover every layer and the frame")
    }

    func testEveryDatasetIsReachableFromTheRecommendedStack() throws {
        let c = try catalogue()
        XCTAssertEqual(Reach(catalogue: c).recommendedReach, Set(c.datasets.map(\.header.id)))
    }

    func testRestJSONCostsMyinfoPersonFromICA() throws {
        let reach = Reach(catalogue: try catalogue())
        XCTAssertTrue(reach.cost(of: "rest-json").contains(CostItem(dataset: "myinfo-person", source: "ica")))
        XCTAssertTrue(reach.cost(ofDeviation: "api-style", to: ["soap"]).contains(CostItem(dataset: "myinfo-person", source: "ica")))
    }
}

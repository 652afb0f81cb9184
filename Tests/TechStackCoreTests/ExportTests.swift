import Foundation
import XCTest
import Yams
@testable import TechStackCore

/// Exports for other tools: Backstage entities that pass Backstage's entity rules, and a
/// technology radar whose rings follow the documented mapping.
final class ExportTests: XCTestCase {
    private func entities(_ catalogue: Catalogue) throws -> [[String: Any]] {
        let yaml = try BackstageExport.generate(catalogue)
        return try Yams.load_all(yaml: yaml).map { try XCTUnwrap($0 as? [String: Any], "every document is a mapping") }
    }

    private func string(_ value: Any?, _ path: String...) -> String? {
        var current = value
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? String
    }

    // MARK: Backstage

    func testEveryBackstageEntityHasTheFieldsBackstageRequires() throws {
        let catalogue = try SiteFixtures.builtin()
        let all = try entities(catalogue)
        XCTAssertEqual(all.count, 1 + catalogue.agencies.count + catalogue.layers.count + catalogue.components.count
                       + catalogue.standards.count + catalogue.datasets.count)
        for entity in all {
            let name = try XCTUnwrap(string(entity, "metadata", "name"))
            XCTAssertEqual(entity["apiVersion"] as? String, "backstage.io/v1alpha1", name)
            XCTAssertTrue(BackstageExport.isValidName(name), name)
            XCTAssertNotNil(string(entity, "metadata", "title"), name)
            let spec = try XCTUnwrap(entity["spec"] as? [String: Any], name)
            let required: [String]
            switch entity["kind"] as? String {
            case "Component": required = ["type", "lifecycle", "owner"]
            case "API": required = ["type", "lifecycle", "owner", "definition"]
            case "System": required = ["owner"]
            case "Resource": required = ["type", "owner"]
            case "Group":
                required = ["type"]
                XCTAssertNotNil(spec["children"] as? [Any], "\(name): a Group needs children, even empty")
            default: XCTFail("unexpected kind \(entity["kind"] ?? "nil")"); required = []
            }
            for field in required {
                XCTAssertFalse((spec[field] as? String ?? "").isEmpty, "\(name): spec.\(field)")
            }
            for link in (entity["metadata"] as? [String: Any])?["links"] as? [[String: Any]] ?? [] {
                XCTAssertTrue((link["url"] as? String ?? "").hasPrefix("http"), "\(name): \(link)")
            }
        }
    }

    func testBackstageReferencesPointAtEntitiesInTheExport() throws {
        let all = try entities(try SiteFixtures.builtin())
        var refs: Set<String> = []
        for entity in all {
            let kind = (entity["kind"] as? String ?? "").lowercased()
            refs.insert("\(kind):default/\(string(entity, "metadata", "name") ?? "")")
        }
        for entity in all {
            let spec = entity["spec"] as? [String: Any] ?? [:]
            if let owner = spec["owner"] as? String { XCTAssertTrue(refs.contains(owner), owner) }
            if let system = spec["system"] as? String { XCTAssertTrue(refs.contains("system:default/\(system)"), system) }
            for key in ["dependsOn", "consumesApis", "providesApis"] {
                for ref in spec[key] as? [String] ?? [] { XCTAssertTrue(refs.contains(ref), "\(key): \(ref)") }
            }
        }
        let myinfo = try XCTUnwrap(all.first { string($0, "metadata", "name") == "myinfo" && $0["kind"] as? String == "Component" })
        let spec = try XCTUnwrap(myinfo["spec"] as? [String: Any])
        XCTAssertEqual(spec["owner"] as? String, "group:default/govtech")
        XCTAssertEqual(spec["system"] as? String, "microservices")
        XCTAssertEqual(spec["dependsOn"] as? [String], ["component:default/singpass"])
        XCTAssertEqual(spec["consumesApis"] as? [String], ["api:default/rest-json", "api:default/fapi-2"])
        XCTAssertEqual(spec["lifecycle"] as? String, "production")
    }

    func testDeprecatedStandardsAreDeprecatedAPIs() throws {
        let catalogue = try SiteFixtures.builtin()
        let deprecated = catalogue.standards.filter { $0.status != .active }.map(\.header.id)
        XCTAssertFalse(deprecated.isEmpty)
        for entity in try entities(catalogue) where entity["kind"] as? String == "API" {
            let id = string(entity, "metadata", "annotations", "techstack/id") ?? ""
            XCTAssertEqual(string(entity, "spec", "lifecycle"), deprecated.contains(id) ? "deprecated" : "production", id)
        }
    }

    func testHostileTextSurvivesTheYAMLRoundTrip() throws {
        let catalogue = try SiteFixtures.hostile()
        let all = try entities(catalogue)
        let root = try XCTUnwrap(all.first)
        XCTAssertEqual(string(root, "metadata", "title"), "Test & <b>Stack</b>")
        // A version that reads like a bool stays a string.
        XCTAssertEqual(string(root, "metadata", "annotations", "techstack/catalogue-version"), "true")
        let login = try XCTUnwrap(all.first { $0["kind"] as? String == "Component" })
        XCTAssertEqual(string(login, "metadata", "title"), SiteFixtures.hostileName)
        XCTAssertEqual(string(login, "metadata", "name"), "login")
        // Only web links become Backstage links.
        let links = (login["metadata"] as? [String: Any])?["links"] as? [[String: Any]] ?? []
        XCTAssertEqual(links.count, 1)
        let agency = try XCTUnwrap(all.first { string($0, "metadata", "name") == "reg" })
        XCTAssertEqual(string(agency, "metadata", "title"), "Registry \" onmouseover=\"alert(2)")
    }

    func testNamesAreMadeValidForBackstage() {
        XCTAssertEqual(BackstageExport.validName("Singapore Government Tech Stack"), "singapore-government-tech-stack")
        XCTAssertEqual(BackstageExport.validName("wcag-2.1-aa"), "wcag-2.1-aa")
        XCTAssertEqual(BackstageExport.validName("ends-with-"), "ends-with")
        XCTAssertEqual(BackstageExport.validName("--<script>--"), "script")
        XCTAssertEqual(BackstageExport.validName("!!!"), "entry")
        let long = BackstageExport.validName(String(repeating: "a", count: 62) + "-b")
        XCTAssertEqual(long.count, 62)
        for name in ["a", "a.b-c_d", "A9"] { XCTAssertTrue(BackstageExport.isValidName(name), name) }
        for name in ["", "-a", "a-", "a b", String(repeating: "a", count: 64)] { XCTAssertFalse(BackstageExport.isValidName(name), name) }
    }

    // MARK: radar

    private func radar(_ catalogue: Catalogue) throws -> [String: Any] {
        let json = try RadarExport.generate(catalogue)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    func testTheRadarHasTheFourLayersAsQuadrantsAndTheFourRings() throws {
        let catalogue = try SiteFixtures.builtin()
        let radar = try radar(catalogue)
        let quadrants = try XCTUnwrap(radar["quadrants"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(quadrants, ["microservices", "application", "infrastructure", "data"])
        XCTAssertEqual(radar["rings"] as? [String], ["adopt", "trial", "assess", "hold"])
        XCTAssertEqual(string(radar, "catalogue", "version"), catalogue.info.version)
        XCTAssertEqual(string(radar, "catalogue", "name"), catalogue.info.name)
        let entries = try XCTUnwrap(radar["entries"] as? [[String: Any]])
        let frame = try XCTUnwrap(radar["frameEntries"] as? [[String: Any]])
        XCTAssertEqual(entries.count + frame.count, catalogue.standards.count + catalogue.components.count)
        for entry in entries {
            XCTAssertTrue(quadrants.contains(entry["quadrant"] as? String ?? ""), "\(entry)")
            XCTAssertFalse((entry["link"] as? String ?? "").isEmpty)
        }
        for entry in frame { XCTAssertEqual(entry["quadrant"] as? String, "governance") }
    }

    func testRadarRingsFollowTheMapping() throws {
        let catalogue = try SiteFixtures.builtin()
        let all = try XCTUnwrap(try radar(catalogue)["entries"] as? [[String: Any]])
            + (try XCTUnwrap(try radar(catalogue)["frameEntries"] as? [[String: Any]]))
        let ring = Dictionary(all.map { ($0["id"] as? String ?? "", $0["ring"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(ring["rest-json"], "adopt")
        XCTAssertEqual(ring["singpass"], "adopt")
        XCTAssertEqual(ring["soap"], "assess")
        XCTAssertEqual(ring["amqp"], "assess")
        XCTAssertEqual(ring["apex-l1-hmac"], "hold")
        for id in ring.keys {
            let status = try XCTUnwrap(catalogue.lifecycle(of: id)).status
            let recommended = !catalogue.concerns(recommending: id).isEmpty
            let alternative = catalogue.concerns.contains { $0.alternatives.contains { $0.value == id } }
            let expected = status != .active ? "hold" : recommended ? "adopt" : alternative ? "assess" : "trial"
            XCTAssertEqual(ring[id], expected, id)
        }
        XCTAssertTrue(ring.values.contains("trial"), "some shared component is recommended by no concern")
    }

    func testRadarPlacesEachComponentInItsPrimaryLayer() throws {
        let entries = try XCTUnwrap(try radar(try SiteFixtures.builtin())["entries"] as? [[String: Any]])
        let quadrant = Dictionary(entries.map { ($0["id"] as? String ?? "", $0["quadrant"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(quadrant["apex"], "microservices")
        XCTAssertEqual(quadrant["wogaa"], "application")
        XCTAssertEqual(quadrant["nectar"], "infrastructure")
        XCTAssertEqual(quadrant["data-gov-sg"], "data")
        XCTAssertEqual(quadrant["rest-json"], "microservices")
    }
}

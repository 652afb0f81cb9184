import Foundation
import TechStackTestSupport
import XCTest
import Yams
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

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
            for key in ["dependsOn", "consumesApis", "providesApis", "dependencyOf"] {
                for ref in spec[key] as? [String] ?? [] { XCTAssertTrue(refs.contains(ref), "\(key): \(ref)") }
            }
        }
        let myinfo = try XCTUnwrap(all.first { string($0, "metadata", "name") == "myinfo" && $0["kind"] as? String == "Component" })
        let spec = try XCTUnwrap(myinfo["spec"] as? [String: Any])
        XCTAssertEqual(spec["owner"] as? String, "group:default/govtech")
        XCTAssertEqual(spec["system"] as? String, "microservices")
        XCTAssertEqual(spec["dependsOn"] as? [String], ["component:default/singpass", "resource:default/rest-json", "resource:default/fapi-2"])
        XCTAssertEqual(spec["lifecycle"] as? String, "production")
    }

    func testStandardsAreResourcesThatNeedNoDefinition() throws {
        let catalogue = try SiteFixtures.builtin()
        let deprecated = catalogue.standards.filter { $0.status != .active }.map(\.header.id)
        XCTAssertFalse(deprecated.isEmpty)
        let all = try entities(catalogue)
        XCTAssertFalse(all.contains { $0["kind"] as? String == "API" }, "no API entity with prose as its definition")
        let standards = all.filter { string($0, "metadata", "annotations", "techstack/kind") == "standard" }
        XCTAssertEqual(standards.count, catalogue.standards.count)
        for entity in standards {
            let id = string(entity, "metadata", "annotations", "techstack/id") ?? ""
            XCTAssertEqual(entity["kind"] as? String, "Resource", id)
            XCTAssertEqual(string(entity, "spec", "type"), "standard", id)
            XCTAssertNil((entity["spec"] as? [String: Any])?["definition"], id)
            XCTAssertEqual(string(entity, "metadata", "annotations", "techstack/status"), deprecated.contains(id) ? catalogue.standard(id)?.status.rawValue : "active", id)
        }
    }

    /// Every document validates against Backstage's own entity schemas: the kind's schema
    /// (which refers to Entity, EntityMeta and common by `$id`) and EntityEnvelope.
    func testEveryEntityValidatesAgainstBackstagesSchemas() throws {
        let schemas = try ExternalCheck.schema("backstage")
        let directory = try Binary.makeTemporaryDirectory(prefix: "backstage")
        defer { try? FileManager.default.removeItem(at: directory) }
        var byKind: [String: [URL]] = [:]
        for catalogue in [try SiteFixtures.builtin(), try SiteFixtures.hostile()] {
            for (i, entity) in try entities(catalogue).enumerated() {
                let kind = try XCTUnwrap(entity["kind"] as? String)
                let file = directory.appendingPathComponent("\(catalogue.info.version)-\(i).json")
                try JSONSerialization.data(withJSONObject: entity).write(to: file)
                byKind[kind, default: []].append(file)
            }
        }
        XCTAssertEqual(Set(byKind.keys), ["Group", "System", "Component", "Resource"])
        for (kind, files) in byKind.sorted(by: { $0.key < $1.key }) {
            try ExternalCheck.validateJSON(files, schema: schemas.appendingPathComponent("\(kind)V1alpha1"), registry: schemas)
            try ExternalCheck.validateJSON(files, schema: schemas.appendingPathComponent("EntityEnvelope"), registry: schemas)
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

    /// Every string the export writes unquoted without asking Yams' resolver is one the
    /// resolver reads as a string, and every other is still asked.
    func testPlainStringsAreThoseYamsReadsAsStrings() throws {
        var samples = ["rest-json", "Standard 12", "a: b", "x #y", "wcag-2.1-aa", "The data layer.", "Yes", "yes", "no", "NO",
                       "on", "Off", "null", "Null", "true", "FALSE", "true\n", "yes\r\n", "y", "n", "nan", "inf", "e1", "x\u{2028}",
                       "1", "0x1F", "1.5", ".5", ".inf", "~", "", "<<", "=", "2026-01-01", "-1", "+1", "'quoted'", "\"q\"",
                       "ab\u{85}", "Ünïcode", "off-line", "truey", "nullable", "backstage.io/v1alpha1", "group:default/x"]
        for scalar in 0..<0x80 { samples.append("a" + String(UnicodeScalar(UInt8(scalar)))) }
        for text in samples where BackstageExport.isPlainString(text) {
            XCTAssertEqual(Resolver.default.resolveTag(of: .scalar(Node.Scalar(text))), .str, "\(text.debugDescription) would not read as a string")
        }
        XCTAssertFalse(BackstageExport.isPlainString("true\n"))
        XCTAssertTrue(BackstageExport.isPlainString("rest-json"))
    }

    /// The primary layers worked out in one pass are those of the definition, entry by entry.
    func testPrimaryLayersInOnePassAreTheDefinitions() throws {
        for catalogue in [try SiteFixtures.builtin(), try SiteFixtures.hostile()] {
            let layers = CatalogueExports.PrimaryLayers(catalogue)
            for entry in catalogue.allEntries {
                XCTAssertEqual(layers[entry.id], CatalogueExports.primaryLayerByScan(of: entry.id, in: catalogue), entry.id)
            }
        }
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

    private func export(_ format: any CatalogueExport.Type, _ catalogue: Catalogue, _ options: ExportOptions = ExportOptions()) throws -> Any {
        let json = try format.generate(catalogue, options: options)
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    private func radar(_ catalogue: Catalogue, _ options: ExportOptions = ExportOptions()) throws -> [String: Any] {
        try XCTUnwrap(try export(RadarExport.self, catalogue, options) as? [String: Any])
    }

    /// The checks of Backstage's `TechRadarLoaderResponseParser` (tech-radar-common's zod
    /// schema), and what its RadarComponent relies on: quadrant and ring ids that resolve, and
    /// `timeline[0]` as the entry's ring now.
    private func assertBackstageTechRadarShape(_ radar: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws {
        let quadrants = try XCTUnwrap(radar["quadrants"] as? [[String: Any]], file: file, line: line)
        let rings = try XCTUnwrap(radar["rings"] as? [[String: Any]], file: file, line: line)
        for q in quadrants { XCTAssertNotNil(q["id"] as? String); XCTAssertNotNil(q["name"] as? String) }
        for r in rings {
            for key in ["id", "name", "color"] { XCTAssertNotNil(r[key] as? String, "ring.\(key)", file: file, line: line) }
            if let d = r["description"] { XCTAssertNotNil(d as? String) }
        }
        XCTAssertEqual(quadrants.count, 4, "the plugin draws four quadrants", file: file, line: line)
        let quadrantIDs = Set(quadrants.compactMap { $0["id"] as? String })
        let ringIDs = Set(rings.compactMap { $0["id"] as? String })
        let entries = try XCTUnwrap(radar["entries"] as? [[String: Any]], file: file, line: line)
        XCTAssertFalse(entries.isEmpty)
        for entry in entries {
            for key in ["key", "id", "quadrant", "title"] { XCTAssertNotNil(entry[key] as? String, "entry.\(key): \(entry)", file: file, line: line) }
            XCTAssertTrue(quadrantIDs.contains(entry["quadrant"] as? String ?? ""), "\(entry)", file: file, line: line)
            if let d = entry["description"] { XCTAssertNotNil(d as? String) }
            if let url = entry["url"] { XCTAssertNotNil(url as? String) }
            for link in try XCTUnwrap(entry["links"] as? [[String: Any]] ?? [], file: file, line: line) {
                XCTAssertNotNil(link["url"] as? String); XCTAssertNotNil(link["title"] as? String)
            }
            let timeline = try XCTUnwrap(entry["timeline"] as? [[String: Any]], file: file, line: line)
            XCTAssertFalse(timeline.isEmpty, "RadarComponent reads timeline[0]", file: file, line: line)
            var previous: String?
            for point in timeline {
                XCTAssertTrue(ringIDs.contains(point["ringId"] as? String ?? ""), "\(point)", file: file, line: line)
                let date = try XCTUnwrap(point["date"] as? String, file: file, line: line)
                XCTAssertNotNil(ISO8601DateFormatter().date(from: date + "T00:00:00Z"), "z.coerce.date: \(date)", file: file, line: line)
                if let moved = point["moved"] { XCTAssertTrue([-1, 0, 1].contains(moved as? Int ?? 9), "MovedState: \(point)", file: file, line: line) }
                if let previous { XCTAssertGreaterThanOrEqual(previous, date, "newest first", file: file, line: line) }
                previous = date
            }
        }
    }

    func testTheRadarIsABackstageTechRadarResponse() throws {
        let catalogue = try SiteFixtures.builtin()
        let radar = try radar(catalogue)
        try assertBackstageTechRadarShape(radar)
        let quadrants = try XCTUnwrap(radar["quadrants"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(quadrants, ["microservices", "application", "infrastructure", "data"])
        let rings = try XCTUnwrap(radar["rings"] as? [[String: Any]])
        XCTAssertEqual(rings.compactMap { $0["id"] as? String }, ["adopt", "trial", "assess", "hold"])
        XCTAssertEqual(string(radar, "catalogue", "version"), catalogue.info.version)
        let entries = try XCTUnwrap(radar["entries"] as? [[String: Any]])
        let frame = try XCTUnwrap(radar["frameEntries"] as? [[String: Any]])
        XCTAssertFalse(frame.isEmpty)
        XCTAssertEqual(entries.count + frame.count, catalogue.standards.count + catalogue.components.count)
        let apex = try XCTUnwrap(entries.first { $0["id"] as? String == "apex" })
        let timeline = try XCTUnwrap(apex["timeline"] as? [[String: Any]])
        XCTAssertEqual(timeline.count, 1)
        XCTAssertEqual(timeline[0]["date"] as? String, "2026-11-01", "from the catalogue's version 2026.11")
        XCTAssertEqual(timeline[0]["ringId"] as? String, "adopt")
        let links = try XCTUnwrap(apex["links"] as? [[String: Any]])
        XCTAssertEqual(links.first?["url"] as? String, "components/apex.html")
    }

    func testTheFrameCanBeShownInAQuadrant() throws {
        let catalogue = try SiteFixtures.builtin()
        let radar = try radar(catalogue, ExportOptions(frameQuadrant: "application"))
        try assertBackstageTechRadarShape(radar)
        XCTAssertEqual((radar["frameEntries"] as? [Any])?.count, 0)
        let wcag = try XCTUnwrap((radar["entries"] as? [[String: Any]])?.first { $0["id"] as? String == "wcag-2.1-aa" })
        XCTAssertEqual(wcag["quadrant"] as? String, "application")
    }

    func testRadarRingsFollowTheMapping() throws {
        let catalogue = try SiteFixtures.builtin()
        let radar = try radar(catalogue, ExportOptions(frameQuadrant: "data"))
        let all = try XCTUnwrap(radar["entries"] as? [[String: Any]])
        let ring = Dictionary(all.map { ($0["id"] as? String ?? "", ($0["timeline"] as? [[String: Any]])?.first?["ringId"] as? String ?? "") },
                              uniquingKeysWith: { a, _ in a })
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

    /// zalando/tech-radar's radar.js: `segment(entry.quadrant, entry.ring)` indexes four
    /// quadrants and four rings, `config.rings[entry.ring].color`, `d.label`, `d.active`,
    /// `d.moved` in -1…2, `d.link` when present.
    func testTheZalandoExportIsARadarVisualizationConfig() throws {
        let catalogue = try SiteFixtures.builtin()
        let usage = RadarExport.Usage(projects: 3, choosing: ["apex": 2])
        let config = try XCTUnwrap(try export(ZalandoRadarExport.self, catalogue, ExportOptions(usage: usage)) as? [String: Any])
        let quadrants = try XCTUnwrap(config["quadrants"] as? [[String: Any]])
        let rings = try XCTUnwrap(config["rings"] as? [[String: Any]])
        XCTAssertEqual(quadrants.count, 4)
        XCTAssertEqual(rings.count, 4)
        for q in quadrants { XCTAssertNotNil(q["name"] as? String) }
        for r in rings { XCTAssertNotNil(r["name"] as? String); XCTAssertTrue((r["color"] as? String ?? "").hasPrefix("#")) }
        let entries = try XCTUnwrap(config["entries"] as? [[String: Any]])
        XCTAssertFalse(entries.isEmpty)
        for entry in entries {
            XCTAssertTrue((0...3).contains(entry["quadrant"] as? Int ?? -1), "\(entry)")
            XCTAssertTrue((0...3).contains(entry["ring"] as? Int ?? -1), "\(entry)")
            XCTAssertNotNil(entry["label"] as? String)
            XCTAssertNotNil(entry["active"] as? Bool)
            XCTAssertTrue((-1...2).contains(entry["moved"] as? Int ?? 9), "\(entry)")
            if let link = entry["link"] { XCTAssertNotNil(link as? String) }
        }
        let apex = try XCTUnwrap(entries.first { ($0["label"] as? String ?? "").hasPrefix("APEX (") })
        XCTAssertEqual(apex["label"] as? String, "APEX (API Exchange) (2)", "projects choosing it, with --portfolio")
        XCTAssertEqual(apex["quadrant"] as? Int, 0, "the first layer")
        XCTAssertEqual(apex["ring"] as? Int, 0, "adopt")
    }

    /// Thoughtworks' build-your-own-radar: ContentValidator wants `name`, `ring`, `quadrant`,
    /// `description` and `isNew` on the first object; InputSanitizer trims every value (so all
    /// are strings); `isNew.toLowerCase() === 'true'`; at most four rings and four quadrants.
    func testTheBYORExportIsWhatBuildYourOwnRadarReads() throws {
        let catalogue = try SiteFixtures.builtin()
        let blips = try XCTUnwrap(try export(BYORRadarExport.self, catalogue, ExportOptions(frameQuadrant: "data")) as? [[String: Any]])
        XCTAssertFalse(blips.isEmpty)
        for blip in blips {
            XCTAssertEqual(Set(blip.keys), ["name", "ring", "quadrant", "isNew", "description"])
            for (key, value) in blip { XCTAssertNotNil(value as? String, "\(key) must be a string: \(blip)") }
            XCTAssertTrue(["TRUE", "FALSE"].contains(blip["isNew"] as? String ?? ""))
        }
        XCTAssertLessThanOrEqual(Set(blips.compactMap { $0["ring"] as? String }).count, 4)
        XCTAssertEqual(Set(blips.compactMap { $0["quadrant"] as? String }), Set(catalogue.layers.filter { !$0.crossCutting }.map(\.header.name)))
        XCTAssertEqual(Set(blips.compactMap { $0["ring"] as? String }), ["Adopt", "Trial", "Assess", "Hold"])
        let hostile = try XCTUnwrap(try export(BYORRadarExport.self, try SiteFixtures.hostile()) as? [[String: Any]])
        for blip in hostile { XCTAssertFalse((blip["description"] as? String ?? "").contains("<"), "description is HTML to BYOR: \(blip)") }
    }

    func testHistoryGivesTimelinesAndMovesBetweenRings() throws {
        let catalogue = try SiteFixtures.builtin()
        let directory = try Binary.makeTemporaryDirectory(prefix: "radar-history")
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("history.sqlite").path
        var rings = RadarExport.rings(catalogue)
        rings["apex"] = "trial"
        rings["soap"] = "adopt"
        rings.removeValue(forKey: "rest-json")
        func card(_ day: String) throws -> Scorecard { Scorecard(catalogue: catalogue, date: try XCTUnwrap(Day(day)), projects: []) }
        try History.record(try card("2026-01-10"), to: db, rings: rings)
        try History.record(try card("2026-06-01"), to: db, rings: RadarExport.rings(catalogue))
        let radar = try radar(catalogue, ExportOptions(history: try History.load(db)))
        try assertBackstageTechRadarShape(radar)
        let entries = try XCTUnwrap(radar["entries"] as? [[String: Any]])
        func timeline(_ id: String) throws -> [[String: Any]] {
            try XCTUnwrap(try XCTUnwrap(entries.first { $0["id"] as? String == id })["timeline"] as? [[String: Any]])
        }
        let apex = try timeline("apex")
        XCTAssertEqual(apex.map { $0["ringId"] as? String }, ["adopt", "trial"])
        XCTAssertEqual(apex.map { $0["date"] as? String }, ["2026-06-01", "2026-01-10"])
        XCTAssertEqual(apex.map { $0["moved"] as? Int }, [1, 0], "moved in towards adopt")
        let soap = try timeline("soap")
        XCTAssertEqual(soap.map { $0["ringId"] as? String }, ["assess", "adopt"])
        XCTAssertEqual(soap.first?["moved"] as? Int, -1)
        let zalando = try XCTUnwrap(try export(ZalandoRadarExport.self, catalogue, ExportOptions(history: try History.load(db))) as? [String: Any])
        let labels = Dictionary(((zalando["entries"] as? [[String: Any]]) ?? []).map { ($0["label"] as? String ?? "", $0["moved"] as? Int ?? 9) },
                                uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(labels["REST with JSON"], 2, "new in the latest snapshot")
        XCTAssertEqual(labels["SOAP web services"], -1)
    }
}

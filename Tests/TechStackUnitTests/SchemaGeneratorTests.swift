import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackSite

/// README, "the manifest in every editor": what the schema generator writes, without the binary
/// (the written schemas checked with an independent validator: SchemaTests).
final class SchemaGeneratorTests: XCTestCase {
    static var builtin: Catalogue {
        get throws { try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue) }
    }

    func testEveryKeyTheManifestLoaderReadsIsDescribed() throws {
        let schema = Schemas.generate(.manifest, catalogue: try Self.builtin, rules: Fixtures.rules)
        guard case .object(let top)? = schema["properties"] else { return XCTFail("no properties") }
        XCTAssertEqual(top.map(\.0), ManifestLoader.topLevelKeys)
        for (key, value) in top { XCTAssertNotEqual(value["description"], "(not described)", key) }
        XCTAssertEqual(schema["additionalProperties"], false)
        XCTAssertEqual(schema["$schema"], "http://json-schema.org/draft-07/schema#")
    }

    func testEveryFieldTheCatalogueAndRuleLoadersAcceptIsTyped() {
        XCTAssertEqual(CatalogueSchema.untypedFields, [])
    }

    func testEveryConcernIsAChoiceKeyWithItsQuestionAndItsOptionsRecommendedFirst() throws {
        let catalogue = try Self.builtin
        let schema = Schemas.generate(.manifest, catalogue: catalogue, rules: Fixtures.rules)
        let choices = try XCTUnwrap(schema["properties"]?["choices"]?["properties"])
        for concern in catalogue.concerns {
            let entry = try XCTUnwrap(choices[concern.header.id], concern.header.id)
            guard case .string(let description)? = entry["description"] else { return XCTFail("no description") }
            XCTAssertTrue(description.hasPrefix(concern.question), description)
            guard case .array(let offered)? = entry["anyOf"] else { return XCTFail("no anyOf") }
            let consts = offered.compactMap { v -> String? in if case .string(let s)? = v["const"] { return s } else { return nil } }
            XCTAssertEqual(consts, concern.options, concern.header.id)
            XCTAssertTrue(offered.contains { $0 == Schemas.id }, "any id still validates")
        }
        // An alternative says what it costs, with the datasets' sources.
        let soap = try XCTUnwrap(choices["api-style"]?["anyOf"].flatMap { v -> JSONValue? in
            if case .array(let items) = v { return items.first { $0["const"] == "soap" } } else { return nil }
        })
        guard case .string(let text)? = soap["description"] else { return XCTFail("no description for soap") }
        XCTAssertTrue(text.contains("not recommended"), text)
        XCTAssertTrue(text.contains("myinfo-person (source ica)"), text)
    }
}

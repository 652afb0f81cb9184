import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// README, "the impact of a catalogue change": what `techstack catalogue diff OLD NEW` computes,
/// one test per kind of change, and the impact on a portfolio (the command itself:
/// CatalogueDiffCommandTests).
final class CatalogueDiffTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try Binary.makeTemporaryDirectory(prefix: "techstack-diff")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    // MARK: - Catalogue changes

    /// The fixture catalogue with each `(old, new)` text replaced, checked to be usable.
    private func changed(_ edits: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws -> Catalogue {
        var text = Fixtures.catalogueText
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old), "the fixture has no '\(old)'", file: file, line: line)
            text = text.replacingOccurrences(of: old, with: new)
        }
        let result = CatalogueLoader.load(files: [InputFile(path: "new.yaml", text: text)])
        XCTAssertFalse(result.diagnostics.hasErrors, result.diagnostics.description, file: file, line: line)
        return try XCTUnwrap(result.catalogue)
    }

    private func diff(_ edits: [(String, String)]) throws -> CatalogueDiff {
        CatalogueDiff(old: Fixtures.catalogue, new: try changed(edits))
    }

    static let dataGov = "{id: data-gov-sg, name: data.gov.sg, summary: s, layer: data, owner: govtech, funding: {model: central}, requires: [rest-json]}"

    func testTheSameCatalogueHasNoChanges() {
        let diff = CatalogueDiff(old: Fixtures.catalogue, new: Fixtures.catalogue)
        XCTAssertTrue(diff.isEmpty)
    }

    func testAnAddedEntryIsListed() throws {
        let diff = try diff([(CatalogueDiffFixtures.soap, CatalogueDiffFixtures.soap + "\n  - {id: graphql, name: GraphQL, summary: s}")])
        XCTAssertEqual(diff.added, [.init(id: "graphql", kind: "standard", name: "GraphQL")])
        XCTAssertEqual(diff.removed, [])
        XCTAssertEqual(diff.changed, [])
    }

    func testARemovedEntryIsListed() throws {
        let diff = try diff([("  - {id: saml2, name: SAML 2.0, summary: s}\n", "")])
        XCTAssertEqual(diff.removed, [.init(id: "saml2", kind: "standard", name: "SAML 2.0")])
        XCTAssertEqual(diff.added, [])
    }

    func testAChangedEntryIsComparedFieldByField() throws {
        let diff = try diff([(CatalogueDiffFixtures.soap, "  - {id: soap, name: SOAP 1.2, summary: s, version: \"1.2\"}")])
        XCTAssertEqual(diff.changed, [.init(id: "soap", kind: "standard", name: "SOAP 1.2", fields: [
            .init(field: "name", old: "SOAP", new: "SOAP 1.2"),
            .init(field: "version", old: nil, new: "1.2"),
        ])])
    }

    func testWritingOutADefaultIsNoChange() throws {
        let diff = try diff([(CatalogueDiffFixtures.soap, "  - {id: soap, name: SOAP, summary: s, status: active}")])
        XCTAssertTrue(diff.isEmpty, "\(diff.changed)")
    }

    func testARecommendationChangeIsShownPerConcernAndSaysWhenTheFirstChanged() throws {
        let diff = try diff([("recommended: [gcc, nectar]", "recommended: [nectar, gcc]")])
        XCTAssertEqual(diff.recommendations, [.init(concern: "hosting", old: ["gcc", "nectar"], new: ["nectar", "gcc"], firstChanged: true)])
        XCTAssertEqual(diff.changed.map(\.id), ["hosting"])
        let later = try self.diff([("recommended: [gcc, nectar]", "recommended: [gcc]")])
        XCTAssertEqual(later.recommendations.first?.firstChanged, false)
    }

    func testAStatusChangeIsShownWithItsReplacement() throws {
        let diff = try diff([(CatalogueDiffFixtures.soap, "  - {id: soap, name: SOAP, summary: s, status: retired, replaced-by: rest-json}")])
        XCTAssertEqual(diff.statuses, [.init(id: "soap", kind: "standard", old: "active", new: "retired", oldReplacedBy: nil, newReplacedBy: "rest-json")])
        XCTAssertEqual(diff.changed.first?.fields.map(\.field), ["status", "replaced-by"])
    }

    func testTheCostOfEveryOptionIsComparedWithTheDatasetsGainedAndLost() throws {
        // data.gov.sg no longer needs REST/JSON; the HDB register now needs it beside APEX.
        let diff = try diff([
            (Self.dataGov, Self.dataGov.replacingOccurrences(of: ", requires: [rest-json]", with: "")),
            ("access: [{via: apex, requires: [apex]}]", "access: [{via: apex, requires: [apex, rest-json]}]"),
        ])
        let soap = try XCTUnwrap(diff.costs.first { $0.concern == "api-style" && $0.option == "soap" })
        XCTAssertEqual(soap.old?.map(\.dataset), ["myinfo-person", "resale-prices"])
        XCTAssertEqual(soap.new?.map(\.dataset), ["myinfo-person", "hdb-register"])
        XCTAssertEqual(soap.added, [CostItem(dataset: "hdb-register", source: "hdb")])
        XCTAssertEqual(soap.removed, [CostItem(dataset: "resale-prices", source: "hdb")])
        XCTAssertNotNil(diff.costs.first { $0.option == "amqp" }, "every alternative is compared")
        XCTAssertNil(diff.costs.first { $0.option == "rest-json" }, "an option whose cost is the same is not listed")
    }

    func testAFirstRecommendationChangeMovesTheCostOfTheOtherOptions() throws {
        // With SOAP first, R itself no longer reaches what REST/JSON opened: choosing SOAP or
        // AMQP costs nothing more, and REST/JSON is a deviation that costs nothing either.
        let diff = try diff([("recommended: [rest-json], alternatives: [soap, amqp]", "recommended: [soap], alternatives: [rest-json, amqp]")])
        XCTAssertEqual(diff.recommendations.first?.firstChanged, true)
        for option in ["soap", "amqp"] {
            let change = try XCTUnwrap(diff.costs.first { $0.option == option }, option)
            XCTAssertEqual(change.new, [])
            XCTAssertEqual(change.removed.map(\.dataset), ["myinfo-person", "resale-prices"])
        }
        XCTAssertNil(diff.costs.first { $0.option == "rest-json" })
    }

    // MARK: - Impact on a portfolio

    private func write(_ path: String, _ text: String) throws {
        try Scratch.write(text, to: path, in: scratch)
    }


    private func impact(_ new: Catalogue) throws -> PortfolioImpact {
        try write("portfolio/hdb/parking/techstack.yaml", CatalogueDiffFixtures.soapProject)
        try write("portfolio/hdb/flats/techstack.yaml", CatalogueDiffFixtures.bootstrapProject)
        try write("portfolio/ica/passport/techstack.yaml", CatalogueDiffFixtures.cleanProject)
        return PortfolioImpact.make(paths: [scratch.appendingPathComponent("portfolio").path],
                                    old: Fixtures.linter(), new: Linter(catalogue: new, rules: Fixtures.rules, today: Fixtures.today))
    }

    func testFindingsThatAppearAndDisappearAreListedPerProject() throws {
        // Resale prices now also need the design system: a free deviation to Bootstrap costs data.
        let impact = try impact(try changed([("access: [{via: data-gov-sg, requires: [data-gov-sg]}]", "access: [{via: data-gov-sg, requires: [data-gov-sg, sgds]}]")]))
        let flats = try XCTUnwrap(impact.projects.first { $0.project == "flats" })
        XCTAssertEqual(flats.appeared.map { "\($0.rule) \($0.severity) \($0.concern ?? "")" }, ["recommended-choice error design-system"])
        XCTAssertEqual(flats.disappeared.map { "\($0.rule) \($0.severity) \($0.concern ?? "")" }, ["recommended-choice warning design-system"])
        XCTAssertEqual(flats.costBefore, [])
        XCTAssertEqual(flats.costAfter, [CostItem(dataset: "resale-prices", source: "hdb")])
        XCTAssertTrue(flats.gainsError)
        XCTAssertEqual(impact.projects.first?.project, "flats", "the project that gains an error comes first")
        XCTAssertNil(impact.projects.first { $0.project == "passport" }, "an unaffected project is not listed")
        XCTAssertEqual(impact.summary.manifests, 3)
        XCTAssertEqual(impact.summary.unaffected, 2, "SOAP already cost the resale prices")
        XCTAssertEqual(impact.summary.gainingErrors, 1)
    }

    func testTotalCostBeforeAndAfterAndTheAgencySummary() throws {
        let impact = try impact(try changed([(Self.dataGov, Self.dataGov.replacingOccurrences(of: ", requires: [rest-json]", with: ""))]))
        let parking = try XCTUnwrap(impact.projects.first { $0.project == "parking" })
        XCTAssertEqual(parking.costBefore.map(\.dataset), ["myinfo-person", "resale-prices"])
        XCTAssertEqual(parking.costAfter.map(\.dataset), ["myinfo-person"])
        let hdb = try XCTUnwrap(impact.agencies.first { $0.agency == "hdb" })
        XCTAssertEqual(hdb.projects, 2)
        XCTAssertEqual(hdb.affected, 1)
        XCTAssertEqual(hdb.costBefore, 2)
        XCTAssertEqual(hdb.costAfter, 1)
        XCTAssertEqual(impact.agencies.first { $0.agency == "ica" }?.affected, 0)
    }

    func testARetiredStandardGivesANewWarningWhereItIsChosen() throws {
        let impact = try impact(try changed([(CatalogueDiffFixtures.soap, "  - {id: soap, name: SOAP, summary: s, status: retired, replaced-by: rest-json}")]))
        XCTAssertEqual(impact.projects.map(\.project), ["parking"])
        XCTAssertEqual(impact.projects.first?.appeared.map(\.rule), ["deprecated-choice"])
        XCTAssertEqual(impact.summary.gainingErrors, 0)
    }

    func testMarkdownStaysUnderTheCommentLimitAndCountsWhatItLeftOut() {
        let finding = PortfolioImpact.FindingRef(Finding(rule: "recommended-choice", severity: .error,
                                                         message: String(repeating: "a long message ", count: 10), mark: .start, concern: "api-style"))
        let projects = (0..<5_000).map { i in
            PortfolioImpact.Project(path: "portfolio/agency-\(i % 40)/project-\(i)/techstack.yaml", project: "project-\(i)", agency: "agency-\(i % 40)",
                                    appeared: [finding, finding], disappeared: [finding], costBefore: [], costAfter: [CostItem(dataset: "d", source: "s")])
        }
        var summary = PortfolioImpact.Summary()
        summary.manifests = 5_000
        summary.affected = 5_000
        let agencies = (0..<40).map { PortfolioImpact.AgencySummary(agency: "agency-\($0)", projects: 125, affected: 125) }
        let report = CatalogueDiffReport(diff: CatalogueDiff(old: Fixtures.catalogue, new: Fixtures.catalogue),
                                         impact: PortfolioImpact(projects: projects, agencies: agencies, summary: summary))
        let text = DiffFormat.markdown.generate(report)
        XCTAssertLessThan(text.count, 60_000)
        XCTAssertTrue(text.contains("more projects, left out for length"), String(text.suffix(300)))
        XCTAssertTrue(text.contains("agency-39"), "every agency row fits")
    }

}

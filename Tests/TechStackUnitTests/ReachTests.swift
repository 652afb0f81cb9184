import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Reach and cost on small hand-made catalogues (README, "Reach and cost").
final class ReachTests: XCTestCase {
    /// A tiny stack: an identity service that needs a protocol, a data service that needs the
    /// identity service, a gateway, and datasets with one or several access paths.
    static let yaml = CatalogueFixture.head(
        name: "Test stack", publisher: "Tests", agencies: [.init("reg", "Registry"), .init("tax", "Tax office")],
        standards: [.init("rest", "REST"), .init("soap", "SOAP"), .init("oidc", "OIDC"), .init("saml", "SAML"), .init("csv", "CSV")]
    ) + """
    components:
      - {id: login, name: Login, summary: s, layer: services, owner: reg, funding: {model: central}, requires: [oidc]}
      - {id: person-api, name: Person API, summary: s, layer: services, owner: reg, funding: {model: central}, requires: [login, rest]}
      - {id: gateway, name: Gateway, summary: s, layer: services, owner: reg, funding: {model: central}, requires: [rest]}
      - {id: legacy-gateway, name: Legacy gateway, summary: s, layer: services, owner: reg, funding: {model: central}, requires: [soap]}
      - {id: file-drop, name: File drop, summary: s, layer: services, owner: tax, funding: {model: central}}
    concerns:
      - {id: api-style, name: API style, summary: s, layer: services, question: q, recommended: [rest], alternatives: [soap]}
      - {id: identity, name: Identity, summary: s, layer: services, question: q, recommended: [oidc], alternatives: [saml]}
      - {id: login-service, name: Login service, summary: s, layer: services, question: q, recommended: [login]}
      - {id: personal-data, name: Personal data, summary: s, layer: services, question: q, recommended: [person-api]}
      - {id: api-gateway, name: Gateway choice, summary: s, layer: services, question: q, recommended: [gateway], alternatives: [legacy-gateway]}
      - {id: exports, name: Exports, summary: s, layer: services, question: q, recommended: [csv]}
    datasets:
      - id: person
        name: Person
        summary: s
        source: reg
        items: [name]
        access: [{via: person-api, requires: [person-api]}]
      - id: income
        name: Income
        summary: s
        source: tax
        items: [income]
        # Two ways in: the gateway, or the tax office's file drop.
        access: [{via: gateway, requires: [gateway]}, {via: file-drop, requires: [file-drop]}]
      - id: registry-extract
        name: Registry extract
        summary: s
        source: reg
        items: [extract]
        access: [{via: gateway, requires: [gateway]}]
      - id: legacy-archive
        name: Legacy archive
        summary: s
        source: reg
        items: [archive]
        # Open only to a project that has both SOAP and the legacy gateway.
        access: [{via: gateway, requires: [gateway]}, {via: legacy-gateway, requires: [legacy-gateway, soap]}]
    """

    private func reach() throws -> Reach {
        let result = CatalogueLoader.load(files: [InputFile(path: "test.yaml", text: Self.yaml)])
        XCTAssertEqual(result.diagnostics.items.map(\.description), [])
        return Reach(catalogue: try XCTUnwrap(result.catalogue))
    }

    func testRecommendedStackIsTheFirstRecommendationOfEveryConcern() throws {
        let r = try reach()
        XCTAssertEqual(r.recommendedStack, ["rest", "oidc", "login", "person-api", "gateway", "csv"])
        XCTAssertEqual(r.recommendedReach, ["person", "income", "registry-extract", "legacy-archive"])
    }

    func testComponentRequirementsAreTransitive() throws {
        let r = try reach()
        // person-api needs login, which needs oidc: without oidc the person data is out of reach.
        XCTAssertEqual(r.reach(["person-api", "login", "rest"]), [])
        XCTAssertEqual(r.reach(["person-api", "login", "rest", "oidc"]), ["person"])
        XCTAssertEqual(r.cost(of: "oidc").map(\.dataset), ["person"])
    }

    func testAnIdOutsideTheStackIsNeverSatisfiedEvenIfItsRequirementsAre() throws {
        let r = try reach()
        XCTAssertEqual(r.reach(["login", "rest", "oidc"]), [])
    }

    func testSeveralAccessPathsToOneDataset() throws {
        let r = try reach()
        XCTAssertEqual(r.reach(["file-drop"]), ["income"])
        // Without REST the gateway is unsatisfied, but file-drop is not in R either, so income is lost.
        XCTAssertEqual(r.cost(ofDeviation: "api-style", to: ["soap"]).map(\.dataset), ["person", "income", "registry-extract", "legacy-archive"])
    }

    func testDeviationCostNamesTheSourceAgency() throws {
        let r = try reach()
        XCTAssertEqual(r.cost(ofDeviation: "identity", to: ["saml"]), [CostItem(dataset: "person", source: "reg")])
    }

    func testADeviationThatCostsNothing() throws {
        let r = try reach()
        XCTAssertEqual(r.cost(ofDeviation: "exports", to: ["own-format"]), [])
        XCTAssertEqual(r.cost(of: "csv"), [])
    }

    func testTotalCostCanBeSmallerThanTheUnionOfSingleCosts() throws {
        let r = try reach()
        // Alone, soap loses legacy-archive's gateway path and legacy-gateway loses the gateway path;
        // together they open the legacy path again.
        let soap = Set(r.cost(ofDeviation: "api-style", to: ["soap"]).map(\.dataset))
        let legacy = Set(r.cost(ofDeviation: "api-gateway", to: ["legacy-gateway"]).map(\.dataset))
        XCTAssertTrue(soap.contains("legacy-archive"))
        XCTAssertTrue(legacy.contains("legacy-archive"))
        let total = Set(r.totalCost(["api-style": ["soap"], "api-gateway": ["legacy-gateway"]]).map(\.dataset))
        XCTAssertFalse(total.contains("legacy-archive"))
        XCTAssertTrue(total.isStrictSubset(of: soap.union(legacy)))
    }

    /// R is a multiset: when two concerns recommend the same id first, deviating on one of
    /// them keeps the id in the stack through the other, so nothing reached through it is lost;
    /// deviating on both loses it. Checked through the cost the linter and scorecard use, and
    /// through the lint of a manifest.
    func testASharedFirstRecommendationSurvivesADeviationOnOneOfItsConcerns() throws {
        let shared = Self.yaml.replacingOccurrences(of: """
              - {id: exports, name: Exports, summary: s, layer: services, question: q, recommended: [csv]}
            """, with: """
              - {id: exports, name: Exports, summary: s, layer: services, question: q, recommended: [csv]}
              - {id: partner-gateway, name: Partner gateway, summary: s, layer: services, question: q, recommended: [gateway], alternatives: [legacy-gateway]}
            """)
        XCTAssertNotEqual(shared, Self.yaml, "the fixture gains a second concern recommending gateway first")
        let loaded = CatalogueLoader.load(files: [InputFile(path: "test.yaml", text: shared)])
        XCTAssertEqual(loaded.diagnostics.items.map(\.description), [])
        let catalogue = try XCTUnwrap(loaded.catalogue)
        let r = Reach(catalogue: catalogue)
        XCTAssertEqual(r.recommendation.filter { $0.choice == "gateway" }.map(\.concern), ["api-gateway", "partner-gateway"])

        // One of the two deviates: gateway stays in R through the other, so nothing is lost.
        XCTAssertEqual(r.cost(ofDeviation: "api-gateway", to: ["legacy-gateway"]), [])
        XCTAssertEqual(r.cost(ofDeviation: "partner-gateway", to: ["legacy-gateway"]), [])
        XCTAssertTrue(r.substituted(["api-gateway": ["legacy-gateway"]]).contains("gateway"))

        // Both deviate: gateway leaves R, and with it everything only it reaches.
        let both = ["api-gateway": ["legacy-gateway"], "partner-gateway": ["legacy-gateway"]]
        XCTAssertEqual(r.totalCost(both).map(\.dataset), ["income", "registry-extract", "legacy-archive"])
        XCTAssertFalse(r.substituted(both).contains("gateway"))
        XCTAssertEqual(r.items(r.recommendedReach.subtracting(r.reach(r.substituted(both)))).map(\.dataset), ["income", "registry-extract", "legacy-archive"],
                       "the set form of R[deviations] agrees with the counted one")

        // The same through the assessment lint and the scorecard share: one deviation costs
        // nothing; with both, each still costs nothing alone, and together they cost
        // everything only the gateway reaches.
        func assess(_ choices: String) throws -> ProjectAssessment {
            let text = "techstack: 1\nproject: p\nagency: reg\nchoices:\n\(choices)"
            guard case .success(let manifest) = ManifestLoader.load(InputFile(path: "techstack.yaml", text: text)) else {
                XCTFail("the manifest loads")
                throw CocoaError(.fileReadCorruptFile)
            }
            return ProjectAssessment(manifest, reach: r, today: try XCTUnwrap(Day("2026-01-01")))
        }
        let one = try assess("  api-gateway: legacy-gateway\n")
        XCTAssertEqual(one.deviations.map(\.concern), ["api-gateway"])
        XCTAssertEqual(one.deviations.flatMap(\.cost), [])
        XCTAssertEqual(one.totalCost, [])
        let two = try assess("  api-gateway: legacy-gateway\n  partner-gateway: legacy-gateway\n")
        XCTAssertEqual(two.deviations.map(\.concern), ["api-gateway", "partner-gateway"])
        XCTAssertEqual(two.deviations.flatMap(\.cost), [])
        XCTAssertEqual(two.totalCost.map(\.dataset), ["income", "registry-extract", "legacy-archive"])
    }

    func testCostOfAnIdOutsideTheRecommendedStack() throws {
        let r = try reach()
        // R⁺ = R ∪ {file-drop}: income stays reachable through the gateway, so file-drop costs nothing.
        XCTAssertEqual(r.cost(of: "file-drop"), [])
        // Without the gateway, income is only reachable through file-drop, which R does not hold.
        XCTAssertEqual(r.cost(of: "gateway").map(\.dataset), ["income", "registry-extract", "legacy-archive"])
    }

    func testNearestPathNamesWhatIsMissing() throws {
        let r = try reach()
        let dataset = try XCTUnwrap(r.catalogue.dataset("person"))
        let nearest = try XCTUnwrap(r.reachability(of: ["person-api", "rest"]).nearestPath(to: dataset))
        XCTAssertEqual(nearest.missing, ["login"])
    }

    func testACycleInRequiresDoesNotHang() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "requires: [oidc]}", with: "requires: [oidc, person-api]}")
        let result = CatalogueLoader.load(files: [InputFile(path: "cycle.yaml", text: yaml)])
        XCTAssertTrue(result.diagnostics.items.contains { $0.message.contains("cycle") })
        let r = Reach(catalogue: try XCTUnwrap(result.catalogue))
        XCTAssertEqual(r.reach(["login", "person-api", "oidc", "rest"]), [])
    }
}

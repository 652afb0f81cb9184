import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// The scorecard's metrics on small manifests against the built-in catalogue.
final class ScorecardMetricsTests: XCTestCase {
    static let catalogue = Fixtures.builtinCatalogue

    let today = Day("2026-06-30")!

    func manifest(_ text: String, path: String = "techstack.yaml") throws -> Manifest {
        switch ManifestLoader.load(InputFile(path: path, text: text)) {
        case .success(let m): return m
        case .failure(let d): throw d
        }
    }

    func score(_ text: String) throws -> ProjectScore {
        ScorecardMetrics(catalogue: Self.catalogue, today: today).score(try manifest(text))
    }

    func testAdoptionIsTheShareOfAnsweredConcernsOnARecommendedChoice() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: ica
        choices:
          api-style: soap
          citizen-identity: singpass
          identity-protocol: oidc
          analytics: wogaa
        """)
        XCTAssertEqual(row.concernsAnswered, 4)
        XCTAssertEqual(row.onRecommended, 3)
        XCTAssertEqual(row.adoption, 0.75)
        XCTAssertEqual(row.deviations.map(\.concern), ["api-style"])
        XCTAssertEqual(row.deviations.first?.choice, ["soap"])
        XCTAssertEqual(row.deviations.first?.recommended, ["rest-json"])
    }

    func testOneRecommendedAnswerAmongSeveralIsNoDeviation() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: acra
        choices:
          api-style: [rest-json, soap]
        """)
        XCTAssertEqual(row.onRecommended, 1)
        XCTAssertTrue(row.deviations.isEmpty)
        XCTAssertTrue(row.totalCost.isEmpty)
    }

    func testAnUnknownConcernIsNotAnAnswer() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: ica
        choices:
          api-style: rest-json
          quantum-teleport: yes-please
        """)
        XCTAssertEqual(row.concernsAnswered, 1)
        XCTAssertEqual(row.adoption, 1)
    }

    func testNothingAnsweredHasNoAdoptionRate() throws {
        let row = try score("techstack: 1\nproject: p\nagency: ica\n")
        XCTAssertNil(row.adoption)
        XCTAssertEqual(row.concernStates.count, Self.catalogue.concerns.count)
        XCTAssertTrue(row.concernStates.allSatisfy { $0 == .unanswered })
    }

    func testTotalCostIsTheReachOfAllDeviationsTogether() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: ica
        choices:
          api-style: soap
          identity-protocol: saml2
        """)
        let reach = Reach(catalogue: Self.catalogue)
        let expected = reach.totalCost(["api-style": ["soap"], "identity-protocol": ["saml2"]])
        XCTAssertEqual(row.totalCost, expected)
        XCTAssertTrue(row.totalCost.contains(CostItem(dataset: "myinfo-person", source: "ica")))
    }

    func testConsumedDataOutsideTheProjectsReachIsUnreachable() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: ica
        choices:
          personal-data: myinfo
        consumes: [myinfo-person, no-such-dataset]
        """)
        // Myinfo needs Singpass and REST/JSON in the stack; neither is answered.
        XCTAssertEqual(row.unreachable, ["myinfo-person"])
        XCTAssertEqual(row.consumes, ["myinfo-person"])
    }

    func testReachableConsumedDataIsNotCounted() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: ica
        choices:
          api-style: rest-json
          citizen-identity: singpass
          identity-protocol: oidc
          login-security-profile: fapi-2
          personal-data: myinfo
        consumes: [myinfo-person]
        """)
        XCTAssertEqual(row.unreachable, [])
    }

    func testMissingGrantFollowsTheRule() throws {
        let noGrant = try score("techstack: 1\nproject: p\nagency: hdb\nconsumes: [myinfo-person, hdb-resale-prices, myinfo-housing]\n")
        // myinfo-person comes from ICA; the open dataset needs no grant; HDB's own data needs none.
        XCTAssertEqual(noGrant.missingGrants, [ProjectScore.MissingGrant(dataset: "myinfo-person", agency: "ica")])
        let byAgency = try score("techstack: 1\nproject: p\nagency: hdb\nconsumes: [myinfo-person]\ngrants:\n  ica: GR-1\n")
        XCTAssertEqual(byAgency.missingGrants, [])
        let byDataset = try score("techstack: 1\nproject: p\nagency: hdb\nconsumes: [myinfo-person]\ngrants:\n  myinfo-person: GR-1\n")
        XCTAssertEqual(byDataset.missingGrants, [])
    }

    func testExemptionsAreActiveThroughTheirExpiryDay() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: ica
        exemptions:
          - rule: recommended-choice
            reason: today is the last day
            expires: 2026-06-30
          - rule: recommended-choice
            reason: yesterday was the last day
            expires: 2026-06-29
          - rule: missing-grant
            reason: later
            expires: 2027-01-01
        """)
        XCTAssertEqual(row.activeExemptions, 2)
        XCTAssertEqual(row.expiredExemptions, 1)
    }

    func testSharedComponentsAreDistinctChosenCatalogueComponents() throws {
        let row = try score("""
        techstack: 1
        project: p
        agency: ica
        choices:
          api-style: rest-json
          citizen-identity: singpass
          hosting: [gcc, nectar]
          containers: nectar
          analytics: homegrown-analytics
        """)
        XCTAssertEqual(row.sharedComponents, ["singpass", "gcc", "nectar"])
    }

    func testLintFindingsAreCountedBySeverity() throws {
        let m = try manifest("techstack: 1\nproject: p\nagency: ica\nchoices:\n  api-style: soap\n")
        let rules = try RuleSet.loadUsable(directory: nil).rules
        let linter = Linter(catalogue: Self.catalogue, rules: rules, today: today)
        let lint = linter.lint(m)
        let row = ScorecardMetrics(catalogue: Self.catalogue, today: today).score(m, lint: lint)
        XCTAssertEqual(row.findings?.error, lint.findings.filter { $0.severity == .error }.count)
        XCTAssertGreaterThan(row.findings?.error ?? 0, 0)
    }

    // MARK: aggregates

    func card(_ manifests: [String], errors: [String] = []) throws -> Scorecard {
        let metrics = ScorecardMetrics(catalogue: Self.catalogue, today: today)
        var rows = try manifests.enumerated().map { i, text in metrics.score(try manifest(text, path: "p\(i)/techstack.yaml")) }
        for path in errors {
            rows.append(.error(path: path, diagnostics: [Diagnostic(path: path, mark: Mark(line: 2, column: 3), message: "broken")]))
        }
        return Scorecard(catalogue: Self.catalogue, date: today, projects: rows)
    }

    func testAgencyAdoptionPoolsItsProjectsAnswers() throws {
        let card = try card([
            "techstack: 1\nproject: a\nagency: ica\nchoices:\n  api-style: rest-json\n  analytics: wogaa\n  hosting: gcc\n",
            "techstack: 1\nproject: b\nagency: ica\nchoices:\n  api-style: soap\n",
            "techstack: 1\nproject: c\nagency: hdb\nchoices:\n  api-style: soap\n  analytics: wogaa\n",
        ], errors: ["broken/techstack.yaml"])
        XCTAssertEqual(card.summary.manifests, 4)
        XCTAssertEqual(card.summary.projects, 3)
        XCTAssertEqual(card.summary.errors, 1)
        XCTAssertEqual(card.agencies.map(\.agency), ["hdb", "ica"])
        let ica = try XCTUnwrap(card.agencies.first { $0.agency == "ica" })
        XCTAssertEqual(ica.concernsAnswered, 4)
        XCTAssertEqual(ica.onRecommended, 3)
        XCTAssertEqual(ica.adoption, 0.75)
        XCTAssertEqual(ica.fullyOnRecommended, 1)
        XCTAssertEqual(card.summary.adoption, 4.0 / 6.0)
        XCTAssertEqual(card.summary.deviations, 2)
    }

    func testConcernAggregatesCountAnswersAndTheMostCommonDeviations() throws {
        let card = try card([
            "techstack: 1\nproject: a\nagency: ica\nchoices:\n  api-style: soap\n",
            "techstack: 1\nproject: b\nagency: ica\nchoices:\n  api-style: soap\n",
            "techstack: 1\nproject: c\nagency: ica\nchoices:\n  api-style: amqp\n",
            "techstack: 1\nproject: d\nagency: ica\nchoices:\n  api-style: rest-json\n",
            "techstack: 1\nproject: e\nagency: ica\n",
        ])
        let style = try XCTUnwrap(card.concerns.first { $0.concern == "api-style" })
        XCTAssertEqual(style.answered, 4)
        XCTAssertEqual(style.onRecommended, 1)
        XCTAssertEqual(style.deviating, 3)
        XCTAssertEqual(style.unanswered, 1)
        XCTAssertEqual(style.adoption, 0.25)
        XCTAssertEqual(style.deviatingChoices, [.init(choice: "soap", projects: 2), .init(choice: "amqp", projects: 1)])
    }

    func testForfeitedDatasetsAreCountedPerProjectMostOftenFirst() throws {
        let card = try card([
            "techstack: 1\nproject: a\nagency: ica\nchoices:\n  api-style: soap\nconsumes: [myinfo-person]\n",
            "techstack: 1\nproject: b\nagency: ica\nchoices:\n  citizen-identity: homegrown-login\n",
            "techstack: 1\nproject: c\nagency: ica\nchoices:\n  api-style: rest-json\n",
        ])
        let person = try XCTUnwrap(card.forfeited.first { $0.dataset == "myinfo-person" })
        // 'homegrown-login' is no standard or component: an unknown reference, not a deviation.
        XCTAssertEqual(person.projects, 1)
        XCTAssertEqual(person.consumedBy, 1)
        XCTAssertEqual(person.source, "ica")
        XCTAssertEqual(card.summary.projectsForfeiting, 1)
        let counts = card.forfeited.map(\.projects)
        XCTAssertEqual(counts, counts.sorted(by: >))
    }

    func testFundingMixGroupsTheComponentsInUseByModel() throws {
        let card = try card([
            "techstack: 1\nproject: a\nagency: ica\nchoices:\n  citizen-identity: singpass\n  hosting: gcc\n",
            "techstack: 1\nproject: b\nagency: ica\nchoices:\n  citizen-identity: singpass\n  hosting: nectar\n",
        ])
        let central = try XCTUnwrap(card.funding.first { $0.model == "central" })
        XCTAssertEqual(central.components, [.init(component: "singpass", projects: 2)])
        XCTAssertEqual(card.funding.first { $0.model == "pay-per-use" }?.components.map(\.component), ["gcc"])
        XCTAssertEqual(card.funding.first { $0.model == "project-then-paid" }?.becomes, "pay-per-use")
        XCTAssertEqual(card.summary.componentsReused, 3)
        XCTAssertEqual(card.summary.componentUses, 4)
    }

    // MARK: finding the manifests

    func testDirectoriesAreSearchedForManifestsSkippingHiddenBuildAndVendoredFolders() throws {
        let root = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["a", "b/c", ".hidden", ".build/x", "node_modules/pkg", "d"] {
            let dir = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try "techstack: 1\n".write(to: dir.appendingPathComponent(folder == "d" ? "other.yaml" : "techstack.yaml"), atomically: true, encoding: .utf8)
        }
        let found = Portfolio.inputs([root.path, root.appendingPathComponent("a/techstack.yaml").path]).map(\.path)
        XCTAssertEqual(found, [root.appendingPathComponent("a/techstack.yaml").path, root.appendingPathComponent("b/c/techstack.yaml").path])

        let empty = root.appendingPathComponent("d").path
        guard case .problem(let d)? = Portfolio.inputs([empty]).first else { return XCTFail("expected a problem for a folder without manifests") }
        XCTAssertTrue(d.message.contains("no techstack.yaml"))
    }

    func testTheSearchOnEveryCoreFindsWhatOneWalkOfTheTreeFinds() throws {
        let root = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Manifests at the top, in nested and sibling folders, beside hidden, skipped and too
        // deep folders (each too deep folder is a problem, and problems keep the walk's order).
        var folders = ["", "b", "a/x", "a/y/z", "c/.hidden", "c/node_modules/p", "d"]
        for branch in ["e", "f"] {
            folders.append(branch + (1..<Portfolio.maxDepth + 2).map { "/\(branch)\($0)" }.joined())
        }
        for folder in folders {
            let dir = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try "techstack: 1\n".write(to: dir.appendingPathComponent("techstack.yaml"), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: root.appendingPathComponent("a"))

        let (found, problems) = Portfolio.searchManifests(in: root.path)
        var oneWalk: [String] = []
        var oneWalkProblems: [Diagnostic] = []
        Portfolio.findManifests(in: root.path, depth: 0, into: &oneWalk, problems: &oneWalkProblems)
        XCTAssertEqual(found, oneWalk)
        XCTAssertEqual(problems, oneWalkProblems)
        XCTAssertEqual(problems.count, 2, "one too deep folder per deep branch")
        XCTAssertTrue(problems.first?.path.contains("/e/e1/") == true, "the problems in the walk's order")
        XCTAssertEqual(Set(found.map { String($0.dropFirst(root.path.count)) }).count, found.count)
        XCTAssertTrue(found.contains(root.appendingPathComponent("a/y/z/techstack.yaml").path))
        XCTAssertFalse(found.contains { $0.contains("/.hidden/") || $0.contains("/node_modules/") || $0.contains("/link/") })
    }

    func testScoringKeepsTheOrderOfTheInputsOnEveryCore() {
        let inputs = (0..<500).map { Portfolio.Input.manifest("m\($0)") }
        let rows = Portfolio.score(inputs, workers: 4) { ProjectScore(path: $0.path) }
        XCTAssertEqual(rows.map(\.path), inputs.map(\.path))
    }
}

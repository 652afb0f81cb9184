import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// One behaviour per test, for every rule kind, on the fixture catalogue.
final class LinterTests: XCTestCase {
    private let head = Fixtures.head
    private let required = "  analytics: wogaa\n  hosting: gcc\n"

    // MARK: recommended-choice

    func testSoapIsADeviationLocatedAtTheAnswerWithItsCost() throws {
        let found = Fixtures.findings("recommended-choice", head + "choices:\n  api-style: soap\n")
        let f = try XCTUnwrap(found.first)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(f.mark, Mark(line: 5, column: 14))
        XCTAssertEqual(f.concern, "api-style")
        XCTAssertEqual(f.choice, ["soap"])
        XCTAssertEqual(f.recommended, ["rest-json"])
        XCTAssertEqual(f.cost, [CostItem(dataset: "myinfo-person", source: "ica"), CostItem(dataset: "resale-prices", source: "hdb")])
        XCTAssertEqual(f.message, "api-style: 'soap' deviates from the recommended 'rest-json'; this gives up myinfo-person (Myinfo person, source ica) and resale-prices (Resale prices, source hdb). Choose rest-json or add an exemption.")
    }

    func testARecommendedAnswerAmongSeveralIsNoDeviation() {
        XCTAssertEqual(Fixtures.findings("recommended-choice", head + "choices:\n  api-style: [soap, rest-json]\n  hosting: [nectar]\n"), [])
    }

    func testAFreeDeviationIsAWarning() throws {
        let f = try XCTUnwrap(Fixtures.findings("recommended-choice", head + "choices:\n  design-system: bootstrap\n").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.cost, [])
        XCTAssertTrue(f.message.contains("costs no shared data"), f.message)
    }

    func testSeveralAnswersAllNamedInTheDeviation() throws {
        let f = try XCTUnwrap(Fixtures.findings("recommended-choice", head + "choices:\n  api-style: [soap, amqp]\n").first)
        XCTAssertEqual(f.choice, ["soap", "amqp"])
        XCTAssertTrue(f.message.hasPrefix("api-style: 'soap' and 'amqp' deviate from the recommended 'rest-json'"), f.message)
    }

    func testAnswerToAnUnknownConcernIsNoDeviation() {
        XCTAssertEqual(Fixtures.findings("recommended-choice", head + "choices:\n  api-styles: soap\n"), [])
    }

    // MARK: required-concern

    func testUnansweredRequiredConcernIsReportedAtChoices() throws {
        let found = Fixtures.findings("required-concern", head + "choices:\n  hosting: gcc\n")
        XCTAssertEqual(found.map(\.concern), ["analytics"])
        XCTAssertEqual(found.first?.mark, Mark(line: 4, column: 1))
        XCTAssertEqual(found.first?.recommended, ["wogaa"])
        XCTAssertTrue(found.first?.message.contains("How is usage measured?") ?? false)
    }

    func testWithoutChoicesRequiredConcernsAreReportedAtTheTop() {
        let found = Fixtures.findings("required-concern", head)
        XCTAssertEqual(found.map(\.concern), ["analytics", "hosting"])
        XCTAssertTrue(found.allSatisfy { $0.mark == .start })
    }

    func testAnsweredRequiredConcernsAreSilent() {
        XCTAssertEqual(Fixtures.findings("required-concern", head + "choices:\n" + required), [])
    }

    // MARK: unknown-reference

    func testUnknownAgencyNamesTheNearest() throws {
        let f = try XCTUnwrap(Fixtures.findings("unknown-reference", "techstack: 1\nproject: p\nagency: icaa\n").first)
        XCTAssertEqual(f.mark, Mark(line: 3, column: 9))
        XCTAssertTrue(f.message.contains("did you mean 'ica'?"), f.message)
    }

    func testReferenceOfTheWrongKindSaysWhatItIs() throws {
        let f = try XCTUnwrap(Fixtures.findings("unknown-reference", "techstack: 1\nproject: p\nagency: singpass\n").first)
        XCTAssertTrue(f.message.contains("'singpass' is a component, but an agency is expected"), f.message)
    }

    func testEveryKindOfReferenceIsChecked() {
        let found = Fixtures.findings("unknown-reference", head + """
        choices:
          api-styl: rest-json
          api-style: rest-jsn
          hosting: hdb
        consumes: [myinfo-persn, myinfo]
        produces:
          - id: d
            shared-via: apexx
        grants:
          singpass: G-1
          hdbb: G-2
        exemptions:
          - rule: recomended-choice
            concern: api-styl
            dataset: resale-price
            reason: r
            expires: 2099-01-01
        """)
        let hints = found.map(\.message)
        XCTAssertEqual(found.count, 11, hints.joined(separator: "\n"))
        for expected in ["'api-style'", "'rest-json'", "'hdb' is an agency",
                         "'myinfo-person'", "'myinfo' is a component", "'apex'", "'singpass' is a component", "'hdb'",
                         "'recommended-choice'", "'resale-prices'"] {
            XCTAssertTrue(hints.contains { $0.contains(expected) }, "no message contains \(expected):\n\(hints.joined(separator: "\n"))")
        }
    }

    func testKnownReferencesAreSilent() {
        XCTAssertEqual(Fixtures.findings("unknown-reference", head + """
        choices:
          api-style: soap
        consumes: [myinfo-person]
        grants:
          hdb: G-1
          myinfo-person: G-2
        exemptions:
          - rule: recommended-choice
            concern: api-style
            reason: r
            expires: 2099-01-01
        """), [])
    }

    // MARK: unknown-key

    func testUnknownKeyIsAWarningNamingTheNearestKey() throws {
        let found = Fixtures.findings("unknown-key", head + "consume: [myinfo-person]\nproduces:\n  - id: d\n    sharedvia: apex\n")
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found[0].severity, .warning)
        XCTAssertEqual(found[0].mark, Mark(line: 4, column: 1))
        XCTAssertTrue(found[0].message.contains("did you mean 'consumes'?"))
        XCTAssertTrue(found[1].message.contains("produces[0]") && found[1].message.contains("'shared-via'"), found[1].message)
    }

    // MARK: deprecated-choice

    func testDeprecatedChoiceNamesItsSuccessor() throws {
        let f = try XCTUnwrap(Fixtures.findings("deprecated-choice", head + "choices:\n  api-authentication: apex-l1-hmac\n").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.mark, Mark(line: 5, column: 23))
        XCTAssertTrue(f.message.contains("deprecated") && f.message.contains("replaced by 'jwt-es256'"), f.message)
    }

    func testRetiredChoiceWithoutSuccessorIsReported() throws {
        let f = try XCTUnwrap(Fixtures.findings("deprecated-choice", head + "choices:\n  design-system: old-widgets\n").first)
        XCTAssertTrue(f.message.contains("retired"), f.message)
    }

    func testActiveChoicesAreNotDeprecated() {
        XCTAssertEqual(Fixtures.findings("deprecated-choice", head + "choices:\n  api-authentication: jwt-es256\n  api-style: soap\n"), [])
    }

    // MARK: unreachable-data

    func testDataOutsideTheProjectsStackNamesWhatThePathLacks() throws {
        let found = Fixtures.findings("unreachable-data", head + "choices:\n  personal-data: myinfo\n  api-style: rest-json\nconsumes: [myinfo-person]\n")
        let f = try XCTUnwrap(found.first)
        XCTAssertEqual(f.dataset, "myinfo-person")
        XCTAssertEqual(f.mark, Mark(line: 7, column: 12))
        XCTAssertTrue(f.message.contains("via myinfo") && f.message.contains("lacks singpass"), f.message)
        XCTAssertFalse(f.message.contains("rest-json ("), "rest-json is in the stack: \(f.message)")
    }

    func testOnlyChoicesCountTowardsTheStack() {
        // Recommended ids the project does not answer do not make data reachable.
        XCTAssertEqual(Fixtures.findings("unreachable-data", head + "consumes: [resale-prices]\n").map(\.dataset), ["resale-prices"])
    }

    func testReachableDataIsSilent() {
        XCTAssertEqual(Fixtures.findings("unreachable-data", head + """
        choices:
          api-style: rest-json
          citizen-identity: singpass
          identity-protocol: oidc
          personal-data: myinfo
          open-data: data-gov-sg
        consumes: [myinfo-person, resale-prices]
        """), [])
    }

    // MARK: missing-grant

    func testMissingGrantNamesTheAgencyAndItsGrantProcess() throws {
        let found = Fixtures.findings("missing-grant", "techstack: 1\nproject: p\nagency: hdb\nconsumes: [myinfo-person]\n")
        let f = try XCTUnwrap(found.first)
        XCTAssertEqual(f.dataset, "myinfo-person")
        XCTAssertEqual(f.cost, [CostItem(dataset: "myinfo-person", source: "ica")])
        XCTAssertTrue(f.message.contains("ica") && f.message.contains("Submit ICA's grant form") && f.message.contains("https://example.gov.sg/ica-grants"), f.message)
    }

    func testGrantByDatasetOrByAgencyOrOwnAgencyOrOpenData() {
        let base = "techstack: 1\nproject: p\nagency: hdb\nconsumes: [myinfo-person]\n"
        XCTAssertEqual(Fixtures.findings("missing-grant", base + "grants:\n  myinfo-person: G-1\n"), [])
        XCTAssertEqual(Fixtures.findings("missing-grant", base + "grants:\n  ica: G-1\n"), [])
        XCTAssertEqual(Fixtures.findings("missing-grant", head + "consumes: [myinfo-person]\n"), [], "ica is the project's own agency")
        XCTAssertEqual(Fixtures.findings("missing-grant", head + "consumes: [resale-prices]\n"), [], "open data needs no grant")
    }

    func testMissingGrantFiresWhetherOrNotTheDataIsReachable() {
        let reachable = head.replacingOccurrences(of: "agency: ica", with: "agency: govtech")
            + "choices:\n  api-gateway: apex\n  api-authentication: jwt-es256\nconsumes: [hdb-register]\n"
        XCTAssertEqual(Fixtures.findings("missing-grant", reachable).map(\.dataset), ["hdb-register"])
        XCTAssertEqual(Fixtures.findings("unreachable-data", reachable), [])
    }

    // MARK: sharing-by-default

    func testProducedDataMustBeSharedOrSayWhyNot() {
        let found = Fixtures.findings("sharing-by-default", head + """
        produces:
          - id: a
            shared-via: apex
          - id: b
            shared: false
            reason: Under legal hold
          - id: c
          - id: d
            shared: false
          - id: e
            shared-via: data-gov-sg
        """)
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(found.map(\.mark.line), [10, 11, 14])
        XCTAssertTrue(found.allSatisfy { $0.concern == "api-gateway" && $0.recommended == ["apex"] && $0.severity == .warning })
    }

    func testSharingConcernIsAParameter() throws {
        var rules = Fixtures.rules.rules
        let index = try XCTUnwrap(rules.firstIndex { $0.id == "sharing-by-default" })
        rules[index][parameters: RuleKind.SharingByDefault.self]?.concern = Located("open-data", .start)
        let result = Fixtures.lint(head + "produces:\n  - id: a\n    shared-via: data-gov-sg\n  - id: b\n    shared-via: apex\n", rules: RuleSet(rules: rules))
        XCTAssertEqual(result.findings.filter { $0.rule == "sharing-by-default" }.map(\.mark.line), [8])
    }

    // MARK: consent-required

    func testPrivateSectorConsumingConsentDataIsWarned() throws {
        let f = try XCTUnwrap(Fixtures.findings("consent-required", head + "sector: private\nconsumes: [myinfo-person, resale-prices]\n").first)
        XCTAssertEqual(f.dataset, "myinfo-person")
        XCTAssertEqual(f.severity, .warning)
        XCTAssertTrue(f.message.contains("consent must be collected from each person"), f.message)
        XCTAssertEqual(Fixtures.findings("consent-required", head + "sector: private\nconsumes: [myinfo-person, resale-prices]\n").count, 1)
    }

    func testPublicSectorNeedsNoConsentFinding() {
        XCTAssertEqual(Fixtures.findings("consent-required", head + "consumes: [myinfo-person]\n"), [])
    }

    // MARK: funding-notice

    func testChargedComponentIsNoticed() throws {
        let found = Fixtures.findings("funding-notice", head + "choices:\n  hosting: gcc\n  api-gateway: apex\n  analytics: wogaa\n")
        XCTAssertEqual(found.map(\.choice), [["gcc"], ["apex"]])
        XCTAssertTrue(found.allSatisfy { $0.severity == .info })
        XCTAssertTrue(found[0].message.contains("per use"), found[0].message)
        XCTAssertTrue(found[1].message.contains("subscription") && found[1].message.contains("publishers pay"), found[1].message)
    }

    func testFundingThatBecomesChargedIsComparedWithExpectedUsers() throws {
        let above = try XCTUnwrap(Fixtures.findings("funding-notice", head + "expected-users: 250000\nchoices:\n  hosting: nectar\n").first)
        XCTAssertTrue(above.message.contains("100000") && above.message.contains("250000") && above.message.contains("at or above"), above.message)
        let below = try XCTUnwrap(Fixtures.findings("funding-notice", head + "expected-users: 500\nchoices:\n  hosting: nectar\n").first)
        XCTAssertTrue(below.message.contains("below that threshold"), below.message)
        let unknown = try XCTUnwrap(Fixtures.findings("funding-notice", head + "choices:\n  hosting: nectar\n").first)
        XCTAssertTrue(unknown.message.contains("expected-users"), unknown.message)
    }

    // MARK: ordering and off

    func testFindingsAreSortedByPosition() {
        let result = Fixtures.lint(head + "choices:\n  design-system: bootstrap\n  api-style: soap\nconsume: []\n")
        let positions = result.findings.map { [$0.line, $0.column] }
        XCTAssertEqual(positions, positions.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
        XCTAssertFalse(result.findings.isEmpty)
    }

    func testARuleTurnedOffIsSilent() throws {
        var rules = Fixtures.rules.rules
        let index = try XCTUnwrap(rules.firstIndex { $0.id == "recommended-choice" })
        rules[index].severity = nil
        let result = Fixtures.lint(head + "choices:\n  api-style: soap\n", rules: RuleSet(rules: rules))
        XCTAssertFalse(result.findings.contains { $0.rule == "recommended-choice" })
    }
}

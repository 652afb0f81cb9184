// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
import XCTest
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// A small catalogue shaped like the default one, so rule tests do not move when the default
/// catalogue grows. Myinfo needs Singpass and REST/JSON; Singpass needs OIDC; APEX needs
/// JWT; data.gov.sg needs REST/JSON.
public enum Fixtures {
    public static let catalogueText = """
    catalogue: {name: Test Stack, publisher: tests, version: "1.0"}
    layers:
      - {id: microservices, name: Microservices, summary: s, order: 1}
      - {id: application, name: Application, summary: s, order: 2}
      - {id: infrastructure, name: Infrastructure, summary: s, order: 3}
      - {id: data, name: Data, summary: s, order: 4}
      - {id: governance, name: Governance, summary: s, order: 5, cross-cutting: true}
    source-kinds:
      - {id: government, name: Government, summary: s}
    agencies:
      - id: ica
        name: ICA
        summary: s
        source-kind: government
        grant-process: {summary: Submit ICA's grant form., url: "https://example.gov.sg/ica-grants"}
      - id: hdb
        name: HDB
        summary: s
        source-kind: government
        grant-process: {summary: Ask HDB's data office}
      - {id: govtech, name: GovTech, summary: s, source-kind: government}
    funding-models:
      - {id: central, name: Central, summary: s, charging: free}
      - {id: pay-per-use, name: Per use, summary: s, charging: per-use}
      - {id: subscription, name: Subscription, summary: s, charging: subscription}
      - id: project-then-paid
        name: Project then paid
        summary: s
        charging: free
        becomes: {model: pay-per-use, when-users-reach: 100000}
    concerns:
      - {id: api-style, name: API style, summary: s, layer: microservices, question: Which API style?, recommended: [rest-json], alternatives: [soap, amqp]}
      - {id: citizen-identity, name: Citizen identity, summary: s, layer: microservices, question: How do residents log in?, recommended: [singpass]}
      - {id: identity-protocol, name: Identity protocol, summary: s, layer: microservices, question: Which federation protocol?, recommended: [oidc]}
      - {id: personal-data, name: Personal data, summary: s, layer: microservices, question: How is personal data obtained?, recommended: [myinfo]}
      - {id: api-gateway, name: API gateway, summary: s, layer: microservices, question: Which gateway?, recommended: [apex]}
      - {id: api-authentication, name: API authentication, summary: s, layer: microservices, question: How are calls authenticated?, recommended: [jwt-es256]}
      - {id: design-system, name: Design system, summary: s, layer: application, question: Which design system?, recommended: [sgds]}
      - {id: analytics, name: Usage analytics, summary: s, layer: application, question: How is usage measured?, recommended: [wogaa], required: true}
      - {id: hosting, name: Hosting, summary: s, layer: infrastructure, question: Where does it run?, recommended: [gcc, nectar], required: true}
      - {id: open-data, name: Open data, summary: s, layer: data, question: Where is open data?, recommended: [data-gov-sg]}
    standards:
      - {id: rest-json, name: REST/JSON, summary: s}
      - {id: soap, name: SOAP, summary: s}
      - {id: amqp, name: AMQP, summary: s}
      - {id: oidc, name: OIDC, summary: s}
      - {id: saml2, name: SAML 2.0, summary: s}
      - {id: jwt-es256, name: JWT ES256, summary: s}
      - {id: apex-l1-hmac, name: APEX L1, summary: s, status: deprecated, replaced-by: jwt-es256}
      - {id: old-widgets, name: Old widgets, summary: s, status: retired}
      - {id: bootstrap, name: Bootstrap, summary: s}
    components:
      - {id: singpass, name: Singpass, summary: s, layer: microservices, owner: govtech, funding: {model: central}, requires: [oidc]}
      - {id: myinfo, name: Myinfo, summary: s, layer: microservices, owner: govtech, funding: {model: central}, requires: [singpass, rest-json]}
      - {id: apex, name: APEX, summary: s, layer: microservices, owner: govtech, funding: {model: subscription, price: publishers pay}, requires: [jwt-es256]}
      - {id: wogaa, name: WOGAA, summary: s, layer: application, owner: govtech, funding: {model: central}}
      - {id: sgds, name: SGDS, summary: s, layer: application, owner: govtech, funding: {model: central}}
      - {id: gcc, name: GCC, summary: s, layer: infrastructure, owner: govtech, funding: {model: pay-per-use}}
      - {id: nectar, name: NECTAR, summary: s, layer: [infrastructure, application], owner: govtech, funding: {model: project-then-paid}}
      - {id: data-gov-sg, name: data.gov.sg, summary: s, layer: data, owner: govtech, funding: {model: central}, requires: [rest-json]}
    datasets:
      - id: myinfo-person
        name: Myinfo person
        summary: s
        source: ica
        consent: true
        items: [name]
        access: [{via: myinfo, requires: [myinfo]}]
      - id: hdb-register
        name: HDB register
        summary: s
        source: hdb
        items: [flat]
        access: [{via: apex, requires: [apex]}]
      - id: resale-prices
        name: Resale prices
        summary: s
        source: hdb
        grant-required: false
        items: [price]
        access: [{via: data-gov-sg, requires: [data-gov-sg]}]
    """

    public static let catalogue: Catalogue = {
        let result = CatalogueLoader.load(files: [InputFile(path: "fixture.yaml", text: catalogueText)])
        precondition(!result.diagnostics.hasErrors, "fixture catalogue: \(result.diagnostics)")
        return result.catalogue ?? Catalogue(info: CatalogueInfo(name: "", publisher: "", version: ""))
    }()

    /// The built-in catalogue (`catalogue/`).
    public static let builtinCatalogue: Catalogue = {
        guard let c = try? CatalogueSource.builtin.loadUsable().catalogue else {
            preconditionFailure("the built-in catalogue must load")
        }
        return c
    }()

    /// The built-in rules (`rules/`).
    public static let rules: RuleSet = {
        let result = RuleSet.load(directory: nil)
        precondition(result.ruleSet != nil, "built-in rules: \(result.diagnostics)")
        return result.ruleSet ?? RuleSet(rules: [])
    }()

    public static let today = day("2026-03-15")

    public static func day(_ text: String) -> Day {
        guard let day = Day(text) else { preconditionFailure("not a day: \(text)") }
        return day
    }

    public static func linter(rules: RuleSet = rules, today: Day = today) -> Linter {
        Linter(catalogue: catalogue, rules: rules, today: today)
    }

    /// A manifest's head; append the rest of the YAML.
    public static let head = "techstack: 1\nproject: passport-renewal\nagency: ica\n"

    public static func lint(_ yaml: String, rules: RuleSet = rules, today: Day = today, file: StaticString = #filePath, line: UInt = #line) -> FileResult {
        let result = linter(rules: rules, today: today).lint(InputFile(path: "techstack.yaml", text: yaml))
        XCTAssertEqual(result.errors, [], "the manifest could not be used", file: file, line: line)
        return result
    }

    /// Findings of one rule.
    public static func findings(_ rule: String, _ yaml: String, today: Day = today, file: StaticString = #filePath, line: UInt = #line) -> [Finding] {
        lint(yaml, today: today, file: file, line: line).findings.filter { $0.rule == rule }
    }
}
#endif

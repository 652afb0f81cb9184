import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class ExemptionTests: XCTestCase {
    private func manifest(expires: String, extra: String = "    concern: api-style\n") -> String {
        Fixtures.head + "choices:\n  api-style: soap\nexemptions:\n  - rule: recommended-choice\n" + extra
            + "    reason: Partner X only speaks SOAP\n    expires: \(expires)\n"
    }

    func testAnUnexpiredExemptionSuppressesWithItsReason() throws {
        let result = Fixtures.lint(manifest(expires: "2026-12-31"))
        XCTAssertFalse(result.findings.contains { $0.rule == "recommended-choice" })
        let suppressed = try XCTUnwrap(result.suppressed.first)
        XCTAssertEqual(suppressed.rule, "recommended-choice")
        XCTAssertEqual(suppressed.exemption, "Partner X only speaks SOAP")
    }

    func testAnExemptionIsValidThroughItsExpiryDay() {
        let onTheDay = Fixtures.lint(manifest(expires: "2026-03-15"), today: Fixtures.day("2026-03-15"))
        XCTAssertEqual(onTheDay.suppressed.map(\.rule), ["recommended-choice"])
        let expiring = onTheDay.findings.filter { $0.rule == "expired-exemption" }
        XCTAssertEqual(expiring.map(\.severity), [.warning])
        XCTAssertTrue(expiring.first?.message.contains("today") ?? false)

        let dayAfter = Fixtures.lint(manifest(expires: "2026-03-15"), today: Fixtures.day("2026-03-16"))
        XCTAssertEqual(dayAfter.suppressed, [])
        XCTAssertTrue(dayAfter.findings.contains { $0.rule == "recommended-choice" })
        let expired = dayAfter.findings.filter { $0.rule == "expired-exemption" }
        XCTAssertEqual(expired.map(\.severity), [.error])
        XCTAssertTrue(expired.first?.message.contains("expired on 2026-03-15") ?? false)
        XCTAssertEqual(expired.first?.concern, "api-style")
    }

    func testWarnDaysBoundary() {
        // Today is 2026-03-15; warn-days is 30.
        let within = Fixtures.lint(manifest(expires: "2026-04-14")).findings.filter { $0.rule == "expired-exemption" }
        XCTAssertEqual(within.map(\.severity), [.warning])
        XCTAssertTrue(within.first?.message.contains("in 30 days") ?? false, within.first?.message ?? "")
        let beyond = Fixtures.lint(manifest(expires: "2026-04-15")).findings.filter { $0.rule == "expired-exemption" }
        XCTAssertEqual(beyond, [])
    }

    func testWarnDaysIsAParameter() throws {
        var rules = Fixtures.rules.rules
        let index = try XCTUnwrap(rules.firstIndex { $0.id == "expired-exemption" })
        rules[index][parameters: RuleKind.ExpiredExemption.self]?.warnDays = 60
        let found = Fixtures.lint(manifest(expires: "2026-05-01"), rules: RuleSet(rules: rules)).findings
        XCTAssertEqual(found.filter { $0.rule == "expired-exemption" }.count, 1)
    }

    func testNarrowingByConcern() {
        let other = Fixtures.lint(manifest(expires: "2099-01-01", extra: "    concern: hosting\n"))
        XCTAssertTrue(other.findings.contains { $0.rule == "recommended-choice" })
        XCTAssertEqual(other.suppressed, [])
        let any = Fixtures.lint(manifest(expires: "2099-01-01", extra: ""))
        XCTAssertEqual(any.suppressed.map(\.rule), ["recommended-choice"])
    }

    func testNarrowingByDataset() {
        let yaml = "techstack: 1\nproject: p\nagency: hdb\nconsumes: [myinfo-person, hdb-register]\n"
            + "exemptions:\n  - rule: missing-grant\n    dataset: myinfo-person\n    reason: Grant in progress\n    expires: 2099-01-01\n"
        let result = Fixtures.lint(yaml)
        XCTAssertEqual(result.suppressed.filter { $0.rule == "missing-grant" }.map(\.dataset), ["myinfo-person"])
        XCTAssertEqual(result.findings.filter { $0.rule == "missing-grant" }.map(\.dataset), [])
        // hdb-register's source is hdb itself: no grant needed, nothing to suppress.
    }

    func testAnExemptionForAnotherRuleSuppressesNothing() {
        let result = Fixtures.lint(Fixtures.head + "choices:\n  api-style: soap\nexemptions:\n  - rule: missing-grant\n    reason: r\n    expires: 2099-01-01\n")
        XCTAssertTrue(result.findings.contains { $0.rule == "recommended-choice" })
        XCTAssertEqual(result.suppressed, [])
    }
}

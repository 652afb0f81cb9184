import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class ManifestLoaderTests: XCTestCase {
    private func load(_ text: String) -> Result<Manifest, DiagnosticList> {
        ManifestLoader.load(InputFile(path: "techstack.yaml", text: text))
    }

    private func manifest(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Manifest {
        switch load(text) {
        case .success(let m): return m
        case .failure(let d):
            XCTFail("expected a usable manifest, got: \(d)", file: file, line: line)
            throw d
        }
    }

    /// The schema errors, as `line:col: message`.
    private func errors(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        switch load(text) {
        case .success:
            XCTFail("expected schema errors", file: file, line: line)
            return []
        case .failure(let d):
            XCTAssertTrue(d.items.allSatisfy { $0.severity == .error && $0.path == "techstack.yaml" }, file: file, line: line)
            return d.items
        }
    }

    private func assertError(_ text: String, at mark: Mark, containing words: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = errors(text, file: file, line: line)
        XCTAssertTrue(found.contains { $0.mark == mark && $0.message.contains(words) },
                      "expected an error at \(mark.line):\(mark.column) containing '\(words)', got \(found.map(\.description))",
                      file: file, line: line)
    }

    func testFullManifestIsRead() throws {
        let m = try manifest("""
        techstack: 1
        project: passport-renewal
        agency: ica
        summary: Renew a passport online
        sector: private
        choices:
          api-style: rest-json
          hosting: [gcc, nectar]
        consumes: [myinfo-person]
        produces:
          - id: passport-status
            name: Passport application status
            shared-via: apex
          - id: fraud-flags
            shared: false
            reason: Investigations only
        grants:
          myinfo-person: GR-2024-0012
          hdb: 12345
        expected-users: 250000
        exemptions:
          - rule: recommended-choice
            concern: api-style
            reason: Partner X only speaks SOAP until 2027
            owner: integration-team
            expires: 2027-06-30
        """)
        XCTAssertEqual(m.version, 1)
        XCTAssertEqual(m.project.value, "passport-renewal")
        XCTAssertEqual(m.agency, Located("ica", Mark(line: 3, column: 9)))
        XCTAssertEqual(m.sector, .private)
        XCTAssertEqual(m.choices.map(\.concern.value), ["api-style", "hosting"])
        XCTAssertEqual(m.choices[1].choices.map(\.value), ["gcc", "nectar"])
        XCTAssertEqual(m.choices[0].choices[0].mark, Mark(line: 7, column: 14))
        XCTAssertEqual(m.stack, ["rest-json", "gcc", "nectar"])
        XCTAssertEqual(m.consumes.map(\.value), ["myinfo-person"])
        XCTAssertEqual(m.produces.count, 2)
        XCTAssertEqual(m.produces[0].sharedVia?.value, "apex")
        XCTAssertEqual(m.produces[1].shared, false)
        XCTAssertEqual(m.produces[1].reason, "Investigations only")
        XCTAssertEqual(m.grants.map(\.key.value), ["myinfo-person", "hdb"])
        XCTAssertEqual(m.grants[1].reference, "12345")
        XCTAssertEqual(m.expectedUsers, 250000)
        XCTAssertEqual(m.exemptions.first?.expires, Day("2027-06-30"))
        XCTAssertEqual(m.exemptions.first?.concern?.value, "api-style")
        XCTAssertEqual(m.exemptions.first?.owner, "integration-team")
        XCTAssertEqual(m.keyMarks["choices"], Mark(line: 6, column: 1))
        XCTAssertTrue(m.unknownKeys.isEmpty)
    }

    func testSectorDefaultsToPublicAndOptionalKeysMayBeLeftOut() throws {
        let m = try manifest("techstack: 1\nproject: p\nagency: ica\n")
        XCTAssertEqual(m.sector, .public)
        XCTAssertTrue(m.choices.isEmpty && m.consumes.isEmpty && m.produces.isEmpty && m.exemptions.isEmpty)
        XCTAssertNil(m.expectedUsers)
    }

    func testUnknownKeysAtEveryLevelAreCollectedNotRefused() throws {
        let m = try manifest("""
        techstack: 1
        project: p
        agency: ica
        consume: [myinfo-person]
        produces:
          - id: d
            shared_via: apex
        exemptions:
          - rule: recommended-choice
            reason: r
            expires: 2027-01-01
            expiry: 2028-01-01
        """)
        XCTAssertEqual(m.unknownKeys.map(\.key), ["consume", "shared_via", "expiry"])
        XCTAssertEqual(m.unknownKeys.map(\.nearest), ["consumes", "shared-via", "expires"])
        XCTAssertEqual(m.unknownKeys.map(\.context), ["", "produces[0]", "exemptions[0]"])
        XCTAssertEqual(m.unknownKeys[1].mark, Mark(line: 7, column: 5))
    }

    func testMalformedYAMLIsLocated() {
        let found = errors("techstack: 1\nproject: [p\nagency: ica\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("invalid YAML"))
        XCTAssertGreaterThan(found[0].mark.line, 1)
    }

    func testTopLevelMustBeAMapping() {
        assertError("- techstack: 1\n", at: Mark(line: 1, column: 1), containing: "must be a mapping")
        assertError("just text\n", at: Mark(line: 1, column: 1), containing: "must be a mapping")
    }

    func testMissingRequiredKeysAreEachReported() {
        let found = errors("summary: s\n")
        XCTAssertEqual(Set(found.compactMap { d in ["techstack", "project", "agency"].first { d.message.contains("'\($0)'") } }),
                       ["techstack", "project", "agency"])
        XCTAssertTrue(found.allSatisfy { $0.mark == Mark(line: 1, column: 1) })
    }

    func testEmptyRequiredKeyIsReportedAtTheKey() {
        assertError("techstack: 1\nproject: p\nagency:\n", at: Mark(line: 3, column: 1), containing: "'agency' is empty")
    }

    func testUnsupportedVersionNamesTheSupportedOnes() {
        assertError("techstack: 2\nproject: p\nagency: ica\n", at: Mark(line: 1, column: 12), containing: "reads version 1")
    }

    func testWrongTypesAreLocated() {
        assertError("techstack: one\nproject: p\nagency: ica\n", at: Mark(line: 1, column: 12), containing: "whole number")
        assertError("techstack: \"1\"\nproject: p\nagency: ica\n", at: Mark(line: 1, column: 12), containing: "without quotes")
        assertError("techstack: 1\nproject: [a, b]\nagency: ica\n", at: Mark(line: 2, column: 10), containing: "must be text")
        assertError(Fixtures.head + "choices: [rest-json]\n", at: Mark(line: 4, column: 10), containing: "'choices' must be a mapping")
        assertError(Fixtures.head + "choices:\n  api-style: {a: b}\n", at: Mark(line: 5, column: 14), containing: "choices.api-style")
        assertError(Fixtures.head + "choices:\n  api-style: []\n", at: Mark(line: 5, column: 14), containing: "empty list")
        assertError(Fixtures.head + "choices:\n  api-style:\n", at: Mark(line: 5, column: 13), containing: "names no choice")
        assertError(Fixtures.head + "consumes: {a: b}\n", at: Mark(line: 4, column: 11), containing: "'consumes' must be a list")
        assertError(Fixtures.head + "produces: [x]\n", at: Mark(line: 4, column: 12), containing: "must be a mapping")
        assertError(Fixtures.head + "produces:\n  - name: n\n", at: Mark(line: 5, column: 5), containing: "required field 'id'")
        assertError(Fixtures.head + "produces:\n  - id: d\n    shared: maybe\n", at: Mark(line: 6, column: 13), containing: "true or false")
        assertError(Fixtures.head + "grants: [a]\n", at: Mark(line: 4, column: 9), containing: "'grants' must be a mapping")
        assertError(Fixtures.head + "grants:\n  ica: [a]\n", at: Mark(line: 5, column: 8), containing: "grant's reference")
        assertError(Fixtures.head + "expected-users: many\n", at: Mark(line: 4, column: 17), containing: "whole number")
        assertError(Fixtures.head + "expected-users: -5\n", at: Mark(line: 4, column: 17), containing: "zero or more")
        assertError(Fixtures.head + "exemptions: {rule: x}\n", at: Mark(line: 4, column: 13), containing: "must be a list")
    }

    func testSectorMustBePublicOrPrivate() {
        assertError(Fixtures.head + "sector: privat\n", at: Mark(line: 4, column: 9), containing: "did you mean 'private'?")
    }

    func testExemptionNeedsRuleReasonAndExpires() {
        let found = errors(Fixtures.head + "exemptions:\n  - concern: api-style\n")
        for field in ["rule", "reason", "expires"] {
            XCTAssertTrue(found.contains { $0.message.contains("'\(field)'") && $0.mark == Mark(line: 5, column: 5) }, "\(field): \(found)")
        }
    }

    func testExpiresMustBeAYearMonthDayDate() {
        let base = Fixtures.head + "exemptions:\n  - rule: r\n    reason: x\n    expires: "
        assertError(base + "2027-6-30\n", at: Mark(line: 7, column: 14), containing: "YYYY-MM-DD")
        assertError(base + "2027-02-30\n", at: Mark(line: 7, column: 14), containing: "YYYY-MM-DD")
        assertError(base + "30/06/2027\n", at: Mark(line: 7, column: 14), containing: "YYYY-MM-DD")
        // A plain YAML date is just text to this reader, and reads as the day it says.
        if case .success(let m) = load(base + "2027-06-30\n") {
            XCTAssertEqual(m.exemptions.first?.expires, Day("2027-06-30"))
        } else {
            XCTFail("a plain date must be accepted")
        }
    }

    func testEveryErrorIsReportedInOneRun() {
        let found = errors("techstack: 3\nproject: p\nagency: ica\nsector: none\nexpected-users: x\n")
        XCTAssertEqual(found.count, 3, "\(found)")
    }
}

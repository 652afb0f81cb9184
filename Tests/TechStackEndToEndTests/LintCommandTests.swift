import Foundation
import TechStackTestSupport
import XCTest

/// `techstack lint`, `explain` and `init` as a user runs them: the real binary on real files.
final class LintCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try Binary.makeTemporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func write(_ name: String, _ text: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func lint(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(["lint", "--no-color"] + args, in: directory)
    }

    private let soap = """
    techstack: 1
    project: business-grants-portal
    agency: govtech
    choices:
      api-style: soap
      analytics: wogaa
      hosting: gcc
      security-policy: im8
      accessibility: wcag-2.1-aa

    """

    private let clean = """
    techstack: 1
    project: passport-renewal
    agency: ica
    choices:
      api-style: rest-json
      analytics: wogaa
      hosting: gcc
      security-policy: im8
      accessibility: wcag-2.1-aa

    """

    func testSoapIsAnErrorAtTheLineAndColumnOfSoapWithItsCost() throws {
        try write("techstack.yaml", soap)
        let result = try lint([])
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("techstack.yaml:5:14: error: api-style: 'soap' deviates from the recommended 'rest-json'") }, result.stdout)
        XCTAssertTrue(lines[index].hasSuffix("[recommended-choice]"))
        XCTAssertTrue(lines[index].contains("myinfo-person"))
        XCTAssertTrue(lines[index + 1].hasPrefix("    cost: myinfo-person (source ica)"), lines[index + 1])
        XCTAssertEqual(lines.last, "1 error, 0 warnings, 1 info, 0 suppressed in 1 file")
    }

    func testJSONHasTheContractShape() throws {
        try write("techstack.yaml", soap)
        let result = try lint(["--format", "json"])
        XCTAssertEqual(result.status, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        let catalogue = try XCTUnwrap(json["catalogue"] as? [String: Any])
        XCTAssertEqual(catalogue["name"] as? String, "Singapore Government Tech Stack")
        XCTAssertNotNil(catalogue["version"] as? String)
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        XCTAssertEqual(files.first?["path"] as? String, "techstack.yaml")
        XCTAssertEqual(files.first?["suppressed"] as? Int, 0)
        let findings = try XCTUnwrap(files.first?["findings"] as? [[String: Any]])
        let finding = try XCTUnwrap(findings.first { $0["rule"] as? String == "recommended-choice" })
        XCTAssertEqual(finding["severity"] as? String, "error")
        XCTAssertEqual(finding["line"] as? Int, 5)
        XCTAssertEqual(finding["column"] as? Int, 14)
        XCTAssertEqual(finding["concern"] as? String, "api-style")
        XCTAssertEqual(finding["choice"] as? [String], ["soap"])
        XCTAssertEqual(finding["recommended"] as? [String], ["rest-json"])
        let cost = try XCTUnwrap(finding["cost"] as? [[String: String]])
        XCTAssertTrue(cost.contains { $0 == ["dataset": "myinfo-person", "source": "ica"] })
        XCTAssertNotNil(finding["message"] as? String)
        let summary = try XCTUnwrap(json["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["error": 1, "warning": 0, "info": 1, "suppressed": 0])
    }

    func testFindingsAboutDataCarryTheDatasetInJSON() throws {
        try write("techstack.yaml", clean.replacingOccurrences(of: "agency: ica", with: "agency: hdb") + "consumes: [myinfo-person]\n")
        let result = try lint(["--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap((json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        let grant = try XCTUnwrap(findings.first { $0["rule"] as? String == "missing-grant" })
        XCTAssertEqual(grant["dataset"] as? String, "myinfo-person")
    }

    func testCleanManifestExitsZeroAndFailOnLowersTheBar() throws {
        try write("techstack.yaml", clean)
        XCTAssertEqual(try lint([]).status, 0)
        XCTAssertEqual(try lint(["--fail-on", "warning"]).status, 0)
        XCTAssertEqual(try lint(["--fail-on", "info"]).status, 1, "gcc is charged: a funding notice (info)")
        try write("techstack.yaml", soap)
        XCTAssertEqual(try lint(["--fail-on", "never"]).status, 0)
        XCTAssertEqual(try lint(["--fail-on", "error"]).status, 1)
    }

    func testWarningsFailOnlyFromFailOnWarning() throws {
        try write("techstack.yaml", clean + "consume: [myinfo-person]\n")
        XCTAssertEqual(try lint([]).status, 0)
        let result = try lint(["--fail-on", "warning"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("techstack.yaml:10:1: warning: unknown key 'consume'"), result.stdout)
    }

    func testSeveralManifestsWithOneUnusable() throws {
        try write("a/techstack.yaml", clean)
        try write("b/techstack.yaml", "techstack: 1\nproject: [\n")
        try write("c/techstack.yaml", soap)
        let result = try lint(["a/techstack.yaml", "b/techstack.yaml", "c/techstack.yaml", "missing.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("b/techstack.yaml:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("error: invalid YAML"), result.stderr)
        XCTAssertTrue(result.stderr.contains("missing.yaml:1:1: error: cannot read the file"), result.stderr)
        XCTAssertTrue(result.stdout.contains("c/techstack.yaml:5:14: error: api-style"), "the usable manifests are still linted:\n\(result.stdout)")
        XCTAssertTrue(result.stdout.contains("in 4 files"), result.stdout)
    }

    func testSchemaErrorsExitTwoWithLocatedMessages() throws {
        try write("techstack.yaml", "techstack: 2\nproject: p\nagency: ica\nexemptions:\n  - rule: recommended-choice\n    reason: r\n    expires: 31.12.2026\n")
        let result = try lint([])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("techstack.yaml:1:12: error: format version 2 is not supported"), result.stderr)
        XCTAssertTrue(result.stderr.contains("techstack.yaml:7:14: error: 'expires' must be a date written YYYY-MM-DD"), result.stderr)
    }

    func testDefaultManifestIsTechstackYamlInTheCurrentFolder() throws {
        let result = try lint([])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("techstack.yaml:1:1: error:"), result.stderr)
    }

    func testOutputFileGetsTheReport() throws {
        try write("techstack.yaml", soap)
        let result = try lint(["--format", "json", "--output", "report.json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        let written = try String(contentsOf: directory.appendingPathComponent("report.json"), encoding: .utf8)
        XCTAssertTrue(written.contains("\"recommended-choice\""))
    }

    func testBadArgumentsExitTwo() throws {
        try write("techstack.yaml", clean)
        XCTAssertEqual(try lint(["--today", "2026-13-01"]).status, 2)
        XCTAssertEqual(try lint(["--format", "yaml"]).status, 2)
        XCTAssertEqual(try lint(["--fail-on", "sometimes"]).status, 2)
        XCTAssertEqual(try lint(["--rules", "no-such-folder"]).status, 2)
    }

    func testTodayDecidesExpiryAndShowSuppressedListsSuppressedFindings() throws {
        try write("techstack.yaml", soap + "exemptions:\n  - rule: recommended-choice\n    concern: api-style\n    reason: Partner X only speaks SOAP\n    expires: 2026-06-30\n")
        let valid = try lint(["--today", "2026-06-30"])
        XCTAssertEqual(valid.status, 0, valid.stdout)
        XCTAssertTrue(valid.stdout.contains("expires today"), valid.stdout)
        XCTAssertFalse(valid.stdout.contains("[recommended-choice]"))
        XCTAssertTrue(valid.stdout.contains("1 suppressed"))
        let shown = try lint(["--today", "2026-06-30", "--show-suppressed"])
        XCTAssertTrue(shown.stdout.contains("[recommended-choice] (suppressed: Partner X only speaks SOAP)"), shown.stdout)
        let expired = try lint(["--today", "2026-07-01"])
        XCTAssertEqual(expired.status, 1)
        XCTAssertTrue(expired.stdout.contains("expired on 2026-06-30"), expired.stdout)
        XCTAssertTrue(expired.stdout.contains("[recommended-choice]"))
    }

    func testRulesFolderTurnsARuleOffOrChangesItsSeverity() throws {
        try write("techstack.yaml", soap)
        try write("team-rules/rules.yaml", "rules:\n  - id: recommended-choice\n    severity: warning\n")
        let softened = try lint(["--rules", "team-rules"])
        XCTAssertEqual(softened.status, 0, softened.stderr)
        XCTAssertTrue(softened.stdout.contains("techstack.yaml:5:14: warning: api-style"), softened.stdout)
        try write("team-rules/rules.yaml", "rules:\n  - id: recommended-choice\n    severity: off\n")
        let off = try lint(["--rules", "team-rules"])
        XCTAssertFalse(off.stdout.contains("[recommended-choice]"))
        try write("team-rules/rules.yaml", "rules:\n  - id: x\n    kind: recomended-choice\n")
        let bad = try lint(["--rules", "team-rules"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("team-rules/rules.yaml:3:11: error: unknown rule kind 'recomended-choice'; did you mean 'recommended-choice'?"), bad.stderr)
    }

    func testTerminalControlCharactersFromTheManifestAreEscaped() throws {
        try write("techstack.yaml", clean + "\"evil\\e[31m\": 1\n")
        let result = try lint([])
        XCTAssertFalse(result.stdout.contains("\u{1B}"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\\u{1b}"), result.stdout)
    }

    // MARK: the examples

    func testExamplesLintAsDocumented() throws {
        let examples = Self.repository.appendingPathComponent("examples")
        func run(_ name: String, _ extra: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
            try Binary.run(["lint", "--no-color", "\(name)/techstack.yaml"] + extra, in: examples)
        }
        let clean = try run("passport-renewal")
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        let deviating = try run("business-grants-portal")
        XCTAssertEqual(deviating.status, 1)
        XCTAssertTrue(deviating.stdout.contains("business-grants-portal/techstack.yaml:9:14: error: api-style: 'soap'"), deviating.stdout)
        XCTAssertTrue(deviating.stdout.contains("    cost: myinfo-person (source ica)"))
        XCTAssertTrue(deviating.stdout.contains("[unreachable-data]") && deviating.stdout.contains("[missing-grant]"))
        let legacy = try run("legacy-benefits", ["--today", "2026-04-01"])
        XCTAssertEqual(legacy.status, 0, legacy.stdout)
        XCTAssertTrue(legacy.stdout.contains("warning: the exemption from recommended-choice (concern identity-protocol) expires on 2026-04-30"), legacy.stdout)
        XCTAssertTrue(legacy.stdout.contains("4 suppressed"), legacy.stdout)
    }

    // MARK: explain

    func testExplainShowsTheRule() throws {
        let result = try Binary.run(["explain", "recommended-choice", "--no-color"], in: directory)
        XCTAssertEqual(result.status, 0)
        for words in ["recommended-choice:", "severity: error", "severity-when-free: warning", "Why it matters:", "cannot take part of the data", "api-style: soap"] {
            XCTAssertTrue(result.stdout.contains(words), "missing \(words):\n\(result.stdout)")
        }
    }

    func testExplainUnknownRuleNamesTheNearest() throws {
        let result = try Binary.run(["explain", "missing-grants"], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean 'missing-grant'?"), result.stderr)
    }

    func testExplainHonoursRulesFolder() throws {
        try write("r/extra.yaml", "rules:\n  - id: open-data-sharing\n    kind: sharing-by-default\n    severity: info\n    concern: open-data\n    summary: Publish produced data as open data.\n    rationale: Open data is reused beyond government.\n")
        let result = try Binary.run(["explain", "open-data-sharing", "--rules", "r", "--no-color"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("concern: open-data"))
        XCTAssertTrue(try Binary.run(["explain", "--rules", "r"], in: directory).stdout.contains("open-data-sharing"))
    }

    // MARK: init

    func testInitWritesAStarterThatLintsOnceTheAgencyIsNamed() throws {
        let project = directory.appendingPathComponent("Passport Renewal")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let created = try Binary.run(["init", "--agency", "ica"], in: project)
        XCTAssertEqual(created.status, 0, created.stderr)
        let text = try String(contentsOf: project.appendingPathComponent("techstack.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("techstack: 1\nproject: passport-renewal\nagency: ica\n"), text)
        XCTAssertTrue(text.contains("  analytics: wogaa\n"), text)
        XCTAssertTrue(text.contains("  # How does the service measure who uses it and how?"), text)
        XCTAssertTrue(text.contains("  # api-style: rest-json"), text)
        XCTAssertTrue(text.hasPrefix("# yaml-language-server: $schema=techstack.schema.json\n"), text)
        let schema = try Data(contentsOf: project.appendingPathComponent("techstack.schema.json"))
        let parsed = try JSONSerialization.jsonObject(with: schema) as? [String: Any]
        XCTAssertEqual(parsed?["$schema"] as? String, "http://json-schema.org/draft-07/schema#")
        let linted = try Binary.run(["lint", "--no-color"], in: project)
        XCTAssertEqual(linted.status, 0, linted.stdout + linted.stderr)
    }

    func testInitWithoutAgencyLeavesItForTheUserAndLintSaysSo() throws {
        let created = try Binary.run(["init"], in: directory)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stderr.contains("fill in 'agency'"))
        let linted = try Binary.run(["lint", "--no-color"], in: directory)
        XCTAssertEqual(linted.status, 2)
        XCTAssertTrue(linted.stderr.contains("error: 'agency' is empty"), linted.stderr)
    }

    func testInitNeverOverwrites() throws {
        try write("techstack.yaml", "mine\n")
        let result = try Binary.run(["init", "--agency", "ica"], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("techstack.yaml:1:1: error: already exists"), result.stderr)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("techstack.yaml"), encoding: .utf8), "mine\n")
    }

    func testInitKeepsAnExistingSchemaFile() throws {
        try write("techstack.schema.json", "{\"mine\": true}\n")
        let result = try Binary.run(["init", "--agency", "ica"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("kept the existing techstack.schema.json"), result.stderr)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("techstack.schema.json"), encoding: .utf8), "{\"mine\": true}\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("techstack.yaml").path))
    }

    func testInitPathAndUnknownAgency() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("svc"), withIntermediateDirectories: true)
        let result = try Binary.run(["init", "--path", "svc", "--agency", "hbd"], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean 'hdb'?"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("svc/techstack.yaml").path))
        XCTAssertEqual(try Binary.run(["init", "--path", "svc", "--agency", "hdb"], in: directory).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("svc/techstack.yaml").path))
    }
}

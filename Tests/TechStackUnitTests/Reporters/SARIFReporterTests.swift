import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class SARIFReporterTests: XCTestCase {
    private func sarif(_ report: LintReport, _ context: ReportContext = ReportFixtures.context()) throws -> [String: Any] {
        let text = SARIFReporter.generateReport(report, context: context)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any])
    }

    private func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        return runs[0]
    }

    private func results(_ log: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(try run(log)["results"] as? [[String: Any]])
    }

    private func artifact(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try XCTUnwrap(result["locations"] as? [[String: Any]])
        let physical = try XCTUnwrap(locations.first?["physicalLocation"] as? [String: Any])
        return try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
    }

    private func region(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try XCTUnwrap(result["locations"] as? [[String: Any]])
        let physical = try XCTUnwrap(locations.first?["physicalLocation"] as? [String: Any])
        return try XCTUnwrap(physical["region"] as? [String: Any])
    }

    func testLogHeaderAndDriver() throws {
        let log = try sarif(ReportFixtures.mixed)
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, SARIFReporter.schemaURI)
        let driver = try XCTUnwrap((try run(log)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "techstack")
        XCTAssertEqual(driver["version"] as? String, ToolVersion.current)
    }

    func testRunNamesTheCatalogueAndItsVersion() throws {
        let properties = try XCTUnwrap(try run(try sarif(ReportFixtures.mixed))["properties"] as? [String: Any])
        let catalogue = try XCTUnwrap(properties["catalogue"] as? [String: Any])
        XCTAssertEqual(catalogue["name"] as? String, "Singapore Government Tech Stack")
        XCTAssertEqual(catalogue["version"] as? String, "2026.11")
    }

    func testRuleMetadata() throws {
        let driver = try XCTUnwrap((try run(try sarif(ReportFixtures.mixed))["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, ["recommended-choice", "unknown-key", "funding-notice", "consent-required"])
        let first = rules[0]
        XCTAssertEqual(first["name"] as? String, "RecommendedChoice")
        XCTAssertEqual((first["shortDescription"] as? [String: Any])?["text"] as? String, "Answer each concern with a recommended choice")
        XCTAssertEqual((first["fullDescription"] as? [String: Any])?["text"] as? String,
                       "A deviation forfeits shared data that only the recommended standards reach.")
        let help = try XCTUnwrap((first["help"] as? [String: Any])?["text"] as? String)
        XCTAssertTrue(help.hasPrefix("A deviation forfeits"))
        XCTAssertTrue(help.contains("techstack explain recommended-choice"), help)
        XCTAssertTrue(help.contains("exemption"), help)
        let levels = rules.map { ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String }
        XCTAssertEqual(levels, ["error", "warning", "note", "none"])
        XCTAssertEqual((rules[3]["defaultConfiguration"] as? [String: Any])?["enabled"] as? Bool, false)
    }

    func testOneResultPerFindingWithLevelIndexAndProperties() throws {
        let all = try results(try sarif(ReportFixtures.mixed))
        XCTAssertEqual(all.count, 4)
        XCTAssertEqual(all.map { $0["level"] as? String }, ["warning", "error", "note", "error"])
        XCTAssertEqual(all.map { $0["ruleIndex"] as? Int }, [1, 0, 2, 0])
        let deviation = all[1]
        XCTAssertEqual(deviation["ruleId"] as? String, "recommended-choice")
        let message = try XCTUnwrap((deviation["message"] as? [String: Any])?["text"] as? String)
        XCTAssertTrue(message.contains("myinfo-person (source ica)"), message)
        let properties = try XCTUnwrap(deviation["properties"] as? [String: Any])
        XCTAssertEqual(properties["concern"] as? String, "api-style")
        XCTAssertEqual(properties["choice"] as? [String], ["soap"])
        XCTAssertEqual(properties["recommended"] as? [String], ["rest-json"])
        let cost = try XCTUnwrap(properties["cost"] as? [[String: String]])
        XCTAssertEqual(cost, [["dataset": "myinfo-person", "source": "ica"]])
        XCTAssertEqual(try region(deviation)["startLine"] as? Int, 7)
        XCTAssertEqual(try region(deviation)["startColumn"] as? Int, 14)
        XCTAssertEqual((deviation["suppressions"] as? [Any])?.count, 0, "not suppressed, in a log where one result is")
    }

    func testSuppressedFindingIsAResultWithExternalSuppression() throws {
        let all = try results(try sarif(ReportFixtures.mixed))
        let suppressions = try XCTUnwrap(all[3]["suppressions"] as? [[String: Any]])
        XCTAssertEqual(suppressions.count, 1)
        XCTAssertEqual(suppressions[0]["kind"] as? String, "external")
        XCTAssertEqual(suppressions[0]["justification"] as? String, "Partner X only speaks SOAP until 2027")
    }

    func testManifestBelowWorkingDirectoryIsRelativeToSourceRoot() throws {
        let report = ReportFixtures.report([
            FileResult(path: "services/a b/techstack.yaml", findings: [ReportFixtures.deviation()]),
            FileResult(path: "./x/../techstack.yaml", findings: [ReportFixtures.deviation()]),
            FileResult(path: "/work/project/abs/techstack.yaml", findings: [ReportFixtures.deviation()]),
        ])
        let log = try sarif(report)
        let all = try results(log)
        XCTAssertEqual(try artifact(all[0])["uri"] as? String, "services/a%20b/techstack.yaml")
        XCTAssertEqual(try artifact(all[0])["uriBaseId"] as? String, "%SRCROOT%")
        XCTAssertEqual(try artifact(all[1])["uri"] as? String, "techstack.yaml")
        XCTAssertEqual(try artifact(all[2])["uri"] as? String, "abs/techstack.yaml")
        let bases = try XCTUnwrap(try run(log)["originalUriBaseIds"] as? [String: [String: String]])
        XCTAssertEqual(bases["%SRCROOT%"]?["uri"], "file:///work/project/")
    }

    func testManifestOutsideWorkingDirectoryIsAnAbsoluteFileURI() throws {
        let report = ReportFixtures.report([
            FileResult(path: "../other/techstack.yaml", findings: [ReportFixtures.deviation()]),
            FileResult(path: "/srv/ä #1/techstack.yaml", findings: [ReportFixtures.deviation()]),
            FileResult(path: "/work/projectile/techstack.yaml", findings: [ReportFixtures.deviation()]),
        ])
        let log = try sarif(report)
        let all = try results(log)
        XCTAssertEqual(try artifact(all[0])["uri"] as? String, "file:///work/other/techstack.yaml")
        XCTAssertEqual(try artifact(all[1])["uri"] as? String, "file:///srv/%C3%A4%20%231/techstack.yaml")
        XCTAssertEqual(try artifact(all[2])["uri"] as? String, "file:///work/projectile/techstack.yaml")
        for result in all { XCTAssertNil(try artifact(result)["uriBaseId"]) }
        XCTAssertNil(try run(log)["originalUriBaseIds"], "no base id is declared when nothing uses it")
    }

    func testRegionIsAtLeastOne() throws {
        let report = ReportFixtures.report([FileResult(path: "techstack.yaml", findings: [ReportFixtures.deviation(line: 0, column: 0)])])
        let result = try XCTUnwrap(try results(try sarif(report)).first)
        XCTAssertEqual(try region(result)["startLine"] as? Int, 1)
        XCTAssertEqual(try region(result)["startColumn"] as? Int, 1)
    }

    func testUnusableManifestBecomesAToolExecutionNotification() throws {
        let report = ReportFixtures.report([
            FileResult(path: "techstack.yaml", findings: [ReportFixtures.deviation()]),
            FileResult(path: "bad.yaml", errors: [Diagnostic(path: "bad.yaml", mark: Mark(line: 4, column: 2), message: "invalid YAML: mapping values are not allowed here")]),
        ])
        let invocations = try XCTUnwrap(try run(try sarif(report))["invocations"] as? [[String: Any]])
        XCTAssertEqual(invocations[0]["executionSuccessful"] as? Bool, false)
        let notifications = try XCTUnwrap(invocations[0]["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual(notifications.count, 1)
        XCTAssertEqual(notifications[0]["level"] as? String, "error")
        XCTAssertEqual((notifications[0]["message"] as? [String: Any])?["text"] as? String, "invalid YAML: mapping values are not allowed here")
        let clean = try XCTUnwrap(try run(try sarif(ReportFixtures.mixed))["invocations"] as? [[String: Any]])
        XCTAssertEqual(clean[0]["executionSuccessful"] as? Bool, true)
    }

    func testHostileTextStaysInertJSON() throws {
        let text = SARIFReporter.generateReport(ReportFixtures.hostileReport, context: ReportFixtures.context())
        // Raw control characters never reach the file; JSON stays parseable.
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let message = try XCTUnwrap((try results(log).first?["message"] as? [String: Any])?["text"] as? String)
        XCTAssertTrue(message.contains("\\[link\\](http://evil)"), "no embedded link: \(message)")
        XCTAssertTrue(message.contains("{{0}}"), "no placeholder: \(message)")
        XCTAssertTrue(message.contains("injected\u{241B}\\[31mred\u{2407}\u{2400}"), "control characters made visible: \(message)")
        XCTAssertTrue(message.contains("second line\u{240D}\n"), message)
        XCTAssertFalse(message.contains("\u{1B}"))
        let uri = try XCTUnwrap(try artifact(try results(log)[0])["uri"] as? String)
        XCTAssertEqual(uri, "dir%2Cwith%3Aodd%25/evil%3Cx%3E%7C%60%2A.yaml")
    }

    func testEmptyReportIsStillAValidRun() throws {
        let log = try sarif(ReportFixtures.report([FileResult(path: "techstack.yaml")]))
        XCTAssertEqual(try results(log).count, 0)
    }

    func testMessageTextEscaping() {
        XCTAssertEqual(SARIFReporter.messageText("a [b](c) {1} \\ d"), "a \\[b\\](c) {{1}} \\\\ d")
        XCTAssertEqual(SARIFReporter.messageText("x\u{1B}y\u{7F}\u{202E}z\n"), "x\u{241B}y\u{2421}\u{FFFD}z\n")
        XCTAssertEqual(SARIFReporter.messageText(""), " ", "SARIF message text must be non-empty")
    }

    // MARK: - Fingerprints and suppressions

    private func fingerprint(_ result: [String: Any]) throws -> String {
        let prints = try XCTUnwrap(result["partialFingerprints"] as? [String: String])
        return try XCTUnwrap(prints["techstack/v1"])
    }

    func testEveryResultHasAFingerprintOfWhatItIsAboutNotItsLine() throws {
        let moved = ReportFixtures.report([FileResult(path: "techstack.yaml", findings: [ReportFixtures.deviation(line: 40, column: 3)])])
        let here = ReportFixtures.report([FileResult(path: "./techstack.yaml", findings: [ReportFixtures.deviation()])])
        let a = try fingerprint(try XCTUnwrap(try results(try sarif(moved)).first))
        let b = try fingerprint(try XCTUnwrap(try results(try sarif(here)).first))
        XCTAssertEqual(a, b, "line, column and ./ do not change the fingerprint")
        XCTAssertEqual(a.count, 64)
        XCTAssertTrue(a.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        XCTAssertEqual(a, Fingerprint.of(ReportFixtures.deviation(), path: "techstack.yaml"), "the core's fingerprint is SARIF's")
    }

    func testTwoFindingsOnOneLineHaveTwoFingerprints() throws {
        func data(_ id: String) -> Finding {
            Finding(rule: "unreachable-data", severity: .error, message: "\(id) is unreachable", mark: Mark(line: 9, column: 12), dataset: id)
        }
        let twice = data("a")
        let report = ReportFixtures.report([FileResult(path: "techstack.yaml", findings: [data("a"), data("b"), twice])])
        let prints = try results(try sarif(report)).map(fingerprint)
        XCTAssertEqual(Set(prints).count, 3, "\(prints)")
    }

    func testFingerprintsDifferByRuleFileConcernDatasetAndKey() {
        let base = ReportFixtures.deviation()
        var otherConcern = base; otherConcern.concern = "hosting"
        var otherRule = base; otherRule.rule = "deprecated-choice"
        var otherChoice = base; otherChoice.choice = ["graphql"]
        var otherKey = base; otherKey.key = "colour"
        let prints = [Fingerprint.of(base, path: "a.yaml"), Fingerprint.of(base, path: "b.yaml"),
                      Fingerprint.of(otherConcern, path: "a.yaml"), Fingerprint.of(otherRule, path: "a.yaml"),
                      Fingerprint.of(otherChoice, path: "a.yaml"), Fingerprint.of(otherKey, path: "a.yaml")]
        XCTAssertEqual(Set(prints).count, prints.count)
    }

    func testSHA256MatchesTheStandardVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testOnceOneResultIsSuppressedEveryResultStatesItsSuppressions() throws {
        let all = try results(try sarif(ReportFixtures.mixed))
        for result in all { XCTAssertNotNil(result["suppressions"] as? [[String: Any]], "\(result)") }
        XCTAssertEqual(all.filter { ($0["suppressions"] as? [Any])?.isEmpty == false }.count, 1)
        let none = try results(try sarif(ReportFixtures.report([FileResult(path: "techstack.yaml", findings: [ReportFixtures.deviation()])])))
        XCTAssertNil(none[0]["suppressions"], "a log without suppressed results need not state them")
    }

    func testOmitSuppressedLeavesSuppressedResultsOut() throws {
        var context = ReportFixtures.context()
        context.omitSuppressed = true
        let all = try results(try sarif(ReportFixtures.mixed, context))
        XCTAssertEqual(all.count, 3)
        for result in all { XCTAssertNil(result["suppressions"]) }
        let full = try results(try sarif(ReportFixtures.mixed))
        XCTAssertEqual(try Array(full.prefix(3)).map(fingerprint), try all.map(fingerprint), "omitting changes no other fingerprint")
    }

    func testRegionEndsAfterTheValueAndRulesCarryHelpTagsAndPrecision() throws {
        var finding = ReportFixtures.deviation()
        finding.endColumn = 18
        let log = try sarif(ReportFixtures.report([FileResult(path: "techstack.yaml", findings: [finding, ReportFixtures.notice()])]))
        let all = try results(log)
        XCTAssertEqual(try region(all[0])["endLine"] as? Int, 7)
        XCTAssertEqual(try region(all[0])["endColumn"] as? Int, 18)
        XCTAssertEqual(try region(all[1])["endColumn"] as? Int, 21, "one character when the end is not known")
        let driver = try XCTUnwrap((try run(log)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rule = try XCTUnwrap((driver["rules"] as? [[String: Any]])?.first)
        let markdown = try XCTUnwrap((rule["help"] as? [String: Any])?["markdown"] as? String)
        XCTAssertTrue(markdown.contains("**Why.** A deviation forfeits"), markdown)
        XCTAssertTrue(markdown.contains("**How to fix.**"), markdown)
        XCTAssertTrue(markdown.contains("**The cost.** Each finding names the shared datasets"), markdown)
        let properties = try XCTUnwrap(rule["properties"] as? [String: Any])
        XCTAssertEqual(properties["precision"] as? String, "very-high")
        XCTAssertEqual(properties["tags"] as? [String], ["techstack", "governance", "tech-stack"])
        XCTAssertNil(properties["security-severity"], "no security severity: see README")
    }

    // MARK: - Schema

    func testOutputIsValidAgainstTheOfficialSchema() throws {
        let schema = try ExternalCheck.sarifSchema()
        let directory = try Binary.makeTemporaryDirectory(prefix: "sarif")
        defer { try? FileManager.default.removeItem(at: directory) }
        var omitting = ReportFixtures.context()
        omitting.omitSuppressed = true
        let reports: [(String, LintReport, ReportContext)] = [
            ("mixed", ReportFixtures.mixed, ReportFixtures.context()),
            ("omitted", ReportFixtures.mixed, omitting),
            ("hostile", ReportFixtures.hostileReport, ReportFixtures.context()),
            ("outside", ReportFixtures.report([FileResult(path: "../elsewhere/techstack.yaml", findings: [ReportFixtures.deviation()])]),
             ReportFixtures.context()),
            ("empty", ReportFixtures.report([]), ReportContext(rules: [], workingDirectory: "/")),
        ]
        var files: [URL] = []
        for (name, report, context) in reports {
            let file = directory.appendingPathComponent("\(name).sarif")
            try Data(SARIFReporter.generateReport(report, context: context).utf8).write(to: file)
            files.append(file)
        }
        try ExternalCheck.validateJSON(files, schema: schema)
    }
}

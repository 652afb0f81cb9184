import Foundation
import XCTest
@testable import TechStackCore

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
        XCTAssertNil(deviation["suppressions"])
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

    // MARK: - Schema

    /// Validates with scripts/validate-sarif.sh (check-jsonschema or Python jsonschema).
    func testOutputIsValidAgainstTheOfficialSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/validate-sarif.sh")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let reports: [(String, LintReport, ReportContext)] = [
            ("mixed", ReportFixtures.mixed, ReportFixtures.context()),
            ("hostile", ReportFixtures.hostileReport, ReportFixtures.context()),
            ("outside", ReportFixtures.report([FileResult(path: "../elsewhere/techstack.yaml", findings: [ReportFixtures.deviation()])]),
             ReportFixtures.context()),
            ("empty", ReportFixtures.report([]), ReportContext(rules: [], workingDirectory: "/")),
        ]
        var paths: [String] = []
        for (name, report, context) in reports {
            let file = directory.appendingPathComponent("\(name).sarif")
            try Data(SARIFReporter.generateReport(report, context: context).utf8).write(to: file)
            paths.append(file.path)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script.path] + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 {
            throw XCTSkip("no JSON schema validator installed (pip install check-jsonschema); SARIF schema validation did not run: \(text)")
        }
        XCTAssertEqual(process.terminationStatus, 0, "SARIF output is not valid against the 2.1.0 schema:\n\(text)")
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TechStackTestSupport
import XCTest

/// `techstack lint --format sarif|github|junit|markdown` run as a CI job would run it.
final class LintFormatsEndToEndTests: XCTestCase {
    private var directory: URL!

    /// Deviates on api-style (the README's example: soap costs myinfo-person) and carries an unknown key.
    private let deviating = """
        techstack: 1
        project: passport-renewal
        agency: ica
        summary: Renew a passport online
        colour: blue
        choices:
          api-style: soap
          citizen-identity: singpass
        consumes: [myinfo-person]
        grants:
          myinfo-person: GR-2024-0012
        exemptions:
          - rule: unknown-key
            reason: "Kept for the <b>old</b> | portal"
            expires: 2099-12-31

        """

    /// Every piece of free text a manifest can carry, made hostile.
    private let hostile = """
        techstack: 1
        project: "<script>alert(1)</script>"
        agency: "ica"
        summary: "x"
        "<img src=x onerror=alert(1)>|*[a](http://evil)*%0A]]>\\u001b[31m": 1
        choices:
          api-style: "soap]]><x>|`%\\r\\n::error::forged"

        """

    override func setUpWithError() throws {
        directory = try Binary.makeTemporaryDirectory(prefix: "techstack-formats")
        try write("techstack.yaml", deviating)
        try write("hostile/techstack.yaml", hostile)
        try write("broken/techstack.yaml", "techstack: 1\nproject: [unclosed\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func lint(_ args: [String], in subdirectory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let cwd = subdirectory.map { directory.appendingPathComponent($0) } ?? directory
        return try Binary.run(["lint", "--today", "2026-11-24"] + args, in: cwd)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: - SARIF

    func testSARIFIsValidAndRelativeToTheWorkingDirectory() throws {
        let result = try lint(["--format", "sarif", "--output", "techstack.sarif", "techstack.yaml", "hostile/techstack.yaml"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "", "--output writes nothing on standard output")
        let file = directory.appendingPathComponent("techstack.sarif")
        let log = try json(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let catalogue = try XCTUnwrap((run["properties"] as? [String: Any])?["catalogue"] as? [String: Any])
        XCTAssertEqual(catalogue["name"] as? String, "Singapore Government Tech Stack")
        XCTAssertNotNil(catalogue["version"] as? String)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let uris = Set(results.compactMap { result -> String? in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let artifact = location?["artifactLocation"] as? [String: Any]
            XCTAssertEqual(artifact?["uriBaseId"] as? String, "%SRCROOT%")
            return artifact?["uri"] as? String
        })
        XCTAssertEqual(uris, ["techstack.yaml", "hostile/techstack.yaml"])
        let deviation = try XCTUnwrap(results.first { ($0["properties"] as? [String: Any])?["concern"] as? String == "api-style" })
        let cost = try XCTUnwrap((deviation["properties"] as? [String: Any])?["cost"] as? [[String: String]])
        XCTAssertTrue(cost.contains(["dataset": "myinfo-person", "source": "ica"]), "\(cost)")
        let suppressed = results.filter { ($0["suppressions"] as? [Any])?.isEmpty == false }
        XCTAssertEqual(suppressed.count, 1)
        XCTAssertEqual(suppressed.first?["ruleId"] as? String, "unknown-key")
        try validate(file)
    }

    func testSARIFUsesAbsoluteFileURIsOutsideTheWorkingDirectory() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("ci"), withIntermediateDirectories: true)
        let result = try lint(["--format", "sarif", "../techstack.yaml"], in: "ci")
        XCTAssertEqual(result.status, 1, result.stderr)
        let run = try XCTUnwrap((try json(result.stdout)["runs"] as? [[String: Any]])?.first)
        let first = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        let artifact = (((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
        XCTAssertEqual(artifact?["uri"] as? String, URL(fileURLWithPath: directory.path).appendingPathComponent("techstack.yaml").absoluteString)
        XCTAssertNil(artifact?["uriBaseId"])
        XCTAssertNil(run["originalUriBaseIds"])
    }

    func testSARIFReportsAnUnusableManifestAsANotificationAndExitsTwo() throws {
        let result = try lint(["--format", "sarif", "--output", "out.sarif", "techstack.yaml", "broken/techstack.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("broken/techstack.yaml:"), result.stderr)
        XCTAssertTrue(result.stderr.contains(": error: invalid YAML"), result.stderr)
        let file = directory.appendingPathComponent("out.sarif")
        let run = try XCTUnwrap((try json(String(decoding: try Data(contentsOf: file), as: UTF8.self))["runs"] as? [[String: Any]])?.first)
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        XCTAssertEqual((invocation["toolExecutionNotifications"] as? [[String: Any]])?.count, 1)
        XCTAssertFalse((run["results"] as? [[String: Any]] ?? []).isEmpty, "the usable manifest is still reported")
        try validate(file)
    }

    private func validate(_ file: URL) throws {
        try ExternalCheck.validateJSON([file], schema: try ExternalCheck.sarifSchema())
    }

    private func sarifResults(_ text: String) throws -> [[String: Any]] {
        let run = try XCTUnwrap((try json(text)["runs"] as? [[String: Any]])?.first)
        return try XCTUnwrap(run["results"] as? [[String: Any]])
    }

    private func fingerprints(_ results: [[String: Any]]) -> [String] {
        results.compactMap { ($0["partialFingerprints"] as? [String: String])?["techstack/v1"] }
    }

    func testFingerprintsSurviveABlankLineAtTheTop() throws {
        let before = try sarifResults(try lint(["--format", "sarif", "techstack.yaml"]).stdout)
        try write("techstack.yaml", "\n" + deviating)
        let after = try sarifResults(try lint(["--format", "sarif", "techstack.yaml"]).stdout)
        XCTAssertEqual(before.count, after.count)
        XCTAssertFalse(before.isEmpty)
        XCTAssertEqual(fingerprints(before).count, before.count, "every result has a fingerprint")
        XCTAssertEqual(fingerprints(before), fingerprints(after))
        let lines = { (results: [[String: Any]]) in
            results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any] }
                .compactMap { $0["startLine"] as? Int }
        }
        XCTAssertEqual(lines(before).map { $0 + 1 }, lines(after), "the lines did move")
    }

    func testFingerprintsAreDistinctAcrossTheExamplesAndThePortfolio() throws {
        let manifests = try FileManager.default.subpathsOfDirectory(atPath: Self.repository.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix("techstack.yaml") }.sorted().map { "examples/" + $0 }
        XCTAssertGreaterThan(manifests.count, 20, "examples/ and examples/portfolio")
        let result = try Binary.run(["lint", "--today", "2026-04-01", "--format", "sarif"] + manifests, in: Self.repository)
        XCTAssertNotEqual(result.status, 2, result.stderr)
        let results = try sarifResults(result.stdout)
        let prints = fingerprints(results)
        XCTAssertEqual(prints.count, results.count)
        XCTAssertGreaterThan(prints.count, 50)
        XCTAssertEqual(Set(prints).count, prints.count, "two results share a fingerprint")
    }

    func testOmitSuppressedForGitHubUpload() throws {
        let plain = try sarifResults(try lint(["--format", "sarif", "techstack.yaml"]).stdout)
        XCTAssertEqual(plain.filter { ($0["suppressions"] as? [Any])?.isEmpty == false }.count, 1)
        XCTAssertTrue(plain.allSatisfy { $0["suppressions"] is [Any] }, "once one result has suppressions, all do")
        let result = try lint(["--format", "sarif", "--omit-suppressed", "--output", "upload.sarif", "techstack.yaml"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let file = directory.appendingPathComponent("upload.sarif")
        let omitted = try sarifResults(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        XCTAssertEqual(omitted.count, plain.count - 1)
        XCTAssertTrue(omitted.allSatisfy { $0["suppressions"] == nil })
        try validate(file)
    }

    // MARK: - GitHub

    func testGitHubAnnotationsCannotBeForged() throws {
        let result = try lint(["--format", "github", "techstack.yaml", "hostile/techstack.yaml"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=techstack.yaml,line=7,col=14,title=recommended-choice::") && $0.contains("%0Acost: myinfo-person (source ica)") },
                      result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=hostile/techstack.yaml,line=5,col=1,title=unknown-key::") }, result.stdout)
        for line in lines.dropLast() {
            XCTAssertTrue(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "), line)
        }
        XCTAssertTrue(lines.last?.hasPrefix("techstack: ") ?? false)
        XCTAssertFalse(result.stdout.contains("\n::error::forged"))
        XCTAssertFalse(result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    func testGitHubAppendsAJobSummaryWhenAsked() throws {
        let summary = directory.appendingPathComponent("step-summary.md")
        try Data("## earlier step\n".utf8).write(to: summary)
        let result = try Binary.run(["lint", "--today", "2026-11-24", "--format", "github", "techstack.yaml"], in: directory,
                                    environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        let text = String(decoding: try Data(contentsOf: summary), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("## earlier step\n## techstack lint\n"), text)
        XCTAssertTrue(text.contains("| techstack.yaml:7:14 | error | recommended-choice | "), text)
        let plain = try Binary.run(["lint", "--today", "2026-11-24", "--format", "json", "techstack.yaml"], in: directory,
                                   environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(plain.status, 1)
        XCTAssertEqual(String(decoding: try Data(contentsOf: summary), as: UTF8.self), text, "only --format github writes it")
    }

    func testGitHubWritesTheJobSummaryIntoAFIFO() throws {
        let fifo = directory.appendingPathComponent("summary.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A reader on the other end, as GitHub's runner would be.
        let copy = directory.appendingPathComponent("read.md").path
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, copy]
        try reader.run()
        let result = try Binary.run(["lint", "--today", "2026-11-24", "--format", "github", "techstack.yaml"], in: directory,
                                    environment: ["GITHUB_STEP_SUMMARY": fifo])
        XCTAssertEqual(result.status, 1, result.stderr)
        reader.waitUntilExit()
        XCTAssertTrue(String(decoding: try Data(contentsOf: URL(fileURLWithPath: copy)), as: UTF8.self).hasPrefix("## techstack lint\n"))
        var info = stat()
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
    }

    // MARK: - JUnit

    func testJUnitIsWellFormedWithCountsThatAddUp() throws {
        let result = try lint(["--format", "junit", "--output", "junit.xml", "techstack.yaml", "hostile/techstack.yaml"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let data = try Data(contentsOf: directory.appendingPathComponent("junit.xml"))
        let root = try XCTUnwrap(try XMLDocument(data: data, options: []).rootElement())
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { $0.attribute(forName: "name")?.stringValue }, ["techstack.yaml", "hostile/techstack.yaml"])
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let failing = cases.filter { !$0.elements(forName: "failure").isEmpty }
            XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, String(cases.count))
            XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, String(failing.count))
        }
        // Failures are the findings at or above --fail-on (error): those of the JSON report.
        let json = try json(try lint(["--format", "json", "techstack.yaml", "hostile/techstack.yaml"]).stdout)
        let errors = try XCTUnwrap((json["summary"] as? [String: Int])?["error"])
        let failures = suites.flatMap { $0.elements(forName: "testcase") }.flatMap { $0.elements(forName: "failure") }
        XCTAssertEqual(failures.count, errors)
        for xsd in ["junit-jenkins-xunit-10.xsd", "junit-windyroad.xsd"] {
            try ExternalCheck.validateXML(directory.appendingPathComponent("junit.xml"), xsd: try ExternalCheck.schema(xsd))
        }
        let recommended = try XCTUnwrap(suites[0].elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == "recommended-choice (api-style)" })
        let failure = try XCTUnwrap(recommended.elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "error")
        XCTAssertTrue(failure.stringValue?.hasPrefix("techstack.yaml:7:14: error: ") ?? false)
        XCTAssertTrue(failure.stringValue?.contains("cost: myinfo-person (source ica)") ?? false)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertFalse(text.contains("<img"))
    }

    // MARK: - Markdown

    func testMarkdownIsAnInertPullRequestComment() throws {
        let result = try lint(["--format", "markdown", "techstack.yaml", "hostile/techstack.yaml"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("## techstack lint\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("| Singapore Government Tech Stack "), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n### techstack.yaml\n"))
        XCTAssertTrue(result.stdout.contains("| techstack.yaml:7:14 | error | recommended-choice | "), result.stdout)
        XCTAssertTrue(result.stdout.contains("\\<img src=x onerror=alert(1)\\>"), result.stdout)
        XCTAssertFalse(result.stdout.replacingOccurrences(of: "\\<", with: "").contains("<img"), result.stdout)
        let unescaped = result.stdout.replacingOccurrences(of: "\\]", with: "")
        if let range = unescaped.range(of: "](") {
            let before = unescaped[..<range.lowerBound].suffix(60)
            XCTFail("a link survived: \(before)](")
        }
    }

    // MARK: - The examples

    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every example in every format, from the repository root as CI runs it: the exit code is
    /// the one the text format gives, and every output is well-formed for its consumer.
    func testEveryFormatOnTheExamples() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("examples").path)
            .filter { FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent("examples/\($0)/techstack.yaml").path) }
            .sorted()
        XCTAssertTrue(names.contains("business-grants-portal"), "\(names)")
        var exits: [String: Int32] = [:]
        for name in names {
            let manifest = "examples/\(name)/techstack.yaml"
            let args = ["lint", "--today", "2026-04-01", manifest]
            let text = try Binary.run(args, in: Self.repository)
            XCTAssertNotEqual(text.status, 2, "\(name): \(text.stderr)")
            exits[name] = text.status
            for format in ["sarif", "github", "junit", "markdown"] {
                let output = directory.appendingPathComponent("\(name).\(format)")
                let result = try Binary.run(args + ["--format", format, "--output", output.path], in: Self.repository)
                XCTAssertEqual(result.status, text.status, "\(name) --format \(format): \(result.stderr)")
                XCTAssertEqual(result.stdout, "")
                let data = try Data(contentsOf: output)
                let written = String(decoding: data, as: UTF8.self)
                switch format {
                case "sarif":
                    XCTAssertTrue(written.contains("\"uri\" : \"\(manifest)\""), written)
                    try validate(output)
                case "github":
                    XCTAssertTrue(written.hasSuffix("\n"))
                case "junit":
                    XCTAssertNoThrow(try XMLDocument(data: data, options: []), "\(name): JUnit is not well-formed XML")
                default:
                    XCTAssertTrue(written.contains("\n### examples/\(name)/techstack.yaml\n"), written)
                }
            }
        }
        XCTAssertEqual(exits["business-grants-portal"], 1)
        XCTAssertEqual(exits["passport-renewal"], 0)
        let deviating = try Binary.run(["lint", "--format", "github", "examples/business-grants-portal/techstack.yaml"], in: Self.repository)
        XCTAssertTrue(deviating.stdout.contains("::error file=examples/business-grants-portal/techstack.yaml,line=9,col=14,title=recommended-choice::"), deviating.stdout)
    }

    // MARK: - Exit codes

    /// The format never changes the exit code: `--fail-on` alone decides it.
    func testFailOnDecidesTheExitCodeInEveryFormat() throws {
        let reference = try lint(["--format", "json", "--fail-on", "never", "techstack.yaml"])
        XCTAssertEqual(reference.status, 0, reference.stderr)
        let summary = try XCTUnwrap(try json(reference.stdout)["summary"] as? [String: Int])
        XCTAssertGreaterThan(summary["error"] ?? 0, 0)
        XCTAssertEqual(summary["suppressed"], 1)
        for format in ["sarif", "github", "junit", "markdown"] {
            for level in ["error", "warning", "info"] {
                let result = try lint(["--format", format, "--fail-on", level, "techstack.yaml"])
                XCTAssertEqual(result.status, 1, "\(format) --fail-on \(level): \(result.stderr)")
            }
            let never = try lint(["--format", format, "--fail-on", "never", "techstack.yaml"])
            XCTAssertEqual(never.status, 0, "\(format) --fail-on never: \(never.stderr)")
            XCTAssertFalse(never.stdout.isEmpty)
            let broken = try lint(["--format", format, "--fail-on", "never", "broken/techstack.yaml"])
            XCTAssertEqual(broken.status, 2, "\(format): an unusable manifest exits 2 whatever --fail-on says")
        }
    }

    func testUnknownFormatListsTheFormats() throws {
        let result = try lint(["--format", "yaml", "techstack.yaml"])
        XCTAssertEqual(result.status, 2)
        for format in ["sarif", "github", "junit", "markdown"] {
            XCTAssertTrue(result.stderr.contains(format), result.stderr)
        }
    }
}

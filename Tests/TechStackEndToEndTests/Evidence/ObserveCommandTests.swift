import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// `techstack detect` and `lint --observe`, run as a user runs them, on the example
/// repository whose manifest disagrees with its code.
final class ObserveCommandTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testDetectJSONHasTheSpecShape() throws {
        let run = try Binary.run(["detect", "legacy-benefits-repo", "--format", "json"], in: Self.examples)
        XCTAssertEqual(run.status, 0, run.stderr)
        let doc = try json(run.stdout)
        XCTAssertEqual(doc["version"] as? Int, 1)
        XCTAssertNotNil((doc["catalogue"] as? [String: Any])?["version"])
        let repo = try XCTUnwrap((doc["repositories"] as? [[String: Any]])?.first)
        XCTAssertEqual(repo["path"] as? String, "legacy-benefits-repo")
        let observed = try XCTUnwrap(repo["observed"] as? [[String: Any]])
        let wsdl = try XCTUnwrap(observed.first { $0["id"] as? String == "wsdl" })
        XCTAssertEqual(wsdl["concern"] as? String, "api-description")
        let first = try XCTUnwrap((wsdl["evidence"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["path"] as? String, "src/benefits.wsdl")
        XCTAssertEqual(first["line"] as? Int, 1)
        XCTAssertEqual(first["signal"] as? String, "files **/*.wsdl")
        XCTAssertNotNil(repo["unassigned"] as? [[String: Any]])
        XCTAssertTrue((repo["unanswered"] as? [String])?.contains("api-gateway") == true)
        XCTAssertFalse(observed.contains { $0["id"] as? String == "google-analytics" && ($0["evidence"] as? [[String: Any]])?.contains { ($0["path"] as? String)?.hasPrefix("build/") == true } == true },
                       "build/ is ignored")
    }

    func testDetectTextAndMarkdownNameEachConcernsEvidence() throws {
        let text = try Binary.run(["detect", "legacy-benefits-repo"], in: Self.examples)
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("  api-description:\n    wsdl\n      src/benefits.wsdl:1  files **/*.wsdl"), text.stdout)
        XCTAssertFalse(text.stderr.contains("files"), "no progress on a non-terminal stderr: \(text.stderr)")
        let md = try Binary.run(["detect", "legacy-benefits-repo", "--format", "markdown"], in: Self.examples)
        XCTAssertTrue(md.stdout.contains("| ci-cd | `jenkins` | Jenkinsfile:1"), md.stdout)
    }

    func testAnUnreadableRepositoryIsExitTwoWithALocatedError() throws {
        let run = try Binary.run(["detect", "no-such-repo"], in: Self.examples)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no-such-repo:1:1: error:"), run.stderr)
        let bad = try Binary.run(["detect", "--format", "yaml"], in: Self.examples)
        XCTAssertNotEqual(bad.status, 0, "an unknown format is refused")
    }

    func testLintObserveNamesTheDriftItsEvidenceAndCost() throws {
        let run = try Binary.run(["lint", "--observe", "legacy-benefits-repo/techstack.yaml"], in: Self.examples)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("legacy-benefits-repo/techstack.yaml:10:3: error: the repository uses soap (src/client.ts:2) but api-style declares rest-json; soap gives up 16 shared datasets"), run.stdout)
        XCTAssertTrue(run.stdout.contains("    evidence: src/benefits.wsdl:1  files **/*.wsdl"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[unobserved-choice]"))
        let plain = try Binary.run(["lint", "legacy-benefits-repo/techstack.yaml"], in: Self.examples)
        XCTAssertFalse(plain.stdout.contains("undeclared-choice"), "without --observe the code is not read")
    }

    func testObserveDirAndJSONAndSARIFCarryTheEvidence() throws {
        let scratch = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = scratch.appendingPathComponent("techstack.yaml")
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent("legacy-benefits-repo/techstack.yaml"), to: manifest)
        let repo = Self.examples.appendingPathComponent("legacy-benefits-repo").path
        let run = try Binary.run(["lint", "--observe-dir", repo, "--format", "json", manifest.path])
        let file = try XCTUnwrap((try json(run.stdout)["files"] as? [[String: Any]])?.first)
        let findings = try XCTUnwrap(file["findings"] as? [[String: Any]])
        let soap = try XCTUnwrap(findings.first { $0["rule"] as? String == "undeclared-choice" && ($0["choice"] as? [String]) == ["soap"] })
        XCTAssertEqual(soap["concern"] as? String, "api-style")
        XCTAssertEqual((soap["evidence"] as? [[String: Any]])?.first?["path"] as? String, "src/client.ts")
        XCTAssertEqual((soap["cost"] as? [[String: Any]])?.count, 16)

        let sarif = try Binary.run(["lint", "--observe", "--format", "sarif", "legacy-benefits-repo/techstack.yaml"], in: Self.examples)
        let results = try XCTUnwrap(((try json(sarif.stdout)["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let related = try XCTUnwrap(results.compactMap { $0["relatedLocations"] as? [[String: Any]] }.first)
        let location = try XCTUnwrap((related.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
        XCTAssertTrue((location["uri"] as? String)?.hasPrefix("legacy-benefits-repo/") == true, "\(location)")
    }

    func testInitDetectAnswersFromEvidenceAndTheResultLints() throws {
        let scratch = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repo = scratch.appendingPathComponent("repo")
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent("legacy-benefits-repo"), to: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("techstack.yaml"))
        let run = try Binary.run(["init", "--detect", "--agency", "msf", "--path", repo.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOf: repo.appendingPathComponent("techstack.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("\n  api-description: wsdl    # observed: wsdl: src/benefits.wsdl:1\n"), text)
        XCTAssertTrue(text.contains("\n  ci-cd: jenkins    # observed: jenkins: Jenkinsfile:1\n"), text)
        let lint = try Binary.run(["lint", repo.appendingPathComponent("techstack.yaml").path])
        XCTAssertNotEqual(lint.status, 2, "the written manifest is usable: \(lint.stderr)")
        XCTAssertFalse(lint.stdout.contains("unknown-reference"), lint.stdout)
    }
}

import Foundation
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Nothing in the code assumes Singapore: the Ena catalogue of `examples/se-ena/` is checked,
/// linted against, scored and drawn as a site by the real binary, and its rule's examples run.
final class SecondCatalogueTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var ena: String { root.appendingPathComponent("examples/se-ena").path }

    func testBothCataloguesPassTheProvenanceCheck() throws {
        for args in [["catalogue", "check", "--require-links"],
                     ["catalogue", "check", "--require-links", "--catalogue", "\(ena)/catalogue"]] {
            let out = try Binary.run(args)
            XCTAssertEqual(out.status, 0, "\(args): \(out)")
            XCTAssertTrue(out.stdout.contains("no problems"), "\(args): \(out)")
            XCTAssertEqual(out.stderr, "", "\(args): no warning")
        }
    }

    func testAnEntryWithoutASourceIsReported() throws {
        let dir = try Binary.makeTemporaryDirectory()
        try FileManager.default.copyItem(atPath: "\(ena)/catalogue", toPath: dir.appendingPathComponent("c").path)
        let extra = """
        standards:
          - id: unsourced-standard
            name: Unsourced
            summary: A standard nobody published.
        """
        try extra.write(to: dir.appendingPathComponent("c/zz-extra.yaml"), atomically: true, encoding: .utf8)
        let out = try Binary.run(["catalogue", "check", "--require-links", "--catalogue", dir.appendingPathComponent("c").path])
        XCTAssertEqual(out.status, 1, "\(out)")
        XCTAssertTrue(out.stderr.contains("zz-extra.yaml:2:5: error: 'unsourced-standard' has no source link"), "\(out)")
        let plain = try Binary.run(["catalogue", "check", "--catalogue", dir.appendingPathComponent("c").path])
        XCTAssertEqual(plain.status, 0, "without --require-links it is no problem: \(plain)")
    }

    func testEnaProjectsLintScoreAndDrawASite() throws {
        let common = ["--catalogue", "\(ena)/catalogue", "--rules", "\(ena)/rules", "--today", "2026-12-01", "--no-color"]
        let expected = ["kommun-bygglov": Int32(0), "forsakringskassan-arendehantering": 1, "region-vardbokning": 1]
        for (project, status) in expected {
            let out = try Binary.run(["lint", "\(ena)/projects/\(project)/techstack.yaml"] + common)
            XCTAssertEqual(out.status, status, "\(project): \(out)")
            XCTAssertFalse(out.stdout.contains("unknown-reference"), "\(project) names only Ena ids: \(out)")
        }
        let score = try Binary.run(["scorecard", "\(ena)/projects", "--format", "json"] + common)
        XCTAssertEqual(score.status, 0, "\(score)")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        let projects = try XCTUnwrap(json["projects"] as? [[String: Any]] ?? (json["projects"] as? [Any])?.compactMap { $0 as? [String: Any] })
        XCTAssertEqual(projects.count, 3)
        let site = try Binary.makeTemporaryDirectory()
        let out = try Binary.run(["catalogue", "site", site.appendingPathComponent("site").path, "--catalogue", "\(ena)/catalogue"])
        XCTAssertEqual(out.status, 0, "\(out)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("site/components/mina-ombud.html").path))
    }

    func testEnaRuleExamplesHold() throws {
        let loaded = CatalogueLoader.load(directory: "\(ena)/catalogue")
        let catalogue = try XCTUnwrap(loaded.catalogue)
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        let (rules, _) = try RuleSet.loadUsable(directory: "\(ena)/rules")
        XCTAssertEqual(rules.problems(against: catalogue), [])
        let linter = Linter(catalogue: catalogue, rules: rules, today: try XCTUnwrap(Day("2026-12-01")))
        let own = rules.rules.filter { $0.origin.path.contains("se-ena") }
        XCTAssertFalse(own.isEmpty)
        for rule in own {
            for (i, example) in rule.examples.pass.enumerated() {
                let result = linter.lint(InputFile(path: "pass[\(i)]", text: example))
                XCTAssertEqual(result.errors, [])
                XCTAssertEqual(result.findings.filter { $0.rule == rule.id }.map(\.message), [], "\(rule.id) pass[\(i)]")
            }
            for (i, example) in rule.examples.fail.enumerated() {
                let result = linter.lint(InputFile(path: "fail[\(i)]", text: example))
                XCTAssertEqual(result.errors, [])
                XCTAssertTrue(result.findings.contains { $0.rule == rule.id }, "\(rule.id) fail[\(i)] must fire")
                for problem in RuleExamplesTests.markProblems(rule, i, result) { XCTFail(problem) }
            }
        }
    }

    /// Catalogue facts belong in YAML: no quoted id of the default catalogue in the Swift
    /// sources (words that are also format values, such as `subscription`, are allowed where
    /// they name the format, and doc comments are not code).
    func testNoDefaultCatalogueIdInTheSources() throws {
        let loaded = CatalogueLoader.load(files: Builtin.catalogueFiles)
        let formatWords: Set<String> = ["subscription", "governance"]
        let ids = try XCTUnwrap(loaded.catalogue).allEntries.map(\.id).filter { $0.count > 3 && !formatWords.contains($0) }
        let sources = root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertFalse(files.isEmpty)
        for file in files where !file.hasPrefix("embed-defaults") {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for id in ids where line.contains("\"\(id)\"") {
                    XCTFail("Sources/\(file):\(number + 1) names the default catalogue's id '\(id)'; catalogue facts belong in YAML")
                }
            }
        }
    }
}

import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Nothing in the code assumes Singapore: the rule examples of the Ena catalogue of
/// `examples/se-ena/` hold, and no default catalogue id is written in the sources (the binary
/// on the Ena catalogue: SecondCatalogueEndToEndTests).
final class SecondCatalogueTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var ena: String { root.appendingPathComponent("examples/se-ena").path }

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

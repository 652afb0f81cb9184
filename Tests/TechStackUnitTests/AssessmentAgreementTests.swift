import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// One assessment of a project: lint's findings and the scorecard's counts come from the same
/// assessment (the whole example portfolio through the binary: AssessmentAgreementEndToEndTests).
final class AssessmentAgreementTests: XCTestCase {
    func testADatasetConsumedTwiceIsOneFindingAndOneCount() throws {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let linter = Linter(catalogue: catalogue, rules: Fixtures.rules, today: try XCTUnwrap(Day("2026-12-01")))
        let text = "techstack: 1\nproject: x\nagency: hdb\nconsumes: [myinfo-person, myinfo-person]\n"
        guard case .success(let manifest) = ManifestLoader.load(InputFile(path: "m.yaml", text: text)) else { return XCTFail("loads") }
        let assessment = linter.assess(manifest)
        XCTAssertEqual(assessment.unreachable.map(\.dataset.value), ["myinfo-person"])
        let result = linter.lint(manifest, assessment: assessment)
        XCTAssertEqual(result.findings.filter { $0.rule == "unreachable-data" }.count, 1)
        XCTAssertEqual(result.findings.filter { $0.rule == "missing-grant" }.count, 1)
        let row = ScorecardMetrics(catalogue: catalogue, reach: linter.reach, today: linter.today).score(manifest, assessment: assessment)
        XCTAssertEqual(row.unreachable, ["myinfo-person"])
        XCTAssertEqual(row.missingGrants.map(\.dataset), ["myinfo-person"])
    }

    /// The assessment asks reach one consumed dataset at a time; for every manifest of the
    /// example portfolio and every dataset of the catalogue, that agrees with Reach(stack), and
    /// so does the nearest path to a dataset out of reach.
    func testReachOneDatasetAtATimeAgreesWithTheWholeReach() throws {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let reach = Reach(catalogue: catalogue)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/portfolio").standardized.path
        let paths = Portfolio.inputs([root]).compactMap(\.manifestPath)
        XCTAssertGreaterThan(paths.count, 40)
        var reached = 0, notReached = 0
        for path in paths {
            guard case .success(let manifest) = ManifestLoader.load(path: path) else { continue }
            let whole = reach.reach(manifest.stack)
            var one = reach.reachability(ofChoicesIn: manifest)
            for dataset in catalogue.datasets.map(\.header.id) + ["no-such-dataset"] {
                let answer = one.reaches(dataset)
                XCTAssertEqual(answer, whole.contains(dataset), "\(path): \(dataset)")
                if answer { reached += 1 } else { notReached += 1 }
                if !answer, let entry = catalogue.dataset(dataset) {
                    let nearest = one.nearestPath(to: entry), expected = Self.nearestPath(to: entry, from: manifest.stack, catalogue)
                    XCTAssertEqual(nearest?.path.mark, expected?.path.mark, "\(path): \(dataset)")
                    XCTAssertEqual(nearest?.missing, expected?.missing, "\(path): \(dataset)")
                }
            }
        }
        // Both answers are asked about, many times over.
        XCTAssertGreaterThan(reached, 100)
        XCTAssertGreaterThan(notReached, 100)
    }

    /// A folder's manifests are told apart by the folder's real path and the rest of the way
    /// down: the same folder given twice, spelt differently, is scored once.
    func testAFolderGivenTwiceIsSearchedOnce() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/portfolio").standardized.path
        let once = Portfolio.inputs([root])
        XCTAssertEqual(Portfolio.inputs([root, root + "/", root + "/./"]), once)
        XCTAssertEqual(Portfolio.inputs([root, once[0].path]), once)
    }

    /// The nearest path as the product contract words it, written plainly: for each path, the
    /// ids it needs (walking `requires` depth first) that the stack lacks; the path lacking fewest.
    static func nearestPath(to dataset: Dataset, from stack: Set<String>, _ catalogue: Catalogue) -> (path: AccessPath, missing: [String])? {
        var best: (AccessPath, [String])?
        for path in dataset.access {
            var missing: [String] = [], seen: Set<String> = []
            func visit(_ id: String) {
                guard seen.insert(id).inserted else { return }
                guard stack.contains(id) else { return missing.append(id) }
                catalogue.requires(id).forEach(visit)
            }
            path.requires.map(\.value).forEach(visit)
            if best == nil || missing.count < best?.1.count ?? 0 { best = (path, missing) }
        }
        return best
    }
}

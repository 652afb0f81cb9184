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
}

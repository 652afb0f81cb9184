import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackModel
@testable import TechStackPortfolio

/// Levels, computed without the binary (the ladder through `scorecard`: ProgrammeTests).
final class LevelLadderTests: XCTestCase {
    func testLevelGatesAreCumulative() throws {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let metrics = ScorecardMetrics(catalogue: catalogue, today: Day("2026-06-30")!)
        let origin = Origin(path: "t", mark: .start)
        let ladder = LevelLadder(levels: [
            .init(id: "one", name: "One", summary: "", checks: [.allAnswersRecommended], origin: origin),
            .init(id: "two", name: "Two", summary: "", checks: [.noMissingGrant], origin: origin),
        ])
        var row = ProjectScore(path: "p")
        row.missingGrants = [.init(dataset: "myinfo-person", agency: "ica")]
        XCTAssertEqual(ladder.standing(of: row, metrics: metrics).level, "one")
        row.deviations = [.init(concern: "api-style", choice: ["soap"], recommended: ["rest-json"])]
        row.missingGrants = []
        // Failing the first gate keeps a project below it, whatever later gates it passes.
        let standing = ladder.standing(of: row, metrics: metrics)
        XCTAssertNil(standing.level)
        XCTAssertEqual(standing.nextLevel, "one")
    }
}

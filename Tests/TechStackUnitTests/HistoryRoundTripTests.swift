import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Every field the scorecard has comes back from the history as it was recorded.
final class HistoryRoundTripTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testARecordedSnapshotLoadsWithEveryField() throws {
        let catalogue = try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue)
        let today = try XCTUnwrap(Day("2026-12-01"))
        let metrics = ScorecardMetrics(catalogue: catalogue, today: today)
        let linter = Linter(catalogue: catalogue, rules: Fixtures.rules, today: today)
        let card = Scorecard.make(paths: [root.appendingPathComponent("examples/portfolio").path], metrics: metrics, linter: linter)
        XCTAssertNotNil(card.summary.findings)
        XCTAssertEqual(card.summary.projects, 50)
        let dir = try Binary.makeTemporaryDirectory()
        let db = dir.appendingPathComponent("h.db").path
        try History.record(card, to: db)
        let loaded = try XCTUnwrap(try History.load(db).first)
        XCTAssertEqual(loaded.summary, card.summary)
        XCTAssertEqual(loaded.agencies, card.agencies, "every agency field, fullyOnRecommended and datasetsForfeited included")
        XCTAssertEqual(loaded.concerns, card.concerns, "every concern field: layer, required, recommended, deviating choices")
        XCTAssertTrue(loaded.agencies.contains { $0.datasetsForfeited > 0 }, "the portfolio forfeits data: the field is not silently zero")
        XCTAssertTrue(loaded.concerns.contains { $0.required })
        XCTAssertEqual(loaded.projects.count, card.projects.count)
    }
}

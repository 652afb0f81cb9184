import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// `JSONWriter` writes what `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`) writes, byte
/// for byte, and every value of the scorecard JSON carries every field its `Codable` form has.
final class JSONWriterTests: XCTestCase {
    func encoded<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func written(pretty: Bool = false, _ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter(pretty: pretty)
        body(&w)
        return w.text
    }

    func testStringsAreEscapedAsJSONEncoderEscapesThem() throws {
        var texts = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["", "plain", "é", "\u{2028}\u{2029}", "日本語", "👩‍💻", "a\"b\\c/d", "\u{1b}[31mred\u{1b}[0m", "\r\n\t\u{0}end"]
        for text in texts {
            XCTAssertEqual(written { $0.string(text) }, try encoded([text]).dropFirst().dropLast().description,
                           "escaping of \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testNumbersAreWrittenAsJSONEncoderWritesThem() throws {
        let doubles: [Double] = [0, 1, -1, 0.5, 1.0 / 3, 2.0 / 3, 0.76, 0.9565217391304348, 1e-7, 1.5e-5, 123456789.0,
                                 1e16, 1e21, 0.1 + 0.2, -0.0, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude]
        for value in doubles {
            XCTAssertEqual(written { $0.number(value) }, try encoded([value]).dropFirst().dropLast().description, "\(value)")
        }
        for value in [0, 7, 10, 99, 100, -5, 123456, Int.max, Int.min] {
            XCTAssertEqual(written { $0.number(value) }, try encoded([value]).dropFirst().dropLast().description, "\(value)")
        }
        XCTAssertEqual(written { $0.number(Double.nan) }, "null")
    }

    struct Nested: Encodable {
        var a: [Int] = []
        var b: [String: [Int]] = ["x": [1, 2], "y": []]
        var c: [[String]] = [[], ["p", "q"]]
        var d: Bool = true
        var e: String? = nil
    }

    func testLayoutIsJSONEncoders() throws {
        for pretty in [true, false] {
            let mine = written(pretty: pretty) { w in
                w.object { w in
                    w.field("a", [String]())
                    w.field("b") { w in
                        w.object { w in
                            w.field("x") { $0.array([1, 2]) { w, n in w.number(n) } }
                            w.field("y") { $0.array([Int]()) { w, n in w.number(n) } }
                        }
                    }
                    w.field("c") { $0.array([[String](), ["p", "q"]]) { w, list in w.array(list) } }
                    w.field("d", true)
                    w.fieldIfPresent("e", nil as String?)
                }
            }
            XCTAssertEqual(mine, try encoded(Nested(), pretty: pretty), "pretty: \(pretty)")
        }
    }

    /// A field added to one of these types shows up here until the JSON scorecard writes it too.
    func testEveryCodableValueIsWrittenWhole() throws {
        func same<T: Encodable & JSONWritable>(_ value: T, line: UInt = #line) throws {
            XCTAssertEqual(written { value.writeJSON(to: &$0) }, try encoded(value), line: line)
        }
        try same(CatalogueInfo(name: "n\"", publisher: "p", version: "1"))
        try same(CostItem(dataset: "d", source: "s"))
        try same(ProjectScore.Deviation(concern: "c", choice: ["a", "b"], recommended: []))
        try same(ProjectScore.MissingGrant(dataset: "d", agency: "a"))
        try same(ProjectScore.FindingCounts(error: 1, warning: 2, info: 3, suppressed: 4))
        try same(Scorecard.ChoiceCount(choice: "soap", projects: 3))
        try same(Scorecard.ForfeitedDataset(dataset: "d", name: "D", source: "s", projects: 2, consumedBy: 1))
        try same(Scorecard.FundingShare(model: "m", name: "M", charging: "free", becomes: "x",
                                        components: [.init(component: "c", projects: 1)], uses: 1))
        try same(Scorecard.FundingShare(model: "m", name: "M", charging: "free", becomes: nil, components: [], uses: 0))
        try same(Programme.BurnPoint(day: "2026-01-01", done: 1, inScope: 2))
        try same(Programme.Rise(path: "p", project: "q", totalCostBefore: 1, totalCost: 2, missingGrantsBefore: 0, missingGrants: 1))
        try same(LevelGap(check: "c", message: "m"))
    }

    /// Summary, agency and concern objects: their `Codable` fields and `adoption`.
    func testAggregatesCarryEveryField() throws {
        func keys(_ json: String) throws -> Set<String> {
            Set(try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]).keys)
        }
        var summary = Scorecard.Summary()
        summary.findings = .init()
        XCTAssertEqual(try keys(written { JSONScorecard.Summary(counts: summary).writeJSON(to: &$0) }),
                       try keys(try encoded(summary)).union(["adoption"]))
        let agency = Scorecard.AgencyScore(agency: "a", name: "A")
        XCTAssertEqual(try keys(written { JSONScorecard.Agency(counts: agency).writeJSON(to: &$0) }),
                       try keys(try encoded(agency)).union(["adoption"]))
        let concern = Scorecard.ConcernScore(concern: "c", name: "C", layer: "l", required: true, recommended: ["r"])
        XCTAssertEqual(try keys(written { JSONScorecard.Concern(counts: concern).writeJSON(to: &$0) }),
                       try keys(try encoded(concern)).union(["adoption"]))
    }

    func testScorecardDocumentShape() throws {
        let text = """
        techstack: 1
        project: "a\\x01\\t\\"q\\" /"
        agency: ica
        choices:
          api-style: soap
        """
        guard case .success(let m) = ManifestLoader.load(InputFile(path: "p/techstack.yaml", text: text)) else {
            return XCTFail("the manifest loads")
        }
        let today = try XCTUnwrap(Day("2026-06-30"))
        let row = ScorecardMetrics(catalogue: ScorecardMetricsTests.catalogue, today: today).score(m)
        let error = ProjectScore.error(path: "bad.yaml", diagnostics: [
            Diagnostic(path: "bad.yaml", mark: Mark(line: 3, column: 7), message: "expected a mapping"),
        ])
        let card = Scorecard(catalogue: ScorecardMetricsTests.catalogue, date: today, projects: [row, error])
        let json = JSONScorecard.generate(card, style: .plain)
        XCTAssertTrue(json.hasPrefix("{\n  \"agencies\" : [\n"))
        XCTAssertTrue(json.hasSuffix("\n  ]\n}\n"))
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex(of: "  \"projects\" : ["))
        XCTAssertEqual(lines.count - start, 2 + card.projects.count + 2)   // the line, one per project, "  ]", "}", ""
        XCTAssertTrue(lines[start + 2].hasPrefix("    {\"error\":{\"column\":7,\"line\":3,"))
        var empty = card
        empty.projects = []
        XCTAssertTrue(JSONScorecard.generate(empty, style: .plain).hasSuffix(",\n  \"projects\" : []\n}\n"))
    }
}

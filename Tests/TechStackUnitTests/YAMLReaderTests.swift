import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

final class YAMLReaderTests: XCTestCase {
    private func read(_ text: String) throws(Diagnostic) -> YAMLNode {
        try YAMLReader.read(bytes: Array(text.utf8), path: "t.yaml")
    }

    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try read(text)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testMarksAreOneBased() throws {
        let root = try read("a: 1\nb:\n  - x\n  - \"y\"\n")
        XCTAssertEqual(root["a"]?.mark, Mark(line: 1, column: 4))
        let items = try XCTUnwrap(root["b"]?.items)
        XCTAssertEqual(items[1].mark, Mark(line: 4, column: 5))
        guard case .scalar("y", plain: false) = items[1].content else { return XCTFail("quoted scalar expected") }
    }

    func testDuplicateKeyIsLocated() {
        let d = failure("a: 1\nb: 2\na: 3\n")
        XCTAssertEqual(d?.mark, Mark(line: 3, column: 1))
        XCTAssertTrue(d?.message.contains("duplicate key 'a'") ?? false)
    }

    /// Collections nested in mappings and lists, each closing before its parent goes on: every
    /// entry ends up in its own collection, in order, and a key is a duplicate only of its own
    /// mapping's keys, inner mappings closed before it or not.
    func testNestedCollectionsKeepTheirOwnEntries() throws {
        let text = """
        a:
          x: [1, [2, 3], {p: 4}]
          y: {x: 5, q: [6]}
        b:
          - {a: 7}
          - - 8
            - 9
        c: &c {x: 10}
        d: *c
        """
        let root = try read(text)
        XCTAssertEqual(root.pairs?.map(\.name), ["a", "b", "c", "d"])
        let a = try XCTUnwrap(root["a"])
        XCTAssertEqual(a.pairs?.map(\.name), ["x", "y"])
        XCTAssertEqual(a["x"]?.items?.count, 3)
        XCTAssertEqual(a["x"]?.items?[1].items?.map(\.scalar), ["2", "3"])
        XCTAssertEqual(a["x"]?.items?[2]["p"]?.scalar, "4")
        XCTAssertEqual(a["y"]?.pairs?.map(\.name), ["x", "q"])
        XCTAssertEqual(a["y"]?["q"]?.items?.map(\.scalar), ["6"])
        XCTAssertEqual(root["b"]?.items?.count, 2)
        XCTAssertEqual(root["b"]?.items?[0]["a"]?.scalar, "7")
        XCTAssertEqual(root["b"]?.items?[1].items?.map(\.scalar), ["8", "9"])
        XCTAssertEqual(root["d"]?["x"]?.scalar, "10")

        let d = failure("a:\n  x: {a: 1, b: 2}\n  y: 3\n  x: 4\n")
        XCTAssertEqual(d?.mark, Mark(line: 4, column: 3))
        XCTAssertEqual(d?.message, "duplicate key 'x' (first at line 2); a key may appear once in a mapping")
        let many = (0..<40).map { "k\($0): {a: 1}" }.joined(separator: "\n") + "\nk7: 2\n"
        XCTAssertEqual(failure(many)?.message, "duplicate key 'k7' (first at line 8); a key may appear once in a mapping")
    }

    func testMalformedYAMLIsLocated() {
        let d = failure("a: [1, 2\nb: 3\n")
        XCTAssertNotNil(d)
        XCTAssertGreaterThanOrEqual(d?.mark.line ?? 0, 1)
        XCTAssertTrue(d?.message.hasPrefix("invalid YAML") ?? false)
    }

    func testDepthLimit() {
        let deep = String(repeating: "[", count: 80) + String(repeating: "]", count: 80)
        XCTAssertTrue(failure(deep)?.message.contains("nesting is deeper than 64") ?? false)
    }

    func testAliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        XCTAssertTrue(failure(text)?.message.contains("alias bomb") ?? false)
    }

    func testInvalidUTF8IsLocated() {
        do {
            _ = try YAMLReader.read(bytes: Array("a: b\nc: ".utf8) + [0xFF, 0xFE, 0x41], path: "t.yaml")
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue(error.message.contains("UTF-8"), error.message)
            XCTAssertEqual(error.mark.line, 2)
        }
    }

    func testEmptyAndSecondDocument() {
        XCTAssertTrue(failure("")?.message.contains("empty") ?? false)
        XCTAssertTrue(failure("a: 1\n---\nb: 2\n")?.message.contains("second YAML document") ?? false)
    }

    func testSizeLimit() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
        XCTAssertThrowsError(try YAMLReader.read(bytes: big, path: "big.yaml"))
    }
}

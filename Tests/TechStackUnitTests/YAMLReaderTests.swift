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

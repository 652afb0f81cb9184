import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Glob, `.gitignore` and Aho–Corasick semantics, one behaviour per test.
final class MatchingTests: XCTestCase {
    private func glob(_ pattern: String) throws -> Glob { try Glob.compile(pattern).get() }

    func testStarAndQuestionNeverCrossAFolder() throws {
        XCTAssertTrue(try glob("*.wsdl").matches("a.wsdl"))
        XCTAssertFalse(try glob("*.wsdl").matches("src/a.wsdl"))
        XCTAssertTrue(try glob("src/?.ts").matches("src/a.ts"))
        XCTAssertFalse(try glob("src/?.ts").matches("src/ab.ts"))
    }

    func testDoubleStarMatchesZeroOrMoreFolders() throws {
        let g = try glob("**/*.wsdl")
        XCTAssertTrue(g.matches("a.wsdl"))
        XCTAssertTrue(g.matches("src/a.wsdl"))
        XCTAssertTrue(g.matches("a/b/c/d.wsdl"))
        XCTAssertFalse(g.matches("a/b/c/d.wsdl.txt"))
        XCTAssertTrue(try glob("src/**/x.ts").matches("src/x.ts"))
        XCTAssertTrue(try glob("src/**/x.ts").matches("src/a/b/x.ts"))
        XCTAssertFalse(try glob("src/**/x.ts").matches("lib/src/x.ts"))
    }

    func testAGlobWithoutDoubleStarIsAnchoredAtTheRoot() throws {
        XCTAssertTrue(try glob("Jenkinsfile").matches("Jenkinsfile"))
        XCTAssertFalse(try glob("Jenkinsfile").matches("ci/Jenkinsfile"))
        XCTAssertTrue(try glob(".github/workflows/*.yml").matches(".github/workflows/ci.yml"))
    }

    func testBracesGiveAlternatives() throws {
        let g = try glob("**/*.{js,ts,tsx}")
        XCTAssertTrue(g.matches("a/b.tsx"))
        XCTAssertTrue(g.matches("b.js"))
        XCTAssertFalse(g.matches("b.jsx"))
        XCTAssertEqual(g.fastKeys?.suffixes.sorted(), [".js", ".ts", ".tsx"])
    }

    func testBadGlobsAreRefusedWithAReason() {
        for (pattern, reason) in [("", "empty"), ("/abs", "absolute"), ("a/../b", "'..'"), ("{a,b", "without its '}'"),
                                  ("a}", "without its '{'"), ("{a,{b}}", "nests"), (String(repeating: "{a,b}", count: 7), "alternatives")] {
            guard case .failure(let e) = Glob.compile(pattern) else { return XCTFail("\(pattern) was accepted") }
            XCTAssertTrue(e.message.contains(reason), "\(pattern): \(e.message)")
        }
    }

    func testAHostileStarPatternMatchesInLinearTime() throws {
        let g = try glob(String(repeating: "*a", count: 40) + "b")
        let clock = ContinuousClock.now
        XCTAssertFalse(g.matches(String(repeating: "a", count: 5000)))
        XCTAssertLessThan(ContinuousClock.now - clock, .seconds(5), "backtracking must be bounded")
    }

    // MARK: .gitignore

    private func ignored(_ rules: String, _ path: String, directory: Bool = false, base: String = "") -> Bool {
        let stack = IgnoreStack(files: [GitIgnore(text: rules, base: base)])
        return stack.isIgnored(path.split(separator: "/").map { Array($0.utf8) }, isDirectory: directory)
    }

    func testAPatternWithoutSlashMatchesANameAtAnyDepth() {
        XCTAssertTrue(ignored("*.log", "a/b/c.log"))
        XCTAssertTrue(ignored("node_modules", "web/node_modules", directory: true))
    }

    func testALeadingOrMiddleSlashAnchorsThePattern() {
        XCTAssertTrue(ignored("/vendor", "vendor", directory: true))
        XCTAssertFalse(ignored("/vendor", "lib/vendor", directory: true))
        XCTAssertTrue(ignored("doc/*.txt", "doc/a.txt"))
        XCTAssertFalse(ignored("doc/*.txt", "x/doc/a.txt"))
    }

    func testATrailingSlashMatchesFoldersOnly() {
        XCTAssertTrue(ignored("build/", "build", directory: true))
        XCTAssertFalse(ignored("build/", "build"))
    }

    func testNegationReincludesAndTheLastMatchingPatternWins() {
        XCTAssertFalse(ignored("*.log\n!keep.log", "keep.log"))
        XCTAssertTrue(ignored("*.log\n!keep.log", "other.log"))
        XCTAssertTrue(ignored("!keep.log\n*.log", "keep.log"))
    }

    func testDoubleStarInGitignore() {
        XCTAssertTrue(ignored("**/generated", "a/b/generated", directory: true))
        XCTAssertTrue(ignored("logs/**", "logs/a/b.txt"))
        XCTAssertTrue(ignored("a/**/z", "a/b/c/z"))
        XCTAssertTrue(ignored("a/**/z", "a/z"))
    }

    func testCommentsEscapesAndANestedFilesBase() {
        XCTAssertFalse(ignored("# *.txt", "a.txt"))
        XCTAssertTrue(ignored("\\#notes", "#notes"))
        XCTAssertTrue(ignored("*.txt", "docs/a.txt", base: "docs"))
        XCTAssertTrue(ignored("/a.txt", "docs/a.txt", base: "docs"))
        XCTAssertFalse(ignored("/a.txt", "docs/sub/a.txt", base: "docs"))
    }

    func testADeeperGitignoreOverridesAShallowerOne() {
        let stack = IgnoreStack(files: [GitIgnore(text: "*.txt", base: ""), GitIgnore(text: "!keep.txt", base: "docs")])
        XCTAssertFalse(stack.isIgnored(["docs", "keep.txt"].map { Array($0.utf8) }, isDirectory: false))
        XCTAssertTrue(stack.isIgnored(["docs", "other.txt"].map { Array($0.utf8) }, isDirectory: false))
    }

    // MARK: Aho–Corasick

    private func matches(_ patterns: [String], _ text: String, denseLimit: Int = AhoCorasick.denseLimit) -> [String] {
        let ac = AhoCorasick(patterns: patterns.map { Array($0.utf8) }, denseLimit: denseLimit)
        var out: [String] = []
        ac.scan(Array(text.utf8)) { p, line in out.append("\(patterns[p])@\(line)") }
        return out
    }

    func testEveryOccurrenceOfOverlappingPatternsIsFoundWithItsLine() {
        let expected = ["he@1", "she@2", "he@2", "hers@2", "his@3"]
        XCTAssertEqual(matches(["he", "she", "his", "hers"], "he\nshers\nhis"), expected)
        XCTAssertEqual(matches(["he", "she", "his", "hers"], "he\nshers\nhis", denseLimit: 0), expected, "the sparse automaton agrees")
    }

    func testAPatternSpanningLinesReportsTheLineItStartsOn() {
        XCTAssertEqual(matches(["a\nb"], "x\na\nb"), ["a\nb@2"])
    }

    func testMatchingIsByteExactAndCaseSensitive() {
        XCTAssertEqual(matches(["Singpass"], "singpass SINGPASS Singpass"), ["Singpass@1"])
        XCTAssertEqual(matches(["é"], "e é"), ["é@1"])
    }

    func testTenThousandPatternsStayBoundedAndCorrect() {
        let patterns = (0..<10_000).map { "signal-\($0)-text.example.gov.sg" }
        let ac = AhoCorasick(patterns: patterns.map { Array($0.utf8) })
        var found: [Int] = []
        ac.scan(Array("x signal-9999-text.example.gov.sg y signal-42-text.example.gov.sg".utf8)) { p, _ in found.append(p) }
        XCTAssertEqual(found, [9999, 42])
        XCTAssertLessThanOrEqual(ac.table.count, AhoCorasick.denseLimit)
    }

    func testInvalidUTF8AndNULBytesAreJustBytes() {
        let ac = AhoCorasick(patterns: [Array("ok".utf8)])
        var count = 0
        ac.scan([0xff, 0xfe, 0, 0x6f, 0x6b, 0xc3]) { _, _ in count += 1 }
        XCTAssertEqual(count, 1)
    }
}

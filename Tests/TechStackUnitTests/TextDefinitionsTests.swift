import XCTest
@testable import TechStackModel

final class TextDefinitionsTests: XCTestCase {
    func testBlankIsEmptyOrOnlyWhiteSpaceOfAnyKind() {
        for text in ["", " ", "\t ", "\n", " \r\n ", "\u{3000}", "\u{00A0}"] {
            XCTAssertTrue(text.isBlank, "\(Array(text.unicodeScalars))")
        }
        for text in ["a", " a ", "\u{200B}", "."] {
            XCTAssertFalse(text.isBlank, "\(Array(text.unicodeScalars))")
        }
        XCTAssertTrue(" x "[" x ".startIndex..<" x ".index(after: " x ".startIndex)].isBlank)
    }

    func testIdentifierSyntax() {
        for id in ["a", "0", "api-style", "wcag-2.1-aa", "a..b"] {
            XCTAssertTrue(Identifier.isWellFormed(id), id)
        }
        for id in ["", "A", "-a", ".a", "a b", "a/b", "a_b", "é"] {
            XCTAssertFalse(Identifier.isWellFormed(id), id)
        }
        XCTAssertFalse(Identifier.isWellFormed("a..b", asPathComponent: true))
        XCTAssertTrue(Identifier.isWellFormed("a.b", asPathComponent: true))
    }

    func testTheWalkListsInNameOrderReportsDepthAndDoesNotFollowLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["b/deep/deeper", "a"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["z.yaml", "a/x.yaml", "b/y.yaml", "b/deep/deeper/w.yaml"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: root + "/" + file, contents: Data()))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/b")

        var visited: [String] = [], links: [String] = [], problems: [DirectoryWalk.Problem] = []
        DirectoryWalk.walk(root, maxDepth: 2, problem: { problems.append($0) }, descend: { _ in true }, visit: { entry in
            let relative = String(entry.path.dropFirst(root.count + 1))
            if entry.kind == .symbolicLink { links.append(relative) } else { visited.append(relative) }
        })
        XCTAssertEqual(visited, ["z.yaml", "a/x.yaml", "b/y.yaml"])
        XCTAssertEqual(links, ["link"])
        guard case .tooDeep(let path)? = problems.first, problems.count == 1 else { return XCTFail("\(problems)") }
        XCTAssertEqual(path, root + "/b/deep", "the root is depth 0, b/deep depth 2")
    }
}

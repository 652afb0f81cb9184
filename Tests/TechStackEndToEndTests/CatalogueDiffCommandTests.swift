import Foundation
import TechStackTestSupport
import XCTest

/// README, "the impact of a catalogue change", through the real binary: `techstack catalogue diff
/// OLD NEW` with a portfolio, its exit codes, and catalogues read from git revisions.
final class CatalogueDiffCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try Binary.makeTemporaryDirectory(prefix: "techstack-diff")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func write(_ path: String, _ text: String) throws {
        try Scratch.write(text, to: path, in: scratch)
    }

    private func writeCatalogue(_ folder: String, _ text: String) throws {
        try write("\(folder)/stack.yaml", text)
    }

    func testTheCommandShowsTheImpactAndFailsOnANewErrorWhenAsked() throws {
        try writeCatalogue("old", Fixtures.catalogueText)
        try writeCatalogue("new", Fixtures.catalogueText.replacingOccurrences(
            of: "access: [{via: data-gov-sg, requires: [data-gov-sg]}]", with: "access: [{via: data-gov-sg, requires: [data-gov-sg, sgds]}]"))
        try write("portfolio/hdb/flats/techstack.yaml", CatalogueDiffFixtures.bootstrapProject)
        let args = ["catalogue", "diff", "old", "new", "--portfolio", "portfolio", "--today", "2026-03-15"]
        let plain = try Binary.run(args, in: scratch)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("1 project gains an error finding"), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("now forfeits: resale-prices (source hdb)"), plain.stdout)
        let failing = try Binary.run(args + ["--fail-on-new"], in: scratch)
        XCTAssertEqual(failing.status, 1, failing.stderr)
        let json = try Binary.run(args + ["--format", "json"], in: scratch)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let impact = try XCTUnwrap(parsed["impact"] as? [String: Any])
        XCTAssertEqual((impact["summary"] as? [String: Any])?["gainingErrors"] as? Int, 1)
        let markdown = try Binary.run(args + ["--format", "markdown"], in: scratch)
        XCTAssertTrue(markdown.stdout.hasPrefix("## Catalogue change"), markdown.stdout)
        let reverse = try Binary.run(["catalogue", "diff", "new", "old", "--portfolio", "portfolio", "--fail-on-new"], in: scratch)
        XCTAssertEqual(reverse.status, 0, "an error that disappears is no new error")
    }

    func testBuiltinAgainstItselfIsTheSame() throws {
        let out = try Binary.run(["catalogue", "diff", "builtin", "builtin"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("The catalogues are the same."), out.stdout)
    }

    func testAnUnreadableManifestIsAnErrorRowAndExitTwo() throws {
        try write("portfolio/bad/techstack.yaml", "techstack: [1]\nproject: p\nagency: ica\n")
        let out = try Binary.run(["catalogue", "diff", "builtin", "builtin", "--portfolio", "portfolio"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("portfolio/bad/techstack.yaml:1:12: error:"), out.stderr)
        XCTAssertTrue(out.stdout.contains("could not be read"), out.stdout)
    }

    func testAnUnusableCatalogueIsExitTwoWithLocations() throws {
        try writeCatalogue("broken", "catalogue: {name: x, publisher: y, version: \"1\"}\nlayers: 3\n")
        let out = try Binary.run(["catalogue", "diff", "builtin", "broken"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("broken/stack.yaml:2:9: error:"), out.stderr)
    }

    @discardableResult
    private func git(_ args: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", scratch.path, "-c", "user.name=Tests", "-c", "user.email=tests@example.org",
                             "-c", "commit.gpgsign=false"] + args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(args.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    func testGitRevisionsAreReadFromTheRepositoryWithoutTouchingTheWorkTree() throws {
        try git(["init", "-q"])
        try writeCatalogue("catalogue", Fixtures.catalogueText)
        try writeCatalogue("other/cat", Fixtures.catalogueText)
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "first"])
        try writeCatalogue("catalogue", Fixtures.catalogueText.replacingOccurrences(
            of: CatalogueDiffFixtures.soap, with: "  - {id: soap, name: SOAP, summary: s, status: retired, replaced-by: rest-json}"))
        try git(["commit", "-q", "-a", "-m", "retire SOAP"])
        // An uncommitted change the diff must not see, and the work tree must keep.
        try writeCatalogue("catalogue", "not: [a catalogue")

        let out = try Binary.run(["catalogue", "diff", "git:HEAD~1", "git:HEAD", "--format", "json"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let diff = try XCTUnwrap(parsed["diff"] as? [String: Any])
        let statuses = try XCTUnwrap(diff["statuses"] as? [[String: Any]])
        XCTAssertEqual(statuses.first?["id"] as? String, "soap")
        XCTAssertEqual(statuses.first?["new"] as? String, "retired")

        let other = try Binary.run(["catalogue", "diff", "git:HEAD:other/cat", "git:HEAD"], in: scratch.appendingPathComponent("other"))
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertTrue(other.stdout.contains("soap (standard): active -> retired"), other.stdout)

        let broken = try Binary.run(["catalogue", "diff", "git:HEAD", "catalogue"], in: scratch)
        XCTAssertEqual(broken.status, 2, "the work tree's file is read as it is: broken")

        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("catalogue/stack.yaml"), encoding: .utf8), "not: [a catalogue")
        XCTAssertEqual(try git(["status", "--porcelain"]), " M catalogue/stack.yaml\n")
    }

    func testABadRevisionIsAPlainErrorAndExitTwo() throws {
        try git(["init", "-q"])
        try writeCatalogue("catalogue", Fixtures.catalogueText)
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "first"])
        let out = try Binary.run(["catalogue", "diff", "git:no-such-rev", "builtin"], in: scratch)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.hasPrefix("error: 'git:no-such-rev': no commit 'no-such-rev'"), out.stderr)
        let folder = try Binary.run(["catalogue", "diff", "git:HEAD:nowhere", "builtin"], in: scratch)
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.stderr.hasPrefix("error: 'git:HEAD:nowhere': no folder 'nowhere'"), folder.stderr)
    }

    func testGitOutsideACheckoutIsAPlainError() throws {
        let out = try Binary.run(["catalogue", "diff", "git:HEAD", "builtin"], in: scratch, environment: ["GIT_CEILING_DIRECTORIES": scratch.deletingLastPathComponent().path])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.hasPrefix("error: 'git:HEAD':"), out.stderr)
        XCTAssertTrue(out.stderr.contains("not inside a git checkout"), out.stderr)
    }
}

import Foundation
import TechStackTestSupport
import XCTest

/// What the real binary must never do with what it is given: replace a device, a FIFO or a
/// link; delete outside its folder; lose a snapshot; let input drive the terminal; drop input
/// in silence. Each case as a user or an attacker would set it up.
final class SafetyTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var clean: String { root.appendingPathComponent("examples/passport-renewal/techstack.yaml").path }

    private func kind(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    // MARK: --output

    func testOutputWritesThroughASymbolicLinkAndKeepsIt() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let target = dir.appendingPathComponent("target.json").path
        let link = dir.appendingPathComponent("link.json").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let out = try Binary.run(["lint", clean, "--format", "json", "--output", link, "--today", "2026-12-01"])
        XCTAssertEqual(out.status, 0, "\(out)")
        XCTAssertEqual(kind(link), S_IFLNK, "the link is still a link")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"), "the report went to the link's target")
    }

    func testOutputWritesIntoAFIFOInsteadOfReplacingIt() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let fifo = dir.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = dir.appendingPathComponent("received").path
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, received]
        try reader.run()
        let out = try Binary.run(["lint", clean, "--output", fifo, "--today", "2026-12-01", "--no-color"])
        reader.waitUntilExit()
        XCTAssertEqual(out.status, 0, "\(out)")
        XCTAssertEqual(kind(fifo), S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertTrue(try String(contentsOfFile: received, encoding: .utf8).contains("0 errors"))
    }

    func testOutputRefusesAFolderAndKeepsAFilesMode() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let refused = try Binary.run(["lint", clean, "--output", dir.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("is a folder; give the path of a file to write"), refused.stderr)
        let file = dir.appendingPathComponent("report.txt").path
        try "old".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(file, 0o640), 0)
        let out = try Binary.run(["lint", clean, "--output", file, "--today", "2026-12-01"])
        XCTAssertEqual(out.status, 0, "\(out)")
        var info = stat()
        XCTAssertEqual(stat(file, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o640, "replacing a report keeps its permissions")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["report.txt"], "no temporary file is left")
    }

    // MARK: site

    func testAPlantedLinkInTheSiteFolderIsNeverFollowed() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let outside = dir.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let precious = outside.appendingPathComponent("sub/file").path
        try "keep me".write(toFile: precious, atomically: true, encoding: .utf8)
        let site = dir.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("evil").path, withDestinationPath: outside.path)
        try "evil/sub/file\n".write(to: site.appendingPathComponent(".techstack-site"), atomically: true, encoding: .utf8)
        let out = try Binary.run(["catalogue", "site", site.path])
        XCTAssertEqual(out.status, 0, "\(out)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: precious), "a file outside the site folder was deleted")
        XCTAssertTrue(out.stderr.contains("is not a real folder inside the site's folder"), out.stderr)
    }

    func testASiteRunKilledPartWayIsRepairedByTheNextRun() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let catalogue = dir.appendingPathComponent("catalogue").path
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", root.appendingPathComponent("bench/generate-catalogue.py").path, catalogue, "--entries", "3000"]
        try generator.run()
        generator.waitUntilExit()
        XCTAssertEqual(generator.terminationStatus, 0)
        let site = dir.appendingPathComponent("site").path
        let first = Process()
        first.executableURL = Binary.executable
        first.arguments = ["catalogue", "site", site, "--catalogue", catalogue]
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Stop it once it has started writing pages: its list of owned files is on disk.
        let deadline = Date().addingTimeInterval(60)
        while first.isRunning && Date() < deadline {
            let pages = (try? FileManager.default.contentsOfDirectory(atPath: site + "/standards"))?.count ?? 0
            if pages > 10 { break }
            usleep(2_000)
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let again = try Binary.run(["catalogue", "site", site, "--catalogue", catalogue])
        XCTAssertEqual(again.status, 0, "the next run repairs the folder: \(again.stderr.prefix(500))")
        XCTAssertFalse(again.stderr.contains("not written by techstack"))
    }

    func testIdsTooLongForAFileNameAreCatalogueProblems() throws {
        let dir = try Binary.makeTemporaryDirectory()
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("catalogue").path, toPath: dir.appendingPathComponent("c").path)
        let long = String(repeating: "a", count: 251)
        try "standards:\n  - id: \(long)\n    name: Long\n    summary: A standard with a long id.\n"
            .write(to: dir.appendingPathComponent("c/zz.yaml"), atomically: true, encoding: .utf8)
        let out = try Binary.run(["catalogue", "check", "--catalogue", dir.appendingPathComponent("c").path])
        XCTAssertEqual(out.status, 1, "\(out)")
        XCTAssertTrue(out.stderr.contains("zz.yaml:2:5: error: id 'aaaa"), out.stderr)
        XCTAssertTrue(out.stderr.contains("is 251 bytes long"), out.stderr)
    }

    // MARK: history

    func testConcurrentRecordingsKeepEverySnapshot() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let db = dir.appendingPathComponent("history.db").path
        let portfolio = root.appendingPathComponent("examples/portfolio").path
        let processes = (1...4).map { day -> Process in
            let p = Process()
            p.executableURL = Binary.executable
            p.arguments = ["scorecard", portfolio, "--record", db, "--today", "2026-12-0\(day)", "--format", "json"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), [0, 0, 0, 0])
        let trend = try Binary.run(["scorecard", "trend", db, "--format", "json"])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(trend.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["snapshots"] as? [Any])?.count, 4, "every snapshot is kept")
    }

    // MARK: escaping

    func testAHostileFolderNameCannotDriveTheTerminalOrTheCILog() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let hostile = dir.appendingPathComponent("p\u{1B}[2J\n::error::x")
        try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
        try "techstack: 1\nproject: x\nagency: ica\nchoices:\n  api-style: soap\n".write(to: hostile.appendingPathComponent("techstack.yaml"), atomically: true, encoding: .utf8)
        for args in [["lint", hostile.appendingPathComponent("techstack.yaml").path],
                     ["lint", hostile.appendingPathComponent("missing.yaml").path],
                     ["lint", hostile.appendingPathComponent("techstack.yaml").path, "--format", "github"],
                     ["scorecard", hostile.path], ["scorecard", hostile.path, "--format", "csv"]] {
            let out = try Binary.run(args + ["--today", "2026-12-01"])
            for text in [out.stdout, out.stderr] {
                XCTAssertFalse(text.contains("\u{1B}"), "\(args): a raw escape")
                XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("::error::x") }, "\(args): an injected workflow command")
            }
        }
    }

    func testCatalogueTextWithControlsStaysInert() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let c = dir.appendingPathComponent("c")
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("catalogue").path, toPath: c.path)
        let stack = c.appendingPathComponent("stack.yaml")
        var text = try String(contentsOf: stack, encoding: .utf8)
        text = text.replacingOccurrences(of: "name: Singapore Government Tech Stack", with: "name: \"Evil\\e[2J\\a stack\"")
        try text.write(to: stack, atomically: true, encoding: .utf8)
        let concerns = c.appendingPathComponent("concerns.yaml")
        var concernText = try String(contentsOf: concerns, encoding: .utf8)
        if let start = concernText.range(of: "    question: "), let end = concernText.range(of: "\n", range: start.upperBound..<concernText.endIndex) {
            concernText.replaceSubrange(start.lowerBound..<end.lowerBound, with: "    question: \"Which? \\e]0;pwned\\a\\nnext line\"")
        }
        try concernText.write(to: concerns, atomically: true, encoding: .utf8)
        let check = try Binary.run(["catalogue", "check", "--catalogue", c.path])
        XCTAssertFalse(check.stdout.contains("\u{1B}") || check.stderr.contains("\u{1B}"), "\(check)")
        XCTAssertTrue(check.stdout.contains("Evil\\u{1b}[2J"), check.stdout)
        let score = try Binary.run(["scorecard", clean, "--catalogue", c.path, "--today", "2026-12-01"])
        XCTAssertFalse(score.stdout.contains("\u{1B}"))
        // init copies catalogue text into comments: the new manifest must still lint.
        let project = dir.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let initialised = try Binary.run(["init", "--catalogue", c.path, "--agency", "ica"], in: project)
        XCTAssertEqual(initialised.status, 0, "\(initialised)")
        let lint = try Binary.run(["lint", "--catalogue", c.path, "--today", "2026-12-01"], in: project)
        XCTAssertNotEqual(lint.status, 2, "the manifest init wrote is usable: \(lint.stderr)")
        let manifest = try String(contentsOf: project.appendingPathComponent("techstack.yaml"), encoding: .utf8)
        XCTAssertFalse(manifest.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    /// On a terminal (a pseudo-terminal from `script`), styled commands print colour, never a
    /// literal `\u{1b}[1m`, and `explain` keeps its line breaks.
    func testStyledCommandsPrintColourOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw ExternalCheck.unavailable("needs script(1) from util-linux for a pseudo-terminal (apt-get install bsdutils)")
        }
        for command in ["cost apex", "catalogue show api-style", "catalogue search myinfo", "explain", "explain recommended-choice"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            p.arguments = ["-qec", "\(Binary.executable.path) \(command)", "/dev/null"]
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = nil
            p.environment = env
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(text.contains("\u{1B}[1m"), "\(command): bold on a terminal")
            XCTAssertFalse(text.contains("\\u{1b}"), "\(command): a styled text was escaped after styling")
            XCTAssertFalse(text.contains("\\u{a}"), "\(command): line breaks printed as text")
        }
    }

    // MARK: silent losses

    func testFoldersTooDeepAreReportedNotDropped() throws {
        let dir = try Binary.makeTemporaryDirectory()
        var deep = dir
        for i in 0..<70 { deep.appendPathComponent("d\(i)") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: clean, toPath: deep.appendingPathComponent("techstack.yaml").path)
        try FileManager.default.copyItem(atPath: clean, toPath: dir.appendingPathComponent("techstack.yaml").path)
        let out = try Binary.run(["scorecard", dir.path, "--today", "2026-12-01"])
        XCTAssertEqual(out.status, 2, "a manifest that could not be reached is an error row")
        XCTAssertTrue(out.stderr.contains("is more than 64 folders deep"), out.stderr)
    }

    func testSuccessionCyclesAndSignedYearsAreRefused() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let c = dir.appendingPathComponent("c")
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("catalogue").path, toPath: c.path)
        try """
        standards:
          - id: old-a
            name: A
            summary: Replaced by B.
            url: https://example.org/a
            status: deprecated
            replaced-by: old-b
          - id: old-b
            name: B
            summary: Replaced by A.
            url: https://example.org/b
            status: deprecated
            replaced-by: old-a
          - id: selfish
            name: Self
            summary: Replaced by itself.
            url: https://example.org/s
            replaced-by: selfish
        """.write(to: c.appendingPathComponent("zz.yaml"), atomically: true, encoding: .utf8)
        let check = try Binary.run(["catalogue", "check", "--catalogue", c.path])
        XCTAssertEqual(check.status, 1, "\(check)")
        XCTAssertTrue(check.stderr.contains("'replaced-by' forms a cycle: old-a → old-b → old-a"), check.stderr)
        XCTAssertTrue(check.stderr.contains("'selfish' names itself"), check.stderr)

        let manifest = dir.appendingPathComponent("techstack.yaml")
        try "techstack: 1\nproject: x\nagency: ica\nexemptions:\n  - rule: recommended-choice\n    reason: r\n    expires: +999-01-01\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let lint = try Binary.run(["lint", manifest.path])
        XCTAssertEqual(lint.status, 2)
        XCTAssertTrue(lint.stderr.contains("7:14: error: 'expires' must be a date"), lint.stderr)
    }

    func testOneManifestGivenThreeWaysIsScoredOnce() throws {
        let dir = try Binary.makeTemporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("port/b"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: clean, toPath: dir.appendingPathComponent("port/b/techstack.yaml").path)
        let out = try Binary.run(["scorecard", "port/b/techstack.yaml", dir.path + "/port/b/techstack.yaml", "port//b/techstack.yaml",
                                  "--format", "json", "--today", "2026-12-01"], in: dir)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["summary"] as? [String: Any])?["manifests"] as? Int, 1, out.stdout.prefix(300).description)
    }

    // MARK: the first minutes

    func testAMisspeltIdIsReportedOnce() throws {
        let dir = try Binary.makeTemporaryDirectory()
        let manifest = dir.appendingPathComponent("techstack.yaml")
        try "techstack: 1\nproject: x\nagency: ica\nchoices:\n  api-style: rest_json\n  analytics: wogaa\n".write(to: manifest, atomically: true, encoding: .utf8)
        let out = try Binary.run(["lint", manifest.path, "--no-color", "--today", "2026-12-01"])
        XCTAssertTrue(out.stdout.contains("'rest_json' is no standard or component in the catalogue (did you mean 'rest-json'?)"), out.stdout)
        XCTAssertFalse(out.stdout.contains("[recommended-choice]"), "not also a deviation: \(out.stdout)")
    }

    func testMisspeltSubcommandsAndMissingManifestsGetHelp() throws {
        let lnt = try Binary.run(["lnt"])
        XCTAssertEqual(lnt.status, 2)
        XCTAssertTrue(lnt.stderr.contains("'lnt' is not a techstack subcommand (did you mean 'lint'?)"), lnt.stderr)
        let shw = try Binary.run(["catalogue", "shw", "apex"])
        XCTAssertTrue(shw.stderr.contains("(did you mean 'show'?)"), shw.stderr)
        let show = try Binary.run(["catalogue", "show", "nosuch"])
        XCTAssertEqual(show.status, 2)
        XCTAssertTrue(show.stderr.contains("Usage: techstack catalogue show <id>"), "the subcommand's usage: \(show.stderr)")
        let empty = try Binary.makeTemporaryDirectory()
        let lint = try Binary.run(["lint"], in: empty)
        XCTAssertEqual(lint.status, 2)
        XCTAssertTrue(lint.stderr.contains("'techstack init' writes a starter manifest"), lint.stderr)
        let bad = try Binary.run(["lint", "--catalogue", empty.path], in: empty)
        XCTAssertTrue(bad.stderr.contains("run 'techstack catalogue check --catalogue \(empty.path)'"), bad.stderr)
        for command in [["lint"], ["scorecard", "report"], ["scorecard", "trend"], ["cost"], ["catalogue", "check"], ["catalogue", "export"]] {
            let help = try Binary.run(command + ["--help"])
            XCTAssertTrue(help.stdout.contains("(values: "), "\(command): --help lists the values of --format")
        }
    }
}

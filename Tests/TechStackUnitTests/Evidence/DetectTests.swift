import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// `detect` over fixture repositories: every signal kind, every ecosystem's manifest,
/// `.gitignore` at any depth, and files that are never evidence.
final class DetectTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/observed-repo")

    private func catalogue() throws -> Catalogue {
        let file = try InputFile.read(Self.fixture.appendingPathComponent("catalogue.yaml").path)
        let loaded = CatalogueLoader.load(files: [file])
        XCTAssertFalse(loaded.diagnostics.hasErrors, loaded.diagnostics.description)
        return try XCTUnwrap(loaded.catalogue)
    }

    /// A copy of the fixture in a temporary folder, where links and FIFOs can be made.
    private func copy() throws -> URL {
        let folder = try Binary.makeTemporaryDirectory(prefix: "observed")
        let target = folder.appendingPathComponent("repo")
        try FileManager.default.copyItem(at: Self.fixture, to: target)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return target
    }

    private func observe(_ root: URL) throws -> Observation {
        try Detector(catalogue: try catalogue()).scan(root.path)
    }

    private func locations(_ o: Observation, _ id: String) -> [String] {
        (o.evidence(for: id) ?? []).map(\.location)
    }

    func testFilesAndContainsSignalsGiveThePathAndLine() throws {
        let o = try observe(Self.fixture)
        XCTAssertEqual(locations(o, "wsdl"), ["docs/generated/service.wsdl:1"])
        XCTAssertEqual(locations(o, "jenkins"), ["Jenkinsfile:1"])
        XCTAssertTrue(locations(o, "openapi").contains("api.yaml:1"))
        XCTAssertEqual(locations(o, "analytics-tag"), ["web/index.html:2"], "web/*.html is anchored: deep.html does not count")
        XCTAssertNil(o.evidence(for: "never"))
    }

    func testEveryEcosystemsManifestIsReadWithTheDeclarationsLine() throws {
        let o = try observe(Self.fixture)
        XCTAssertEqual(locations(o, "npm-dep"), ["package.json:4"])
        XCTAssertEqual(locations(o, "pypi-dep"), ["svc/py/requirements-dev.txt:4"], "zope-interface is Zope.Interface")
        XCTAssertEqual(locations(o, "poetry-dep"), ["svc/poetry/pyproject.toml:6"], "My.Lib is my_lib")
        XCTAssertEqual(locations(o, "maven-dep"), ["svc/java/pom.xml:4"])
        XCTAssertEqual(locations(o, "gradle-dep"), ["svc/gradle/build.gradle:2"])
        XCTAssertEqual(locations(o, "gradle-named"), ["svc/kts/build.gradle.kts:2"])
        XCTAssertEqual(locations(o, "go-dep"), ["svc/go/go.mod:6"])
        XCTAssertEqual(locations(o, "nuget-dep"), ["svc/dotnet/app.csproj:3"])
        XCTAssertEqual(locations(o, "swift-dep"), ["svc/swift/Package.swift:4"])
        XCTAssertEqual(locations(o, "ruby-dep"), ["svc/ruby/Gemfile:2"])
        XCTAssertEqual(locations(o, "composer-dep"), ["svc/php/composer.json:3"])
        XCTAssertEqual(o.evidence(for: "npm-dep")?.first?.signal, "dependency npm @scope/ui")
    }

    func testIgnoredFilesAreNeverEvidenceAndNegationReincludes() throws {
        let o = try observe(Self.fixture)
        // build/ (folder rule), *.log, /vendor/ and the nested docs/.gitignore's *.txt hide the
        // rest; !visible.txt in docs and keep.txt (no rule) remain.
        XCTAssertEqual(locations(o, "secret-tag"), ["docs/visible.txt:3", "keep.txt:2"])
    }

    func testGitignoreWorksWithoutAGitCheckoutAndDotGitIsSkipped() throws {
        let root = try copy()
        let git = root.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        try Data("SECRET-MARK".utf8).write(to: git.appendingPathComponent("HEAD.txt"))
        let o = try observe(root)
        XCTAssertEqual(locations(o, "secret-tag"), ["docs/visible.txt:3", "keep.txt:2"])
    }

    func testBinaryOversizedAndLinkedOutFilesAreSkipped() throws {
        let root = try copy()
        var binary = Array("SECRET-MARK\n".utf8)
        binary.append(0)
        try Data(binary).write(to: root.appendingPathComponent("binary.txt"))
        var big = Data(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1)
        big.replaceSubrange(0..<11, with: Data("SECRET-MARK".utf8))
        try big.write(to: root.appendingPathComponent("big.txt"))
        let outside = root.deletingLastPathComponent().appendingPathComponent("outside.txt")
        try Data("SECRET-MARK outside".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("inside.txt").path, withDestinationPath: "keep.txt")
        let o = try observe(root)
        XCTAssertEqual(locations(o, "secret-tag"), ["docs/visible.txt:3", "inside.txt:2", "keep.txt:2"],
                       "a link inside the root counts; binary, oversized and outside files do not")
    }

    func testAFIFOAndASymlinkLoopNeitherHangNorFail() throws {
        let root = try copy()
        XCTAssertEqual(mkfifo(root.appendingPathComponent("pipe.txt").path, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a.txt").path, withDestinationPath: "b.txt")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        let o = try observe(root)
        XCTAssertEqual(locations(o, "secret-tag"), ["docs/visible.txt:3", "keep.txt:2"])
    }

    func testDeepFoldersAndManyTinyFiles() throws {
        let root = try Binary.makeTemporaryDirectory(prefix: "deep")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        var deep = root
        for i in 0..<200 { deep = deep.appendingPathComponent("d\(i % 10)") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try Data("<definitions/>".utf8).write(to: deep.appendingPathComponent("x.wsdl"))
        let many = root.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
        for i in 0..<5_000 { _ = FileManager.default.createFile(atPath: many.appendingPathComponent("f\(i).txt").path, contents: Data("t".utf8)) }
        let o = try observe(root)
        XCTAssertEqual(o.filesSeen, 5_001)
        XCTAssertEqual(o.evidence(for: "wsdl")?.count, 1)
    }

    func testALongLineAndInvalidUTF8() throws {
        let root = try Binary.makeTemporaryDirectory(prefix: "long")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: 900_000)
        line += Array("SECRET-MARK".utf8) + [0xff, 0xc3, 0x28, 10]
        try Data(line).write(to: root.appendingPathComponent("long.txt"))
        let o = try observe(root)
        XCTAssertEqual(locations(o, "secret-tag"), ["long.txt:1"])
    }

    func testTenThousandSignalsScanWithoutTrouble() throws {
        var text = "catalogue: {name: T, publisher: T, version: \"1\"}\nstandards:\n"
        for i in 0..<10_000 {
            text += "  - {id: s\(i), name: S, summary: s, evidence: [{files: [\"**/*.md\"], contains: [\"m-\(i)-e\"]}]}\n"
        }
        let loaded = CatalogueLoader.load(files: [InputFile(path: "big.yaml", text: text)])
        XCTAssertFalse(loaded.diagnostics.hasErrors, String(loaded.diagnostics.description.prefix(500)))
        let catalogue = try XCTUnwrap(loaded.catalogue)
        let root = try Binary.makeTemporaryDirectory(prefix: "many-signals")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try Data("x m-77-e y m-9999-e\n".utf8).write(to: root.appendingPathComponent("a.md"))
        let o = try Detector(catalogue: catalogue).scan(root.path)
        XCTAssertEqual(o.observed.map(\.id).sorted(), ["s77", "s9999"])
    }

    func testAnUnreadableRootIsALocatedError() throws {
        XCTAssertThrowsError(try Detector(catalogue: try catalogue()).scan("/no/such/folder")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/no/such/folder:1:1: error:"), "\(error)")
        }
    }

    func testConcernsAreAnsweredUnassignedOrUnanswered() throws {
        let result = DetectResult(try observe(Self.fixture), catalogue: try catalogue())
        XCTAssertEqual(result.ids(for: "api-description"), ["openapi", "wsdl"])
        XCTAssertEqual(result.ids(for: "pipeline"), ["jenkins"])
        XCTAssertEqual(result.unanswered, ["nothing"])
        XCTAssertTrue(result.unassigned.contains { $0.id == "npm-dep" })
    }
}

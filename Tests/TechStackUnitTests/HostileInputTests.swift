import Foundation
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// README, "Limits and hostile input": nothing a manifest, rule file or catalogue contains may crash the tool or hang it;
/// every such file is refused with a located `path:line:col: error:` and exit 2.
///
/// The committed corpus (`Tests/Corpus/hostile/`) holds small hand-written files; large and
/// binary cases are generated here, deterministically, so the repository stays small.
final class HostileInputTests: XCTestCase {
    // MARK: - The corpus

    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/hostile")

    /// The committed files of one corpus folder.
    static func committed(_ folder: String) throws -> [InputFile] {
        let directory = corpus.appendingPathComponent(folder).path
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { !$0.hasPrefix(".") && $0 != expectedName }.sorted()
        return try names.map { name in
            let path = directory + "/" + name
            return InputFile(path: "\(folder)/\(name)", bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    /// The sidecar in each corpus folder: for every file there, the errors it must be refused
    /// with, one `NAME: LINE:COL: MESSAGE` line each, in the order they are reported.
    static let expectedName = "expected.txt"

    /// The errors one corpus folder's files are refused with, by the loader that folder is for:
    /// the YAML reader for `yaml/`, the manifest loader for `structure/` and `manifest/`, the
    /// catalogue loader for `catalogue/`, and the rules loader (beside the built-in rules) for `rules/`.
    static func errors(_ folder: String, _ file: InputFile) -> [Diagnostic] {
        switch folder {
        case "yaml":
            do {
                _ = try YAMLReader.read(bytes: file.bytes, path: file.path)
                return []
            } catch {
                return [error]
            }
        case "structure", "manifest":
            guard case .failure(let list) = ManifestLoader.load(file) else { return [] }
            return list.errors
        case "catalogue":
            return CatalogueLoader.load(files: [file]).diagnostics.errors
        case "rules":
            return RuleSet.load(builtin: Builtin.ruleFiles, added: [file]).diagnostics.errors
        default:
            return []
        }
    }

    /// `NAME: LINE:COL: MESSAGE`, the message as a terminal shows it.
    static func expectedLine(_ name: String, _ diagnostic: Diagnostic) -> String {
        "\(name): \(diagnostic.mark.line):\(diagnostic.mark.column): \(Terminal.sanitize(diagnostic.message))"
    }

    func testEveryCorpusFileIsRefusedWithItsExpectedErrors() throws {
        for folder in ["yaml", "structure", "manifest", "catalogue", "rules"] {
            let sidecar = Self.corpus.appendingPathComponent(folder).appendingPathComponent(Self.expectedName)
            let text = try String(contentsOf: sidecar, encoding: .utf8)
            var expected: [String: [String]] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":") else {
                    XCTFail("\(folder)/\(Self.expectedName): not NAME: LINE:COL: MESSAGE: \(line)")
                    continue
                }
                expected[String(line[..<colon]), default: []].append(String(line))
            }
            let files = try Self.committed(folder)
            var actual: [String] = []
            for file in files {
                let name = String(file.path.dropFirst(folder.count + 1))
                let lines = Self.errors(folder, file).map { Self.expectedLine(name, $0) }
                XCTAssertFalse(lines.isEmpty, "\(file.path): accepted")
                XCTAssertEqual(lines, expected[name] ?? [], "\(file.path): refused otherwise than \(folder)/\(Self.expectedName) says")
                actual += lines
            }
            let names = Set(files.map { String($0.path.dropFirst(folder.count + 1)) })
            for name in expected.keys.sorted() where !names.contains(name) {
                XCTFail("\(folder)/\(Self.expectedName) names \(name), which is not in the folder")
            }
            if actual != text.split(separator: "\n").filter({ !$0.hasPrefix("#") }).map(String.init) {
                XCTFail("\(folder)/\(Self.expectedName) differs from what the files give; they give:\n" + actual.joined(separator: "\n"))
            }
        }
    }

    /// Malformed at the YAML level: every reader must refuse these.
    static func malformedYAML() throws -> [InputFile] {
        try committed("yaml") + Generated.malformed
    }

    // MARK: - The YAML reader

    func testEveryMalformedFileIsRefusedByTheYAMLReaderWithALocation() throws {
        let files = try Self.malformedYAML()
        XCTAssertGreaterThan(files.count, 60)
        for file in files {
            do {
                let node = try YAMLReader.read(bytes: file.bytes, path: file.path)
                XCTFail("\(file.path): accepted, read as \(node.kindDescription)")
            } catch {
                assertLocated(error, file)
            }
        }
    }

    func testAUTF8ByteOrderMarkIsAccepted() throws {
        let text = "techstack: 1\nproject: bom\n"
        let root = try YAMLReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "bom.yaml")
        XCTAssertEqual(root["project"]?.scalar, "bom")
        XCTAssertEqual(root["project"]?.mark, Mark(line: 2, column: 10))
    }

    func testUTF16IsRefusedWithAnExplanation() throws {
        for name in ["utf16le-bom.yaml", "utf16be-bom.yaml"] {
            let file = try XCTUnwrap(Self.committed("yaml").first { $0.path.hasSuffix(name) })
            XCTAssertThrowsError(try YAMLReader.read(bytes: file.bytes, path: file.path)) { error in
                XCTAssertTrue("\(error)".contains("UTF-16"), "\(error)")
            }
        }
    }

    func testAScalarJustUnderTheSizeLimitIsRead() throws {
        let root = try YAMLReader.read(bytes: Generated.justUnderLimit, path: "big.yaml")
        XCTAssertEqual(root["summary"]?.scalar?.utf8.count, Generated.justUnderLimit.count - 64)
    }

    func testDeepNestingIsRefusedAtTheLimitNotBefore() throws {
        XCTAssertNoThrow(try YAMLReader.read(bytes: Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8), path: "64.yaml"))
        XCTAssertThrowsError(try YAMLReader.read(bytes: Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8), path: "65.yaml")) { error in
            XCTAssertEqual((error as? Diagnostic)?.mark, Mark(line: 1, column: 65))
        }
    }

    // MARK: - The catalogue loader

    func testEveryCorpusFileIsRefusedAsACatalogue() throws {
        let files = try Self.malformedYAML() + Self.committed("structure") + Self.committed("catalogue") + Self.committed("manifest")
        for file in files {
            let result = CatalogueLoader.load(files: [file])
            XCTAssertTrue(result.diagnostics.hasErrors, "\(file.path): accepted as a catalogue")
            for diagnostic in result.diagnostics.items { assertLocated(diagnostic, file) }
        }
    }

    func testEveryCatalogueCorpusFileIsASchemaError() throws {
        for file in try Self.committed("catalogue") {
            let result = CatalogueLoader.load(files: [file])
            XCTAssertTrue(result.diagnostics.hasSchemaErrors, "\(file.path): \(result.diagnostics)")
        }
    }

    /// A hostile file beside the built-in catalogue's files still refuses the whole catalogue,
    /// and the built-in files themselves stay free of errors.
    func testAHostileFileBesideAGoodCatalogueIsPinpointed() throws {
        for file in try Self.malformedYAML() {
            let result = CatalogueLoader.load(files: Builtin.catalogueFiles + [file])
            XCTAssertTrue(result.diagnostics.hasSchemaErrors, file.path)
            XCTAssertTrue(result.diagnostics.errors.allSatisfy { $0.path == file.path }, "\(file.path): \(result.diagnostics.errors.prefix(3))")
        }
    }

    // MARK: - The manifest loader

    /// Everything a manifest loader must refuse: malformed YAML, YAML that is no mapping,
    /// and well-formed manifests with a wrong type, a missing key or a bad value.
    static func refusedManifests() throws -> [InputFile] {
        try malformedYAML() + committed("structure") + committed("manifest")
    }

    func testEveryCorpusFileIsRefusedAsAManifest() throws {
        for file in try Self.refusedManifests() {
            switch ManifestLoader.load(file) {
            case .success:
                XCTFail("\(file.path): accepted as a manifest")
            case .failure(let list):
                XCTAssertFalse(list.errors.isEmpty, file.path)
                for diagnostic in list.items { assertLocated(diagnostic, file) }
            }
        }
    }

    func testAManifestWithAUTF8ByteOrderMarkIsLinted() throws {
        let file = InputFile(path: "bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("techstack: 1\nproject: p\nagency: ica\n".utf8))
        guard case .success(let manifest) = ManifestLoader.load(file) else { return XCTFail("refused") }
        XCTAssertEqual(manifest.agency.mark, Mark(line: 3, column: 9))
    }

    func testAManifestJustUnderTheSizeLimitIsRead() throws {
        let head = Array("techstack: 1\nproject: p\nagency: ica\nsummary: ".utf8)
        let bytes = head + [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) - head.count - 1) + [0x0A]
        XCTAssertEqual(bytes.count, 1 << 20)
        guard case .success(let manifest) = ManifestLoader.load(InputFile(path: "big.yaml", bytes: bytes)) else { return XCTFail("refused") }
        XCTAssertEqual(manifest.summary?.utf8.count, (1 << 20) - head.count - 1)
    }

    func testEveryManifestListIsBoundedWithALocatedError() throws {
        let head = "techstack: 1\nproject: p\nagency: ica\n"
        let over = ManifestLoader.maxEntries + 1
        let cases: [(String, String, Mark)] = [
            ("consumes", "consumes: [" + (0..<over).map { "d\($0)" }.joined(separator: ", ") + "]\n", Mark(line: 4, column: 11)),
            ("choices", "choices:\n" + (0..<over).map { "  c\($0): x\n" }.joined(), Mark(line: 5, column: 3)),
            ("choices.api-style", "choices:\n  api-style: [" + (0..<over).map { "x\($0)" }.joined(separator: ",") + "]\n", Mark(line: 5, column: 14)),
            ("produces", "produces:\n" + (0..<over).map { "- {id: p\($0), shared-via: apex}\n" }.joined(), Mark(line: 5, column: 1)),
            ("grants", "grants:\n" + (0..<over).map { "  g\($0): GR\n" }.joined(), Mark(line: 5, column: 3)),
            ("exemptions", "exemptions:\n" + (0..<over).map { _ in "- {rule: r, reason: r, expires: 2030-01-01}\n" }.joined(), Mark(line: 5, column: 1)),
        ]
        for (field, body, mark) in cases {
            guard case .failure(let list) = ManifestLoader.load(InputFile(path: "many.yaml", text: head + body)) else {
                XCTFail("\(field): \(over) entries accepted")
                continue
            }
            let error = try XCTUnwrap(list.errors.first { $0.message.contains("'\(field)' has \(over) entries") }, "\(field): \(list)")
            XCTAssertEqual(error.mark, mark, field)
        }
        let atLimit = head + "consumes: [" + (0..<ManifestLoader.maxEntries).map { "d\($0)" }.joined(separator: ", ") + "]\n"
        guard case .success(let manifest) = ManifestLoader.load(InputFile(path: "many.yaml", text: atLimit)) else { return XCTFail("refused at the limit") }
        XCTAssertEqual(manifest.consumes.count, ManifestLoader.maxEntries)
    }

    // MARK: - The rules loader

    func testEveryCorpusFileIsRefusedAsARuleFile() throws {
        for file in try Self.malformedYAML() + Self.committed("structure") + Self.committed("rules") {
            let result = RuleSet.load(builtin: Builtin.ruleFiles, added: [file])
            XCTAssertNil(result.ruleSet, "\(file.path): accepted as a rule file")
            XCTAssertTrue(result.diagnostics.hasErrors, file.path)
            for diagnostic in result.diagnostics.items { assertLocated(diagnostic, file) }
        }
    }

    // MARK: - Catalogue folders at scale

    /// A catalogue folder holds any number of files of up to 1 MiB each, so what it builds is
    /// bounded only by the disk: the checks and reach must not recurse along it.
    static func chain(_ count: Int, alsoRequiring extra: String? = nil) -> [InputFile] {
        var files = [InputFile(path: "head.yaml", text: """
            catalogue: {name: Chain, publisher: Test, version: "1"}
            layers: [{id: l, name: L, summary: s, order: 1}]
            source-kinds: [{id: k, name: K, summary: s}]
            agencies: [{id: o, name: O, summary: s, source-kind: k}]
            funding-models: [{id: f, name: F, summary: s, charging: free}]
            standards: [{id: rest, name: REST, summary: s}]
            concerns: [{id: api, name: API, summary: s, layer: l, question: q, recommended: [rest]}]
            datasets: [{id: d, name: D, summary: s, source: o, items: [x], access: [{requires: [c0]}]}]

            """)]
        for start in stride(from: 0, to: count, by: 10_000) {
            var text = "components:\n"
            for i in start..<min(count, start + 10_000) {
                let requires = ((i + 1 < count ? ["c\(i + 1)"] : []) + (extra.map { [$0] } ?? [])).joined(separator: ", ")
                text += "  - {id: c\(i), name: C, summary: s, layer: l, owner: o, funding: {model: f}, requires: [\(requires)]}\n"
            }
            files.append(InputFile(path: "chain-\(start).yaml", text: text))
        }
        return files
    }

    func testALongRequiresChainIsCheckedAndReachedWithoutRecursion() throws {
        let count = 100_000
        let result = CatalogueLoader.load(files: Self.chain(count))
        XCTAssertTrue(result.diagnostics.items.isEmpty, "\(result.diagnostics.items.prefix(3))")
        let catalogue = try XCTUnwrap(result.catalogue)
        let reach = Reach(catalogue: catalogue)
        let all = Set((0..<count).map { "c\($0)" })
        XCTAssertEqual(reach.reach(all), ["d"])
        XCTAssertEqual(reach.reach(all.subtracting(["c\(count - 1)"])), [])
        let dataset = try XCTUnwrap(catalogue.dataset("d"))
        XCTAssertEqual(reach.nearestPath(to: dataset, from: all.subtracting(["c\(count - 1)"]))?.missing, ["c\(count - 1)"])
    }

    func testEveryCycleAlongALongChainIsReportedBriefly() throws {
        let count = 20_000
        let result = CatalogueLoader.load(files: Self.chain(count, alsoRequiring: "c0"))
        let cycles = result.diagnostics.items.filter { $0.message.contains("forms a cycle") }
        XCTAssertEqual(cycles.count, count)
        XCTAssertTrue(cycles.allSatisfy { $0.message.count < 300 }, cycles.last?.message ?? "")
        XCTAssertTrue(cycles.contains { $0.message.contains("c0 → c1 → c2 → c3 → c4 → … 19991 more … → c19996 → c19997 → c19998 → c19999 → c0") },
                      cycles.last?.message ?? "")
    }

    func testThousandsOfDanglingReferencesAreAllReported() throws {
        var files = Self.chain(1)
        var text = "components:\n"
        for i in 1...3_000 { text += "  - {id: x\(i), name: X, summary: s, layer: l, owner: o, funding: {model: f}, requires: [y\(i)]}\n" }
        files.append(InputFile(path: "dangling.yaml", text: text))
        let dangling = CatalogueLoader.load(files: files).diagnostics.items.filter { $0.message.contains("which is no standard or component") }
        XCTAssertEqual(dangling.count, 3_000)
        XCTAssertEqual(Set(dangling.map(\.mark.line)).count, 3_000)
    }

    // MARK: - The real binary

    func testCatalogueCheckExitsTwoOnEveryMalformedFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in try Self.malformedYAML() where file.bytes.count < 64 * 1024 {
            let catalogue = folder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
            let path = catalogue.appendingPathComponent("hostile.yaml")
            try Data(file.bytes).write(to: path)
            let run = try Bounded.run(["catalogue", "check", "--catalogue", catalogue.path])
            XCTAssertEqual(run.status, 2, "\(file.path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path.path), "\(file.path): \(run.stderr)")
        }
    }

    /// The files `lint` is given: the committed corpus and the generated cases small enough
    /// to write quickly, plus the ones that test the size limit itself.
    static func lintCases() throws -> [InputFile] {
        try refusedManifests().filter { $0.bytes.count < 64 * 1024 || $0.path.contains("mib") }
    }

    func testLintExitsTwoWithALocatedErrorOnEveryCorpusFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, file) in try Self.lintCases().enumerated() {
            let path = folder.appendingPathComponent("\(index)-techstack.yaml")
            try Data(file.bytes).write(to: path)
            let run = try Bounded.run(["lint", path.path])
            XCTAssertEqual(run.status, 2, "\(file.path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path.path), "\(file.path): \(run.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, try Self.lintCases().count)
    }

    func testLintRefusesADirectoryAndASymbolicLinkToAnotherKindOfFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("techstack.yaml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        for path in [directory.path, link.path, "/dev/zero", folder.appendingPathComponent("missing.yaml").path] {
            let run = try Bounded.run(["lint", path])
            XCTAssertEqual(run.status, 2, "\(path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path), "\(path): \(run.stderr)")
        }
    }

    func testLintAcceptsAUTF8ByteOrderMark() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("techstack.yaml")
        try Data([0xEF, 0xBB, 0xBF] + Array("techstack: 1\nproject: p\nagency: ica\nchoices:\n  api-style: rest-json\n".utf8)).write(to: path)
        let run = try Bounded.run(["lint", "--format", "json", path.path])
        XCTAssertNotEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stdout.contains("\"files\""), run.stdout)
    }

    func testLintExitsTwoOnEveryHostileRuleFile() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("techstack.yaml")
        try Data("techstack: 1\nproject: p\nagency: ica\n".utf8).write(to: manifest)
        let cases = try Self.committed("rules") + Self.committed("yaml") + [Generated.malformed.first { $0.path.contains("just-over-1mib") }].compactMap { $0 }
        for file in cases {
            let rules = folder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
            let path = rules.appendingPathComponent("rules.yaml")
            try Data(file.bytes).write(to: path)
            let run = try Bounded.run(["lint", "--rules", rules.path, manifest.path])
            XCTAssertEqual(run.status, 2, "\(file.path): \(run.stderr)")
            XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: path.path), "\(file.path): \(run.stderr)")
        }
    }

    func testTheSizeLimitAppliesToCatalogueFiles() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.yaml")
        try Data(Array("# ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20) + [0x0A]).write(to: path)
        let run = try Bounded.run(["catalogue", "check", "--catalogue", folder.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(path.path):1:1: error: file is 1048579 bytes; the limit is 1048576 bytes"), run.stderr)
    }

    func testACatalogueFolderNeverFollowsSymbolicLinks() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("passwd.yaml").path, withDestinationPath: "/etc/passwd")
        let run = try Bounded.run(["catalogue", "check", "--catalogue", folder.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("holds no *.yaml files"), run.stderr)
        XCTAssertFalse(run.stderr.contains("root:"), run.stderr)
    }

    func testACatalogueThatIsAFileIsRefused() throws {
        let folder = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("catalogue.yaml")
        try Data("catalogue: {}\n".utf8).write(to: file)
        let run = try Bounded.run(["catalogue", "check", "--catalogue", file.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(Bounded.hasLocatedError(run.stderr, path: file.path), run.stderr)
    }

    // MARK: - Helpers

    private func assertLocated(_ diagnostic: Diagnostic, _ file: InputFile, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(diagnostic.mark.line, 1, "\(file.path): \(diagnostic)", line: line)
        XCTAssertGreaterThanOrEqual(diagnostic.mark.column, 1, "\(file.path): \(diagnostic)", line: line)
        XCTAssertFalse(diagnostic.message.isEmpty, file.path, line: line)
        // The message is printed on a terminal: whatever the file held, no control character survives.
        XCTAssertFalse(diagnostic.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(file.path): \(diagnostic)", line: line)
    }
}

/// Hostile inputs too large or too binary to commit, made the same way on every run.
enum Generated {
    /// A deterministic byte stream (xorshift), so a failure always reproduces.
    static func junk(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    static func file(_ name: String, _ text: String) -> InputFile { InputFile(path: "generated/\(name)", text: text) }

    static let justUnderLimit: [UInt8] = {
        let prefix = Array("summary: ".utf8)
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) - 64)
        return prefix + body + [UInt8](repeating: UInt8(ascii: "\n"), count: 64 - prefix.count)
    }()

    /// Built once: every test that reads them shares the same files.
    static let malformed: [InputFile] = {
        var files: [InputFile] = []
        // Billion laughs: ten levels of ten aliases each.
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 { laughs += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        files.append(file("billion-laughs.yaml", laughs))
        // Few aliases, each to a large node: the expanded size is refused, not the alias count.
        let wide = "base: &b [" + Array(repeating: "x", count: 30_000).joined(separator: ", ") + "]\n"
            + (1...20).map { "copy\($0): *b\n" }.joined()
        files.append(file("quadratic-aliases.yaml", wide))
        files.append(file("alias-count.yaml", "a: &a x\nlist: [" + Array(repeating: "*a", count: 101).joined(separator: ", ") + "]\n"))
        files.append(file("self-alias.yaml", "a: &a [*a]\n"))
        // Deep nesting: flow, block, and mixed, just past the limit and far past it.
        files.append(file("deep-flow-sequence-65.yaml", String(repeating: "[", count: 65) + String(repeating: "]", count: 65)))
        files.append(file("deep-flow-mapping-65.yaml", String(repeating: "{a: ", count: 65) + "b" + String(repeating: "}", count: 65)))
        files.append(file("deep-flow-unclosed-100k.yaml", String(repeating: "[", count: 100_000)))
        files.append(file("deep-flow-closed-300k.yaml", String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000)))
        files.append(file("deep-block-mapping-70.yaml", (0..<70).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined() + String(repeating: " ", count: 70) + "leaf\n"))
        files.append(file("deep-block-sequence-70.yaml", (0..<70).map { String(repeating: " ", count: $0 * 2) + "-\n" }.joined() + String(repeating: " ", count: 140) + "- leaf\n"))
        files.append(file("deep-mixed-70.yaml", String(repeating: "- [{a: ", count: 70)))
        // Size: just over 1 MiB, 2 MiB, and a huge single key.
        files.append(InputFile(path: "generated/just-over-1mib.yaml", bytes: Array("summary: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)))
        files.append(InputFile(path: "generated/two-mib.yaml", bytes: Array((0..<(2 << 20) / 16).map { _ in "- aaaaaaaaaaaaa\n" }.joined().utf8)))
        // Node count: a flat list with more entries than the reader allows.
        files.append(file("many-nodes.yaml", "[" + String(repeating: "a,", count: 260_000) + "a]"))
        // Invalid UTF-8 in every position a scanner looks at.
        let invalid: [(String, [UInt8])] = [
            ("lone-continuation", [0x80]), ("overlong-slash", [0xC0, 0xAF]), ("overlong-nul", [0xC0, 0x80]),
            ("surrogate", [0xED, 0xB0, 0x80]), ("beyond-unicode", [0xF4, 0x90, 0x80, 0x80]), ("five-byte", [0xF8, 0x88, 0x80, 0x80, 0x80]),
            ("truncated-at-end", [0xE2, 0x82]), ("fe", [0xFE]), ("ff", [0xFF]), ("latin1", [0x63, 0x61, 0x66, 0xE9]),
        ]
        for (name, bytes) in invalid {
            files.append(InputFile(path: "generated/utf8-\(name)-value.yaml", bytes: Array("techstack: 1\nproject: ".utf8) + bytes + [0x0A]))
            files.append(InputFile(path: "generated/utf8-\(name)-key.yaml", bytes: Array("techstack: 1\n".utf8) + bytes + Array(": x\n".utf8)))
            files.append(InputFile(path: "generated/utf8-\(name)-quoted.yaml", bytes: Array("project: \"".utf8) + bytes + Array("\"\n".utf8)))
            files.append(InputFile(path: "generated/utf8-\(name)-comment.yaml", bytes: Array("project: x # ".utf8) + bytes + [0x0A]))
        }
        // NUL bytes: first, last, inside a comment, alone.
        files.append(InputFile(path: "generated/nul-first.yaml", bytes: [0] + Array("a: b\n".utf8)))
        files.append(InputFile(path: "generated/nul-last.yaml", bytes: Array("a: b\n".utf8) + [0]))
        files.append(InputFile(path: "generated/nul-in-comment.yaml", bytes: Array("a: b # c".utf8) + [0] + Array("\n".utf8)))
        files.append(InputFile(path: "generated/nul-only.yaml", bytes: [0, 0, 0, 0]))
        // Binary junk of several sizes and seeds; ELF- and PNG-like headers.
        for seed in 1...12 as ClosedRange<UInt64> {
            files.append(InputFile(path: "generated/junk-\(seed).bin", bytes: junk(seed: seed, count: Int(seed * 997))))
        }
        files.append(InputFile(path: "generated/elf.bin", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + junk(seed: 99, count: 4000)))
        files.append(InputFile(path: "generated/png.bin", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + junk(seed: 7, count: 4000)))
        // Valid YAML that is not a mapping is still no manifest, catalogue or rule file;
        // these are refused later, so only the reader-level ones go here.
        files.append(file("bom-only.yaml", "\u{FEFF}"))
        files.append(file("bom-and-comment.yaml", "\u{FEFF}# nothing\n"))
        files.append(file("crlf-bad-indentation.yaml", "techstack: 1\r\nchoices:\r\n    a: b\r\n  c: d\r\n"))
        files.append(file("cr-only-lines.yaml", "techstack: 1\rproject: [x\r"))
        return files
    }()
}

/// Runs the real binary with a time limit: a hang is a failure, not a stuck test run.
enum Bounded {
    static func run(_ args: [String], seconds: Double = 30) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = try Binary.makeTemporaryDirectory(prefix: "techstack-bounded")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = Binary.executable
        process.arguments = args
        process.currentDirectoryURL = scratch
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("techstack \(args.joined(separator: " ")) still ran after \(seconds) s")
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        // Nothing may be written beside the input: the scratch folder holds only the captured streams.
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        XCTAssertEqual(left, ["stderr", "stdout"], "techstack \(args.joined(separator: " ")) wrote files")
        return (process.terminationStatus,
                String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Whether `stderr` holds a `path:line:col: error: …` line for `path` with line and column ≥ 1.
    static func hasLocatedError(_ stderr: String, path: String) -> Bool {
        stderr.split(separator: "\n").contains { line in
            guard line.hasPrefix(path + ":") else { return false }
            let rest = line.dropFirst(path.count + 1).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard rest.count == 4, let l = Int(rest[0]), let c = Int(rest[1]) else { return false }
            return l >= 1 && c >= 1 && rest[2] == " error"
        }
    }
}

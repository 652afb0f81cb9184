import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// README, "Limits and hostile input": nothing a manifest, rule file or catalogue contains may crash the tool or hang it;
/// every such file is refused with a located `path:line:col: error:` (exit 2 in the end-to-end tests).
///
/// The committed corpus (`Tests/Corpus/hostile/`) holds small hand-written files; large and
/// binary cases are generated (`Generated`), deterministically, so the repository stays small.
final class HostileInputTests: XCTestCase {
    // MARK: - The corpus

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
            let sidecar = HostileCorpus.corpus.appendingPathComponent(folder).appendingPathComponent(HostileCorpus.expectedName)
            let text = try String(contentsOf: sidecar, encoding: .utf8)
            var expected: [String: [String]] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":") else {
                    XCTFail("\(folder)/\(HostileCorpus.expectedName): not NAME: LINE:COL: MESSAGE: \(line)")
                    continue
                }
                expected[String(line[..<colon]), default: []].append(String(line))
            }
            let files = try HostileCorpus.committed(folder)
            var actual: [String] = []
            for file in files {
                let name = String(file.path.dropFirst(folder.count + 1))
                let lines = Self.errors(folder, file).map { Self.expectedLine(name, $0) }
                XCTAssertFalse(lines.isEmpty, "\(file.path): accepted")
                XCTAssertEqual(lines, expected[name] ?? [], "\(file.path): refused otherwise than \(folder)/\(HostileCorpus.expectedName) says")
                actual += lines
            }
            let names = Set(files.map { String($0.path.dropFirst(folder.count + 1)) })
            for name in expected.keys.sorted() where !names.contains(name) {
                XCTFail("\(folder)/\(HostileCorpus.expectedName) names \(name), which is not in the folder")
            }
            if actual != text.split(separator: "\n").filter({ !$0.hasPrefix("#") }).map(String.init) {
                XCTFail("\(folder)/\(HostileCorpus.expectedName) differs from what the files give; they give:\n" + actual.joined(separator: "\n"))
            }
        }
    }

    // MARK: - The YAML reader

    func testEveryMalformedFileIsRefusedByTheYAMLReaderWithALocation() throws {
        let files = try HostileCorpus.malformedYAML()
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
            let file = try XCTUnwrap(HostileCorpus.committed("yaml").first { $0.path.hasSuffix(name) })
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
        let files = try HostileCorpus.malformedYAML() + HostileCorpus.committed("structure") + HostileCorpus.committed("catalogue") + HostileCorpus.committed("manifest")
        for file in files {
            let result = CatalogueLoader.load(files: [file])
            XCTAssertTrue(result.diagnostics.hasErrors, "\(file.path): accepted as a catalogue")
            for diagnostic in result.diagnostics.items { assertLocated(diagnostic, file) }
        }
    }

    func testEveryCatalogueCorpusFileIsASchemaError() throws {
        for file in try HostileCorpus.committed("catalogue") {
            let result = CatalogueLoader.load(files: [file])
            XCTAssertTrue(result.diagnostics.hasSchemaErrors, "\(file.path): \(result.diagnostics)")
        }
    }

    /// A hostile file beside the built-in catalogue's files still refuses the whole catalogue,
    /// and the built-in files themselves stay free of errors.
    func testAHostileFileBesideAGoodCatalogueIsPinpointed() throws {
        for file in try HostileCorpus.malformedYAML() {
            let result = CatalogueLoader.load(files: Builtin.catalogueFiles + [file])
            XCTAssertTrue(result.diagnostics.hasSchemaErrors, file.path)
            XCTAssertTrue(result.diagnostics.errors.allSatisfy { $0.path == file.path }, "\(file.path): \(result.diagnostics.errors.prefix(3))")
        }
    }

    // MARK: - The manifest loader

    func testEveryCorpusFileIsRefusedAsAManifest() throws {
        for file in try HostileCorpus.refusedManifests() {
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
        for file in try HostileCorpus.malformedYAML() + HostileCorpus.committed("structure") + HostileCorpus.committed("rules") {
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
        var files = [InputFile(path: "head.yaml", text: CatalogueFixture.head(name: "Chain", publisher: "Test", standards: [.init("rest", "REST")]) + """
            concerns: [{id: api, name: API, summary: s, layer: services, question: q, recommended: [rest]}]
            datasets: [{id: d, name: D, summary: s, source: reg, items: [x], access: [{requires: [c0]}]}]

            """)]
        // 5,000 components a file keeps every file under the 1 MiB limit.
        for start in stride(from: 0, to: count, by: 5_000) {
            var text = "components:\n"
            for i in start..<min(count, start + 5_000) {
                let requires = ((i + 1 < count ? ["c\(i + 1)"] : []) + (extra.map { [$0] } ?? [])).joined(separator: ", ")
                text += "  - {id: c\(i), name: C, summary: s, layer: services, owner: reg, funding: {model: central}, requires: [\(requires)]}\n"
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
        XCTAssertEqual(reach.reachability(of: all.subtracting(["c\(count - 1)"])).nearestPath(to: dataset)?.missing, ["c\(count - 1)"])
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
        for i in 1...3_000 { text += "  - {id: x\(i), name: X, summary: s, layer: services, owner: reg, funding: {model: central}, requires: [y\(i)]}\n" }
        files.append(InputFile(path: "dangling.yaml", text: text))
        let dangling = CatalogueLoader.load(files: files).diagnostics.items.filter { $0.message.contains("which is no standard or component") }
        XCTAssertEqual(dangling.count, 3_000)
        XCTAssertEqual(Set(dangling.map(\.mark.line)).count, 3_000)
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

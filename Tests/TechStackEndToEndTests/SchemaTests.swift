import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// README, "the manifest in every editor": the schemas `techstack catalogue schema` writes. What lint accepts validates,
/// what it refuses as a schema error does not, checked with an independent validator
/// (check-jsonschema) on the examples, every rule's pass examples and the hostile corpus.
final class SchemaTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("Tests/Corpus/hostile")

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try Binary.makeTemporaryDirectory(prefix: "techstack-schema")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    // MARK: - The command

    func testTheSchemaCommandWritesToAFileAndRefusesAnUnknownFormat() throws {
        let out = try Binary.run(["catalogue", "schema", "--for", "manifest", "-o", "m.json"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        let data = try Data(contentsOf: scratch.appendingPathComponent("m.json"))
        let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        XCTAssertEqual(parsed?["additionalProperties"] as? Bool, false)
        let bad = try Binary.run(["catalogue", "schema", "--for", "website"], in: scratch)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("'manifest', 'catalogue' or 'rules'"), bad.stderr)
    }

    // MARK: - Checked by an independent validator

    /// check-jsonschema on PATH; skipped with how to install it, except under CI, where it must be.
    private func validator() throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/check-jsonschema"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw ExternalCheck.unavailable("check-jsonschema is not on PATH; install it with 'pip install check-jsonschema'")
    }

    /// Writes the schema with the real binary and returns its path.
    private func schema(_ format: String) throws -> String {
        let path = scratch.appendingPathComponent("\(format).schema.json").path
        let out = try Binary.run(["catalogue", "schema", "--for", format, "--output", path])
        XCTAssertEqual(out.status, 0, out.stderr)
        return path
    }

    /// The files that do not validate (or do not parse), by path.
    private func failing(_ files: [String], schema: String) throws -> Set<String> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try validator())
        process.arguments = ["--output-format", "json", "--schemafile", schema] + files
        let report = scratch.appendingPathComponent("report-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: report.path, contents: nil)
        let handle = try FileHandle(forWritingTo: report)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        guard let json = (try? JSONSerialization.jsonObject(with: Data(contentsOf: report))) as? [String: Any] else {
            // The validator stopped on some file (it crashes on a lone surrogate, which lint
            // refuses too): halve the batch until that file is judged alone, by its exit code.
            guard files.count > 1 else { return try run(["--schemafile", schema] + files) == 0 ? [] : Set(files) }
            let half = files.count / 2
            return try failing(Array(files[..<half]), schema: schema).union(failing(Array(files[half...]), schema: schema))
        }
        var failed: Set<String> = []
        for key in ["errors", "parse_errors"] {
            for item in json[key] as? [[String: Any]] ?? [] { if let name = item["filename"] as? String { failed.insert(name) } }
        }
        return failed
    }

    private func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try validator())
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testEverySchemaPassesTheDraft07MetaschemaCheck() throws {
        _ = try validator()
        for format in SchemaFormat.allCases {
            XCTAssertEqual(try run(["--check-metaschema", try schema(format.rawValue)]), 0, format.rawValue)
        }
    }

    func testEveryExampleManifestValidates() throws {
        _ = try validator()
        var manifests: [String] = []
        InputFile.walk(Self.repository.appendingPathComponent("examples").path, depth: 0) { path in
            if path.hasSuffix("/techstack.yaml") { manifests.append(path) }
        }
        XCTAssertGreaterThan(manifests.count, 10)
        XCTAssertEqual(try failing(manifests, schema: try schema("manifest")), [])
    }

    func testEveryRulePassExampleValidates() throws {
        _ = try validator()
        var files: [String] = []
        for rule in Fixtures.rules.rules {
            for (i, text) in rule.examples.pass.enumerated() {
                let url = scratch.appendingPathComponent("\(rule.id)-pass-\(i).yaml")
                try text.write(to: url, atomically: true, encoding: .utf8)
                files.append(url.path)
            }
        }
        XCTAssertGreaterThan(files.count, 10)
        XCTAssertEqual(try failing(files, schema: try schema("manifest")), [])
    }

    /// JSON Schema compares numbers by value (draft-07 §4.2.2), so `techstack: 1.0` is the
    /// version 1 to a validator; lint reads the text and refuses it.
    static let beyondJSONSchema: Set<String> = ["manifest/version-float.yaml"]

    func testEveryManifestLintRefusesAsASchemaErrorDoesNotValidate() throws {
        _ = try validator()
        var refused: [String] = []
        for folder in ["manifest", "structure", "yaml"] {
            let directory = Self.corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name != HostileCorpus.expectedName && !Self.beyondJSONSchema.contains("\(folder)/\(name)") {
                let path = directory.appendingPathComponent(name).path
                // Only what lint refuses: the loader is the judge of the corpus.
                guard case .failure = ManifestLoader.load(path: path) else { continue }
                refused.append(path)
            }
        }
        XCTAssertGreaterThan(refused.count, 80)
        let failed = try failing(refused, schema: try schema("manifest"))
        XCTAssertEqual(Set(refused).subtracting(failed).sorted(), [], "lint refuses these, yet they validate")
    }

    func testTheManifestInitWritesValidatesAgainstTheSchemaItWritesBesideIt() throws {
        _ = try validator()
        let out = try Binary.run(["init", "--agency", "ica"], in: scratch)
        XCTAssertEqual(out.status, 0, out.stderr)
        let manifest = scratch.appendingPathComponent("techstack.yaml").path
        XCTAssertEqual(try failing([manifest], schema: scratch.appendingPathComponent("techstack.schema.json").path), [])
    }

    func testTheDefaultCatalogueAndRulesValidateAgainstTheirSchemas() throws {
        _ = try validator()
        let catalogue = try InputFile.yamlFiles(under: Self.repository.appendingPathComponent("catalogue").path)
        XCTAssertEqual(try failing(catalogue, schema: try schema("catalogue")), [])
        let rules = try InputFile.yamlFiles(under: Self.repository.appendingPathComponent("rules").path)
        XCTAssertEqual(try failing(rules, schema: try schema("rules")), [])
        let other = Self.repository.appendingPathComponent("examples/se-ena/catalogue").path
        if FileManager.default.fileExists(atPath: other) {
            XCTAssertEqual(try failing(try InputFile.yamlFiles(under: other), schema: try schema("catalogue")), [])
        }
    }

    func testHostileCatalogueAndRuleFilesDoNotValidate() throws {
        _ = try validator()
        // Uniqueness across entries is the loader's to check; a schema sees one value at a time.
        let crossEntry: Set<String> = ["rule-duplicate-id.yaml"]
        for (folder, format) in [("catalogue", "catalogue"), ("rules", "rules")] {
            let directory = Self.corpus.appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                .filter { $0 != HostileCorpus.expectedName && !crossEntry.contains($0) }.map { directory.appendingPathComponent($0).path }
            let failed = try failing(files, schema: try schema(format))
            XCTAssertEqual(Set(files).subtracting(failed).sorted(), [], folder)
        }
    }
}

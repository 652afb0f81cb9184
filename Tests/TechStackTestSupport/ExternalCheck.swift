// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
import Foundation
import XCTest

/// Checks of outputs against their consumers' own schemas and tools (SARIF schema, JUnit XSDs,
/// Backstage entity schemas, a Markdown renderer), which live outside the package.
///
/// The public schemas are found through an environment variable, else in `../shared/schemas/`
/// beside the package root. When a schema or tool is missing the test is skipped with a message
/// saying how to run it — except under CI (`CI` set), where a missing check is a failure, so a
/// pipeline can never pass by skipping what it was meant to check.
public enum ExternalCheck {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The package root (the folder holding Package.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static var underCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "0" && value.lowercased() != "false"
    }

    /// Skips the test with `message`, or fails it under CI.
    public static func unavailable(_ message: String) -> any Error {
        underCI ? Unavailable(description: "CI is set, so this check may not be skipped: " + message) : XCTSkip(message)
    }

    /// A file of the public schemas: `$variable` when set, else `../shared/schemas/NAME`
    /// (or `$TECHSTACK_SCHEMAS/NAME`).
    public static func schema(_ name: String, variable: String? = nil) throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let variable, let path = environment[variable], !path.isEmpty {
            guard FileManager.default.fileExists(atPath: path) else {
                throw unavailable("\(variable)=\(path) names no file")
            }
            return URL(fileURLWithPath: path)
        }
        let directory = environment["TECHSTACK_SCHEMAS"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas")
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let how = variable.map { "set \($0) to its path, or " } ?? ""
            throw unavailable("\(url.path) not found; \(how)put the public schemas in ../shared/schemas beside the package (or set TECHSTACK_SCHEMAS) to run this check")
        }
        return url
    }

    /// The SARIF 2.1.0 schema: `$SARIF_SCHEMA`, else `../shared/schemas/sarif-schema-2.1.0.json`.
    public static func sarifSchema() throws -> URL {
        try schema("sarif-schema-2.1.0.json", variable: "SARIF_SCHEMA")
    }

    /// An executable on `PATH`, or nil.
    public static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// python3 when it can import every module in `modules`; otherwise skipped (failed under CI)
    /// with the `pip install` that provides them.
    public static func python(importing modules: [String], install: String) throws -> URL {
        guard let python = executable("python3") else {
            throw unavailable("python3 is not installed; install it and run '\(install)' to run this check")
        }
        let probe = try run(python, ["-c", modules.map { "import \($0)" }.joined(separator: "; ")])
        guard probe.status == 0 else {
            throw unavailable("python3 cannot import \(modules.joined(separator: ", ")); run '\(install)' to run this check")
        }
        return python
    }

    /// Runs a tool to completion; standard output and error together.
    @discardableResult
    public static func run(_ executable: URL, _ arguments: [String], input: Data? = nil,
                    environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let scratch = try Binary.makeTemporaryDirectory(prefix: "techstack-check")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = out
        process.standardError = out
        if let input {
            let inURL = scratch.appendingPathComponent("in")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self))
    }

    // MARK: - JSON Schema

    /// Validates JSON files against a draft-07 or 2020-12 schema with Python's jsonschema;
    /// `registry` is a folder whose files are further schemas referenced by `$id` (Backstage's).
    /// Returns the validator's report; fails the test when a file is invalid.
    public static func validateJSON(_ files: [URL], schema: URL, registry: URL? = nil,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let python = try python(importing: ["jsonschema", "referencing"], install: "pip install jsonschema")
        let script = """
            import json, os, sys
            import jsonschema, referencing
            schema_path, registry_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
            resources = []
            if registry_dir:
                for name in sorted(os.listdir(registry_dir)):
                    with open(os.path.join(registry_dir, name), encoding="utf-8") as f:
                        doc = json.load(f)
                    resources.append((doc.get("$id", name), referencing.Resource.from_contents(doc, default_specification=referencing.jsonschema.DRAFT7)))
            registry = referencing.Registry().with_resources(resources)
            with open(schema_path, encoding="utf-8") as f:
                schema = json.load(f)
            cls = jsonschema.validators.validator_for(schema)
            validator = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
            failed = False
            for path in files:
                with open(path, encoding="utf-8") as f:
                    document = json.load(f)
                for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
                    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
                    print(f"{path}: {where}: {error.message}")
                    failed = True
            sys.exit(1 if failed else 0)
            """
        let result = try run(python, ["-c", script, schema.path, registry?.path ?? ""] + files.map(\.path))
        XCTAssertEqual(result.status, 0, "not valid against \(schema.lastPathComponent):\n\(result.output)", file: file, line: line)
    }

    // MARK: - XML Schema

    /// Validates an XML file against an XSD with xmllint, else Python's lxml.
    public static func validateXML(_ document: URL, xsd: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        if let xmllint = executable("xmllint") {
            let result = try run(xmllint, ["--noout", "--schema", xsd.path, document.path])
            XCTAssertEqual(result.status, 0, "not valid against \(xsd.lastPathComponent):\n\(result.output)", file: file, line: line)
            return
        }
        guard let python = try? python(importing: ["lxml"], install: "pip install lxml") else {
            throw unavailable("neither xmllint nor Python's lxml is installed; run 'apt-get install libxml2-utils' or 'pip install lxml' to validate JUnit XML against \(xsd.lastPathComponent)")
        }
        let script = """
            import sys
            from lxml import etree
            schema = etree.XMLSchema(etree.parse(sys.argv[1]))
            document = etree.parse(sys.argv[2])
            if not schema.validate(document):
                for error in schema.error_log:
                    print(f"{error.line}:{error.column}: {error.message}")
                sys.exit(1)
            """
        let result = try run(python, ["-c", script, xsd.path, document.path])
        XCTAssertEqual(result.status, 0, "not valid against \(xsd.lastPathComponent):\n\(result.output)", file: file, line: line)
    }
}
#endif

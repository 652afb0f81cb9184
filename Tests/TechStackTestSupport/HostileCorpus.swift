// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
import Foundation
import TechStackModel
import XCTest

/// The hostile-input corpus: the committed files of `Tests/Corpus/hostile/` and, in
/// `Generated`, the large and binary cases made the same way on every run.
public enum HostileCorpus {
    /// `Tests/Corpus/hostile/`.
    public static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/hostile")

    /// The committed inputs of one corpus folder (its `expected.txt` is no input).
    public static func committed(_ folder: String) throws -> [InputFile] {
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
    public static let expectedName = "expected.txt"

    /// Malformed at the YAML level: every reader must refuse these.
    public static func malformedYAML() throws -> [InputFile] {
        try committed("yaml") + Generated.malformed
    }

    /// Everything a manifest loader must refuse: malformed YAML, YAML that is no mapping,
    /// and well-formed manifests with a wrong type, a missing key or a bad value.
    public static func refusedManifests() throws -> [InputFile] {
        try malformedYAML() + committed("structure") + committed("manifest")
    }

    /// The files `lint` is given: the committed corpus and the generated cases small enough
    /// to write quickly, plus the ones that test the size limit itself.
    public static func lintCases() throws -> [InputFile] {
        try refusedManifests().filter { $0.bytes.count < 64 * 1024 || $0.path.contains("mib") }
    }
}

/// Hostile inputs too large or too binary to commit, made the same way on every run.
public enum Generated {
    /// A deterministic byte stream (xorshift), so a failure always reproduces.
    public static func junk(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    public static func file(_ name: String, _ text: String) -> InputFile { InputFile(path: "generated/\(name)", text: text) }

    public static let justUnderLimit: [UInt8] = {
        let prefix = Array("summary: ".utf8)
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) - 64)
        return prefix + body + [UInt8](repeating: UInt8(ascii: "\n"), count: 64 - prefix.count)
    }()

    /// Built once: every test that reads them shares the same files.
    public static let malformed: [InputFile] = {
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
public enum Bounded {
    public static func run(_ args: [String], seconds: Double = 30) throws -> (status: Int32, stdout: String, stderr: String) {
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
    public static func hasLocatedError(_ stderr: String, path: String) -> Bool {
        stderr.split(separator: "\n").contains { line in
            guard line.hasPrefix(path + ":") else { return false }
            let rest = line.dropFirst(path.count + 1).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard rest.count == 4, let l = Int(rest[0]), let c = Int(rest[1]) else { return false }
            return l >= 1 && c >= 1 && rest[2] == " error"
        }
    }
}
#endif

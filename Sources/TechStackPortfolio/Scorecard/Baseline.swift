import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// A lint baseline: the findings a team has accepted for now, by their stable fingerprint
/// (`Fingerprint`, the same as SARIF's `partialFingerprints["techstack/v1"]`), so a finding
/// keeps matching when lines move. `--fail-on` then applies only to findings not in it, and
/// entries no longer found are reported as gone, so the baseline only ever shrinks.
///
/// File format (JSON, keys sorted):
///
/// ```json
/// {"version": 1, "fingerprint": "techstack/v1", "created": "2026-11-20",
///  "findings": [{"fingerprint": "…64 hex…", "path": "techstack.yaml", "rule": "recommended-choice",
///                "severity": "error", "message": "…", "concern": "api-style"}]}
/// ```
///
/// Only `fingerprint` decides a match; the other fields are for the people reading the file.
public struct Baseline: Sendable, Codable, Hashable {
    public static let version = 1

    public struct Entry: Sendable, Codable, Hashable {
        public var fingerprint: String
        public var path: String
        public var rule: String
        public var severity: Severity
        public var message: String
        public var concern: String?
        public var dataset: String?
    }

    public var version: Int
    /// The fingerprint scheme the entries use.
    public var fingerprint: String
    public var created: String
    public var findings: [Entry]

    public init(created: Day, findings: [Entry]) {
        version = Self.version
        fingerprint = Fingerprint.key
        self.created = created.description
        self.findings = findings
    }

    /// The entries of every (unsuppressed) finding of `files`.
    public static func entries(_ files: [FileResult]) -> [Entry] {
        files.flatMap { file in
            zip(file.findings, Fingerprint.all(file.findings, path: file.path)).map { finding, print in
                Entry(fingerprint: print, path: file.path, rule: finding.rule, severity: finding.severity,
                      message: finding.message, concern: finding.concern, dataset: finding.dataset)
            }
        }
    }

    public func encoded() -> String { JSONOutput.encode(self) }

    /// Reads a baseline written by `--write-baseline`; every problem located, for exit 2.
    public static func read(_ path: String) throws(Diagnostic) -> Baseline {
        let file = try InputFile.read(path, limit: 64 << 20)
        let data = Data(file.bytes)
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            throw Diagnostic(path: path, mark: .start, message: "not a lint baseline: expected a JSON object written by 'techstack lint --write-baseline \(path)'")
        }
        guard let version = top["version"] as? Int else {
            throw Diagnostic(path: path, mark: .start, message: "a lint baseline needs a 'version' number; write one with 'techstack lint --write-baseline \(path)'")
        }
        guard version == Self.version else {
            throw Diagnostic(path: path, mark: .start, message: "baseline version \(version) is not known to this techstack (it reads version \(Self.version)); rewrite it with --write-baseline")
        }
        if let scheme = top["fingerprint"] as? String, scheme != Fingerprint.key {
            throw Diagnostic(path: path, mark: .start, message: "baseline fingerprints are '\(scheme)', this techstack computes '\(Fingerprint.key)'; rewrite it with --write-baseline")
        }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw Diagnostic(path: path, mark: .start, message: "not a usable lint baseline (\(Self.describe(error))); rewrite it with --write-baseline")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "wrong value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        @unknown default:
            return "\(error)"
        }
    }

    /// A lint run judged against this baseline.
    public struct Comparison: Sendable {
        /// Per file (aligned with the files given), per finding: whether the baseline has it.
        public var inBaseline: [[Bool]]
        /// Baseline entries no finding matches any more: fixed, so the baseline can shrink.
        public var gone: [Entry]
        /// The entries still found: a rewritten baseline that never grows.
        public var kept: [Entry]

        /// Findings not in the baseline, at or above `level`.
        public func newFindings(_ files: [FileResult], atOrAbove level: Severity) -> [(path: String, finding: Finding)] {
            var out: [(String, Finding)] = []
            for (file, marks) in zip(files, inBaseline) {
                for (finding, known) in zip(file.findings, marks) where !known && finding.severity >= level {
                    out.append((file.path, finding))
                }
            }
            return out
        }
    }

    public func compare(_ files: [FileResult]) -> Comparison {
        let known = Set(findings.map(\.fingerprint))
        var matched: Set<String> = []
        var marks: [[Bool]] = []
        var kept: [Entry] = []
        for file in files {
            let prints = Fingerprint.all(file.findings, path: file.path)
            marks.append(prints.map(known.contains))
            for (finding, print) in zip(file.findings, prints) where known.contains(print) && matched.insert(print).inserted {
                kept.append(Entry(fingerprint: print, path: file.path, rule: finding.rule, severity: finding.severity,
                                  message: finding.message, concern: finding.concern, dataset: finding.dataset))
            }
        }
        // Entries of manifests that could not be read this time are neither found nor gone.
        let unread = Set(files.filter { !$0.errors.isEmpty }.map { Fingerprint.normalizedPath($0.path) })
        let gone = findings.filter { !matched.contains($0.fingerprint) && !unread.contains(Fingerprint.normalizedPath($0.path)) }
        return Comparison(inBaseline: marks, gone: gone, kept: kept)
    }
}

extension LintReport {
    /// Marks the findings the baseline has, so every format shows them as such: the message
    /// ends "(in the baseline)" and `Finding.baseline` is true in JSON.
    public mutating func mark(_ comparison: Baseline.Comparison) {
        for (i, marks) in comparison.inBaseline.enumerated() where i < files.count {
            for (j, known) in marks.enumerated() where j < files[i].findings.count {
                files[i].findings[j].baseline = known
                if known { files[i].findings[j].message += " (in the baseline)" }
            }
        }
    }
}

import Foundation
import TechStackEvidence
import TechStackModel

/// SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards such as GitHub's.
///
/// One run: the rules that ran as `tool.driver.rules`, one result per finding (suppressed
/// findings included, with an external suppression naming the exemption, unless
/// `--omit-suppressed`), manifests that could not be used as tool execution notifications, and
/// the catalogue in `run.properties` so results stay comparable when the catalogue changes.
/// Every result carries `partialFingerprints["techstack/v1"]` (`Fingerprint`): what the finding
/// is about, not its line, so code-scanning alerts survive edits above it.
public enum SARIFReporter: Reporter {
    public static let identifier = "sarif"

    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        let rules = ruleTable(report, context: context)
        let root = ArtifactPath.normalize(context.workingDirectory)
        var results: [Log.Result] = []
        var notifications: [Log.Notification] = []
        // SARIF §3.27.23: once any result states its suppressions, every result does (empty
        // for one that is not suppressed), so a viewer can tell "none" from "not known".
        let statesSuppressions = !context.omitSuppressed && report.files.contains { !$0.suppressed.isEmpty }
        for file in report.files {
            let artifact = ArtifactPath.location(of: file.path, workingDirectory: root)
            // One ranking over both lists, so a finding keeps its fingerprint when an exemption
            // starts or stops suppressing it.
            let all = file.findings + file.suppressed
            let prints = Fingerprint.all(all, path: file.path)
            for (i, finding) in all.enumerated() {
                let suppressed = i >= file.findings.count
                if suppressed && context.omitSuppressed { continue }
                results.append(result(finding, artifact: artifact, rules: rules, fingerprint: prints[i],
                                      suppression: suppressed ? .suppressed : (statesSuppressions ? .none : .unstated)).relating(finding, root))
            }
            for error in file.errors {
                let location = ArtifactPath.location(of: error.path, workingDirectory: root)
                notifications.append(Log.Notification(
                    level: level(error.severity),
                    message: Log.Message(text: messageText(error.message)),
                    locations: [Log.Location(physicalLocation: physical(location, error.mark))]))
            }
        }
        let usesSourceRoot = results.contains { $0.locations.contains { $0.physicalLocation.artifactLocation.uriBaseId != nil } }
            || notifications.contains { $0.locations.contains { $0.physicalLocation.artifactLocation.uriBaseId != nil } }
        let run = Log.Run(
            tool: Log.Tool(driver: Log.Driver(name: "techstack", version: ToolVersion.current,
                                              rules: rules.descriptors)),
            invocations: [Log.Invocation(executionSuccessful: notifications.isEmpty,
                                         toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            originalUriBaseIds: usesSourceRoot ? [sourceRoot: Log.ArtifactLocation(uri: ArtifactPath.fileURI(root, directory: true))] : nil,
            results: results,
            columnKind: "unicodeCodePoints",
            properties: Log.RunProperties(catalogue: report.catalogue))
        let log = Log(schema: schemaURI, version: "2.1.0", runs: [run])
        return JSONOutput.encode(log)
    }

    // MARK: - Rules

    struct RuleTable {
        var descriptors: [Log.ReportingDescriptor] = []
        var index: [String: Int] = [:]
    }

    /// The rules that ran, in their order, then any rule a finding names that the context
    /// does not describe (so every `ruleIndex` points at a descriptor).
    static func ruleTable(_ report: LintReport, context: ReportContext) -> RuleTable {
        var table = RuleTable()
        func add(_ descriptor: Log.ReportingDescriptor) {
            guard table.index[descriptor.id] == nil else { return }
            table.index[descriptor.id] = table.descriptors.count
            table.descriptors.append(descriptor)
        }
        for rule in context.rules {
            let configured = rule.severity.map { level($0) } ?? "none"
            add(Log.ReportingDescriptor(
                id: rule.id,
                name: ruleName(rule.id),
                shortDescription: Log.MultiformatMessage(text: messageText(rule.summary)),
                fullDescription: Log.MultiformatMessage(text: messageText(rule.rationale)),
                help: Log.MultiformatMessage(text: messageText(rule.rationale + "\n\n" + rule.fixText + "\n\nThe cost: " + rule.kind.definition.costHelp),
                                             markdown: helpMarkdown(rule)),
                defaultConfiguration: Log.Configuration(enabled: rule.severity == nil ? false : nil, level: configured),
                properties: Log.RuleProperties(kind: rule.kind.rawValue, tags: ["techstack", "governance", rule.kind.definition.area],
                                               precision: precision)))
        }
        for file in report.files {
            for finding in file.findings + file.suppressed {
                add(Log.ReportingDescriptor(
                    id: finding.rule, name: ruleName(finding.rule),
                    shortDescription: Log.MultiformatMessage(text: messageText(finding.rule)),
                    fullDescription: nil, help: nil,
                    defaultConfiguration: Log.Configuration(enabled: nil, level: level(finding.severity)),
                    properties: Log.RuleProperties(kind: nil, tags: ["techstack"], precision: precision)))
            }
        }
        return table
    }

    /// Every rule is a deterministic reading of the manifest against the catalogue: a finding
    /// is never a guess (SARIF `precision`, which GitHub uses to rank alerts).
    static let precision = "very-high"

    /// `help.markdown`: the rationale, how to fix, the cost. Rule files are input, so their
    /// text is escaped like any other.
    static func helpMarkdown(_ rule: RuleDescription) -> String {
        let markdown = "**Why.** " + Escape.markdown(rule.rationale) + "\n\n"
            + "**How to fix.** " + Escape.markdown(rule.fixText) + "\n\n"
            + "**The cost.** " + Escape.markdown(rule.kind.definition.costHelp) + "\n"
        // Braces doubled, as in plain text: no viewer may read `{0}` as a placeholder.
        return markdown.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }

    /// SARIF names are PascalCase words (`recommended-choice` → `RecommendedChoice`).
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    // MARK: - Results

    enum SuppressionState {
        /// No result of the log states suppressions.
        case unstated
        /// Not suppressed, in a log where some result is: an empty array.
        case none
        case suppressed
    }

    static func result(_ finding: Finding, artifact: Log.ArtifactLocation, rules: RuleTable, fingerprint: String,
                       suppression: SuppressionState) -> Log.Result {
        let suppressions: [Log.Suppression]?
        switch suppression {
        case .unstated: suppressions = nil
        case .none: suppressions = []
        case .suppressed:
            suppressions = [Log.Suppression(kind: "external", status: "accepted",
                                            justification: messageText(finding.exemption ?? "suppressed by an exemption in the manifest"))]
        }
        return Log.Result(
            ruleId: finding.rule,
            ruleIndex: rules.index[finding.rule],
            level: level(finding.severity),
            message: Log.Message(text: messageText(finding.message + (finding.costText.map { "\ncost: " + $0 } ?? ""))),
            locations: [Log.Location(physicalLocation: physical(artifact, finding.mark, endColumn: finding.endColumn))],
            partialFingerprints: [Fingerprint.key: fingerprint],
            suppressions: suppressions,
            properties: Log.ResultProperties(concern: finding.concern, choice: finding.choice,
                                             recommended: finding.recommended, cost: finding.cost,
                                             dataset: finding.dataset))
    }

    static func physical(_ artifact: Log.ArtifactLocation, _ mark: Mark, endColumn: Int? = nil) -> Log.PhysicalLocation {
        // Regions are 1-based; a finding about the whole file still points at its start. The
        // region spans the key or value the finding is about (one character when not known);
        // `endColumn` is exclusive (SARIF §3.30.8).
        let line = max(1, mark.line), column = max(1, mark.column)
        return Log.PhysicalLocation(artifactLocation: artifact,
                                    region: Log.Region(startLine: line, startColumn: column, endLine: line,
                                                       endColumn: max(column + 1, endColumn ?? 0)))
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// Plain SARIF message text from a manifest or catalogue: `{`/`}` doubled so viewers see
    /// no placeholders (SARIF §3.11.5), `\`, `[`, `]` escaped so nothing reads as an embedded
    /// link (§3.11.6), control characters shown as their Unicode control pictures (`␛`) so
    /// no viewer or terminal obeys them.
    static func messageText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "{": out.append(contentsOf: "{{".unicodeScalars)
            case "}": out.append(contentsOf: "}}".unicodeScalars)
            case "\\", "[", "]": out.append("\\"); out.append(scalar)
            case "\n", "\t": out.append(scalar)
            default:
                switch scalar.value {
                case 0..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
                case 0x7F: out.append("\u{2421}")
                case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: out.append("\u{FFFD}")
                default: out.append(scalar)
                }
            }
        }
        return out.isEmpty ? " " : String(out)
    }
}

/// How a manifest path becomes a SARIF artifact URI.
enum ArtifactPath {
    /// `path` as given on the command line, relative to `%SRCROOT%` when it lies below the
    /// working directory, otherwise an absolute `file://` URI.
    static func location(of path: String, workingDirectory root: String) -> SARIFReporter.Log.ArtifactLocation {
        let absolute = normalize(path.hasPrefix("/") ? path : root + "/" + path)
        let prefix = root == "/" ? "/" : root + "/"
        if absolute.hasPrefix(prefix), absolute.count > prefix.count {
            return .init(uri: percentEncode(String(absolute.dropFirst(prefix.count))), uriBaseId: SARIFReporter.sourceRoot)
        }
        return .init(uri: fileURI(absolute, directory: false))
    }

    /// `file:///a%20b/c`, with a trailing slash for a directory (SARIF requires one on base URIs).
    static func fileURI(_ absolute: String, directory: Bool) -> String {
        var path = percentEncode(absolute)
        if directory && !path.hasSuffix("/") { path += "/" }
        return "file://" + path
    }

    /// Removes `.` and `..` segments and repeated slashes without touching the file system
    /// (paths are reported as given; symlinks are not resolved).
    static func normalize(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters and `/`, byte by byte in UTF-8.
    static func percentEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension SARIFReporter {
    /// The subset of the SARIF 2.1.0 object model techstack writes.
    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }

        struct Run: Encodable {
            var tool: Tool
            var invocations: [Invocation]
            var originalUriBaseIds: [String: ArtifactLocation]?
            var results: [Result]
            var columnKind: String
            var properties: RunProperties
        }

        struct Tool: Encodable { var driver: Driver }

        struct Driver: Encodable {
            var name: String
            var version: String
            var rules: [ReportingDescriptor]
        }

        struct ReportingDescriptor: Encodable {
            var id: String
            var name: String
            var shortDescription: MultiformatMessage
            var fullDescription: MultiformatMessage?
            var help: MultiformatMessage?
            var defaultConfiguration: Configuration
            var properties: RuleProperties?
        }

        struct RuleProperties: Encodable {
            var kind: String?
            var tags: [String]
            var precision: String
        }

        struct Configuration: Encodable {
            var enabled: Bool?
            var level: String
        }

        struct MultiformatMessage: Encodable {
            package var text: String
            var markdown: String?

            init(text: String, markdown: String? = nil) {
                self.text = text
                self.markdown = markdown
            }
        }
        struct Message: Encodable { var text: String }

        struct Invocation: Encodable {
            var executionSuccessful: Bool
            var toolExecutionNotifications: [Notification]?
        }

        struct Notification: Encodable {
            var level: String
            var message: Message
            var locations: [Location]
        }

        struct Result: Encodable {
            var ruleId: String
            var ruleIndex: Int?
            var level: String
            var message: Message
            var locations: [Location]
            var partialFingerprints: [String: String]
            var suppressions: [Suppression]?
            var properties: ResultProperties
            /// The repository evidence of an `undeclared-choice` finding (SPEC §8).
            var relatedLocations: [RelatedLocation]? = nil

            func relating(_ finding: Finding, _ root: String) -> Result {
                guard let evidence = finding.evidence, !evidence.isEmpty else { return self }
                var copy = self
                let base = finding.repository.map { $0 == "." ? "" : ($0.hasSuffix("/") ? $0 : $0 + "/") } ?? ""
                copy.relatedLocations = evidence.enumerated().map { index, item in
                    RelatedLocation(id: index + 1,
                                    physicalLocation: SARIFReporter.physical(ArtifactPath.location(of: base + item.path, workingDirectory: root),
                                                                             Mark(line: item.line, column: 1)),
                                    message: Message(text: SARIFReporter.messageText(item.signal)))
                }
                return copy
            }
        }

        struct RelatedLocation: Encodable {
            var id: Int
            var physicalLocation: PhysicalLocation
            var message: Message
        }

        struct Suppression: Encodable {
            var kind: String
            var status: String
            var justification: String
        }

        struct ResultProperties: Encodable {
            var concern: String?
            var choice: [String]?
            var recommended: [String]?
            var cost: [CostItem]?
            var dataset: String?
        }

        struct RunProperties: Encodable { var catalogue: CatalogueInfo }

        struct Location: Encodable { var physicalLocation: PhysicalLocation }

        struct PhysicalLocation: Encodable {
            var artifactLocation: ArtifactLocation
            var region: Region
        }

        struct ArtifactLocation: Encodable {
            var uri: String
            var uriBaseId: String?

            init(uri: String, uriBaseId: String? = nil) {
                self.uri = uri
                self.uriBaseId = uriBaseId
            }
        }

        struct Region: Encodable {
            var startLine: Int
            var startColumn: Int
            var endLine: Int
            var endColumn: Int
        }
    }
}

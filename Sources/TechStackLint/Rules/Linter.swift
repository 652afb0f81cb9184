import Foundation
import TechStackEvidence
import TechStackModel

/// Lints manifests against a catalogue with a set of rules.
///
/// Everything that depends only on the catalogue (Reach(R), the ids of each kind) is worked
/// out once here, so linting many manifests (a scorecard) does no repeated catalogue work.
public struct Linter: Sendable {
    public let catalogue: Catalogue
    public let rules: RuleSet
    /// The day exemptions are judged against (`--today`).
    public let today: Day
    public let reach: Reach

    /// Ids by the kinds a manifest may name, for unknown-reference hints.
    let concernIDs: [String]
    let optionIDs: [String]
    let datasetIDs: [String]
    let agencyIDs: [String]
    let grantKeyIDs: [String]
    /// "Did you mean" suggestions already found: the search is the costly part of a wrong
    /// reference, and across a portfolio the same wrong ids recur.
    let hints = Memo<String, String>()

    public init(catalogue: Catalogue, rules: RuleSet, today: Day) {
        self.catalogue = catalogue
        self.rules = rules
        self.today = today
        reach = Reach(catalogue: catalogue)
        concernIDs = catalogue.concerns.map(\.header.id)
        optionIDs = catalogue.standards.map(\.header.id) + catalogue.components.map(\.header.id)
        datasetIDs = catalogue.datasets.map(\.header.id)
        agencyIDs = catalogue.agencies.map(\.header.id)
        grantKeyIDs = datasetIDs + agencyIDs
    }

    /// Reads and lints one manifest; a manifest that cannot be used comes back with `errors`.
    public func lint(_ file: InputFile, observed: DetectResult? = nil) -> FileResult {
        switch ManifestLoader.load(file) {
        case .success(let manifest):
            var result = lint(manifest, observed: observed)
            result.path = file.path
            if !result.findings.isEmpty || !result.suppressed.isEmpty {
                let spans = TokenSpans(file.bytes)
                for i in result.findings.indices { result.findings[i].endColumn = spans.end(of: result.findings[i].mark) }
                for i in result.suppressed.indices { result.suppressed[i].endColumn = spans.end(of: result.suppressed[i].mark) }
            }
            return result
        case .failure(let diagnostics):
            return FileResult(path: file.path, errors: diagnostics.items)
        }
    }

    /// The manifest as the catalogue sees it, on `today`: what lint's findings and the
    /// scorecard's figures are both made from.
    public func assess(_ manifest: Manifest) -> ProjectAssessment {
        ProjectAssessment(manifest, reach: reach, today: today)
    }

    /// `observed`: what the manifest's repository shows (`--observe`); without it the rules
    /// that compare the two stay silent. `assessment`: the manifest's assessment when the
    /// caller has it already (a scorecard), so it is worked out once.
    public func lint(_ manifest: Manifest, observed: DetectResult? = nil, assessment: ProjectAssessment? = nil) -> FileResult {
        let assessment = assessment ?? assess(manifest)
        var all: [Finding] = []
        for rule in rules.active {
            all += findings(of: rule, in: manifest, assessment: assessment, observed: observed)
        }
        all.sort { ($0.line, $0.column, $0.rule, $0.message) < ($1.line, $1.column, $1.rule, $1.message) }

        // Only exemptions still valid today suppress anything ("valid through that day").
        let valid = manifest.exemptions.filter { $0.expires >= today }
        var findings: [Finding] = []
        var suppressed: [Finding] = []
        for var finding in all {
            if let exemption = valid.first(where: { Self.matches($0, finding) }) {
                finding.exemption = exemption.reason
                suppressed.append(finding)
            } else {
                findings.append(finding)
            }
        }
        return FileResult(path: manifest.path, findings: findings, suppressed: suppressed)
    }

    /// An exemption matches a finding of its rule, narrowed by concern and dataset when given.
    static func matches(_ exemption: Manifest.Exemption, _ finding: Finding) -> Bool {
        guard exemption.rule.value == finding.rule else { return false }
        if let concern = exemption.concern, concern.value != finding.concern { return false }
        if let dataset = exemption.dataset, dataset.value != finding.dataset { return false }
        return true
    }

    func findings(of rule: Rule, in manifest: Manifest, assessment: ProjectAssessment, observed: DetectResult? = nil) -> [Finding] {
        guard let severity = rule.severity else { return [] }
        let input = RuleInput(linter: self, manifest: manifest, assessment: assessment, observed: observed)
        return rule.configuration.findings(rule, severity, input)
    }

    // MARK: - Wording shared by the checks

    /// "'a'", "'a' or 'b'", "'a', 'b' or 'c'".
    static func either(_ ids: [String]) -> String { list(ids.map { "'\($0)'" }, last: "or") }

    static func list(_ items: [String], last: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(last) " + (items.last ?? "")
        }
    }

    /// "myinfo-person (Myinfo person data, source ica)" for each dataset; past `upTo`, the
    /// rest are counted (the `cost` field and line carry every one).
    func describe(_ cost: [CostItem], upTo limit: Int = .max) -> String {
        CostText.sentence(cost, .name(catalogue), upTo: limit)
    }

    /// A sentence taken from a catalogue, without its final full stop, to be embedded.
    package static func clause(_ text: String) -> String {
        // Trimmed by hand: Foundation's trimming bridges through NSString, once per finding.
        var t = Substring(text)
        while let last = t.last, last.isWhitespace || last == "." { t.removeLast() }
        while let first = t.first, first.isWhitespace { t.removeFirst() }
        return String(t)
    }

    /// "a component", "an agency".
    static func article(_ noun: String) -> String {
        let vowel = noun.first.map { "aeiou".contains($0) } ?? false
        return (vowel ? "an " : "a ") + noun
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}

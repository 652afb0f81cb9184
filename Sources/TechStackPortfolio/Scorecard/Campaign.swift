import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// A campaign an ambassador runs: move a set of projects to a goal between two days.
///
/// ```yaml
/// campaigns:
///   - id: rest-everywhere
///     name: Every API on REST
///     goal: {concern: api-style}        # or {rule: missing-grant}
///     scope: {agencies: [hdb], projects: [examples/portfolio/lta/coe-bidding/techstack.yaml, work-pass-online]}
///     starts: 2026-01-01
///     due: 2026-12-31
/// ```
public struct Campaign: Sendable, Hashable {
    public enum Goal: Sendable, Hashable {
        /// The concern answered with one of its recommended ids (an exemption does not count).
        case concern(String)
        /// No unsuppressed finding of the rule.
        case rule(String)

        public var description: String {
            switch self {
            case .concern(let id): "concern '\(id)' on a recommended choice"
            case .rule(let id): "no unsuppressed '\(id)' finding"
            }
        }
    }

    public var id: String
    public var name: String
    public var goal: Goal
    /// Agencies whose projects are in scope.
    public var agencies: [String]
    /// Projects in scope besides: an entry with a `/` or ending in `.yaml` is a manifest path,
    /// anything else a project name (`project:` of the manifest).
    public var projects: [String]
    public var starts: Day
    public var due: Day
    public var origin: Origin

    /// Whether `row` is in the campaign's scope: with no scope, every project; otherwise a
    /// project whose agency is listed, or which is listed itself (by path or name). A manifest
    /// that could not be read is in no scope: it cannot be judged.
    public func covers(_ row: ProjectScore) -> Bool {
        guard !row.isError else { return false }
        if agencies.isEmpty && projects.isEmpty { return true }
        if agencies.contains(row.agency) { return true }
        let path = Fingerprint.normalizedPath(row.path)
        return projects.contains { entry in
            Campaign.isPath(entry) ? Fingerprint.normalizedPath(entry) == path : entry == row.project
        }
    }

    static func isPath(_ entry: String) -> Bool { entry.contains("/") || entry.hasSuffix(".yaml") }
}

/// Reads `--campaigns DIR`: YAML files with a `campaigns:` list, checked like the catalogue.
public enum CampaignLoader {
    package static let fields = ["id", "name", "summary", "goal", "scope", "starts", "due"]

    /// Every campaign under `directory`, or every problem (exit 2). Ids are checked against
    /// the catalogue (concerns, agencies) and the rules, with the nearest id suggested.
    public static func load(directory: String, catalogue: Catalogue, rules: RuleSet) throws(DiagnosticList) -> (campaigns: [Campaign], warnings: [Diagnostic]) {
        let folder: (paths: [String], files: [InputFile], problems: [Diagnostic])
        do {
            folder = try InputFile.readYAMLFolder(directory)
        } catch {
            throw DiagnosticList([error])
        }
        var diagnostics = folder.problems
        if folder.paths.isEmpty {
            diagnostics.append(Diagnostic(path: directory, mark: .start, message: "holds no *.yaml campaign files; a campaigns folder holds YAML files with a 'campaigns:' list"))
        }
        let campaigns = decode(files: folder.files, catalogue: catalogue, rules: rules, diagnostics: &diagnostics)
        let list = DiagnosticList(diagnostics)
        if list.hasErrors { throw DiagnosticList(list.errors) }
        return (campaigns, list.warnings)
    }

    public static func decode(files: [InputFile], catalogue: Catalogue, rules: RuleSet, diagnostics: inout [Diagnostic]) -> [Campaign] {
        var campaigns: [Campaign] = []
        var seen: [String: Origin] = [:]
        let concerns = catalogue.concerns.map(\.header.id)
        let agencies = catalogue.agencies.map(\.header.id)
        for file in files {
            guard let root = YAMLReader.read(file, into: &diagnostics) else { continue }
            let reader = FieldReader(path: file.path)
            defer { diagnostics += reader.diagnostics }
            guard let top = reader.fields(root, of: "a campaigns file", known: ["campaigns"], required: ["campaigns"]),
                  let items = reader.list(top["campaigns"], "campaigns") else { continue }
            for item in items {
                let what = "a campaign\(item["id"]?.scalar.map { " ('\($0)')" } ?? "")"
                guard let f = reader.fields(item, of: what, known: fields, required: ["id", "name", "goal", "starts", "due"]),
                      let idNode = f["id"], let id = reader.string(idNode, "id"),
                      let name = reader.string(f["name"], "name") else { continue }
                guard Identifier.isWellFormed(id) else {
                    reader.error("campaign id '\(id)' must match \(Identifier.pattern): lower-case letters, digits, '.' and '-'", at: idNode.mark)
                    continue
                }
                if let first = seen[id] {
                    reader.error("duplicate campaign id '\(id)' (first at \(first.path):\(first.mark.line):\(first.mark.column))", at: idNode.mark)
                    continue
                }
                seen[id] = Origin(path: file.path, mark: idNode.mark)
                if let s = f["summary"] { _ = reader.string(s, "summary") }

                var goal: Campaign.Goal?
                if let node = f["goal"], let g = reader.fields(node, of: "'goal'", known: ["concern", "rule"]) {
                    switch (g["concern"], g["rule"]) {
                    case (let c?, nil):
                        if let concern = reader.string(c, "goal.concern") {
                            if catalogue.concern(concern) != nil {
                                goal = .concern(concern)
                            } else {
                                let what = catalogue.kind(of: concern).map { ", which is a \($0.singular)" } ?? ", which is not in the catalogue"
                                reader.error("'goal.concern' must name a concern of the catalogue, found '\(concern)'\(what)\(NearestName.hint(concern, in: concerns))", at: c.mark)
                            }
                        }
                    case (nil, let r?):
                        if let rule = reader.string(r, "goal.rule") {
                            if rules[rule] != nil {
                                goal = .rule(rule)
                            } else {
                                reader.error("'goal.rule' must name a rule, found '\(rule)'\(NearestName.hint(rule, in: rules.ids)); 'techstack explain' lists them", at: r.mark)
                            }
                        }
                    default:
                        reader.error("'goal' must have exactly one of 'concern' (a concern answered with a recommended choice) or 'rule' (no unsuppressed finding of that rule)", at: node.mark)
                    }
                }

                var scopeAgencies: [String] = [], scopeProjects: [String] = []
                if let node = f["scope"], !node.isNull, let s = reader.fields(node, of: "'scope'", known: ["agencies", "projects"]) {
                    for agency in reader.strings(s["agencies"], "scope.agencies", single: true) ?? [] {
                        if catalogue.agency(agency.value) == nil {
                            reader.error("'scope.agencies' must name agencies of the catalogue, found '\(agency.value)'\(NearestName.hint(agency.value, in: agencies))", at: agency.mark)
                        } else {
                            scopeAgencies.append(agency.value)
                        }
                    }
                    scopeProjects = (reader.strings(s["projects"], "scope.projects", single: true) ?? []).map(\.value)
                }
                let starts = day(f["starts"], "starts", reader)
                let due = day(f["due"], "due", reader)
                if let starts, let due, due < starts, let node = f["due"] {
                    reader.error("'due' (\(due)) is before 'starts' (\(starts))", at: node.mark)
                    continue
                }
                guard let goal, let starts, let due else { continue }
                campaigns.append(Campaign(id: id, name: name, goal: goal, agencies: scopeAgencies, projects: scopeProjects,
                                          starts: starts, due: due, origin: Origin(path: file.path, mark: item.mark)))
            }
        }
        return campaigns
    }

    private static func day(_ node: YAMLNode?, _ field: String, _ reader: FieldReader) -> Day? {
        guard let node, let text = reader.string(node, field) else { return nil }
        guard let day = Day(text) else {
            reader.error("'\(field)' must be a date written YYYY-MM-DD, found '\(text)'", at: node.mark)
            return nil
        }
        return day
    }
}

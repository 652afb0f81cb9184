import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// `catalogue diff` output: the catalogue change and, with a portfolio, its impact.
public struct CatalogueDiffReport: Sendable, Codable {
    public var version = 1
    public var diff: CatalogueDiff
    public var impact: PortfolioImpact?

    public init(diff: CatalogueDiff, impact: PortfolioImpact? = nil) {
        self.diff = diff
        self.impact = impact
    }
}

public enum DiffFormat: String, Sendable, CaseIterable {
    case text, markdown, json

    public func generate(_ report: CatalogueDiffReport) -> String {
        switch self {
        case .text: DiffText(report: report).text
        case .markdown: DiffMarkdown(report: report).text
        case .json: JSONOutput.encode(report)
        }
    }
}

private func costList(_ items: [CostItem]?) -> String {
    guard let items else { return "not an option" }
    return items.isEmpty ? "no shared data" : CostText.list(items)
}

private func costCount(_ items: [CostItem]?) -> String {
    guard let items else { return "not an option" }
    return plural(items.count, "dataset")
}

private func plural(_ n: Int, _ word: String, _ many: String? = nil) -> String {
    "\(n) \(n == 1 ? word : (many ?? word + "s"))"
}

private func headline(_ d: CatalogueDiff) -> String {
    [plural(d.added.count, "entry added", "entries added"), plural(d.removed.count, "removed", "removed"),
     plural(d.changed.count, "changed", "changed"), plural(d.recommendations.count, "recommendation change"),
     plural(d.statuses.count, "status change"), plural(d.costs.count, "option cost change")].joined(separator: ", ")
}

private func finding(_ f: PortfolioImpact.FindingRef) -> String {
    let about = [f.concern.map { "concern \($0)" }, f.dataset.map { "dataset \($0)" }].compactMap { $0 }.joined(separator: ", ")
    return "\(f.severity.rawValue) \(f.rule)\(about.isEmpty ? "" : " (\(about))") at \(f.line):\(f.column): \(f.message)"
}

// MARK: - Text

struct DiffText {
    let report: CatalogueDiffReport

    package var text: String {
        let d = report.diff
        var lines = ["Catalogue diff: \(d.old.name) \(d.old.version) (\(d.old.source)) -> \(d.new.name) \(d.new.version) (\(d.new.source))",
                     headline(d)]
        if !d.added.isEmpty {
            lines += ["", "Added:"] + d.added.map { "  + \($0.kind) \($0.id) (\($0.name))" }
        }
        if !d.removed.isEmpty {
            lines += ["", "Removed:"] + d.removed.map { "  - \($0.kind) \($0.id) (\($0.name))" }
        }
        if !d.changed.isEmpty {
            lines += ["", "Changed:"]
            for change in d.changed {
                lines.append("  ~ \(change.kind) \(change.id)")
                for f in change.fields { lines.append("      \(f.field): \(f.old ?? "(not set)") -> \(f.new ?? "(not set)")") }
            }
        }
        if !d.recommendations.isEmpty {
            lines += ["", "Recommendations:"] + d.recommendations.map {
                "  \($0.concern): [\($0.old.joined(separator: ", "))] -> [\($0.new.joined(separator: ", "))]\($0.firstChanged ? " (first recommendation changed)" : "")"
            }
        }
        if !d.statuses.isEmpty {
            lines += ["", "Statuses:"] + d.statuses.map { s in
                "  \(s.id) (\(s.kind)): \(s.old)\(s.oldReplacedBy.map { ", replaced by \($0)" } ?? "") -> \(s.new)\(s.newReplacedBy.map { ", replaced by \($0)" } ?? "")"
            }
        }
        if !d.costs.isEmpty {
            lines += ["", "Cost of deviating, per option:"]
            for c in d.costs {
                lines.append("  \(c.concern) -> \(c.option): \(costCount(c.old)) -> \(costCount(c.new))")
                if !c.added.isEmpty { lines.append("      now costs: \(costList(c.added))") }
                if !c.removed.isEmpty { lines.append("      no longer costs: \(costList(c.removed))") }
            }
        }
        if d.isEmpty { lines += ["", "The catalogues are the same."] }
        if let impact = report.impact { lines += [""] + impactLines(impact) }
        return lines.map { Terminal.sanitize($0) }.joined(separator: "\n") + "\n"
    }

    private func impactLines(_ impact: PortfolioImpact) -> [String] {
        let s = impact.summary
        var lines = ["Impact on \(plural(s.manifests, "manifest")): \(s.affected) affected, \(s.unaffected) unchanged, \(s.errors) unreadable; "
            + "\(plural(s.gainingErrors, "project gains", "projects gain")) an error finding; "
            + "\(s.appeared) findings appear, \(s.disappeared) disappear; total cost \(s.costBefore) -> \(s.costAfter) datasets"]
        if !impact.agencies.isEmpty {
            lines += ["", "Per agency (projects, affected, gaining an error, findings +/-, total cost before -> after):"]
            for a in impact.agencies {
                lines.append("  \(a.agency): \(a.projects), \(a.affected), \(a.gainingErrors), +\(a.appeared)/-\(a.disappeared), \(a.costBefore) -> \(a.costAfter)")
            }
        }
        if !impact.projects.isEmpty { lines += ["", "Projects, most affected first:"] }
        for p in impact.projects {
            if let error = p.error {
                lines.append("  \(p.path): could not be read: \(error)")
                continue
            }
            lines.append("  \(p.path) (\(p.project), \(p.agency)): total cost \(p.costBefore.count) -> \(p.costAfter.count) datasets")
            let (gained, regained) = p.costChange
            if !gained.isEmpty { lines.append("    now forfeits: \(costList(gained))") }
            if !regained.isEmpty { lines.append("    no longer forfeits: \(costList(regained))") }
            lines += p.appeared.map { "    + \(finding($0))" }
            lines += p.disappeared.map { "    - \(finding($0))" }
        }
        return lines
    }
}

// MARK: - Markdown

/// Markdown for a pull-request comment: the impact first, then the catalogue change, cut to
/// stay under `limit` characters with what was left out counted.
struct DiffMarkdown {
    static let limit = 60_000
    let report: CatalogueDiffReport

    /// Appends blocks while they fit, keeping room for the closing lines.
    private struct Budget {
        package var text = ""
        let limit: Int
        var left: Int { limit - text.count }

        mutating func add(_ block: String) { text += block }
        mutating func fits(_ block: String, keeping reserve: Int = 2_000) -> Bool { block.count + reserve <= left }
    }

    package var text: String {
        let d = report.diff
        var out = Budget(limit: Self.limit - 200)
        out.add("## Catalogue change: \(md(d.old.name)) \(md(d.old.version)) → \(md(d.new.name)) \(md(d.new.version))\n\n")
        out.add("\(md(d.old.source)) → \(md(d.new.source)): \(headline(d)).\n")
        if let impact = report.impact { impactSection(impact, &out) }
        if !d.recommendations.isEmpty {
            section("Recommendations", header: "| concern | before | after |\n| --- | --- | --- |\n", d.recommendations.map { r in
                "| \(md(r.concern)) | \(md(r.old.joined(separator: ", "))) | \(md(r.new.joined(separator: ", ")))\(r.firstChanged ? " (first changed)" : "") |\n"
            }, "recommendation changes", &out)
        }
        if !d.statuses.isEmpty {
            section("Statuses", header: "| id | kind | before | after |\n| --- | --- | --- | --- |\n", d.statuses.map { s in
                "| \(md(s.id)) | \(s.kind) | \(md(s.old + (s.oldReplacedBy.map { ", replaced by \($0)" } ?? ""))) | \(md(s.new + (s.newReplacedBy.map { ", replaced by \($0)" } ?? ""))) |\n"
            }, "status changes", &out)
        }
        if !d.costs.isEmpty {
            section("Cost of deviating, per option", header: "| concern | option | now costs | no longer costs |\n| --- | --- | --- | --- |\n", d.costs.map { c in
                "| \(md(c.concern)) | \(md(c.option))\(c.new == nil ? " (not an option now)" : c.old == nil ? " (new option)" : "") | \(md(c.added.isEmpty ? "—" : costList(c.added))) | \(md(c.removed.isEmpty ? "—" : costList(c.removed))) |\n"
            }, "option cost changes", &out)
        }
        if !d.added.isEmpty {
            section("Added", header: "", d.added.map { "- \($0.kind) **\(md($0.id))** (\(md($0.name)))\n" }, "added entries", &out)
        }
        if !d.removed.isEmpty {
            section("Removed", header: "", d.removed.map { "- \($0.kind) **\(md($0.id))** (\(md($0.name)))\n" }, "removed entries", &out)
        }
        if !d.changed.isEmpty {
            section("Changed", header: "", d.changed.map { c in
                "- \(c.kind) **\(md(c.id))**\n" + c.fields.map { f in
                    "  - \(md(f.field)): \(md(f.old ?? "(not set)")) → \(md(f.new ?? "(not set)"))\n"
                }.joined()
            }, "changed entries", &out)
        }
        if d.isEmpty { out.add("\nThe catalogues are the same.\n") }
        return out.text
    }

    private func md(_ text: String) -> String { Escape.markdown(text) }

    /// A section of items, as many as fit; the rest counted in one closing line.
    private func section(_ title: String, header: String, _ items: [String], _ what: String, _ out: inout Budget) {
        let head = "\n### \(title)\n\n" + header
        guard out.fits(head) else {
            out.add("\n_\(plural(items.count, String(what.dropLast()), what)) left out for length; see `--format json`._\n")
            return
        }
        out.add(head)
        var shown = 0
        for item in items {
            guard out.fits(item) else { break }
            out.add(item)
            shown += 1
        }
        if shown < items.count {
            out.add("\n_…and \(items.count - shown) more \(what), left out for length; `--format json` has every one._\n")
        }
    }

    private func impactSection(_ impact: PortfolioImpact, _ out: inout Budget) {
        let s = impact.summary
        out.add("\n### Impact on \(plural(s.manifests, "manifest"))\n\n")
        out.add("\(s.affected) affected, \(s.unaffected) unchanged\(s.errors > 0 ? ", \(s.errors) could not be read" : ""). "
            + "**\(plural(s.gainingErrors, "project gains", "projects gain")) an error finding**; "
            + "\(s.appeared) findings appear, \(s.disappeared) disappear; total cost \(s.costBefore) → \(s.costAfter) datasets.\n")
        if !impact.agencies.isEmpty {
            let header = "| agency | projects | affected | gaining an error | findings appear | findings disappear | total cost before | after |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
            let rows = impact.agencies.filter { $0.affected > 0 }.map { a in
                "| \(md(a.agency)) | \(a.projects) | \(a.affected) | \(a.gainingErrors) | \(a.appeared) | \(a.disappeared) | \(a.costBefore) | \(a.costAfter) |\n"
            }
            if !rows.isEmpty { section("Per agency", header: header, rows, "agencies", &out) }
        }
        if !impact.projects.isEmpty {
            section("Projects, most affected first", header: "", impact.projects.map(project), "projects", &out)
        }
    }

    private func project(_ p: PortfolioImpact.Project) -> String {
        if let error = p.error { return "- \(md(p.path)): could not be read: \(md(error))\n" }
        var text = "- **\(md(p.path))** (\(md(p.project)), \(md(p.agency))): total cost \(p.costBefore.count) → \(p.costAfter.count) datasets\n"
        let (gained, regained) = p.costChange
        if !gained.isEmpty { text += "  - now forfeits: \(md(costList(gained)))\n" }
        if !regained.isEmpty { text += "  - no longer forfeits: \(md(costList(regained)))\n" }
        text += p.appeared.map { "  - ➕ \(md(finding($0)))\n" }.joined()
        text += p.disappeared.map { "  - ➖ \(md(finding($0)))\n" }.joined()
        return text
    }
}

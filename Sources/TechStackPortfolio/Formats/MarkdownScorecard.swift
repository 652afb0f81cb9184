import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The scorecard as GitHub-flavoured Markdown: headline, tables per agency, per concern, of
/// forfeited data and of projects. Manifest text is escaped so it cannot open a link, an
/// HTML tag or a new table cell.
public enum MarkdownScorecard: ScorecardFormat {
    public static let identifier = "markdown"

    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        let s = scorecard.summary
        var out: [String] = []
        out.append("# Adoption scorecard")
        out.append("")
        out.append("\(Escape.markdown(scorecard.catalogue.name)) \(Escape.markdown(scorecard.catalogue.version)) · \(scorecard.date)")
        out.append("")
        var counted = "**\(s.manifests)** manifest\(plural(s.manifests)): **\(s.projects)** project\(plural(s.projects)) in **\(s.agencies)** agenc\(s.agencies == 1 ? "y" : "ies")"
        if s.errors > 0 { counted += ", **\(s.errors)** could not be read" }
        out.append(counted + ".")
        out.append("")
        out.append("| Measure | Value |")
        out.append("| --- | --- |")
        out.append("| Adoption (answered concerns on a recommended choice) | \(percent(s.adoption)) of \(s.concernsAnswered) |")
        out.append("| Projects fully on recommended choices | \(s.fullyOnRecommended) of \(s.projects) |")
        out.append("| Deviations | \(s.deviations) |")
        out.append("| Projects forfeiting shared data | \(s.projectsForfeiting) (\(s.datasetsForfeited) datasets) |")
        out.append("| Consumed data unreachable | \(s.unreachable) |")
        out.append("| Missing grants | \(s.missingGrants) |")
        out.append("| Exemptions | \(s.activeExemptions) active, \(s.expiredExemptions) expired |")
        out.append("| Shared components reused | \(s.componentsReused) in use, chosen \(s.componentUses) times |")
        if let f = s.findings {
            out.append("| Lint findings | \(f.error) errors, \(f.warning) warnings, \(f.info) info, \(f.suppressed) suppressed |")
        }
        let observed = scorecard.isObserved
        if observed { out += ObservedSections.markdownMeasures(s) }

        out.append("")
        out.append("## Adoption per agency")
        out.append("")
        out.append("| Agency | Projects | Adoption | Fully on recommended | Deviations | Forfeiting | Unreachable | Missing grants | Exemptions (active / expired) | Components reused |" + (observed ? " Undeclared | Unobserved | With hidden cost | Datasets hidden-forfeited |" : ""))
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (observed ? " ---: | ---: | ---: | ---: |" : ""))
        for a in scorecard.agencies {
            let name = a.name.map { " (\(Escape.markdown($0)))" } ?? ""
            out.append("| \(Escape.markdown(a.agency))\(name) | \(a.projects) | \(percent(a.adoption)) | \(a.fullyOnRecommended) | \(a.deviations) | \(a.projectsForfeiting) | \(a.unreachable) | \(a.missingGrants) | \(a.activeExemptions) / \(a.expiredExemptions) | \(a.componentsReused) |" + (observed ? ObservedSections.markdownAgencyCells(a) : ""))
        }

        out.append("")
        out.append("## Adoption per concern")
        out.append("")
        out.append("| Concern | Recommended | Answered | Adoption | Deviating | Most common deviations |")
        out.append("| --- | --- | ---: | ---: | ---: | --- |")
        for c in scorecard.concerns {
            let top = c.deviatingChoices.prefix(3).map { "\(Escape.markdown($0.choice)) (\($0.projects))" }.joined(separator: ", ")
            out.append("| \(Escape.markdown(c.concern))\(c.required ? " (required)" : "") | \(c.recommended.map(Escape.markdown).joined(separator: ", ")) | \(c.answered) | \(percent(c.adoption)) | \(c.deviating) | \(top) |")
        }

        out.append("")
        out.append("## Datasets most often forfeited")
        out.append("")
        if scorecard.forfeited.isEmpty {
            out.append("No deviation costs any shared data.")
        } else {
            out.append("| Dataset | Source | Projects forfeiting | Of which consume it |")
            out.append("| --- | --- | ---: | ---: |")
            for d in scorecard.forfeited {
                out.append("| \(Escape.markdown(d.dataset)) (\(Escape.markdown(d.name))) | \(Escape.markdown(d.source)) | \(d.projects) | \(d.consumedBy) |")
            }
        }

        out.append("")
        out.append("## Funding mix of the components in use")
        out.append("")
        out.append("| Funding model | Charging | Uses | Components (projects) |")
        out.append("| --- | --- | ---: | --- |")
        for f in scorecard.funding {
            let becomes = f.becomes.map { ", becomes \(Escape.markdown($0))" } ?? ""
            out.append("| \(Escape.markdown(f.model)) | \(Escape.markdown(f.charging))\(becomes) | \(f.uses) | \(f.components.map { "\(Escape.markdown($0.component)) (\($0.projects))" }.joined(separator: ", ")) |")
        }

        out.append("")
        out.append("## Projects")
        out.append("")
        out.append("| Manifest | Project | Agency | Answered | Adoption | Deviations | Cost (datasets) | Unreachable | Missing grants | Exemptions (active / expired) | Components |" + (observed ? " Undeclared | Unobserved | Hidden cost (datasets) |" : ""))
        out.append("| --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |" + (observed ? " ---: | ---: | ---: |" : ""))
        // One row per project, written on every core.
        out += ParallelMap.map(scorecard.scoredProjects, workers: System.activeCores) { p in
            let deviations = p.deviations.map { "\(Escape.markdown($0.concern)): \($0.choice.map(Escape.markdown).joined(separator: ", "))" }.joined(separator: "; ")
            return "| \(Escape.markdown(p.path)) | \(Escape.markdown(p.project)) | \(Escape.markdown(p.agency)) | \(p.concernsAnswered) | \(percent(p.adoption)) | \(deviations.isEmpty ? "0" : "\(p.deviations.count): \(deviations)") | \(p.totalCost.count) | \(p.unreachable.count) | \(p.missingGrants.count) | \(p.activeExemptions) / \(p.expiredExemptions) | \(p.sharedComponents.count) |" + (observed ? ObservedSections.markdownProjectCells(p.observed) : "")
        }
        if observed { out += ObservedSections.markdown(scorecard) }
        let errors = scorecard.errorRows
        if !errors.isEmpty {
            out.append("")
            out.append("## Manifests that could not be read")
            out.append("")
            for row in errors {
                out.append("- \(Escape.markdown(row.problem?.description ?? row.path))")
            }
        }
        out += ProgrammeSections.markdown(scorecard)
        return out.joined(separator: "\n") + "\n"
    }
}

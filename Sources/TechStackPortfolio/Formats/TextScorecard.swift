import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The scorecard for a terminal: a headline, then agencies, concerns, forfeited data, the
/// funding mix and one line per project. Built as `StyledText`, so text from manifests is made
/// safe as it enters and colour is added only when printed.
public enum TextScorecard: ScorecardFormat {
    public static let identifier = "text"

    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        let s = scorecard.summary
        var out: [StyledText] = []
        out.append(style.bold("Adoption scorecard") + " · \(scorecard.catalogue.name) \(scorecard.catalogue.version) · \(scorecard.date.description)")
        var counted: StyledText = "\(s.manifests) manifest\(plural(s.manifests)): \(s.projects) project\(plural(s.projects)) in \(s.agencies) agenc\(s.agencies == 1 ? "y" : "ies")"
        if s.errors > 0 { counted += ", " + style.red("\(s.errors) could not be read") }
        out.append(counted)
        out.append(StyledText())
        out.append("  Adoption              \(bar(s.adoption, style: style)) \(style.bold(percent(s.adoption))) of \(s.concernsAnswered) answered concerns on a recommended choice")
        out.append("  Fully on recommended  \(s.fullyOnRecommended) of \(s.projects) projects")
        out.append("  Deviations            \(s.deviations); \(s.projectsForfeiting) project\(plural(s.projectsForfeiting)) forfeit shared data (\(s.datasetsForfeited) dataset\(plural(s.datasetsForfeited)))")
        out.append("  Consumed unreachable  \(s.unreachable)    Missing grants  \(s.missingGrants)")
        out.append("  Exemptions            \(s.activeExemptions) active, \(s.expiredExemptions) expired")
        out.append("  Shared components     \(s.componentsReused) in use, chosen \(s.componentUses) time\(plural(s.componentUses))")
        if let f = s.findings {
            out.append("  Lint findings         \(f.error) error\(plural(f.error)), \(f.warning) warning\(plural(f.warning)), \(f.info) info, \(f.suppressed) suppressed")
        }
        if scorecard.isObserved {
            let hidden = s.projectsWithHiddenCost ?? 0, data = s.datasetsHiddenForfeited ?? 0
            out.append("  Observed stack        \(s.undeclared ?? 0) undeclared, \(s.unobserved ?? 0) unobserved; \(hidden) project\(plural(hidden)) with hidden cost (\(data) dataset\(plural(data)))")
        }

        out.append(StyledText())
        out.append(style.bold("Adoption per agency"))
        let observed = scorecard.isObserved
        let agencyColumns = observed ? ["undeclared", "unobserved", "hidden cost", "hidden data"] : []
        var agencies = TextColumns(["agency", "projects", "adoption", "", "deviations", "forfeiting", "unreachable", "grants missing", "exempt", "expired", "components"] + agencyColumns,
                                   alignments: [.left, .right, .right, .left, .right, .right, .right, .right, .right, .right, .right]
                                       + [TextColumns.Alignment](repeating: .right, count: agencyColumns.count))
        for a in scorecard.agencies {
            let drift: [StyledText] = observed ? ["\(a.undeclared ?? 0)", "\(a.unobserved ?? 0)", "\(a.projectsWithHiddenCost ?? 0)", "\(a.datasetsHiddenForfeited ?? 0)"] : []
            agencies.add([style.bold(a.agency), "\(a.projects)", StyledText(percent(a.adoption)),
                          bar(a.adoption, style: style),
                          "\(a.deviations)", "\(a.projectsForfeiting)", "\(a.unreachable)",
                          "\(a.missingGrants)", "\(a.activeExemptions)", "\(a.expiredExemptions)",
                          "\(a.componentsReused)"] + drift)
        }
        out += agencies.render(style: style)

        out.append(StyledText())
        out.append(style.bold("Adoption per concern"))
        var concerns = TextColumns(["concern", "answered", "adoption", "", "deviating", "most common deviations"],
                                   alignments: [.left, .right, .right, .left, .right, .left])
        for c in scorecard.concerns {
            let top = c.deviatingChoices.prefix(3).map { "\($0.choice) (\($0.projects))" }.joined(separator: ", ")
            concerns.add([StyledText(c.concern + (c.required ? " *" : "")), "\(c.answered)", StyledText(percent(c.adoption)),
                          bar(c.adoption, style: style),
                          "\(c.deviating)", StyledText(top)])
        }
        out += concerns.render(style: style)
        out.append(style.dim("  * required concern"))

        out.append(StyledText())
        out.append(style.bold("Datasets most often forfeited"))
        if scorecard.forfeited.isEmpty {
            out.append("  None: no deviation costs any shared data.")
        } else {
            var data = TextColumns(["dataset", "source", "projects forfeiting", "of which consume it"],
                                   alignments: [.left, .left, .right, .right])
            for d in scorecard.forfeited {
                data.add([d.dataset, d.source, "\(d.projects)", "\(d.consumedBy)"])
            }
            out += data.render(style: style)
        }

        out.append(StyledText())
        out.append(style.bold("Funding mix of the components in use"))
        if scorecard.funding.isEmpty {
            out.append("  No catalogue component is chosen.")
        }
        for model in scorecard.funding {
            let becomes = model.becomes.map { ", becomes \($0)" } ?? ""
            let list = model.components.map { "\($0.component) (\($0.projects))" }.joined(separator: ", ")
            out.append("  \(style.bold(model.model)) [\(model.charging)\(becomes)]: \(model.uses) use\(plural(model.uses)): \(list)" as StyledText)
        }

        out.append(StyledText())
        out.append(style.bold("Projects"))
        let projectColumns = observed ? ["undeclared", "unobserved", "hidden cost"] : []
        var projects = TextColumns(["manifest", "project", "agency", "answered", "adoption", "deviations", "cost", "unreachable", "grants missing", "exempt", "expired", "components"] + projectColumns,
                                   alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right]
                                       + [TextColumns.Alignment](repeating: .right, count: projectColumns.count))
        // One row per project, its cells made on every core.
        projects.rows = ParallelMap.map(scorecard.scoredProjects, workers: System.activeCores) { p in
            let adoption = percent(p.adoption)
            let styledAdoption = (p.adoption ?? 0) >= 0.8 ? style.green(adoption) : (p.adoption ?? 0) >= 0.5 ? style.yellow(adoption) : style.red(adoption)
            let cells: [StyledText] = [StyledText(p.path), StyledText(p.project), StyledText(p.agency),
                                       "\(p.concernsAnswered)", styledAdoption, "\(p.deviations.count)",
                                       "\(p.totalCost.count)", "\(p.unreachable.count)", "\(p.missingGrants.count)",
                                       "\(p.activeExemptions)", "\(p.expiredExemptions)", "\(p.sharedComponents.count)"]
            return cells + (observed ? ObservedSections.textCells(p.observed) : [])
        }
        out += projects.render(style: style)
        if observed { out += ObservedSections.text(scorecard, style: style) }
        let errors = scorecard.errorRows
        if !errors.isEmpty {
            out.append(StyledText())
            out.append(style.bold(style.red("Manifests that could not be read")))
            for row in errors {
                out.append("  \(row.problem?.description ?? row.path)")
            }
        }
        out += ProgrammeSections.text(scorecard, style: style)
        // Line by line on every core: rendering runs one after another, so the lines rendered
        // and joined are the whole rendered and the same text.
        return ParallelMap.map(out, workers: System.activeCores) { style.render($0) }.joined(separator: "\n") + "\n"
    }

    /// A ten-step bar for a rate; empty when there is no rate.
    static func bar(_ value: Double?, style: Style) -> StyledText {
        guard let value else { return StyledText(String(repeating: "·", count: 10)) }
        let filled = Int((value * 10).rounded())
        let bar = String(repeating: "█", count: filled)
        let rest = String(repeating: "░", count: 10 - filled)
        let colored = value >= 0.8 ? style.green(bar) : value >= 0.5 ? style.yellow(bar) : style.red(bar)
        return colored + style.dim(rest)
    }
}

func plural(_ n: Int) -> String { n == 1 ? "" : "s" }

/// The scorecard for a terminal: a headline, then agencies, concerns, forfeited data, the
/// funding mix and one line per project. Text from manifests is sanitised before printing.
public enum TextScorecard: ScorecardFormat {
    public static let identifier = "text"

    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        let s = scorecard.summary
        var out: [String] = []
        out.append(style.bold("Adoption scorecard") + " · \(scorecard.catalogue.name) \(scorecard.catalogue.version) · \(scorecard.date)")
        var counted = "\(s.manifests) manifest\(plural(s.manifests)): \(s.projects) project\(plural(s.projects)) in \(s.agencies) agenc\(s.agencies == 1 ? "y" : "ies")"
        if s.errors > 0 { counted += ", " + style.red("\(s.errors) could not be read") }
        out.append(counted)
        out.append("")
        out.append("  Adoption              \(bar(s.adoption, style: style)) \(style.bold(percent(s.adoption))) of \(s.concernsAnswered) answered concerns on a recommended choice")
        out.append("  Fully on recommended  \(s.fullyOnRecommended) of \(s.projects) projects")
        out.append("  Deviations            \(s.deviations); \(s.projectsForfeiting) project\(plural(s.projectsForfeiting)) forfeit shared data (\(s.datasetsForfeited) dataset\(plural(s.datasetsForfeited)))")
        out.append("  Consumed unreachable  \(s.unreachable)    Missing grants  \(s.missingGrants)")
        out.append("  Exemptions            \(s.activeExemptions) active, \(s.expiredExemptions) expired")
        out.append("  Shared components     \(s.componentsReused) in use, chosen \(s.componentUses) time\(plural(s.componentUses))")
        if let f = s.findings {
            out.append("  Lint findings         \(f.error) error\(plural(f.error)), \(f.warning) warning\(plural(f.warning)), \(f.info) info, \(f.suppressed) suppressed")
        }

        out.append("")
        out.append(style.bold("Adoption per agency"))
        var agencies = TextColumns(["agency", "projects", "adoption", "", "deviations", "forfeiting", "unreachable", "grants missing", "exempt", "expired", "components"],
                                   alignments: [.left, .right, .right, .left, .right, .right, .right, .right, .right, .right, .right])
        for a in scorecard.agencies {
            let name = Terminal.sanitize(a.agency)
            agencies.add([(name, style.bold(name)), plain("\(a.projects)"), plain(percent(a.adoption)),
                          (bar(a.adoption, style: .plain), bar(a.adoption, style: style)),
                          plain("\(a.deviations)"), plain("\(a.projectsForfeiting)"), plain("\(a.unreachable)"),
                          plain("\(a.missingGrants)"), plain("\(a.activeExemptions)"), plain("\(a.expiredExemptions)"),
                          plain("\(a.componentsReused)")])
        }
        out += agencies.render(style: style)

        out.append("")
        out.append(style.bold("Adoption per concern"))
        var concerns = TextColumns(["concern", "answered", "adoption", "", "deviating", "most common deviations"],
                                   alignments: [.left, .right, .right, .left, .right, .left])
        for c in scorecard.concerns {
            let top = c.deviatingChoices.prefix(3).map { "\(Terminal.sanitize($0.choice)) (\($0.projects))" }.joined(separator: ", ")
            concerns.add([plain(c.concern + (c.required ? " *" : "")), plain("\(c.answered)"), plain(percent(c.adoption)),
                          (bar(c.adoption, style: .plain), bar(c.adoption, style: style)),
                          plain("\(c.deviating)"), plain(top)])
        }
        out += concerns.render(style: style)
        out.append(style.dim("  * required concern"))

        out.append("")
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

        out.append("")
        out.append(style.bold("Funding mix of the components in use"))
        if scorecard.funding.isEmpty {
            out.append("  No catalogue component is chosen.")
        }
        for model in scorecard.funding {
            let becomes = model.becomes.map { ", becomes \($0)" } ?? ""
            let list = model.components.map { "\($0.component) (\($0.projects))" }.joined(separator: ", ")
            out.append("  \(style.bold(model.model)) [\(model.charging)\(becomes)]: \(model.uses) use\(plural(model.uses)): \(list)")
        }

        out.append("")
        out.append(style.bold("Projects"))
        var projects = TextColumns(["manifest", "project", "agency", "answered", "adoption", "deviations", "cost", "unreachable", "grants missing", "exempt", "expired", "components"],
                                   alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right])
        for p in scorecard.scoredProjects {
            let adoption = percent(p.adoption)
            let styledAdoption = (p.adoption ?? 0) >= 0.8 ? style.green(adoption) : (p.adoption ?? 0) >= 0.5 ? style.yellow(adoption) : style.red(adoption)
            projects.add([plain(Terminal.sanitize(p.path)), plain(Terminal.sanitize(p.project)), plain(Terminal.sanitize(p.agency)),
                          plain("\(p.concernsAnswered)"), (adoption, styledAdoption), plain("\(p.deviations.count)"),
                          plain("\(p.totalCost.count)"), plain("\(p.unreachable.count)"), plain("\(p.missingGrants.count)"),
                          plain("\(p.activeExemptions)"), plain("\(p.expiredExemptions)"), plain("\(p.sharedComponents.count)")])
        }
        out += projects.render(style: style)
        let errors = scorecard.errorRows
        if !errors.isEmpty {
            out.append("")
            out.append(style.bold(style.red("Manifests that could not be read")))
            for row in errors {
                out.append("  " + Terminal.sanitize(row.problem?.description ?? row.path))
            }
        }
        out += ProgrammeSections.text(scorecard, style: style)
        return out.joined(separator: "\n") + "\n"
    }

    private static func plain(_ text: String) -> (plain: String, styled: String) { (text, text) }

    /// A ten-step bar for a rate; empty when there is no rate.
    static func bar(_ value: Double?, style: Style) -> String {
        guard let value else { return String(repeating: "·", count: 10) }
        let filled = Int((value * 10).rounded())
        let bar = String(repeating: "█", count: filled)
        let rest = String(repeating: "░", count: 10 - filled)
        let colored = value >= 0.8 ? style.green(bar) : value >= 0.5 ? style.yellow(bar) : style.red(bar)
        return colored + style.dim(rest)
    }
}

func plural(_ n: Int) -> String { n == 1 ? "" : "s" }

import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The scorecard as JSON (keys sorted): `version`, `catalogue`, `date`, `summary`, `projects`
/// (error rows carry `error` and no metrics), `agencies`, `concerns`, `forfeited`, `funding`.
/// Rates are fractions from 0 to 1, or null when nothing was answered.
///
/// `projects` comes last, one project per line. The document is written by `JSONWriter`
/// straight into one byte buffer, in the layout `JSONEncoder` gives it (pretty, keys sorted),
/// with no tree of it in memory.
public enum JSONScorecard: ScorecardFormat {
    public static let identifier = "json"

    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        var w = JSONWriter(pretty: true, capacity: 4096 + scorecard.projects.count * 1024)
        write(scorecard, to: &w)
        return w.text
    }

    /// The whole document. Keys of every object are written in sorted order, so a field is
    /// added by writing it in its place.
    static func write(_ card: Scorecard, to w: inout JSONWriter) {
        w.object { w in
            w.field("agencies", card.agencies.map(Agency.init))
            if let programme = card.programme {
                w.field("campaigns", (programme.campaigns ?? []).map(ProgrammeJSON.Campaign.init))
            }
            w.field("catalogue", card.catalogue)
            w.field("concerns", card.concerns.map(Concern.init))
            w.field("date", card.date.description)
            w.field("forfeited", card.forfeited)
            w.field("funding", card.funding)
            if let programme = card.programme {
                w.field("levels", ProgrammeJSON.Levels(programme))
                if let ratchet = programme.ratchet { w.field("ratchet", ProgrammeJSON.Ratchet(ratchet)) }
            }
            w.field("summary", Summary(counts: card.summary))
            w.field("version", 1)
            // `projects` last (out of key order, hence a plain `String` key), one compact
            // object per line.
            w.key("projects" as String)
            if card.projects.isEmpty { w.pretty = false }
            // Each project is written on its own, on every core, then put in its place.
            let concerns = card.concernIDs
            let rows = ParallelMap.map(card.projects, workers: System.activeCores) { row in
                var line = JSONWriter(pretty: false, capacity: 2048)
                Project(row: row, concerns: concerns).writeJSON(to: &line)
                return line.bytes
            }
            w.array { w in
                for row in rows {
                    w.element()
                    w.raw(row)
                }
            }
            w.pretty = true
        }
        w.raw("\n")
    }

    struct Summary: JSONWritable {
        var counts: Scorecard.Summary

        func writeJSON(to w: inout JSONWriter) {
            let s = counts
            w.object { w in
                w.field("activeExemptions", s.activeExemptions)
                w.field("adoption", s.adoption)
                w.field("agencies", s.agencies)
                w.field("componentUses", s.componentUses)
                w.field("componentsReused", s.componentsReused)
                w.field("concernsAnswered", s.concernsAnswered)
                w.field("datasetsForfeited", s.datasetsForfeited)
                w.fieldIfPresent("datasetsHiddenForfeited", s.datasetsHiddenForfeited)
                w.field("deviations", s.deviations)
                w.field("errors", s.errors)
                w.field("expiredExemptions", s.expiredExemptions)
                w.fieldIfPresent("findings", s.findings)
                w.field("fullyOnRecommended", s.fullyOnRecommended)
                w.field("manifests", s.manifests)
                w.field("missingGrants", s.missingGrants)
                w.field("onRecommended", s.onRecommended)
                w.field("projects", s.projects)
                w.field("projectsForfeiting", s.projectsForfeiting)
                w.fieldIfPresent("projectsWithHiddenCost", s.projectsWithHiddenCost)
                w.fieldIfPresent("undeclared", s.undeclared)
                w.fieldIfPresent("unobserved", s.unobserved)
                w.field("unreachable", s.unreachable)
            }
        }
    }

    struct Agency: JSONWritable {
        var counts: Scorecard.AgencyScore

        func writeJSON(to w: inout JSONWriter) {
            let a = counts
            w.object { w in
                w.field("activeExemptions", a.activeExemptions)
                w.field("adoption", a.adoption)
                w.field("agency", a.agency)
                w.field("componentsReused", a.componentsReused)
                w.field("concernsAnswered", a.concernsAnswered)
                w.field("datasetsForfeited", a.datasetsForfeited)
                w.fieldIfPresent("datasetsHiddenForfeited", a.datasetsHiddenForfeited)
                w.field("deviations", a.deviations)
                w.field("expiredExemptions", a.expiredExemptions)
                w.field("fullyOnRecommended", a.fullyOnRecommended)
                w.field("missingGrants", a.missingGrants)
                w.fieldIfPresent("name", a.name)
                w.field("onRecommended", a.onRecommended)
                w.field("projects", a.projects)
                w.field("projectsForfeiting", a.projectsForfeiting)
                w.fieldIfPresent("projectsWithHiddenCost", a.projectsWithHiddenCost)
                w.fieldIfPresent("undeclared", a.undeclared)
                w.fieldIfPresent("unobserved", a.unobserved)
                w.field("unreachable", a.unreachable)
            }
        }
    }

    struct Concern: JSONWritable {
        var counts: Scorecard.ConcernScore

        func writeJSON(to w: inout JSONWriter) {
            let c = counts
            w.object { w in
                w.field("adoption", c.adoption)
                w.field("answered", c.answered)
                w.field("concern", c.concern)
                w.field("deviating", c.deviating)
                w.field("deviatingChoices", c.deviatingChoices)
                w.field("layer", c.layer)
                w.field("name", c.name)
                w.field("onRecommended", c.onRecommended)
                w.field("recommended", c.recommended)
                w.field("required", c.required)
                w.field("unanswered", c.unanswered)
            }
        }
    }

    /// One line of `projects`. Metrics are left out of error rows rather than written as null.
    struct Project: JSONWritable {
        var row: ProjectScore
        /// The catalogue's concerns, in the order of `row.concernStates`.
        var concerns: [String]

        func writeJSON(to w: inout JSONWriter) {
            let row = row
            if let problem = row.problem {
                w.object { w in
                    w.field("error") { w in
                        w.object { w in
                            w.field("column", problem.first.mark.column)
                            w.field("line", problem.first.mark.line)
                            w.field("message", problem.first.message)
                            w.field("problems", problem.count)
                        }
                    }
                    w.field("path", row.path)
                }
                return
            }
            let ids = concerns
            w.object { w in
                w.field("adoption", row.adoption)
                w.field("agency", row.agency)
                // The concerns answered on a recommended choice and those deviating; every
                // other concern of the catalogue is unanswered.
                w.field("concerns") { w in
                    w.object { w in
                        w.field("deviating") { w in
                            w.array { w in
                                for (id, state) in zip(ids, row.concernStates) where state == .deviating {
                                    w.element()
                                    w.string(id)
                                }
                            }
                        }
                        w.field("recommended") { w in
                            w.array { w in
                                for (id, state) in zip(ids, row.concernStates) where state == .recommended {
                                    w.element()
                                    w.string(id)
                                }
                            }
                        }
                    }
                }
                w.field("concernsAnswered", row.concernsAnswered)
                w.field("deviations", row.deviations)
                w.field("exemptions") { w in
                    w.object { w in
                        w.field("active", row.activeExemptions)
                        w.field("expired", row.expiredExemptions)
                    }
                }
                w.fieldIfPresent("findings", row.findings)
                if let observed = row.observed { w.field("hiddenCost", observed.hiddenCost) }
                if let standing = row.standing { w.field("level", standing.level) }
                w.field("missingGrants", row.missingGrants)
                if let standing = row.standing {
                    w.field("nextLevel") { w in
                        guard let next = standing.nextLevel else { return w.null() }
                        w.object { w in
                            w.field("id", next)
                            w.field("missing", standing.missing)
                        }
                    }
                }
                w.field("onRecommended", row.onRecommended)
                w.field("path", row.path)
                w.field("project", row.project)
                w.field("sector", row.sector.rawValue)
                w.field("sharedComponents", row.sharedComponents)
                w.field("totalCost", row.totalCost)
                if let observed = row.observed {
                    w.field("undeclared", observed.undeclared)
                    w.field("unobserved", observed.unobserved)
                }
                w.field("unreachable", row.unreachable)
            }
        }
    }
}

// MARK: the values inside, each an object with its keys sorted

extension CatalogueInfo: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("name", name)
            w.field("publisher", publisher)
            w.field("version", version)
        }
    }
}

extension Scorecard.ChoiceCount: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("choice", choice)
            w.field("projects", projects)
        }
    }
}

extension Scorecard.ForfeitedDataset: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("consumedBy", consumedBy)
            w.field("dataset", dataset)
            w.field("name", name)
            w.field("projects", projects)
            w.field("source", source)
        }
    }
}

extension Scorecard.FundingShare: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.fieldIfPresent("becomes", becomes)
            w.field("charging", charging)
            w.field("components", components)
            w.field("model", model)
            w.field("name", name)
            w.field("uses", uses)
        }
    }
}

extension Scorecard.FundingShare.ComponentUse: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("component", component)
            w.field("projects", projects)
        }
    }
}

extension ProjectScore.Deviation: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("choice", choice)
            w.field("concern", concern)
            w.field("recommended", recommended)
        }
    }
}

extension ProjectScore.MissingGrant: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("agency", agency)
            w.field("dataset", dataset)
        }
    }
}

extension ProjectScore.FindingCounts: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("error", error)
            w.field("info", info)
            w.field("suppressed", suppressed)
            w.field("warning", warning)
        }
    }
}

extension CostItem: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("dataset", dataset)
            w.field("source", source)
        }
    }
}

extension LevelGap: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("check", check)
            w.field("message", message)
        }
    }
}

extension Programme.BurnPoint: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("day", day)
            w.field("done", done)
            w.field("inScope", inScope)
        }
    }
}

extension Programme.Rise: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("missingGrants", missingGrants)
            w.field("missingGrantsBefore", missingGrantsBefore)
            w.field("path", path)
            w.field("project", project)
            w.field("totalCost", totalCost)
            w.field("totalCostBefore", totalCostBefore)
        }
    }
}

extension ProgrammeJSON.Campaign: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("burnUp", burnUp)
            w.field("done", done)
            w.field("due", due)
            w.field("expectedDone", expectedDone)
            w.field("goal") { w in
                w.object { w in
                    w.fieldIfPresent("concern", goal.concern)
                    w.fieldIfPresent("rule", goal.rule)
                }
            }
            w.field("id", id)
            w.field("inScope", inScope)
            w.field("name", name)
            w.field("onTrack", onTrack)
            w.field("overdue", overdue)
            w.field("remaining", remaining)
            w.field("starts", starts)
            w.field("winBack", winBack)
        }
    }
}

extension ProgrammeJSON.Levels: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("agencies") { w in
                w.array(agencies) { w, agency in
                    w.object { w in
                        w.field("agency", agency.agency)
                        // Level ids come from the ladder: sorted here as `.sortedKeys` sorts them.
                        w.field("levels") { w in
                            w.object { w in
                                for (id, projects) in agency.levels.sorted(by: { $0.key < $1.key }) {
                                    w.key(id)
                                    w.number(projects)
                                }
                            }
                        }
                        w.field("none", agency.none)
                    }
                }
            }
            w.field("ladder") { w in
                w.array(ladder) { w, level in
                    w.object { w in
                        w.field("checks", level.checks)
                        w.field("id", level.id)
                        w.field("name", level.name)
                        w.field("projects", level.projects)
                        w.field("summary", level.summary)
                    }
                }
            }
            w.field("none", none)
        }
    }
}

extension ProgrammeJSON.Ratchet: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("failed", failed)
            w.field("rises", rises)
            w.field("since", since)
        }
    }
}

extension ObservedScore.Undeclared: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("concern", concern)
            w.field("evidence", evidence)
            w.field("evidenceCount", evidenceCount)
            w.field("id", id)
        }
    }
}

extension ObservedScore.Unobserved: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("concern", concern)
            w.field("id", id)
        }
    }
}

extension EvidenceItem: JSONWritable {
    public func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("line", line)
            w.field("path", path)
            w.field("signal", signal)
        }
    }
}

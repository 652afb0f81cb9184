import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The programme sections of every scorecard format: levels (per project and per agency),
/// campaigns and the ratchet. Each format file calls the function for its format; text from
/// manifests and campaign files is escaped here as in the rest of the format.
enum ProgrammeSections {
    /// "'a' … ; 'b' …" for the first few gaps, then how many more.
    static func gaps(_ missing: [LevelGap], limit: Int = 3) -> String {
        let shown = missing.prefix(limit).map(\.message).joined(separator: "; ")
        return missing.count > limit ? shown + "; and \(missing.count - limit) more" : shown
    }

    static func status(_ c: Programme.CampaignProgress) -> String {
        if c.overdue { return "OVERDUE" }
        if c.remaining.isEmpty { return "complete" }
        return c.onTrack ? "on track" : "behind"
    }

    static func expected(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func costList(_ items: [CostItem]) -> String {
        CostText.list(items, .agency)
    }

    // MARK: text

    /// Lines of styled text; everything interpolated from input is sanitised by `StyledText`.
    package static func text(_ card: Scorecard, style: Style) -> [StyledText] {
        guard let p = card.programme else { return [] }
        var out: [StyledText] = [StyledText(), style.bold("Levels")]
        if p.ladder.levels.isEmpty {
            out.append("  No levels are defined.")
        } else {
            for level in p.ladder.levels {
                let count = p.levelCounts.first { $0.id == level.id }?.projects ?? 0
                out.append("  \(style.bold(level.name)) (\(level.id)): \(count) project\(plural(count)) · \(level.summary)")
            }
            out.append("  below \(p.ladder.levels.first?.name ?? ""): \(p.below) project\(plural(p.below))")
            var agencies = TextColumns(["agency"] + p.ladder.levels.map(\.id) + ["none"],
                                       alignments: [.left] + p.ladder.levels.map { _ in .right } + [.right])
            for a in p.agencyLevels {
                agencies.add([a.agency] + a.counts.map { "\($0.projects)" } + ["\(a.below)"])
            }
            out.append(StyledText())
            out.append(style.bold("Levels per agency"))
            out += agencies.render(style: style)
            out.append(StyledText())
            out.append(style.bold("Project levels"))
            var projects = TextColumns(["manifest", "level", "next", "what stands between it and the next"],
                                       alignments: [.left, .left, .left, .left])
            // A row per project, made on every core.
            projects.rows = ParallelMap.map(card.scoredProjects, workers: System.activeCores) { row -> [StyledText]? in
                guard let standing = row.standing else { return nil }
                return [row.path, standing.level ?? "none", standing.nextLevel ?? "—",
                        standing.nextLevel == nil ? "top level reached" : gaps(standing.missing)].map { StyledText($0) }
            }.compactMap { $0 }
            out += projects.render(style: style)
        }
        if let campaigns = p.campaigns {
            out.append(StyledText())
            out.append(style.bold("Campaigns"))
            if campaigns.isEmpty { out.append("  No campaigns are defined.") }
            for c in campaigns {
                let status = self.status(c)
                let styled = c.overdue ? style.red(status) : (c.onTrack ? style.green(status) : style.yellow(status))
                out.append("  \(style.bold(c.campaign.id)) · \(c.campaign.name) · \(c.campaign.goal.description) · \(c.campaign.starts) → \(c.campaign.due)")
                let share = c.inScope.isEmpty ? "" : " (\(percent(Double(c.done.count) / Double(c.inScope.count))))"
                out.append("    \(c.done.count) of \(c.inScope.count) done\(share), the line expects \(expected(c.expectedDone)) by \(card.date): \(styled)")
                if !c.remaining.isEmpty {
                    out.append("    remaining: \(zip(c.remaining, c.remainingProjects).map { "\($0) (\($1))" }.joined(separator: ", "))")
                }
                out.append("    win back: \(c.winBack.isEmpty ? "no shared data" : costList(c.winBack))")
                if c.burnUp.count > 1 {
                    out.append("    burn-up: \(c.burnUp.map { "\($0.day) \($0.done)/\($0.inScope)" }.joined(separator: ", "))")
                }
            }
        }
        if let r = p.ratchet {
            out.append(StyledText())
            out.append(style.bold("Ratchet") + StyledText(r.since.map { " (against the snapshot of \($0))" } ?? " (no earlier snapshot to compare)"))
            if r.rises.isEmpty { out.append("  No project's total cost or missing grants rose.") }
            for rise in r.rises {
                out.append("  \(style.red("rose")): \(rise.path) (\(rise.project)): \(rise.description)")
            }
        }
        return out
    }

    // MARK: markdown

    static func markdown(_ card: Scorecard) -> [String] {
        guard let p = card.programme else { return [] }
        let m = Escape.markdown
        var out: [String] = ["", "## Levels", ""]
        if p.ladder.levels.isEmpty {
            out.append("No levels are defined.")
        } else {
            out.append("| Level | Projects | Gate |")
            out.append("| --- | ---: | --- |")
            for level in p.ladder.levels {
                let count = p.levelCounts.first { $0.id == level.id }?.projects ?? 0
                out.append("| \(m(level.name)) (`\(m(level.id))`) | \(count) | \(m(level.summary)) |")
            }
            out.append("| none | \(p.below) | below the first level |")
            out.append("")
            out.append("### Levels per agency")
            out.append("")
            out.append("| Agency | " + p.ladder.levels.map { m($0.name) }.joined(separator: " | ") + " | None |")
            out.append("| --- |" + String(repeating: " ---: |", count: p.ladder.levels.count + 1))
            for a in p.agencyLevels {
                out.append("| \(m(a.agency)) | " + a.counts.map { "\($0.projects)" }.joined(separator: " | ") + " | \(a.below) |")
            }
            out.append("")
            out.append("### Project levels")
            out.append("")
            out.append("| Manifest | Level | Next | What stands between it and the next |")
            out.append("| --- | --- | --- | --- |")
            for row in card.scoredProjects {
                guard let st = row.standing else { continue }
                out.append("| \(m(row.path)) | \(m(st.level ?? "none")) | \(m(st.nextLevel ?? "—")) | \(st.nextLevel == nil ? "top level reached" : m(gaps(st.missing, limit: 10))) |")
            }
        }
        if let campaigns = p.campaigns {
            out += ["", "## Campaigns", ""]
            if campaigns.isEmpty { out.append("No campaigns are defined.") }
            for c in campaigns {
                out.append("### \(m(c.campaign.name)) (`\(m(c.campaign.id))`)")
                out.append("")
                out.append("Goal: \(m(c.campaign.goal.description)), \(c.campaign.starts) to \(c.campaign.due). **\(c.done.count) of \(c.inScope.count) done**; the line expects \(expected(c.expectedDone)) by \(card.date): **\(status(c))**.")
                out.append("")
                if !c.remaining.isEmpty {
                    out.append("Remaining: " + zip(c.remaining, c.remainingProjects).map { "\(m($0)) (\(m($1)))" }.joined(separator: ", "))
                    out.append("")
                }
                out.append("Win back: " + (c.winBack.isEmpty ? "no shared data" : m(costList(c.winBack))))
                if c.burnUp.count > 1 {
                    out.append("")
                    out.append("| Day | Done | In scope |")
                    out.append("| --- | ---: | ---: |")
                    for point in c.burnUp { out.append("| \(m(point.day)) | \(point.done) | \(point.inScope) |") }
                }
                out.append("")
            }
        }
        if let r = p.ratchet {
            out += ["", "## Ratchet", ""]
            out.append(r.since.map { "Against the snapshot of \(m($0))." } ?? "No earlier snapshot to compare.")
            out.append("")
            if r.rises.isEmpty { out.append("No project's total cost or missing grants rose.") }
            for rise in r.rises { out.append("- **rose**: \(m(rise.path)) (\(m(rise.project))): \(m(rise.description))") }
        }
        return out
    }

    // MARK: csv

    static let csvLevelHeader = ["level", "next_level", "next_level_missing"]
    static let csvCampaignHeader = ["campaign", "name", "goal", "starts", "due", "in_scope", "done", "remaining",
                                    "remaining_paths", "win_back", "expected_done", "on_track", "overdue"]
    static let csvRatchetHeader = ["ratchet_path", "project", "since", "total_cost_before", "total_cost",
                                   "missing_grants_before", "missing_grants"]

    static func csvLevelCells(_ row: ProjectScore) -> [String] {
        guard let st = row.standing else { return ["", "", ""] }
        return [st.level ?? "", st.nextLevel ?? "", st.missing.map(\.message).joined(separator: ";")]
    }

    /// The campaign and ratchet tables, each after one empty line with its own header row.
    static func csvSections(_ card: Scorecard) -> String {
        guard let p = card.programme else { return "" }
        var out = ""
        if let campaigns = p.campaigns {
            out += "\r\n" + CSVScorecard.line(csvCampaignHeader)
            for c in campaigns {
                out += CSVScorecard.line([c.campaign.id, c.campaign.name, c.campaign.goal.description, c.campaign.starts.description,
                                          c.campaign.due.description, "\(c.inScope.count)", "\(c.done.count)", "\(c.remaining.count)",
                                          c.remaining.joined(separator: ";"), c.winBack.map(\.dataset).joined(separator: ";"),
                                          expected(c.expectedDone), c.onTrack ? "true" : "false", c.overdue ? "true" : "false"])
            }
        }
        if let r = p.ratchet {
            out += "\r\n" + CSVScorecard.line(csvRatchetHeader)
            for rise in r.rises {
                out += CSVScorecard.line([rise.path, rise.project, r.since ?? "", "\(rise.totalCostBefore)", "\(rise.totalCost)",
                                          "\(rise.missingGrantsBefore)", "\(rise.missingGrants)"])
            }
        }
        return out
    }
}

/// The programme parts of the scorecard JSON.
enum ProgrammeJSON {
    struct Campaign: Encodable {
        var id: String
        var name: String
        var goal: Goal
        var starts: String
        var due: String
        var inScope: [String]
        var done: [String]
        var remaining: [String]
        var winBack: [CostItem]
        var expectedDone: Double
        var onTrack: Bool
        var overdue: Bool
        var burnUp: [Programme.BurnPoint]

        struct Goal: Encodable {
            var concern: String?
            var rule: String?
        }

        init(_ c: Programme.CampaignProgress) {
            id = c.campaign.id
            name = c.campaign.name
            switch c.campaign.goal {
            case .concern(let id): goal = Goal(concern: id)
            case .rule(let id): goal = Goal(rule: id)
            }
            starts = c.campaign.starts.description
            due = c.campaign.due.description
            inScope = c.inScope
            done = c.done
            remaining = c.remaining
            winBack = c.winBack
            expectedDone = (c.expectedDone * 1000).rounded() / 1000
            onTrack = c.onTrack
            overdue = c.overdue
            burnUp = c.burnUp
        }
    }

    struct Levels: Encodable {
        struct Level: Encodable {
            var id: String
            var name: String
            var summary: String
            var checks: [String]
            var projects: Int
        }

        struct Agency: Encodable {
            var agency: String
            var levels: [String: Int]
            var none: Int
        }

        var ladder: [Level]
        var none: Int
        var agencies: [Agency]

        init(_ p: Programme) {
            ladder = p.ladder.levels.map { level in
                Level(id: level.id, name: level.name, summary: level.summary, checks: level.checks.map(\.rawValue),
                      projects: p.levelCounts.first { $0.id == level.id }?.projects ?? 0)
            }
            none = p.below
            agencies = p.agencyLevels.map { a in
                Agency(agency: a.agency, levels: Dictionary(uniqueKeysWithValues: a.counts.map { ($0.id, $0.projects) }), none: a.below)
            }
        }
    }

    struct Ratchet: Encodable {
        var since: String?
        var failed: Bool
        var rises: [Programme.Rise]

        init(_ r: Programme.Ratchet) {
            since = r.since
            failed = r.failed
            rises = r.rises
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(since, forKey: .since)
            try c.encode(failed, forKey: .failed)
            try c.encode(rises, forKey: .rises)
        }

        enum Key: String, CodingKey { case since, failed, rises }
    }

    /// `nextLevel`: the next level's id and every check between the project and it.
    struct NextLevel: Encodable {
        var id: String
        var missing: [LevelGap]
    }
}

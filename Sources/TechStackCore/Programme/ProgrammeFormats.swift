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
        items.map { "\($0.dataset) (\($0.source))" }.joined(separator: ", ")
    }

    // MARK: text

    /// Lines of styled text; everything interpolated from input is sanitised by `StyledText`.
    static func text(_ card: Scorecard, style: Style) -> [StyledText] {
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
            for row in card.scoredProjects {
                guard let standing = row.standing else { continue }
                projects.add([row.path, standing.level ?? "none", standing.nextLevel ?? "—",
                              standing.nextLevel == nil ? "top level reached" : gaps(standing.missing)])
            }
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

    // MARK: html

    static func html(_ card: Scorecard) -> String {
        guard let p = card.programme else { return "" }
        let e = HTMLPage.escape
        var out = ""
        if let campaigns = p.campaigns {
            out += "<section id=\"campaigns\"><h2>Campaigns</h2><p class=\"note\">Projects in scope that reached each goal, against a straight line from the start to the due day.</p>"
            if campaigns.isEmpty { out += "<p>No campaigns are defined.</p>" }
            for c in campaigns {
                let status = self.status(c)
                let cls = c.overdue ? "poor" : (c.onTrack ? "good" : "fair")
                out += "<article class=\"campaign\" id=\"campaign-\(e(c.campaign.id))\"><h3>\(e(c.campaign.name)) <code>\(e(c.campaign.id))</code> <span class=\"pill \(cls)\">\(e(status))</span></h3>"
                out += "<p>\(e(c.campaign.goal.description)), \(c.campaign.starts) to \(c.campaign.due): <strong>\(c.done.count) of \(c.inScope.count) done</strong>; the line expects \(expected(c.expectedDone)) by \(card.date).</p>"
                out += BurnUpChart.svg(c, today: card.date)
                if !c.remaining.isEmpty {
                    out += "<p>Remaining: " + zip(c.remaining, c.remainingProjects).map { "<code>\(e($0))</code> \(e($1))" }.joined(separator: ", ") + "</p>"
                }
                out += "<p>Win back: " + (c.winBack.isEmpty ? "no shared data" : c.winBack.map { "<code>\(e($0.dataset))</code> (\(e($0.source)))" }.joined(separator: ", ")) + "</p></article>"
            }
            out += "</section>\n"
        }
        if !p.ladder.levels.isEmpty {
            out += "<section id=\"levels\"><h2>Levels</h2><p class=\"note\">"
            out += p.ladder.levels.map { "<strong>\(e($0.name))</strong>: \(e($0.summary))" }.joined(separator: " ") + " Each level includes the ones before it.</p>"
            let agencyRows = p.agencyLevels.map { a in
                "<tr><td><code>\(e(a.agency))</code></td>" + a.counts.map { "<td class=\"num\">\($0.projects)</td>" }.joined() + "<td class=\"num\">\(a.below)</td></tr>"
            }
            out += HTMLPage.sortableTable(id: "level-agency-table", caption: "Projects at each level, per agency",
                                          header: [("Agency", false)] + p.ladder.levels.map { ($0.name, true) } + [("None", true)], rows: agencyRows)
            let rank = Dictionary(uniqueKeysWithValues: p.ladder.levels.enumerated().map { ($1.id, $0 + 1) })
            let projectRows = card.scoredProjects.compactMap { row -> String? in
                guard let st = row.standing else { return nil }
                let gaps = st.missing.map { "<li>\(e($0.message))</li>" }.joined()
                return "<tr><td><code>\(e(row.path))</code></td><td>\(e(row.project))</td><td data-v=\"\(st.level.flatMap { rank[$0] } ?? 0)\">\(e(p.ladder.name(of: st.level)))</td><td>\(e(st.nextLevel.map { p.ladder.name(of: $0) } ?? "—"))</td><td>\(st.nextLevel == nil ? "top level reached" : "<ul class=\"gaps\">\(gaps)</ul>")</td></tr>"
            }
            out += HTMLPage.sortableTable(id: "level-table", caption: "Each project's level and what stands between it and the next",
                                          header: [("Manifest", false), ("Project", false), ("Level", true), ("Next", false), ("What is missing", false)],
                                          rows: projectRows)
            out += "</section>\n"
        }
        if let r = p.ratchet {
            out += "<section id=\"ratchet\"><h2>Ratchet</h2><p class=\"note\">\(r.since.map { "Against the snapshot of \(e($0))." } ?? "No earlier snapshot to compare.")</p>"
            out += r.rises.isEmpty ? "<p>No project's total cost or missing grants rose.</p>"
                : "<ul>" + r.rises.map { "<li class=\"error\"><code>\(e($0.path))</code> \(e($0.project)): \(e($0.description))</li>" }.joined() + "</ul>"
            out += "</section>\n"
        }
        return out
    }
}

/// The burn-up of one campaign: projects done per recorded day against the straight line
/// from `starts` (none) to `due` (every project in scope). Inline SVG, no script.
enum BurnUpChart {
    static func svg(_ c: Programme.CampaignProgress, today: Day) -> String {
        let e = HTMLPage.escape, n = HTMLPage.n
        let left = 44.0, width = 420.0, top = 12.0, height = 160.0
        let points = c.burnUp.compactMap { p in Day(p.day).map { ($0, p) } }
        let first = min(c.campaign.starts, points.first?.0 ?? c.campaign.starts)
        let last = max(c.campaign.due, points.last?.0 ?? c.campaign.due, today)
        let span = Double(max(1, first.days(until: last)))
        let maxY = Double(max(1, c.inScope.count, points.map(\.1.inScope).max() ?? 0))
        func x(_ day: Day) -> Double { left + Double(first.days(until: day)) / span * width }
        func y(_ value: Double) -> Double { top + height - value / maxY * height }
        var svg = "<svg class=\"burnup\" role=\"img\" aria-labelledby=\"burnup-\(e(c.campaign.id))\" viewBox=\"0 0 \(n(left + width + 90)) \(n(top + height + 34))\" width=\"100%\" style=\"max-width:\(n(left + width + 90))px\"><title id=\"burnup-\(e(c.campaign.id))\">Burn-up of \(e(c.campaign.name)): projects done over time against the line from \(c.campaign.starts) to \(c.campaign.due)</title>"
        svg += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top + height))\" x2=\"\(n(left + width))\" y2=\"\(n(top + height))\"/><line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + height))\"/>"
        svg += "<text class=\"muted\" x=\"\(n(left - 6))\" y=\"\(n(y(maxY) + 4))\" text-anchor=\"end\">\(Int(maxY))</text><text class=\"muted\" x=\"\(n(left - 6))\" y=\"\(n(y(0) + 4))\" text-anchor=\"end\">0</text>"
        svg += "<text class=\"muted\" x=\"\(n(x(c.campaign.starts)))\" y=\"\(n(top + height + 16))\" text-anchor=\"middle\">\(c.campaign.starts)</text><text class=\"muted\" x=\"\(n(x(c.campaign.due)))\" y=\"\(n(top + height + 30))\" text-anchor=\"middle\">due \(c.campaign.due)</text>"
        // The plan: none done at the start, every project in scope by the due day.
        svg += "<line class=\"plan\" x1=\"\(n(x(c.campaign.starts)))\" y1=\"\(n(y(0)))\" x2=\"\(n(x(c.campaign.due)))\" y2=\"\(n(y(Double(c.inScope.count))))\"><title>plan: straight line to \(c.inScope.count) by \(c.campaign.due)</title></line>"
        if today > c.campaign.starts {
            svg += "<line class=\"today\" x1=\"\(n(x(today)))\" y1=\"\(n(top))\" x2=\"\(n(x(today)))\" y2=\"\(n(top + height))\"/>"
        }
        let path = points.map { "\(n(x($0.0))),\(n(y(Double($0.1.done))))" }.joined(separator: " ")
        svg += "<polyline class=\"done\" points=\"\(path)\"/>"
        for (day, p) in points {
            svg += "<circle class=\"done\" cx=\"\(n(x(day)))\" cy=\"\(n(y(Double(p.done))))\" r=\"3.5\"><title>\(e(p.day)): \(p.done) of \(p.inScope) done</title></circle>"
        }
        svg += "<text x=\"\(n(left + width + 8))\" y=\"\(n(top + 10))\" class=\"muted\">— done</text><text x=\"\(n(left + width + 8))\" y=\"\(n(top + 26))\" class=\"muted\">- - plan</text>"
        return svg + "</svg>"
    }

    static let css = """
    svg .plan{stroke:#9aa4b1;stroke-width:1.5;stroke-dasharray:5 4}
    svg .today{stroke:var(--accent);stroke-width:1;stroke-dasharray:2 3}
    svg polyline.done{fill:none;stroke:var(--good);stroke-width:2.5}
    svg circle.done{fill:var(--good)}
    article.campaign{border-top:1px solid var(--line);padding-top:10px;margin-top:10px}
    article.campaign h3{font-size:15px;margin:0 0 4px}
    ul.gaps{margin:0;padding-left:18px}
    """
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

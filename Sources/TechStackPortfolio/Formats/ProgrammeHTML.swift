import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

extension ProgrammeSections {
    /// The campaigns (each with its burn-up), the levels and the ratchet, as sections of the
    /// scorecard page.
    /// The programme's sections, and the block of their per-project rows.
    static func html(_ card: Scorecard) -> (body: Body, blocks: [HTMLPage.Block]) {
        guard let p = card.programme else { return (.empty, []) }
        let levels = p.ladder.levels.isEmpty ? nil : levels(card, p)
        return (.group([
            .unwrap(p.campaigns) { campaigns(card, $0) },
            .unwrap(levels) { $0.body },
            .unwrap(p.ratchet) { r in
                HTMLPage.section(
                    "ratchet", "Ratchet", note: r.since.map { "Against the snapshot of \($0)." } ?? "No earlier snapshot to compare.",
                    r.rises.isEmpty ? .p(.plain("No project's total cost or missing grants rose."))
                        : .ul(.group(r.rises.map { .li(.class("error"), HTMLPage.code($0.path), .plain(" \($0.project): \($0.description)")) }))
                )
            },
        ]), levels.map { [$0.rows] } ?? [])
    }

    static func campaigns(_ card: Scorecard, _ campaigns: [Programme.CampaignProgress]) -> Body {
        let articles: [Body] = campaigns.map { c in
            let cls = c.overdue ? "poor" : (c.onTrack ? "good" : "fair")
            let winBack: [Body] = c.winBack.map { .group([HTMLPage.code($0.dataset), .plain(" (\($0.source))")]) }
            return .article(
                .class("campaign"), .id(Escape.html("campaign-\(c.campaign.id)")),
                .h3(.plain(c.campaign.name + " "), HTMLPage.code(c.campaign.id), .plain(" "), .span(.class("pill \(cls)"), .plain(status(c)))),
                .p(.plain("\(c.campaign.goal.description), \(c.campaign.starts) to \(c.campaign.due): "),
                   .strong(.plain("\(c.done.count) of \(c.inScope.count) done")),
                   .plain("; the line expects \(expected(c.expectedDone)) by \(card.date).")),
                BurnUpChart.svg(c, today: card.date),
                .if(!c.remaining.isEmpty, .p(.plain("Remaining: "), HTMLScorecard.joined(zip(c.remaining, c.remainingProjects).map {
                    .group([HTMLPage.code($0), .plain(" " + $1)])
                }))),
                .p(.plain("Win back: "), winBack.isEmpty ? .plain("no shared data") : HTMLScorecard.joined(winBack))
            )
        }
        return HTMLPage.section(
            "campaigns", "Campaigns", note: "Projects in scope that reached each goal, against a straight line from the start to the due day.",
            campaigns.isEmpty ? .p(.plain("No campaigns are defined.")) : .group(articles)
        )
    }

    static func levels(_ card: Scorecard, _ p: Programme) -> (body: Body, rows: HTMLPage.Block) {
        let note: Body = .p(.class("note"), .group(p.ladder.levels.map { level in
            .group([.strong(.plain(level.name)), .plain(": \(level.summary) ")])
        }), .plain("Each level includes the ones before it."))
        let agencyRows: [HTMLRow] = p.agencyLevels.map { a in
            .tr(.td(HTMLPage.code(a.agency)), .group(a.counts.map { HTMLPage.number($0.projects) }), HTMLPage.number(a.below))
        }
        let rank = Dictionary(p.ladder.levels.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let ladder = p.ladder
        // Indices rather than copies of the rows: a copy retains every field of a row.
        let projects = card.projects
        let standing = projects.indices.filter { !projects[$0].isError && projects[$0].standing != nil }
        let projectRows = HTMLPage.block("level-rows", standing) { (i: Int, cells: HTMLPage.Cells) -> HTMLRow in
            let row = projects[i]
            guard let st = row.standing else { return .empty }
            // The level, the next and the gaps recur from project to project (see `Cells`).
            // The path and the project fill templates (`HTMLPage.Cells.template`).
            let level = st.level ?? "", next = st.nextLevel ?? ""
            let cellsOfRow = [
                cells.template("path", holes: 1) { h in HTMLCell.td(.code(.raw(h[0]))) }.fill(Escape.html(row.path)),
                cells.template("project", holes: 1) { h in HTMLCell.td(.raw(h[0])) }.fill(Escape.html(row.project)),
                cells.markup("l\u{0}\(st.level == nil)\u{0}" + level) {
                    HTMLCell.td(.data(named: "v", value: String(st.level.flatMap { rank[$0] } ?? 0)), .plain(ladder.name(of: st.level))).render()
                },
                cells.markup("x\u{0}\(st.nextLevel == nil)\u{0}" + next + "\u{0}" + st.missing.map(\.message).joined(separator: "\u{0}")) {
                    HTMLCell.group([
                        .td(.plain(st.nextLevel.map { ladder.name(of: $0) } ?? "—")),
                        .td(st.nextLevel == nil ? .plain("top level reached") : .ul(.class("gaps"), .group(st.missing.map { .li(.plain($0.message)) }))),
                    ]).render()
                },
            ]
            return .raw(cells.template("tr", holes: 1) { h in HTMLRow.tr(.raw(h[0])) }.fill(cellsOfRow.joined()))
        }
        return (.section(
            .id("levels"), .h2(.plain("Levels")), note,
            HTMLPage.sortableTable(id: "level-agency-table", caption: "Projects at each level, per agency",
                                   header: [("Agency", false)] + p.ladder.levels.map { ($0.name, true) } + [("None", true)], rows: agencyRows),
            HTMLPage.sortableTable(id: "level-table", caption: "Each project's level and what stands between it and the next",
                                   header: [("Manifest", false), ("Project", false), ("Level", true), ("Next", false), ("What is missing", false)],
                                   rows: [projectRows.node()])
        ), projectRows)
    }
}

/// The burn-up of one campaign: projects done per recorded day against the straight line
/// from `starts` (none) to `due` (every project in scope). Inline SVG, no script; its style is
/// in `Assets/scorecard.css`.
enum BurnUpChart {
    static func svg(_ c: Programme.CampaignProgress, today: Day) -> Body {
        let left = 44.0, width = 420.0, top = 12.0, height = 160.0
        let points = c.burnUp.compactMap { p in Day(p.day).map { ($0, p) } }
        let first = min(c.campaign.starts, points.first?.0 ?? c.campaign.starts)
        let last = max(c.campaign.due, points.last?.0 ?? c.campaign.due, today)
        let span = Double(max(1, first.days(until: last)))
        let maxY = Double(max(1, c.inScope.count, points.map(\.1.inScope).max() ?? 0))
        func x(_ day: Day) -> Double { left + Double(first.days(until: day)) / span * width }
        func y(_ value: Double) -> Double { top + height - value / maxY * height }
        let id = "burnup-\(c.campaign.id)"
        return .svg(
            .class("burnup"), .role("img"), .ariaLabelledBy(id), .viewBox(left + width + 90, top + height + 34),
            .attribute("width", "100%"), .attribute("style", "max-width:\(HTMLPage.n(left + width + 90))px"),
            .title("Burn-up of \(c.campaign.name): projects done over time against the line from \(c.campaign.starts) to \(c.campaign.due)", id: id),
            .line(.class("axis"), .from(left, top + height, to: left + width, top + height)),
            .line(.class("axis"), .from(left, top, to: left, top + height)),
            .label(.class("muted"), .x(left - 6), .y(y(maxY) + 4), .textAnchor("end"), .plain(String(Int(maxY)))),
            .label(.class("muted"), .x(left - 6), .y(y(0) + 4), .textAnchor("end"), .plain("0")),
            .label(.class("muted"), .x(x(c.campaign.starts)), .y(top + height + 16), .textAnchor("middle"), .plain(c.campaign.starts.description)),
            .label(.class("muted"), .x(x(c.campaign.due)), .y(top + height + 30), .textAnchor("middle"), .plain("due \(c.campaign.due)")),
            // The plan: none done at the start, every project in scope by the due day.
            .line(.class("plan"), .from(x(c.campaign.starts), y(0), to: x(c.campaign.due), y(Double(c.inScope.count))),
                  .title("plan: straight line to \(c.inScope.count) by \(c.campaign.due)")),
            .if(today > c.campaign.starts, .line(.class("today"), .from(x(today), top, to: x(today), top + height))),
            .polyline(.class("done"), .points(points.map { (x($0.0), y(Double($0.1.done))) })),
            .group(points.map { day, p in
                .circle(.class("done"), .cx(x(day)), .cy(y(Double(p.done))), .r(3.5), .title("\(p.day): \(p.done) of \(p.inScope) done"))
            }),
            .label(.x(left + width + 8), .y(top + 10), .class("muted"), .plain("— done")),
            .label(.x(left + width + 8), .y(top + 26), .class("muted"), .plain("- - plan"))
        )
    }
}

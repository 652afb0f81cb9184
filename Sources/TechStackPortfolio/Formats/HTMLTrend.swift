import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The trend as one self-contained HTML page: a line chart of adoption over time (the whole
/// portfolio and every agency), a sparkline per concern, and the biggest improvements and drops.
public enum HTMLTrend: TrendFormat {
    public static let identifier = "html"

    /// Distinguishable line colours, reused in order.
    static let palette = ["#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d", "#4d7c0f", "#475569"]

    public static func generate(_ trend: Trend, history: String, style: Style) -> String {
        let last = trend.points.last
        var line = "\(trend.points.count) snapshot\(plural(trend.points.count)) in \(history)"
        if let last { line += " · latest \(last.day) with \(last.catalogue) \(last.catalogueVersion)" }
        let header: Body = .header(.class("top"), .h1(.plain("Adoption trend")), .p(.plain(line)))
        guard !trend.points.isEmpty else {
            let empty: Body = .main(.section(.p(.plain("No snapshot yet: record one with "),
                                                .code(.plain("techstack scorecard PATH... --record \(history)")), .plain("."))))
            return HTMLPage.document(title: "Adoption trend", body: .group([header, empty]))
        }
        func card(_ cls: String, _ value: String, _ label: String) -> Body {
            .div(.class(cls.isEmpty ? "card" : "card \(cls)"), .div(.class("value"), .plain(value)), .div(.class("label"), .plain(label)))
        }
        let cards: Body = .div(
            .class("cards"), .id("summary"),
            .unwrap(last) { card(HTMLPage.rateClass($0.adoption), percent($0.adoption), "adoption on \($0.day)") },
            .unwrap(trend.overall) { card($0.points > 0 ? "good" : "poor", signedPoints($0.points), "points since the snapshot before") },
            .unwrap(last) { .group([card("", "\($0.projects)", "projects in the latest snapshot"),
                                    card("", "\($0.deviations)", "deviations in the latest snapshot")]) }
        )
        let main: Body = .main(
            cards,
            HTMLPage.section("trend-chart", "Adoption over time",
                             note: "Share of answered concerns on a recommended choice at each snapshot: the whole portfolio (thick) and each agency.",
                             lineChart(trend)),
            changesSection(trend),
            concernsSection(trend),
            snapshotsSection(trend)
        )
        return HTMLPage.document(title: "Adoption trend · \(history)", body: .group([header, main]))
    }

    static func lineChart(_ trend: Trend) -> Body {
        let n = HTMLPage.n
        let left = 44.0, top = 12.0, width = 640.0, height = 260.0, bottom = 40.0
        let count = trend.points.count
        // Points stand at their dates, not their ranks: a gap of months looks like one.
        let days = trend.points.enumerated().map { Trend.dayNumber($0.element.day) ?? $0.offset }
        let first = days.first ?? 0, span = max(1, (days.last ?? 0) - first)
        func x(_ i: Int) -> Double { count == 1 ? left + width / 2 : left + Double(days[i] - first) / Double(span) * width }
        // The axis starts at the tenth below the lowest value, so close lines stay apart.
        let values = (trend.points.map(\.adoption) + trend.agencies.flatMap(\.adoption)).compactMap { $0 }
        let floor = max(0, ((values.min() ?? 0) * 10 - 0.5).rounded(.down) / 10)
        func y(_ v: Double) -> Double { top + (1 - (v - floor) / (1 - floor)) * height }
        var nodes: [Node<SVG.Context>] = []
        let step = 1 - floor > 0.5 ? 0.25 : 0.1
        for tick in stride(from: floor, through: 1.0001, by: step) {
            nodes.append(.line(.class("grid"), .from(left, y(tick), to: left + width, y(tick))))
            nodes.append(.label(.class("muted"), .x(left - 6), .y(y(tick) + 4), .textAnchor("end"), .plain("\(Int((tick * 100).rounded()))%")))
        }
        let labelEvery = max(1, count / 8)
        for (i, p) in trend.points.enumerated() where i % labelEvery == 0 || i == count - 1 {
            nodes.append(.label(.class("muted"), .x(x(i)), .y(top + height + 18), .textAnchor("middle"), .plain(p.day)))
        }
        var lines: [(id: String, values: [Double?], color: String, thick: Bool)] = [("all projects", trend.points.map(\.adoption), "#14213d", true)]
        for (i, series) in trend.agencies.enumerated() {
            lines.append((series.id, series.adoption, palette[i % palette.count], false))
        }
        for line in lines {
            var path = ""
            var pen = false
            var marks: [Node<SVG.Context>] = []
            for (i, value) in line.values.enumerated() {
                guard let value else {
                    pen = false
                    continue
                }
                path += "\(pen ? "L" : "M")\(n(x(i))) \(n(y(value)))"
                pen = true
                marks.append(.circle(.cx(x(i)), .cy(y(value)), .r(line.thick ? 4 : 3), .fill(line.color),
                                     .title("\(line.id) on \(trend.points[i].day): \(percent(value))")))
            }
            nodes.append(.g(.title(line.id), .path(.d(path), .fill("none"), .stroke(line.color), .strokeWidth(line.thick ? 3.5 : 1.8)), .group(marks)))
        }
        for (i, line) in lines.enumerated() {
            let ly = top + 6 + Double(i) * 18
            nodes.append(.line(.from(left + width + 20, ly, to: left + width + 40, ly), .stroke(line.color), .strokeWidth(line.thick ? 3.5 : 2)))
            nodes.append(.label(.x(left + width + 46), .y(ly + 4), .plain(HTMLScorecard.truncate(line.id, 18))))
        }
        return HTMLScorecard.chart(titled: "Adoption over time per agency", id: "trend-title", width: left + width + 170, height: top + height + bottom, nodes)
    }

    static func changesSection(_ trend: Trend) -> Body {
        guard trend.points.count >= 2 else {
            return HTMLPage.section("changes", "Improvements and drops", .p(.plain("One snapshot: record another to compare.")))
        }
        let before = trend.points[0].day, after = trend.points[trend.points.count - 1].day
        let parts: [Body] = [("Improvements", "improvements", trend.improvements), ("Drops", "drops", trend.drops)].map { title, id, changes in
            let rows: [HTMLRow] = changes.map { c in
                .tr(HTMLPage.number(.plain(signedPoints(c.points)), sortKey: String(c.points), classes: "num \(c.points > 0 ? "up" : "down")"),
                    .td(.plain(c.subject.rawValue)), .td(HTMLPage.code(c.id)),
                    HTMLPage.number(.plain(percent(c.before)), sortKey: String(c.before ?? -1)),
                    HTMLPage.number(.plain(percent(c.after)), sortKey: String(c.after ?? -1)))
            }
            guard !rows.isEmpty else { return .group([.h3(.plain(title)), .p(.plain("None."))]) }
            return .group([.h3(.plain(title)), HTMLPage.sortableTable(
                id: id, caption: "\(title) between the first and the last day",
                header: [("Points", true), ("Of", false), ("Id", false), ("Before", true), ("After", true)], rows: rows)])
        }
        return HTMLPage.section("changes", "Biggest improvements and drops",
                                note: "From \(before) to \(after), in percentage points of adoption.", .group(parts))
    }

    /// A small line for one series, 0–100 %.
    static func sparkline(_ values: [Double?]) -> Body {
        let n = HTMLPage.n
        let w = 120.0, h = 24.0
        var path = ""
        var pen = false
        for (i, value) in values.enumerated() {
            guard let value else {
                pen = false
                continue
            }
            let x = values.count == 1 ? w / 2 : Double(i) / Double(values.count - 1) * (w - 4) + 2
            path += "\(pen ? "L" : "M")\(n(x)) \(n(2 + (1 - value) * (h - 4)))"
            pen = true
        }
        return .svg(.width(w), .height(h), .viewBox(w, h), .attribute("aria-hidden", "true"),
                    .rect(.x(0), .y(0), .width(w), .height(h), .fill("#f3f5f8")),
                    .path(.d(path), .fill("none"), .stroke("#1d4ed8"), .strokeWidth(1.8)))
    }

    static func concernsSection(_ trend: Trend) -> Body {
        func rows(_ series: [Trend.Series]) -> [HTMLRow] {
            series.map { s in
                let first = s.adoption.first ?? nil, last = s.adoption.last ?? nil
                let change = s.adoption.count >= 2 ? Trend.change(.concern, s.id, first, last) : nil
                let changeCell: HTMLCell = change.map {
                    HTMLPage.number(.plain(signedPoints($0.points)), sortKey: String($0.points), classes: "num \($0.points > 0 ? "up" : "down")")
                } ?? HTMLPage.number(.plain("—"), sortKey: "0")
                return .tr(.td(HTMLPage.code(s.id), .unwrap(s.name) { .plain(" " + $0) }),
                           .td(sparkline(s.adoption)),
                           HTMLPage.number(.plain(percent(first)), sortKey: String(first ?? -1)),
                           HTMLPage.number(.plain(percent(last)), sortKey: String(last ?? -1)),
                           changeCell)
            }
        }
        let header: [(title: String, numeric: Bool)] = [("Id", false), ("Over time", false), ("First", true), ("Latest", true), ("Last change", true)]
        return .group([
            HTMLPage.section("agency-trend", "Agencies over time", HTMLPage.sortableTable(
                id: "agency-trend-table", caption: "Adoption per agency at the first and latest snapshot", header: header, rows: rows(trend.agencies))),
            HTMLPage.section("concern-trend", "Concerns over time", HTMLPage.sortableTable(
                id: "concern-trend-table", caption: "Adoption per concern at the first and latest snapshot", header: header, rows: rows(trend.concerns))),
        ])
    }

    static func snapshotsSection(_ trend: Trend) -> Body {
        let rows: [HTMLRow] = trend.points.map { p in
            .tr(.td(.class("num"), .plain(String(p.snapshot))), .td(.plain(p.day)), .td(.plain("\(p.catalogue) \(p.catalogueVersion)")),
                HTMLPage.number(p.projects), HTMLPage.number(p.errors),
                HTMLPage.number(HTMLScorecard.pill(p.adoption), sortKey: String(p.adoption ?? -1)),
                HTMLPage.number(p.deviations), HTMLPage.number(p.projectsForfeiting), HTMLPage.number(p.unreachable), HTMLPage.number(p.missingGrants))
        }
        return HTMLPage.section("snapshots", "Snapshots", HTMLPage.sortableTable(
            id: "snapshot-table", caption: "Every snapshot recorded",
            header: [("Snapshot", true), ("Day", false), ("Catalogue", false), ("Projects", true), ("Unreadable", true), ("Adoption", true),
                     ("Deviations", true), ("Projects forfeiting", true), ("Unreachable", true), ("Missing grants", true)],
            rows: rows))
    }
}

/// The trend as one self-contained HTML page: a line chart of adoption over time (the whole
/// portfolio and every agency), a sparkline per concern, and the biggest improvements and drops.
public enum HTMLTrend: TrendFormat {
    public static let identifier = "html"

    /// Distinguishable line colours, reused in order.
    static let palette = ["#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d", "#4d7c0f", "#475569"]

    public static func generate(_ trend: Trend, history: String, style: Style) -> String {
        let e = HTMLPage.escape
        let last = trend.points.last
        var body = "<header class=\"top\"><h1>Adoption trend</h1><p>\(trend.points.count) snapshot\(plural(trend.points.count)) in \(e(history))"
        if let last { body += " · latest \(e(last.day)) with \(e(last.catalogue)) \(e(last.catalogueVersion))" }
        body += "</p></header>\n<main>\n"
        guard !trend.points.isEmpty else {
            body += "<section><p>No snapshot yet: record one with <code>techstack scorecard PATH... --record \(e(history))</code>.</p></section></main>"
            return HTMLPage.document(title: "Adoption trend", body: body)
        }
        body += "<div class=\"cards\" id=\"summary\">"
        if let last {
            body += "<div class=\"card \(HTMLPage.rateClass(last.adoption))\"><div class=\"value\">\(percent(last.adoption))</div><div class=\"label\">adoption on \(e(last.day))</div></div>"
        }
        if let overall = trend.overall {
            let cls = overall.points > 0 ? "good" : "poor"
            body += "<div class=\"card \(cls)\"><div class=\"value\">\(signedPoints(overall.points))</div><div class=\"label\">points since the snapshot before</div></div>"
        }
        if let last {
            body += "<div class=\"card\"><div class=\"value\">\(last.projects)</div><div class=\"label\">projects in the latest snapshot</div></div>"
            body += "<div class=\"card\"><div class=\"value\">\(last.deviations)</div><div class=\"label\">deviations in the latest snapshot</div></div>"
        }
        body += "</div>\n"
        body += "<section id=\"trend-chart\"><h2>Adoption over time</h2><p class=\"note\">Share of answered concerns on a recommended choice at each snapshot: the whole portfolio (thick) and each agency.</p>\(lineChart(trend))</section>\n"
        body += changesSection(trend)
        body += concernsSection(trend)
        body += snapshotsSection(trend)
        body += "</main>"
        return HTMLPage.document(title: "Adoption trend · \(history)", body: body)
    }

    static func lineChart(_ trend: Trend) -> String {
        let e = HTMLPage.escape, n = HTMLPage.n
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
        var svg = "<svg role=\"img\" aria-labelledby=\"trend-title\" viewBox=\"0 0 \(n(left + width + 170)) \(n(top + height + bottom))\" width=\"100%\" style=\"max-width:\(n(left + width + 170))px\"><title id=\"trend-title\">Adoption over time per agency</title>"
        let step = 1 - floor > 0.5 ? 0.25 : 0.1
        for tick in stride(from: floor, through: 1.0001, by: step) {
            svg += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + width))\" y2=\"\(n(y(tick)))\"/><text class=\"muted\" x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(Int((tick * 100).rounded()))%</text>"
        }
        let labelEvery = max(1, count / 8)
        for (i, p) in trend.points.enumerated() where i % labelEvery == 0 || i == count - 1 {
            svg += "<text class=\"muted\" x=\"\(n(x(i)))\" y=\"\(n(top + height + 18))\" text-anchor=\"middle\">\(e(p.day))</text>"
        }
        var lines: [(id: String, values: [Double?], color: String, thick: Bool)] = [("all projects", trend.points.map(\.adoption), "#14213d", true)]
        for (i, series) in trend.agencies.enumerated() {
            lines.append((series.id, series.adoption, palette[i % palette.count], false))
        }
        for line in lines {
            var path = ""
            var pen = false
            var marks = ""
            for (i, value) in line.values.enumerated() {
                guard let value else {
                    pen = false
                    continue
                }
                path += "\(pen ? "L" : "M")\(n(x(i))) \(n(y(value)))"
                pen = true
                marks += "<circle cx=\"\(n(x(i)))\" cy=\"\(n(y(value)))\" r=\"\(line.thick ? 4 : 3)\" fill=\"\(line.color)\"><title>\(e("\(line.id) on \(trend.points[i].day): \(percent(value))"))</title></circle>"
            }
            svg += "<g><title>\(e(line.id))</title><path d=\"\(path)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"\(line.thick ? 3.5 : 1.8)\"/>\(marks)</g>"
        }
        for (i, line) in lines.enumerated() {
            let ly = top + 6 + Double(i) * 18
            svg += "<line x1=\"\(n(left + width + 20))\" y1=\"\(n(ly))\" x2=\"\(n(left + width + 40))\" y2=\"\(n(ly))\" stroke=\"\(line.color)\" stroke-width=\"\(line.thick ? 3.5 : 2)\"/><text x=\"\(n(left + width + 46))\" y=\"\(n(ly + 4))\">\(e(HTMLScorecard.truncate(line.id, 18)))</text>"
        }
        return svg + "</svg>"
    }

    static func changesSection(_ trend: Trend) -> String {
        let e = HTMLPage.escape
        guard trend.points.count >= 2 else {
            return "<section id=\"changes\"><h2>Improvements and drops</h2><p>One snapshot: record another to compare.</p></section>\n"
        }
        let before = trend.points[0].day, after = trend.points[trend.points.count - 1].day
        var out = "<section id=\"changes\"><h2>Biggest improvements and drops</h2><p class=\"note\">From \(e(before)) to \(e(after)), in percentage points of adoption.</p>"
        for (title, id, changes) in [("Improvements", "improvements", trend.improvements), ("Drops", "drops", trend.drops)] {
            let rows = changes.map { c in
                "<tr><td class=\"num \(c.points > 0 ? "up" : "down")\" data-v=\"\(c.points)\">\(signedPoints(c.points))</td><td>\(c.subject.rawValue)</td><td><code>\(e(c.id))</code></td><td class=\"num\" data-v=\"\(c.before ?? -1)\">\(percent(c.before))</td><td class=\"num\" data-v=\"\(c.after ?? -1)\">\(percent(c.after))</td></tr>"
            }
            if rows.isEmpty {
                out += "<h3>\(title)</h3><p>None.</p>"
            } else {
                out += "<h3>\(title)</h3>" + HTMLPage.sortableTable(id: id, caption: "\(title) between the first and the last day",
                    header: [("Points", true), ("Of", false), ("Id", false), ("Before", true), ("After", true)], rows: rows)
            }
        }
        return out + "</section>\n"
    }

    /// A small line for one series, 0–100 %.
    static func sparkline(_ values: [Double?]) -> String {
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
        return "<svg width=\"\(n(w))\" height=\"\(n(h))\" viewBox=\"0 0 \(n(w)) \(n(h))\" aria-hidden=\"true\"><rect x=\"0\" y=\"0\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"#f3f5f8\"/><path d=\"\(path)\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"1.8\"/></svg>"
    }

    static func concernsSection(_ trend: Trend) -> String {
        let e = HTMLPage.escape
        func rows(_ series: [Trend.Series]) -> [String] {
            series.map { s in
                let first = s.adoption.first ?? nil, last = s.adoption.last ?? nil
                let change = s.adoption.count >= 2 ? Trend.change(.concern, s.id, first, last) : nil
                let changeCell = change.map { "<td class=\"num \($0.points > 0 ? "up" : "down")\" data-v=\"\($0.points)\">\(signedPoints($0.points))</td>" } ?? "<td class=\"num\" data-v=\"0\">—</td>"
                return "<tr><td><code>\(e(s.id))</code>\(s.name.map { " " + e($0) } ?? "")</td><td>\(sparkline(s.adoption))</td><td class=\"num\" data-v=\"\(first ?? -1)\">\(percent(first))</td><td class=\"num\" data-v=\"\(last ?? -1)\">\(percent(last))</td>\(changeCell)</tr>"
            }
        }
        let header: [(title: String, numeric: Bool)] = [("Id", false), ("Over time", false), ("First", true), ("Latest", true), ("Last change", true)]
        return "<section id=\"agency-trend\"><h2>Agencies over time</h2>"
            + HTMLPage.sortableTable(id: "agency-trend-table", caption: "Adoption per agency at the first and latest snapshot", header: header, rows: rows(trend.agencies))
            + "</section>\n<section id=\"concern-trend\"><h2>Concerns over time</h2>"
            + HTMLPage.sortableTable(id: "concern-trend-table", caption: "Adoption per concern at the first and latest snapshot", header: header, rows: rows(trend.concerns))
            + "</section>\n"
    }

    static func snapshotsSection(_ trend: Trend) -> String {
        let e = HTMLPage.escape
        let rows = trend.points.map { p in
            "<tr><td class=\"num\">\(p.snapshot)</td><td>\(e(p.day))</td><td>\(e(p.catalogue)) \(e(p.catalogueVersion))</td><td class=\"num\">\(p.projects)</td><td class=\"num\">\(p.errors)</td><td class=\"num\" data-v=\"\(p.adoption ?? -1)\">\(HTMLScorecard.pill(p.adoption))</td><td class=\"num\">\(p.deviations)</td><td class=\"num\">\(p.projectsForfeiting)</td><td class=\"num\">\(p.unreachable)</td><td class=\"num\">\(p.missingGrants)</td></tr>"
        }
        return "<section id=\"snapshots\"><h2>Snapshots</h2>" + HTMLPage.sortableTable(
            id: "snapshot-table", caption: "Every snapshot recorded",
            header: [("Snapshot", true), ("Day", false), ("Catalogue", false), ("Projects", true), ("Unreadable", true), ("Adoption", true),
                     ("Deviations", true), ("Projects forfeiting", true), ("Unreachable", true), ("Missing grants", true)],
            rows: rows) + "</section>\n"
    }
}

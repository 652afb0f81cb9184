import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// One output format of `scorecard trend` (`--format IDENTIFIER`).
public protocol TrendFormat {
    static var identifier: String { get }
    static func generate(_ trend: Trend, history: String, style: Style) -> String
}

public enum TrendFormats {
    public static var all: [any TrendFormat.Type] { Choice.allCases.map(\.format) }
    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any TrendFormat.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// `scorecard trend --format`.
    public enum Choice: String, CaseIterable, Sendable {
        case text, json, html

        public var format: any TrendFormat.Type {
            switch self {
            case .text: TextTrend.self
            case .json: JSONTrend.self
            case .html: HTMLTrend.self
            }
        }
    }
}

/// A change for people: `+6.0 points`.
func signedPoints(_ points: Double) -> String {
    let tenths = Int((points * 10).rounded())
    let sign = tenths > 0 ? "+" : tenths < 0 ? "−" : "±"
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
}

/// The trend for a terminal: the snapshots, adoption per agency and per concern over the last
/// snapshots, and the biggest improvements and drops between the first and the last day.
public enum TextTrend: TrendFormat {
    public static let identifier = "text"
    /// Columns shown per series; older snapshots are in the JSON and HTML.
    static let columns = 6

    public static func generate(_ trend: Trend, history: String, style: Style) -> String {
        var out: [StyledText] = []
        out.append(style.bold("Adoption trend") + " · \(trend.points.count) snapshot\(plural(trend.points.count)) in \(history)")
        guard !trend.points.isEmpty else {
            out.append("No snapshot yet: record one with 'techstack scorecard PATH... --record \(history)'.")
            return style.render(out.joined(separator: "\n")) + "\n"
        }
        out.append(StyledText())
        var table = TextColumns(["snapshot", "day", "catalogue", "projects", "unreadable", "adoption", "", "deviations", "forfeiting", "unreachable", "grants missing"],
                                alignments: [.right, .left, .left, .right, .right, .right, .left, .right, .right, .right, .right])
        for p in trend.points {
            table.add(["\(p.snapshot)", StyledText(p.day), "\(p.catalogue) \(p.catalogueVersion)",
                       "\(p.projects)", "\(p.errors)",
                       style.bold(percent(p.adoption)), TextScorecard.bar(p.adoption, style: style),
                       "\(p.deviations)", "\(p.projectsForfeiting)",
                       "\(p.unreachable)", "\(p.missingGrants)"])
        }
        out += table.render(style: style)
        if let overall = trend.overall {
            out.append(StyledText())
            out.append("Overall adoption \(percent(overall.before)) → \(percent(overall.after)) (\(colored(overall.points, style: style)) points)")
        }
        let shown = Array(trend.points.suffix(columns).indices)
        let offset = trend.points.count - shown.count
        for (title, series) in [("Adoption per agency", trend.agencies), ("Adoption per concern", trend.concerns)] {
            out.append(StyledText())
            out.append(style.bold(title))
            var header = [title.hasSuffix("agency") ? "agency" : "concern"]
            header += trend.points.suffix(columns).map(\.day)
            header.append("change")
            var t = TextColumns(header, alignments: [.left] + Array(repeating: .right, count: shown.count + 1))
            for s in series {
                var cells = [StyledText(s.id)]
                for i in 0..<shown.count {
                    cells.append(StyledText(percent(s.adoption[offset + i])))
                }
                let last = s.adoption.count >= 2 ? Trend.change(.agency, s.id, s.adoption.first ?? nil, s.adoption.last ?? nil) : nil
                cells.append(last.map { colored($0.points, style: style) } ?? StyledText())
                t.add(cells)
            }
            out += t.render(style: style)
        }
        if trend.points.count >= 2 {
            let before = trend.points[0].day
            let after = trend.points[trend.points.count - 1].day
            for (title, changes) in [("Biggest improvements", trend.improvements), ("Biggest drops", trend.drops)] {
                out.append(StyledText())
                out.append(style.bold("\(title) from \(before) to \(after)"))
                if changes.isEmpty {
                    out.append("  None.")
                    continue
                }
                var t = TextColumns(["points", "of", "id", "adoption"], alignments: [.right, .left, .left, .left])
                for c in changes {
                    t.add([colored(c.points, style: style), StyledText(c.subject.rawValue), StyledText(c.id),
                           "\(percent(c.before)) → \(percent(c.after))"])
                }
                out += t.render(style: style)
            }
        } else {
            out.append(StyledText())
            out.append("One snapshot: record another to see improvements and drops.")
        }
        return style.render(out.joined(separator: "\n")) + "\n"
    }

    static func colored(_ points: Double, style: Style) -> StyledText {
        let text = signedPoints(points)
        return points > 0 ? style.green(text) : points < 0 ? style.red(text) : StyledText(text)
    }
}

/// The trend as JSON: `version`, `history`, `snapshots`, `agencies` and `concerns` (each with
/// one adoption per snapshot, null where there was none), `overall`, `improvements`, `drops`.
public enum JSONTrend: TrendFormat {
    public static let identifier = "json"

    struct Document: Encodable {
        var version = 1
        var history: String
        var snapshots: [Trend.Point]
        var agencies: [Trend.Series]
        var concerns: [Trend.Series]
        var overall: Trend.Change?
        var improvements: [Trend.Change]
        var drops: [Trend.Change]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(version, forKey: .version)
            try c.encode(history, forKey: .history)
            try c.encode(snapshots, forKey: .snapshots)
            try c.encode(agencies, forKey: .agencies)
            try c.encode(concerns, forKey: .concerns)
            try c.encode(overall, forKey: .overall)
            try c.encode(improvements, forKey: .improvements)
            try c.encode(drops, forKey: .drops)
        }

        enum Key: String, CodingKey { case version, history, snapshots, agencies, concerns, overall, improvements, drops }
    }

    public static func generate(_ trend: Trend, history: String, style: Style) -> String {
        JSONOutput.encode(Document(history: history, snapshots: trend.points, agencies: trend.agencies, concerns: trend.concerns,
                                   overall: trend.overall, improvements: trend.improvements, drops: trend.drops))
    }
}

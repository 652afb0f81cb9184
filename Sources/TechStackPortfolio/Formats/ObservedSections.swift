import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The observed-stack parts of every scorecard format (`--observe`): columns in the agency
/// and project tables, and a section listing, per project whose repository differs from its
/// manifest, the undeclared and unobserved answers and the hidden cost. A scorecard made
/// without `--observe` has none of them.
enum ObservedSections {
    /// `api-style: soap (src/client.ts:2 and 2 more places)`.
    static func describe(_ u: ObservedScore.Undeclared) -> String {
        guard let first = u.evidence.first else { return "\(u.concern): \(u.id)" }
        let more = u.evidenceCount > 1 ? " and \(u.evidenceCount - 1) more place\(plural(u.evidenceCount - 1))" : ""
        return "\(u.concern): \(u.id) (\(first.location)\(more))"
    }

    static func describe(_ u: ObservedScore.Unobserved) -> String { "\(u.concern): \(u.id)" }

    static func describe(_ item: CostItem) -> String { CostText.item(item) }

    static func hasDrift(_ o: ObservedScore?) -> Bool {
        guard let o else { return false }
        return !o.undeclared.isEmpty || !o.unobserved.isEmpty || !o.hiddenCost.isEmpty
    }

    // MARK: text

    static func textCells(_ o: ObservedScore?) -> [StyledText] {
        let o = o ?? ObservedScore()
        return ["\(o.undeclared.count)", "\(o.unobserved.count)", "\(o.hiddenCost.count)"]
    }

    package static func text(_ card: Scorecard, style: Style) -> [StyledText] {
        var out: [StyledText] = [StyledText(), style.bold("Observed stack: what each repository shows beside its manifest")]
        let rows = card.scoredProjects.filter { hasDrift($0.observed) }
        guard !rows.isEmpty else {
            out.append("  None: every repository shows what its manifest declares.")
            return out
        }
        for row in rows {
            guard let o = row.observed else { continue }
            out.append("  " + style.bold(StyledText(row.path)) + " (\(row.project), \(row.agency))")
            func list(_ label: String, _ items: [String], color: (StyledText) -> StyledText) {
                guard !items.isEmpty else { return }
                let pad = String(repeating: " ", count: max(1, 12 - label.count))
                out.append("    " + color(StyledText(label)) + StyledText(pad) + StyledText(items.joined(separator: ", ")))
            }
            list("undeclared", o.undeclared.map(describe), color: style.yellow)
            list("unobserved", o.unobserved.map(describe), color: style.dim)
            list("hidden cost", o.hiddenCost.map(describe), color: style.red)
        }
        return out
    }

    // MARK: markdown

    static func markdownMeasures(_ s: Scorecard.Summary) -> [String] {
        ["| Undeclared answers (the code uses, the manifest does not say) | \(s.undeclared ?? 0) |",
         "| Unobserved answers (declared, no evidence in the code) | \(s.unobserved ?? 0) |",
         "| Projects with hidden cost | \(s.projectsWithHiddenCost ?? 0) (\(s.datasetsHiddenForfeited ?? 0) datasets) |"]
    }

    static func markdownAgencyCells(_ a: Scorecard.AgencyScore) -> String {
        " \(a.undeclared ?? 0) | \(a.unobserved ?? 0) | \(a.projectsWithHiddenCost ?? 0) | \(a.datasetsHiddenForfeited ?? 0) |"
    }

    static func markdownProjectCells(_ o: ObservedScore?) -> String {
        let o = o ?? ObservedScore()
        return " \(o.undeclared.count) | \(o.unobserved.count) | \(o.hiddenCost.count) |"
    }

    static func markdown(_ card: Scorecard) -> [String] {
        var out = ["", "## Observed stack", "",
                   "What each repository shows beside its manifest. The hidden cost is the shared data the code gives up beyond the declared deviations.", ""]
        let rows = card.scoredProjects.filter { hasDrift($0.observed) }
        guard !rows.isEmpty else { return out + ["Every repository shows what its manifest declares."] }
        out.append("| Manifest | Project | Undeclared | Unobserved | Hidden cost |")
        out.append("| --- | --- | --- | --- | --- |")
        for row in rows {
            guard let o = row.observed else { continue }
            func cell(_ items: [String]) -> String { items.isEmpty ? "—" : items.map(Escape.markdown).joined(separator: "<br>") }
            out.append("| \(Escape.markdown(row.path)) | \(Escape.markdown(row.project)) | \(cell(o.undeclared.map(describe))) | \(cell(o.unobserved.map(describe))) | \(cell(o.hiddenCost.map(describe))) |")
        }
        return out
    }

    // MARK: csv

    static let csvHeader = ["undeclared", "undeclared_choices", "unobserved", "unobserved_choices",
                            "hidden_cost", "hidden_cost_datasets", "hidden_cost_sources"]

    /// `concern=id` lists, datasets and their sources aligned; empty cells on an error row.
    static func csvCells(_ row: ProjectScore) -> [String] {
        guard !row.isError else { return [String](repeating: "", count: csvHeader.count) }
        let o = row.observed ?? ObservedScore()
        return ["\(o.undeclared.count)", o.undeclared.map { "\($0.concern)=\($0.id)" }.joined(separator: ";"),
                "\(o.unobserved.count)", o.unobserved.map { "\($0.concern)=\($0.id)" }.joined(separator: ";"),
                "\(o.hiddenCost.count)", o.hiddenCost.map(\.dataset).joined(separator: ";"),
                o.hiddenCost.map(\.source).joined(separator: ";")]
    }

    // MARK: html

    static func htmlCard(_ s: Scorecard.Summary) -> Body {
        let hidden = s.projectsWithHiddenCost ?? 0, data = s.datasetsHiddenForfeited ?? 0
        return .div(.class(hidden > 0 ? "card alert" : "card"), .div(.class("value"), .plain(String(hidden))),
                    .div(.class("label"), .plain("projects with hidden cost (\(data) dataset\(plural(data))); \(s.undeclared ?? 0) undeclared, \(s.unobserved ?? 0) unobserved answers")))
    }

    static let htmlProjectColumns: [(title: String, numeric: Bool)] = [("Undeclared", true), ("Unobserved", true), ("Hidden cost (datasets)", true)]
    static let htmlAgencyColumns: [(title: String, numeric: Bool)] = [("Undeclared", true), ("Unobserved", true), ("Projects with hidden cost", true), ("Datasets hidden-forfeited", true)]

    static func htmlAgencyCells(_ a: Scorecard.AgencyScore) -> HTMLCell {
        .group([HTMLPage.number(a.undeclared ?? 0), HTMLPage.number(a.unobserved ?? 0),
                HTMLPage.number(a.projectsWithHiddenCost ?? 0), HTMLPage.number(a.datasetsHiddenForfeited ?? 0)])
    }

    static func htmlProjectCells(_ o: ObservedScore?) -> HTMLCell {
        let o = o ?? ObservedScore()
        func cell(_ items: [String]) -> HTMLCell { HTMLPage.number(HTMLScorecard.counted(items), sortKey: String(items.count)) }
        return .group([cell(o.undeclared.map(describe)), cell(o.unobserved.map(describe)), cell(o.hiddenCost.map(describe))])
    }

    static func html(_ card: Scorecard) -> Body {
        let note = "What each repository shows beside its manifest: ids the code uses that the manifest does not declare, declared ids nothing in the code shows, and the hidden cost, the shared data the code gives up beyond the declared deviations."
        let rows = card.scoredProjects.filter { hasDrift($0.observed) }
        guard !rows.isEmpty else {
            return HTMLPage.section("observed", "Observed stack", note: note, .p(.plain("Every repository shows what its manifest declares.")))
        }
        func list(_ items: [String]) -> HTMLCell {
            .td(.data(named: "v", value: String(items.count)),
                items.isEmpty ? .plain("—") : .group(items.enumerated().map { i, item in i == 0 ? .plain(item) : .group([.br(), .plain(item)]) }))
        }
        let lines: [HTMLRow] = rows.map { row in
            let o = row.observed ?? ObservedScore()
            return .tr(.td(HTMLPage.code(row.path)), .td(.plain(row.project)),
                       list(o.undeclared.map(describe)), list(o.unobserved.map(describe)), list(o.hiddenCost.map(describe)))
        }
        return HTMLPage.section("observed", "Observed stack", note: note, HTMLPage.sortableTable(
            id: "observed-table", caption: "Projects whose repository differs from their manifest",
            header: [("Manifest", false), ("Project", false), ("Undeclared", true), ("Unobserved", true), ("Hidden cost", true)],
            rows: lines))
    }
}

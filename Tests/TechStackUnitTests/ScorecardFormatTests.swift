import GRDB
import Plot
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// Escaping and quoting in the scorecard formats, and the history store.
final class ScorecardFormatTests: XCTestCase {
    let today = Day("2026-06-30")!

    func hostileCard() throws -> Scorecard {
        let text = """
        techstack: 1
        project: "<script>alert('x')</script>, \\"quoted\\" | *bold* [link](http://x)"
        agency: "<b>ica</b>"
        choices:
          api-style: "<img src=x onerror=alert(1)>"
        """
        guard case .success(let m) = ManifestLoader.load(InputFile(path: "evil/<i>techstack.yaml", text: text)) else {
            return try XCTUnwrap(nil)
        }
        let row = ScorecardMetrics(catalogue: ScorecardMetricsTests.catalogue, today: today).score(m)
        let error = ProjectScore.error(path: "bad,\"path\"\nx.yaml", diagnostics: [
            Diagnostic(path: "bad,\"path\"\nx.yaml", mark: Mark(line: 3, column: 7), message: "expected a mapping, found <script>"),
        ])
        return Scorecard(catalogue: ScorecardMetricsTests.catalogue, date: today, projects: [row, error])
    }

    func testHTMLEscapesEverythingFromAManifest() throws {
        let html = HTMLScorecard.generate(try hostileCard(), style: .plain)
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertFalse(html.contains("<img src=x"))
        XCTAssertFalse(html.contains("<b>ica</b>"))
        XCTAssertFalse(html.contains("<i>techstack"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        // The hostile answer is no catalogue id, so it is no deviation (README, "Reach and cost") and not listed.
        // The only scripts are the page's own, and nothing is loaded from elsewhere.
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1)
        XCTAssertFalse(html.contains("http://x\""))
        XCTAssertFalse(html.contains("src=\"http"))
        XCTAssertFalse(html.contains("href=\"http"))
    }

    /// The heat map's cells are filled templates: each is the cell Plot writes node by node,
    /// hostile title and all.
    func testHeatMapCellsAreThoseGivenToPlot() throws {
        let card = try hostileCard()
        let html = HTMLScorecard.generate(card, style: .plain)
        let row = try XCTUnwrap(card.scoredProjects.first)
        XCTAssertEqual(row.concernStates.first, .unanswered)
        for (j, id) in card.concernIDs.enumerated() {
            let cell = Node<SVG.Context>.rect(.class("una"), .x(240 + Double(j) * 16), .y(150), .width(14), .height(14), .rx(2),
                                              .title("\(row.project) · \(id): not answered")).render()
            XCTAssertTrue(html.contains(cell), cell)
        }
    }

    func testHTMLNamesTheCatalogueAndDate() throws {
        let card = try hostileCard()
        let html = HTMLScorecard.generate(card, style: .plain)
        XCTAssertTrue(html.contains(Escape.html(card.catalogue.name)))
        XCTAssertTrue(html.contains(card.catalogue.version))
        XCTAssertTrue(html.contains("2026-06-30"))
    }

    func testMarkdownEscapesTableBreakersAndMarkup() throws {
        let md = MarkdownScorecard.generate(try hostileCard(), style: .plain)
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertFalse(md.contains("[link](http://x)"))
        XCTAssertTrue(md.contains("\\| \\*bold\\*"))
        XCTAssertFalse(md.contains("x.yaml\n"), "a line break in a path must not end the list item")
    }

    func testTextNeutralisesControlCharacters() throws {
        let row = ProjectScore.error(path: "evil\u{1B}[31m.yaml", diagnostics: [
            Diagnostic(path: "evil\u{1B}[31m.yaml", mark: .start, message: "bad"),
        ])
        let card = Scorecard(catalogue: ScorecardMetricsTests.catalogue, date: today, projects: [row])
        XCTAssertFalse(TextScorecard.generate(card, style: .plain).contains("\u{1B}"))
    }

    func testCSVQuotesAsRFC4180Says() {
        XCTAssertEqual(CSVScorecard.quote("plain"), "plain")
        XCTAssertEqual(CSVScorecard.quote("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVScorecard.quote("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVScorecard.quote("two\r\nlines"), "two\\u{d}\\u{a}lines")
        for control in ["\u{1B}[2J", "\u{7}", "\u{0}", "\u{85}", "\u{9B}31m"] {
            XCTAssertFalse(CSVScorecard.quote("a\(control)b").unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                           "a raw control character in a CSV cell")
        }
        XCTAssertEqual(CSVScorecard.quote("=cmd()"), "'=cmd()")
        // Every formula sign first, anywhere else, and text that only the full check treats.
        for sign in ["=", "+", "-", "@"] { XCTAssertTrue(CSVScorecard.quote(sign + "1").hasPrefix("'"), sign) }
        XCTAssertEqual(CSVScorecard.quote("a-b+c=d@e"), "a-b+c=d@e")
        XCTAssertEqual(CSVScorecard.quote(""), "")
        XCTAssertEqual(CSVScorecard.quote("é,ü"), "\"é,ü\"")
        XCTAssertEqual(CSVScorecard.quote("a\u{7F}b"), "a\\u{7f}b")
        XCTAssertEqual(CSVScorecard.quote("x\u{202E}y"), "x\\u{202e}y")
        XCTAssertEqual(CSVScorecard.fraction(2.0 / 3.0), "0.667")
        XCTAssertEqual(CSVScorecard.fraction(1), "1.000")
        XCTAssertEqual(CSVScorecard.fraction(0.05), "0.050")
    }

    /// A cell's width is what a reader sees: bytes for plain ASCII, characters otherwise.
    func testTextWidthCountsWhatAReaderSees() {
        XCTAssertEqual(StyledText("plain-id").width, 8)
        XCTAssertEqual(StyledText("é").width, 1)
        XCTAssertEqual(StyledText("e\u{301}").width, 1)
        XCTAssertEqual(StyledText("a\r\nb").width, 3)
        XCTAssertEqual(Terminal.sanitize("tab\tand\nline"), "tab\\u{9}and\\u{a}line")
        XCTAssertEqual(Terminal.sanitize("tab\tand\nline", keepNewlines: true), "tab\tand\nline")
        XCTAssertEqual(Terminal.sanitize("plain ~"), "plain ~")
    }

    func testCSVHasOneRowPerManifestErrorRowsIncluded() throws {
        let csv = CSVScorecard.generate(try hostileCard(), style: .plain)
        XCTAssertTrue(csv.hasPrefix(CSVScorecard.header.joined(separator: ",") + "\r\n"))
        let records = parseCSV(csv)
        XCTAssertEqual(records.count, 3)
        XCTAssertTrue(records.allSatisfy { $0.count == CSVScorecard.header.count })
        XCTAssertEqual(records[1][1], "<script>alert('x')</script>, \"quoted\" | *bold* [link](http://x)")
        XCTAssertEqual(records[2][0], "bad,\"path\"\\u{a}x.yaml")
        XCTAssertTrue(records[2].last?.contains("expected a mapping") ?? false)
    }

    /// A small RFC 4180 reader, independent of the writer.
    func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" && scalars.first == "\n" {
                scalars.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return records
    }

    func testJSONLeavesMetricsOutOfErrorRows() throws {
        let json = JSONScorecard.generate(try hostileCard(), style: .plain)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let projects = try XCTUnwrap(object["projects"] as? [[String: Any]])
        XCTAssertEqual(projects.count, 2)
        XCTAssertNotNil(projects[0]["adoption"])
        let error = try XCTUnwrap(projects[1]["error"] as? [String: Any])
        XCTAssertEqual(error["line"] as? Int, 3)
        XCTAssertEqual(error["column"] as? Int, 7)
        XCTAssertNil(projects[1]["adoption"])
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 1)
        XCTAssertNotNil(summary["adoption"])
        XCTAssertEqual((object["catalogue"] as? [String: Any])?["version"] as? String, ScorecardMetricsTests.catalogue.info.version)
    }

    // MARK: history

    func card(day: String, styles: [String]) throws -> Scorecard {
        let metrics = ScorecardMetrics(catalogue: ScorecardMetricsTests.catalogue, today: try XCTUnwrap(Day(day)))
        let rows = try styles.enumerated().map { i, style -> ProjectScore in
            let text = "techstack: 1\nproject: p\(i)\nagency: ica\nchoices:\n  api-style: \(style)\n  analytics: wogaa\n"
            switch ManifestLoader.load(InputFile(path: "p\(i)/techstack.yaml", text: text)) {
            case .success(let m): return metrics.score(m)
            case .failure(let list): throw ManifestRefused(description: "p\(i)/techstack.yaml did not load: \(list)")
            }
        }
        return Scorecard(catalogue: ScorecardMetricsTests.catalogue, date: try XCTUnwrap(Day(day)), projects: rows)
    }

    func testHistoryAppendsSnapshotsAndTheTrendShowsTheChange() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        XCTAssertEqual(try History.record(try card(day: "2026-01-31", styles: ["soap", "soap"]), to: db), 1)
        XCTAssertEqual(try History.record(try card(day: "2026-06-30", styles: ["rest-json", "soap"]), to: db), 2)

        let snapshots = try History.load(db)
        XCTAssertEqual(snapshots.map(\.day), ["2026-01-31", "2026-06-30"])
        XCTAssertEqual(snapshots[0].projects.count, 2)
        XCTAssertEqual(snapshots[0].catalogue.version, ScorecardMetricsTests.catalogue.info.version)

        let trend = Trend(snapshots)
        XCTAssertEqual(trend.agencies.first?.adoption, [0.5, 0.75])
        XCTAssertEqual(trend.overall?.points, 25)
        XCTAssertTrue(trend.improvements.contains { $0.subject == .concern && $0.id == "api-style" && $0.points == 50 })
        XCTAssertTrue(trend.improvements.contains { $0.subject == .project && $0.id == "p0/techstack.yaml" })
        XCTAssertTrue(trend.drops.isEmpty)
    }

    func testEarlierSnapshotsCannotBeChanged() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        try History.record(try card(day: "2026-01-31", styles: ["soap"]), to: db)
        let queue = try DatabaseQueue(path: db)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM snapshot") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "UPDATE snapshotAgency SET adoption = 1") })
        XCTAssertEqual(try History.load(db).count, 1)
    }

    func testRowsCannotBeAddedToAnEarlierSnapshot() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        try History.record(try card(day: "2026-01-31", styles: ["soap"]), to: db)
        let queue = try DatabaseQueue(path: db)
        let insert = "INSERT INTO snapshotAgency (snapshotId, agency, projects, concernsAnswered, onRecommended, deviations, projectsForfeiting, unreachable, missingGrants, activeExemptions, expiredExemptions, componentsReused) VALUES (1, 'forged', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0)"
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: insert) }, "the newest snapshot is sealed too")
        try History.record(try card(day: "2026-02-28", styles: ["soap"]), to: db)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: insert) })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "INSERT INTO snapshotProject (snapshotId, path, concernsAnswered, onRecommended, deviations, deviatingConcerns, totalCost, forfeitedDatasets, unreachable, missingGrants, activeExemptions, expiredExemptions, sharedComponents) VALUES (1, 'x', 0, 0, 0, '', 0, '', 0, 0, 0, 0, 0)") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM snapshotSeal") })
        XCTAssertEqual(try History.load(db).map { $0.agencies.count }, [1, 1])
    }

    func testAVersion1HistoryReadsAndIsSealedWhenUpgraded() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        let queue = try DatabaseQueue(path: db)
        try History.migrator.migrate(queue, upTo: History.v1)
        let old = try card(day: "2026-01-31", styles: ["soap"])
        // Rows as a v1 build wrote them: only v1's columns.
        try queue.write { db in
            let s = old.summary
            try db.execute(sql: """
                INSERT INTO snapshot (day, recordedAt, catalogueName, catalogueVersion, manifests, projects, errors, agencies,
                    concernsAnswered, onRecommended, adoption, fullyOnRecommended, deviations, projectsForfeiting, datasetsForfeited,
                    unreachable, missingGrants, activeExemptions, expiredExemptions, componentsReused)
                VALUES ('2026-01-31', '2026-01-31T00:00:00Z', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)
                """, arguments: [old.catalogue.name, old.catalogue.version, s.manifests, s.projects, s.agencies, s.concernsAnswered,
                                 s.onRecommended, s.adoption, s.fullyOnRecommended, s.deviations, s.projectsForfeiting,
                                 s.datasetsForfeited, s.unreachable, s.missingGrants, s.componentsReused])
            for a in old.agencies {
                try db.execute(sql: """
                    INSERT INTO snapshotAgency (snapshotId, agency, name, projects, concernsAnswered, onRecommended, adoption, deviations,
                        projectsForfeiting, unreachable, missingGrants, activeExemptions, expiredExemptions, componentsReused)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)
                    """, arguments: [a.agency, a.name, a.projects, a.concernsAnswered, a.onRecommended, a.adoption, a.deviations,
                                     a.projectsForfeiting, a.unreachable, a.missingGrants, a.componentsReused])
            }
        }
        XCTAssertEqual(try History.load(db).count, 1, "a v1 history reads as it is")
        try History.record(try card(day: "2026-02-28", styles: ["rest-json"]), to: db)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "INSERT INTO snapshotConcern (snapshotId, concern, name, answered, onRecommended, deviating, unanswered) VALUES (1, 'x', 'x', 0, 0, 0, 0)") })
        XCTAssertEqual(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM snapshotSeal") }, 2)
        XCTAssertEqual(try History.load(db).count, 2)
    }

    func testTwoSnapshotsOfOneDayAreKeptAndTheTrendUsesTheLatest() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        try History.record(try card(day: "2026-01-31", styles: ["soap", "soap"]), to: db)
        try History.record(try card(day: "2026-06-30", styles: ["soap", "soap"]), to: db)
        try History.record(try card(day: "2026-06-30", styles: ["rest-json", "soap"]), to: db)
        let snapshots = try History.load(db)
        XCTAssertEqual(snapshots.count, 3, "both snapshots of 2026-06-30 are kept")
        let trend = Trend(snapshots)
        XCTAssertEqual(trend.points.map(\.day), ["2026-01-31", "2026-06-30"])
        XCTAssertEqual(trend.points.last?.snapshot, 3, "the later snapshot of the day")
        XCTAssertEqual(trend.overall?.points, 25, "the move from the first to the last day")
        XCTAssertTrue(trend.improvements.contains { $0.subject == .concern && $0.id == "api-style" })
    }

    func testTheMovesAreFromTheFirstToTheLastDay() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        try History.record(try card(day: "2026-01-31", styles: ["soap", "soap"]), to: db)
        try History.record(try card(day: "2026-03-31", styles: ["rest-json", "soap"]), to: db)
        try History.record(try card(day: "2026-06-30", styles: ["rest-json", "soap"]), to: db)
        let trend = Trend(try History.load(db))
        XCTAssertEqual(trend.overall?.points, 25, "no change between the last two, a rise since the first")
    }

    func testTheChartSpacesPointsByDate() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        for day in ["2026-01-01", "2026-01-02", "2026-12-31"] { try History.record(try card(day: day, styles: ["soap"]), to: db) }
        let svg = HTMLTrend.lineChart(Trend(try History.load(db))).render()
        func x(of label: String) throws -> Double {
            let pattern = try NSRegularExpression(pattern: "x=\"([0-9.]+)\"[^>]*>\(label)<")
            let match = try XCTUnwrap(pattern.firstMatch(in: svg, range: NSRange(svg.startIndex..., in: svg)), label)
            return try XCTUnwrap(Double((svg as NSString).substring(with: match.range(at: 1))))
        }
        let (a, b, c) = (try x(of: "2026-01-01"), try x(of: "2026-01-02"), try x(of: "2026-12-31"))
        XCTAssertLessThan(b - a, (c - a) / 100, "a day apart is drawn close, not a third of the way")
        XCTAssertEqual(Trend.dayNumber("1970-01-01"), 0)
        XCTAssertEqual(Trend.dayNumber("2026-12-31").map { $0 - (Trend.dayNumber("2026-01-01") ?? 0) }, 364)
    }

    func testAFileThatIsNotAHistoryIsRefusedWithItsPath() throws {
        let dir = try Binary.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.txt").path
        try "just text, not SQLite".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try History.load(path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.path, path)
        }
        XCTAssertThrowsError(try History.record(try card(day: "2026-01-31", styles: ["soap"]), to: path))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "just text, not SQLite")
        XCTAssertThrowsError(try History.load(dir.appendingPathComponent("missing.sqlite").path)) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.contains("--record") ?? false)
        }
    }

    /// Blocks go into the rendered page at their markers; a marker-like text from input is
    /// escaped, so it is never one.
    func testBlocksArePutInTheirPlaceAndInputCannotPlaceOne() {
        let rows = HTMLPage.Block("rows", markup: "<tr><td>1</td></tr>")
        let other = HTMLPage.Block("other", markup: "<p>é</p>")
        let page = HTMLPage.document(title: "t", body: .group([
            .p(.plain("<!--techstack-block:rows-->")),
            .table(.tbody(rows.node())),
            .div(other.node()),
            .p(.plain("ü <!--techstack-block:unknown-->")),
        ]), blocks: [rows, other])
        XCTAssertTrue(page.contains("<tbody><tr><td>1</td></tr></tbody>"))
        XCTAssertTrue(page.contains("<div><p>é</p></div>"))
        XCTAssertTrue(page.contains("<p>&lt;!--techstack-block:rows--&gt;</p>"))
        XCTAssertFalse(page.contains("<!--techstack-block"))
        XCTAssertEqual(HTMLPage.splice("a<!--techstack-block:x-->b<!--techstack-block:y", [HTMLPage.Block("x", markup: "X")]),
                       "aXb<!--techstack-block:y")
    }

    /// A template's values go where its markers were put, whatever order the markup has them
    /// in (an attribute written before the node that was given first).
    func testATemplateFillsEachHoleWithItsOwnValueInAnyOrder() {
        let cells = HTMLPage.Cells()
        func cell() -> HTMLPage.Template {
            cells.template("t", holes: 3) { h in HTMLPage.number(.span(.title(h[1]), .raw(h[2])), sortKey: h[0]) }
        }
        let expected = HTMLPage.number(.span(.title("a &amp; b"), .raw("2")), sortKey: "7").render()
        XCTAssertEqual(cell().fill("7", "a &amp; b", "2"), expected)
        XCTAssertEqual(cell().fill("7", "a &amp; b", "2"), expected, "the same from the kept template")
        let reversed = cells.template("r", holes: 2) { h in HTMLRow.tr(.td(.raw(h[1])), .td(.raw(h[0]))) }
        XCTAssertEqual(reversed.fill("second", "first"), "<tr><td>first</td><td>second</td></tr>")
    }

    /// A project row built from cells rendered once and reused, and from templates filled
    /// with each row's text, is the row Plot writes when it builds every node of it.
    func testReusedCellsAndTemplatesRenderTheRowPlotWrites() throws {
        let cell: HTMLCell = HTMLPage.number(HTMLScorecard.counted(["<a>", "b"]), sortKey: "2")
        let reused = HTMLPage.Cells()
        for _ in 0..<2 {
            XCTAssertEqual(HTMLRow.tr(.raw(reused.markup("k") { cell.render() }), .td(.plain("x"))).render(), HTMLRow.tr(cell, .td(.plain("x"))).render())
        }
        func plotRow(_ p: ProjectScore) -> String {
            let deviations: [Body] = p.deviations.map { .group([HTMLPage.code($0.concern), .plain(": " + $0.choice.joined(separator: ", "))]) }
            return HTMLRow.tr(
                .td(HTMLPage.code(p.path)), .td(.plain(p.project)), .td(HTMLPage.code(p.agency)),
                HTMLPage.number(p.concernsAnswered),
                HTMLPage.number(HTMLScorecard.pill(p.adoption), sortKey: HTMLScorecard.rateValue(p.adoption)),
                .td(.data(named: "v", value: String(p.deviations.count)),
                    deviations.isEmpty ? .plain("—") : .group(deviations.enumerated().map { i, d in i == 0 ? d : .group([.br(), d]) })),
                HTMLPage.number(HTMLScorecard.counted(p.totalCost.map { CostText.item($0, .agency) }), sortKey: String(p.totalCost.count)),
                HTMLPage.number(HTMLScorecard.counted(p.unreachable), sortKey: String(p.unreachable.count)),
                HTMLPage.number(HTMLScorecard.counted(p.missingGrants.map { "\($0.dataset) from \($0.agency)" }), sortKey: String(p.missingGrants.count)),
                HTMLPage.number(p.activeExemptions), HTMLPage.number(p.expiredExemptions),
                HTMLPage.number(HTMLScorecard.counted(p.sharedComponents), sortKey: String(p.sharedComponents.count))
            ).render()
        }
        // Hostile text, and every example manifest (deviations or none, components or none).
        let metrics = ScorecardMetrics(catalogue: try XCTUnwrap(CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue), today: today)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/portfolio").standardized.path
        var rows = try hostileCard().scoredProjects
        for input in Portfolio.inputs([root]) {
            guard let path = input.manifestPath, case .success(let m) = input.load() else { continue }
            var row = metrics.score(m)
            row.path = path
            rows.append(row)
        }
        XCTAssertTrue(rows.contains { $0.deviations.isEmpty } && rows.contains { !$0.deviations.isEmpty })
        XCTAssertTrue(rows.contains { $0.sharedComponents.isEmpty } && rows.contains { !$0.sharedComponents.isEmpty })
        let cells = HTMLPage.Cells()
        for row in rows + rows {
            XCTAssertEqual(HTMLScorecard.projectRow(row, observed: false, cells: cells).render(), plotRow(row), row.path)
        }
    }
}

/// A fixture manifest the loader refused: the test fails and says why.
private struct ManifestRefused: Error, CustomStringConvertible {
    var description: String
}

import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

typealias HTMLRow = Node<HTML.TableContext>
typealias HTMLCell = Node<HTML.TableRowContext>

/// The pieces every scorecard page shares: the page shell with its inline style and script
/// (`Assets/scorecard.css`, `Assets/scorecard-sort.js`, embedded in the binary), sortable
/// tables, and the colour of a rate. A page needs no network: no external font, style or
/// script, and a content security policy that forbids loading any.
enum HTMLPage {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

    /// A number for SVG coordinates and inline sizes: at most one decimal.
    static func n(_ value: Double) -> String { SVG.number(value) }

    /// Green from 80 %, amber from 50 %, red below, grey without a rate.
    static func rateClass(_ value: Double?) -> String {
        guard let value else { return "none" }
        return value >= 0.8 ? "good" : value >= 0.5 ? "fair" : "poor"
    }

    /// A sortable table: the header cells are buttons (keyboard accessible), cells with a
    /// `data-v` attribute sort by that number (`Assets/scorecard-sort.js`).
    static func sortableTable(id: String, caption: String, header: [(title: String, numeric: Bool)], rows: [HTMLRow]) -> Body {
        .div(.class("table-wrap"), .table(
            .class("sortable"), .id(id),
            .caption(.plain(caption)),
            .thead(.tr(.group(header.map { column in
                .th(.attribute("scope", "col"), .attribute("aria-sort", "none"), .if(column.numeric, .class("num")),
                    .button(.type(.button), .data(named: "numeric", value: String(column.numeric)), .plain(column.title),
                            .span(.class("arrow"), .ariaHidden(true))))
            }))),
            .tbody(.group(rows))
        ))
    }

    /// A cell holding a number, right-aligned; `sortKey` when it sorts by another value than it shows.
    static func number(_ content: Body, sortKey: String? = nil, classes: String = "num") -> HTMLCell {
        .td(.class(classes), .unwrap(sortKey) { .data(named: "v", value: $0) }, content)
    }

    package static func number(_ value: Int) -> HTMLCell { .td(.class("num"), .plain(String(value))) }

    /// `<code>` around an id from input.
    static func code(_ text: String) -> Body { .code(.plain(text)) }

    /// A section of the page with its heading and, when given, a note under it.
    static func section(_ id: String, _ heading: String, note: String? = nil, _ content: Body...) -> Body {
        .section(.id(id), .h2(.plain(heading)), .unwrap(note) { .p(.class("note"), .plain($0)) }, .group(content))
    }

    /// Markup already written that is too large to go through Plot's renderer, which copies an
    /// element's content once for every level it is nested in: the 10,000 rows of a portfolio's
    /// project table went through ten copies of 15 MB. The page holds a marker comment in its
    /// place (no text from input can write `<!--`, it is escaped), and `document` puts the
    /// markup there once the page is rendered.
    struct Block {
        let marker: String
        let markup: String

        init(_ name: String, markup: String) {
            marker = "<!--techstack-block:\(name)-->"
            self.markup = markup
        }

        func node<Context>() -> Node<Context> { .raw(marker) }
    }

    /// The rows of a large table or chart as one block: each built and rendered by Plot on its
    /// own, on every core, in the order of `items`.
    static func block<Item: Sendable, Context>(_ name: String, _ items: [Item], _ node: @Sendable (Item) -> Node<Context>) -> Block {
        block(name, items) { item, _ in node(item) }
    }

    /// The same, with cells that recur from row to row rendered once per run of rows (`Cells`).
    static func block<Item: Sendable, Context>(_ name: String, _ items: [Item],
                                               _ node: @Sendable (Item, Cells) -> Node<Context>) -> Block {
        let workers = System.activeCores
        let runs = min(items.count, max(1, workers) * 8)
        let bounds = (0..<runs).map { run in (items.count * run / runs)..<(items.count * (run + 1) / runs) }
        let rendered = ParallelMap.map(bounds, workers: workers) { range in
            let cells = Cells()
            return items[range].map { node($0, cells).render() }.joined()
        }
        return Block(name, markup: rendered.joined())
    }

    /// A piece of markup cut at its holes (`Cells.template`).
    struct Template {
        /// The markup between the holes, in the order the markup has them.
        let parts: [String]
        /// For each hole in markup order, which value goes in it.
        let holes: [Int]

        /// The markup with `values` in its holes: `values[i]` where `make` put its `i`th marker.
        func fill(_ values: String...) -> String {
            var out = parts[0]
            for (i, part) in parts.dropFirst().enumerated() {
                let value = holes[i]
                out += value < values.count ? values[value] : ""
                out += part
            }
            return out
        }
    }

    /// Cells already rendered, by what they show. Plot spends far longer building and
    /// rendering an element than a table row's figures take to work out, and across a
    /// portfolio the same cells recur (an agency, a count, the same list of datasets): each is
    /// rendered by Plot once and used again as its markup, and a cell that differs only in its
    /// text is a template Plot renders once. One per run of rows, so no lock.
    final class Cells {
        private var rendered: [String: String] = [:]
        /// A bound on what one run keeps, whatever the input.
        private let limit = 4096

        private var templates: [String: Template] = [:]

        /// Markup with holes for text that differs from row to row (a path, a count): Plot
        /// renders `make` once per run of rows, with a marker in each hole, and the markup is
        /// cut at the markers. `fill` then puts the row's text in the holes, so every tag and
        /// attribute still comes from Plot. Holes go only where Plot writes what it is given
        /// as it is (raw nodes, non-empty attribute values); text from input is escaped by the
        /// caller, as `.plain` escapes it.
        func template<Context>(_ key: String, holes: Int, _ make: ([String]) -> Node<Context>) -> Template {
            if let template = templates[key] { return template }
            let markers = (0..<holes).map { "\u{0}hole\($0)\u{0}" }
            let markup = make(markers).render()
            // Where each marker landed, in markup order: an element's attributes may come out
            // in another order than its nodes were given.
            let found = markers.indices
                .compactMap { i in markup.range(of: markers[i]).map { (hole: i, range: $0) } }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
            var parts: [String] = []
            var start = markup.startIndex
            for (_, range) in found {
                parts.append(String(markup[start..<range.lowerBound]))
                start = range.upperBound
            }
            parts.append(String(markup[start...]))
            let template = Template(parts: parts, holes: found.map(\.hole))
            if templates.count < limit { templates[key] = template }
            return template
        }

        /// The markup of a node by key (a cell, or a part of a cell that recurs when the cell does
        /// not), rendered the first time it is asked for.
        func markup(_ key: String, _ render: () -> String) -> String {
            if let markup = rendered[key] { return markup }
            let markup = render()
            if rendered.count < limit { rendered[key] = markup }
            return markup
        }
    }

    static func document(title: String, body: Body, blocks: [Block] = []) -> String {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content(contentSecurityPolicy)),
                .pageTitle(title),
                .inlineStyle(EmbeddedAssets.scorecardCSS)
            ),
            .body(body, .inlineScript(EmbeddedAssets.scorecardSortJS))
        )
        var page = splice(html.render(), blocks)
        page.append("\n")
        return page
    }

    /// `page` with each block's marker replaced by its markup, in one pass over its bytes
    /// (Foundation's `range(of:)` goes through `NSString`, and took longer than the page).
    static func splice(_ page: String, _ blocks: [Block]) -> String {
        guard !blocks.isEmpty else { return page }
        let markups = Dictionary(blocks.map { (Array($0.marker.utf8), $0.markup) }, uniquingKeysWith: { first, _ in first })
        let opening = Array("<!--techstack-block:".utf8), closing = Array("-->".utf8)
        var out = ""
        out.reserveCapacity(page.utf8.count + blocks.reduce(0) { $0 + $1.markup.utf8.count })
        let bytes = Array(page.utf8)
        func matches(_ text: [UInt8], at i: Int) -> Bool {
            i + text.count <= bytes.count && bytes[i..<(i + text.count)].elementsEqual(text)
        }
        var written = 0, i = 0
        while i < bytes.count {
            guard bytes[i] == opening[0], matches(opening, at: i) else { i += 1; continue }
            var end = i + opening.count
            while end < bytes.count && !matches(closing, at: end) { end += 1 }
            guard end < bytes.count, let markup = markups[Array(bytes[i..<(end + closing.count)])] else { i += 1; continue }
            out += String(decoding: bytes[written..<i], as: UTF8.self)
            out += markup
            i = end + closing.count
            written = i
        }
        out += String(decoding: bytes[written...], as: UTF8.self)
        return out
    }
}

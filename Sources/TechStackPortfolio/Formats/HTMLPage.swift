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

    static func document(title: String, body: Body) -> String {
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
        return html.render() + "\n"
    }
}

import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// The offline search: every entry's id, name, summary and items (and a concern's question)
/// in `search-index.js`, assigned to a global, because `fetch()` of a JSON file fails
/// under `file://`.
struct SearchIndex {
    struct Item: Encodable {
        var id: String
        var kind: String
        var name: String
        var summary: String
        /// Dataset items, a concern's question: more text to match.
        var more: [String]
        /// The entry's page, relative to the site's root.
        var path: String
    }

    let catalogue: Catalogue

    var items: [Item] {
        catalogue.allEntries.compactMap { entry in
            guard let path = SitePath(kind: entry.kind, id: entry.id) else { return nil }
            var more: [String] = []
            if case .dataset(let d) = entry { more = d.items }
            if case .concern(let c) = entry { more = [c.question] }
            return Item(id: entry.id, kind: entry.kind.singular, name: entry.header.name, summary: entry.header.summary,
                        more: more, path: path.description)
        }
    }

    /// `search-index.js`: JSON with `<`, `>` and `&` as `\u` escapes, so no catalogue text can
    /// close the script or start markup.
    func script() throws -> String {
        "window.TECHSTACK_SEARCH = \(try Markup.scriptSafeJSON(items));\n"
    }
}

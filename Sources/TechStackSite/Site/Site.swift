import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// The catalogue as a static web site: generated in memory, then written by `SiteWriter`.
///
/// Layout: `index.html` (the stack diagram), `<kind>.html` (one index per kind),
/// `<kind>/<id>.html` (one page per entry), `style.css`, `search.js`, `search-index.js`.
public enum Site {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        /// An entry whose id cannot be a file name (it could name a path outside its folder).
        case unsafeID(kind: EntryKind, id: String, origin: Origin)
        case encoding(String)

        public var description: String {
            switch self {
            case .unsafeID(let kind, let id, _):
                "the \(kind.singular) id '\(id)' cannot name a page; ids must match \(Identifier.pattern) without '..'"
            case .encoding(let message): "cannot encode the search index: \(message)"
            }
        }

        public var diagnostic: Diagnostic {
            switch self {
            case .unsafeID(_, _, let origin): Diagnostic(path: origin.path, mark: origin.mark, message: description)
            case .encoding: Diagnostic(path: "search-index.js", mark: .start, message: description)
            }
        }
    }

    public static func generate(_ catalogue: Catalogue) throws(Problem) -> [SiteFile] {
        for entry in catalogue.allEntries where SitePath(kind: entry.kind, id: entry.id) == nil {
            throw .unsafeID(kind: entry.kind, id: entry.id, origin: entry.header.origin)
        }
        let reach = Reach(catalogue: catalogue)
        let palette = FundingPalette(catalogue: catalogue)
        let backlinks = Backlinks(catalogue)
        func context(_ page: SitePath) -> SiteContext {
            SiteContext(catalogue: catalogue, reach: reach, palette: palette, backlinks: backlinks, page: page)
        }
        var files: [SiteFile] = []
        func add(_ path: String, _ contents: String) {
            // Every fixed name below is a safe path; entry paths were checked above.
            if let p = SitePath(path) { files.append(SiteFile(path: p, contents: contents)) }
        }

        add("style.css", SiteAssets.stylesheet)
        add("search.js", SiteAssets.script)
        do {
            add("search-index.js", try SearchIndex(catalogue: catalogue).script())
        } catch {
            throw .encoding(String(describing: error))
        }
        if let home = SitePath("index.html") {
            files.append(SiteFile(path: home, contents: IndexPages(context: context(home)).home()))
        }
        var pages: [(entry: Entry, path: SitePath)] = []
        for kind in EntryKind.allCases {
            if let path = SitePath("\(kind.rawValue).html") {
                files.append(SiteFile(path: path, contents: IndexPages(context: context(path)).index(of: kind)))
            }
            for entry in catalogue.entries(of: kind) {
                guard let path = SitePath(kind: kind, id: entry.id) else { continue }
                pages.append((entry, path))
            }
        }
        // Entry pages do not depend on each other: rendered on every core, the order of the
        // files staying the catalogue's.
        return files + ParallelMap.map(pages, workers: System.activeCores) { page in
            let context = SiteContext(catalogue: catalogue, reach: reach, palette: palette, backlinks: backlinks, page: page.path)
            return SiteFile(path: page.path, contents: EntryPage(context: context).render(page.entry))
        }
    }
}

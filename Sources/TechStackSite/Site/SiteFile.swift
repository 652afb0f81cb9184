import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// A path inside the site's output folder, checked so that it can never leave it:
/// relative, `/`-separated, and every component a plain name (no `.`, `..`, empty or hidden
/// component, nothing but letters, digits, `.`, `-` and `_`).
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let components: [String]

    public init?(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy(SitePath.isSafeComponent) else { return nil }
        components = parts
    }

    /// `<kind>/<id>.html`, or nil when the id could name something outside the kind's folder.
    public init?(kind: EntryKind, id: String) {
        guard SitePath.isSafeID(id) else { return nil }
        self.init("\(kind.rawValue)/\(id).html")
    }

    public var description: String { components.joined(separator: "/") }
    public var directories: [String] { Array(components.dropLast()) }
    public var fileName: String { components.last ?? "" }

    /// How to get from this page back to the site's root: "" or "../".
    public var rootPrefix: String { String(repeating: "../", count: components.count - 1) }

    public static func < (a: SitePath, b: SitePath) -> Bool { a.description < b.description }

    static func isSafeComponent(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name != ".", name != "..", first != "." else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (isAlphanumeric($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// An entry id as the catalogue allows it (`Identifier.pattern`), never with `..` or `/`.
    public static func isSafeID(_ id: String) -> Bool {
        Identifier.isWellFormed(id, asPathComponent: true)
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
}

/// One generated file, held in memory until `SiteWriter` writes the whole site.
public struct SiteFile: Sendable {
    public var path: SitePath
    public var contents: String

    public init(path: SitePath, contents: String) {
        self.path = path
        self.contents = contents
    }
}

extension Markup {
    /// A link inside the site: `root` leads back to the site's root from the current page.
    static func link(_ label: String, to path: SitePath, root: String, classes: String? = nil) -> Node<HTML.BodyContext> {
        .a(.href(Escape.html(root + path.description)), .unwrap(classes) { .class(Escape.html($0)) }, .plain(label))
    }
}

import Foundation
import Plot

/// The one way catalogue text enters the site's HTML and SVG.
///
/// Plot escapes `<` and `>` in text but passes through anything that already looks like an
/// entity (`&lt;`), and writes attribute values exactly as given. So text gets its `&` made
/// literal before Plot escapes the rest, and attribute values are escaped here: catalogue text
/// always shows exactly as written and never becomes markup.
enum Markup {
    static func text<C>(_ text: String) -> Node<C> {
        .text(text.replacingOccurrences(of: "&", with: "&amp;"))
    }

    static func attribute<C>(_ name: String, _ value: String) -> Node<C> {
        .attribute(named: name, value: attributeValue(value), ignoreIfValueIsEmpty: false)
    }

    static func attributeValue(_ value: String) -> String { Escape.html(value) }

    /// A link inside the site: `root` leads back to the site's root from the current page.
    static func link(_ label: String, to path: SitePath, root: String, classes: String? = nil) -> Node<HTML.BodyContext> {
        .a(attribute("href", root + path.description), .unwrap(classes) { attribute("class", $0) }, text(label))
    }

    /// An outbound link, for `links:` and grant-process or standard URLs. Only http(s) URLs
    /// become links; anything else is shown as text, so a `javascript:` URL cannot run.
    static func externalLink(_ url: String, label: String? = nil) -> Node<HTML.BodyContext> {
        guard isWebURL(url) else { return .span(attribute("class", "url"), text(label ?? url)) }
        return .a(attribute("href", url), attribute("rel", "external noopener noreferrer"), text(label ?? url))
    }

    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !url.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
    }

    /// JSON that is safe inside a `<script>` element and a JavaScript string context:
    /// `<`, `>`, `&`, U+2028 and U+2029 become `\u` escapes, which JSON means the same.
    static func scriptSafeJSON<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for c in json.unicodeScalars {
            switch c {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

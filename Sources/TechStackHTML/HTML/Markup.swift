import Foundation
import Plot
import TechStackModel

package typealias Body = Node<HTML.BodyContext>

/// The one way text from a catalogue or manifest enters a page's HTML and SVG.
///
/// Plot escapes `<` and `>` in text but passes through anything that already looks like an
/// entity (`&lt;`), and writes attribute values exactly as given. So text becomes a node only
/// through `.plain`, which escapes it with `Escape.html` itself, and an attribute value that can
/// hold input is escaped with `Escape.html` before it reaches Plot: input always shows exactly as
/// written and never becomes markup.
extension Node {
    /// Text shown exactly as written: never markup, never an entity.
    package static func plain(_ text: String) -> Node { .raw(Escape.html(text)) }
}

extension Node where Context: HTMLContext {
    /// An attribute Plot has no typed function for (`scope`, `role`, `aria-…`), its value escaped.
    package static func attribute(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Escape.html(value), ignoreIfValueIsEmpty: false)
    }
}

extension Node where Context == HTML.HeadContext {
    /// The page's `<title>`, shown exactly as written.
    package static func pageTitle(_ title: String) -> Node { .element(named: "title", nodes: [Node.plain(title)]) }

    /// A stylesheet embedded in the binary, written into the page.
    package static func inlineStyle(_ css: String) -> Node { .element(named: "style", nodes: [.raw(css)]) }
}

extension Node where Context: HTMLScriptableContext {
    /// A script embedded in the binary, written into the page.
    package static func inlineScript(_ javascript: String) -> Node { .script(.raw(javascript)) }
}

package enum Markup {
    /// An outbound link, for `links:` and grant-process or standard URLs. Only http(s) URLs
    /// become links; anything else is shown as text, so a `javascript:` URL cannot run.
    package static func externalLink(_ url: String, label: String? = nil) -> Node<HTML.BodyContext> {
        guard isWebURL(url) else { return .span(.class("url"), .plain(label ?? url)) }
        return .a(.href(Escape.html(url)), .rel("external noopener noreferrer"), .plain(label ?? url))
    }

    package static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !url.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
    }

    /// JSON that is safe inside a `<script>` element and a JavaScript string context:
    /// `<`, `>`, `&`, U+2028 and U+2029 become `\u` escapes, which JSON means the same.
    package static func scriptSafeJSON<T: Encodable>(_ value: T) throws -> String {
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

/// The one place text from a manifest or catalogue is made inert for each output language.
public enum Escape {
    /// HTML text or a quoted attribute value: the five characters HTML acts on become entities.
    ///
    /// Plot 0.14.0 writes attribute values as given and passes entity-like text (`&lt;`) through,
    /// so pages escape here: text always shows exactly as written and never becomes markup.
    public static func html(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Markdown, inert inside a table cell or a heading, as GitHub renders it: what the reader
    /// sees is the text as written, with no link, image, mention or extra table cell.
    ///
    /// - Work is per Unicode scalar, never per `Character`: a scalar that joins the next into one
    ///   grapheme (`\u{0600}[`, or a combining mark after `` ` ``) cannot hide it from the escape.
    /// - Every ASCII character Markdown or HTML acts on is backslash-escaped (`|` included, so a
    ///   cell never splits); line breaks become `<br>` (a raw one would end the table row);
    ///   other control characters are shown as `\u{…}`.
    /// - GFM autolinks and GitHub references are broken with a zero-width space (U+200B), which
    ///   no reader sees: after `:` before `/` or a letter (`https://`, `mailto:`, `:emoji:`),
    ///   in `www.`, after `@` (mentions, e-mail addresses) and after `#` before a digit (issues).
    public static func markdown(_ text: String) -> String {
        guard needsMarkdownEscape(text) else { return text }
        let zeroWidthSpace: Unicode.Scalar = "\u{200B}"
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$", "!":
                out.append("\\")
                out.append(scalar)
            case "#":
                out.append("\\")
                out.append(scalar)
                if let next, ("0"..."9").contains(next) { out.append(zeroWidthSpace) }
            case ":":
                out.append(scalar)
                if let next, next == "/" || next.properties.isAlphabetic { out.append(zeroWidthSpace) }
            case "@":
                out.append(scalar)
                if let next, next != " " { out.append(zeroWidthSpace) }
            case ".":
                if i >= 3, scalars[(i - 3)..<i].allSatisfy({ $0 == "w" || $0 == "W" }) { out.append(zeroWidthSpace) }
                out.append(scalar)
            case "\r", "\n", "\u{2028}", "\u{2029}":
                out.append(contentsOf: "<br>".unicodeScalars)
                if scalar == "\r", next == "\n" { i += 1 }
            default:
                if isMarkdownControl(scalar) {
                    out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
            i += 1
        }
        return String(out)
    }

    /// Whether `markdown` would change anything: false for printable ASCII without any of the
    /// characters it acts on (ids, paths and names, nearly always), so those are not rebuilt
    /// scalar by scalar. Anything beyond ASCII takes the full path.
    static func needsMarkdownEscape(_ text: String) -> Bool {
        var w = 0   // `w`s just before this byte, for `www.`
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "."): if w >= 3 { return true }
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"),
                 UInt8(ascii: "&"), UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: ":"),
                 UInt8(ascii: "@"):
                return true
            case 0..<0x20, 0x7F...: return true
            default: break
            }
            w = byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W") ? w + 1 : 0
        }
        return false
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that let text
    /// disguise itself.
    static func isMarkdownControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// XML 1.0 text and attribute values: the five predefined entities, line breaks and tabs
    /// kept as character references (a parser would otherwise turn them into spaces in an
    /// attribute), and characters XML 1.0 forbids made visible as `\u{…}` instead of writing a
    /// file no parser reads.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if isXMLChar(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                }
            }
        }
        return out
    }

    /// XML 1.0 `Char`, minus the C1 controls and bidirectional overrides that are legal but
    /// let text disguise itself in a viewer.
    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202F...0x2065, 0x206A...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

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

    /// Markdown, inert inside a table cell or a heading: every character Markdown or HTML would
    /// act on is backslash-escaped, line breaks become `<br>` (a raw one would end the table
    /// row), and other control characters are made visible.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$", "#":
                out += "\\" + String(character)
            case "\r\n", "\r", "\n", "\u{2028}", "\u{2029}":
                out += "<br>"
            default:
                out += Terminal.sanitize(String(character))
            }
        }
        return out
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

/// Text that came from a file must not be able to drive the terminal it is printed on.
public enum Terminal {
    /// Replaces control characters (escape sequences, carriage returns, bells…) with
    /// visible `\u{…}` escapes, keeping tabs and newlines only where `keepNewlines` allows.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        // Printable ASCII, the usual case, has nothing to show: checked on the bytes.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || (keepNewlines && ($0 == 0x0A || $0 == 0x09)) }) { return text }
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar, keepNewlines: keepNewlines) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepNewlines: keepNewlines) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        if keepNewlines && (scalar == "\n" || scalar == "\t") { return false }
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

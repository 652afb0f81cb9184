import TechStackModel

/// The patterns of one `.gitignore` file, with git's rules (gitignore(5)): `#` comments,
/// `!` negation, a trailing `/` for folders only, a `/` at the start or in the middle
/// anchoring the pattern at the file's folder, `**` for any number of folders, `\` escapes.
public struct GitIgnore: Sendable {
    struct Rule: Sendable {
        var segments: [Glob.Segment]
        var negated: Bool
        var directoryOnly: Bool
        /// Without a `/` (other than a trailing one), the pattern matches a name at any depth.
        var basenameOnly: Bool
    }

    /// The folder holding the file, relative to the repository root ("" for the root).
    public let base: String
    /// How many folders deep `base` is.
    let depth: Int
    let rules: [Rule]

    public init(text: String, base: String) {
        self.base = base
        depth = base.isEmpty ? 0 : base.split(separator: "/").count
        var rules: [Rule] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = Substring(raw)
            if line.last == "\r" { line.removeLast() }
            // Trailing spaces are ignored unless escaped with a backslash.
            while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negated = false
            if line.hasPrefix("!") { negated = true; line.removeFirst() }
            else if line.hasPrefix("\\!") || line.hasPrefix("\\#") { line.removeFirst() }
            var directoryOnly = false
            if line.hasSuffix("/") { directoryOnly = true; while line.hasSuffix("/") { line.removeLast() } }
            if line.isEmpty { continue }
            let anchored = line.contains("/")
            while line.hasPrefix("/") { line.removeFirst() }
            if line.isEmpty { continue }
            let segments = line.split(separator: "/").map { part -> Glob.Segment in
                if part == "**" { return .any }
                let bytes = Array(part.utf8)
                return bytes.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\\") })
                    ? .wildcard(bytes) : .literal(bytes)
            }
            rules.append(Rule(segments: segments, negated: negated, directoryOnly: directoryOnly, basenameOnly: !anchored))
        }
        self.rules = rules
    }

    /// nil when no pattern speaks about the path; else whether the last one that does ignores it.
    /// `relative` is the path below `base`, split into segments.
    func decision(_ relative: ArraySlice<[UInt8]>, isDirectory: Bool) -> Bool? {
        for rule in rules.reversed() {
            if rule.directoryOnly && !isDirectory { continue }
            let hit: Bool
            if rule.basenameOnly, rule.segments.count == 1, let name = relative.last {
                switch rule.segments[0] {
                case .literal(let bytes): hit = bytes == name
                case .wildcard(let bytes): hit = Wildcard.match(bytes, name)
                case .any: hit = true
                }
            } else {
                hit = Glob.match(rule.segments, Array(relative))
            }
            if hit { return !rule.negated }
        }
        return nil
    }
}

/// The `.gitignore` files in force at a folder: its own and every ancestor's, root first.
/// A path is ignored when the last pattern that matches it, deepest file first, ignores it.
/// An ignored folder is never entered, so nothing inside it can be re-included (as in git).
struct IgnoreStack: Sendable {
    var files: [GitIgnore] = []

    func isIgnored(_ segments: [[UInt8]], isDirectory: Bool) -> Bool {
        for file in files.reversed() {
            guard segments.count > file.depth else { continue }
            if let ignored = file.decision(segments[file.depth...], isDirectory: isDirectory) { return ignored }
        }
        return false
    }
}

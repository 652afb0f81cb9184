/// A `files` glob of an evidence signal (SPEC §8), matched against a repository-relative
/// path with `/` between folders: `*` and `?` never cross `/`, `**/` is zero or more
/// folders, `{a,b}` gives alternatives, and a glob without `**` is anchored at the root.
public struct Glob: Sendable, Hashable {
    /// As written in the catalogue.
    public let pattern: String
    /// The brace alternatives, each split into path segments.
    let alternatives: [[Segment]]

    /// More alternatives than this is refused: a catalogue must not be able to make
    /// matching a path cost more than a few comparisons per glob.
    public static let maxAlternatives = 64

    package enum Segment: Sendable, Hashable {
        /// `**`: zero or more whole segments.
        case any
        case literal([UInt8])
        case wildcard([UInt8])
    }

    /// Compiles `pattern`, or says what is wrong with it in a sentence.
    public static func compile(_ pattern: String) -> Result<Glob, GlobError> {
        if pattern.isEmpty { return .failure(GlobError("a files glob must not be empty")) }
        if pattern.hasPrefix("/") {
            return .failure(GlobError("glob '\(pattern)' is absolute; globs are relative to the repository root (write '\(pattern.drop { $0 == "/" })')"))
        }
        if pattern.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." }) {
            return .failure(GlobError("glob '\(pattern)' climbs out with '..'; evidence is only ever inside the repository"))
        }
        var texts: [String]
        switch expand(pattern) {
        case .success(let t): texts = t
        case .failure(let e): return .failure(e)
        }
        texts = texts.filter { !$0.isEmpty }
        if texts.isEmpty { return .failure(GlobError("glob '\(pattern)' has only empty alternatives")) }
        let alternatives = texts.map { text -> [Segment] in
            text.split(separator: "/", omittingEmptySubsequences: true).map { part -> Segment in
                if part == "**" { return .any }
                let bytes = Array(part.utf8)
                return bytes.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\\") })
                    ? .wildcard(bytes) : .literal(bytes)
            }
        }
        return .success(Glob(pattern: pattern, alternatives: alternatives))
    }

    /// `{a,b}c{d,e}` → `acd ace bcd bce`; nested or unbalanced braces are refused.
    static func expand(_ pattern: String) -> Result<[String], GlobError> {
        var parts: [[String]] = []
        var current = ""
        var group: [String]?
        var escaped = false
        for c in pattern {
            if escaped { current.append(c); escaped = false; continue }
            switch c {
            case "\\":
                current.append(c)
                escaped = true
            case "{":
                if group != nil { return .failure(GlobError("glob '\(pattern)' nests braces; write the alternatives in one '{a,b,c}'")) }
                parts.append([current])
                current = ""
                group = []
            case "}":
                guard var g = group else { return .failure(GlobError("glob '\(pattern)' has a '}' without its '{'")) }
                g.append(current)
                parts.append(g)
                current = ""
                group = nil
            case "," where group != nil:
                group?.append(current)
                current = ""
            default:
                current.append(c)
            }
        }
        if group != nil { return .failure(GlobError("glob '\(pattern)' has a '{' without its '}'")) }
        parts.append([current])
        var count = 1
        for p in parts {
            count *= p.count
            if count > maxAlternatives {
                return .failure(GlobError("glob '\(pattern)' has more than \(maxAlternatives) alternatives; split it into several globs"))
            }
        }
        var out = [""]
        for p in parts { out = out.flatMap { prefix in p.map { prefix + $0 } } }
        return .success(out)
    }

    /// Whether the repository-relative `path` (segments split at `/`) matches.
    public func matches(_ path: String) -> Bool {
        let segments = path.split(separator: "/").map { Array($0.utf8) }
        return matches(segments: segments)
    }

    package func matches(segments: [[UInt8]]) -> Bool {
        alternatives.contains { Self.match($0, segments) }
    }

    /// Segments against segments, `**` matching any run of them. Greedy with one backtrack
    /// point, as for `*` in a string: linear in practice, never exponential.
    package static func match(_ pattern: [Segment], _ path: [[UInt8]]) -> Bool {
        var p = 0, s = 0
        var starP = -1, starS = 0
        while s < path.count {
            if p < pattern.count {
                switch pattern[p] {
                case .any:
                    starP = p
                    starS = s
                    p += 1
                    continue
                case .literal(let bytes) where bytes == path[s]:
                    p += 1; s += 1
                    continue
                case .wildcard(let bytes) where Wildcard.match(bytes, path[s]):
                    p += 1; s += 1
                    continue
                default: break
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starS += 1
            s = starS
        }
        while p < pattern.count, case .any = pattern[p] { p += 1 }
        return p == pattern.count
    }

    /// When every alternative is `**/*.ext` or `**/name`, the extensions and names that
    /// decide a match: a scan then looks a file up instead of trying every glob.
    package var fastKeys: (suffixes: [String], names: [String])? {
        var suffixes: [String] = [], names: [String] = []
        for alt in alternatives {
            guard alt.count == 2, case .any = alt[0] else { return nil }
            switch alt[1] {
            case .literal(let bytes):
                names.append(String(decoding: bytes, as: UTF8.self))
            case .wildcard(let bytes):
                // `*.ext` with nothing else special in it.
                guard bytes.count > 1, bytes[0] == UInt8(ascii: "*"),
                      !bytes.dropFirst().contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\\") })
                else { return nil }
                suffixes.append(String(decoding: bytes.dropFirst(), as: UTF8.self))
            case .any:
                return nil
            }
        }
        return (suffixes, names)
    }
}

extension Result {
    package var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}

public struct GlobError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// `*`, `?`, `[abc]`, `[a-z]`, `[!x]` and `\` escapes within one path segment (shared by
/// globs and `.gitignore` patterns). Greedy with one backtrack point: linear-ish, never
/// exponential, whatever the pattern.
package enum Wildcard {
    package static func match(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
                    starP = p
                    starT = t
                    continue
                }
                if c == UInt8(ascii: "?") { p += 1; t += 1; continue }
                if c == UInt8(ascii: "["), let (ok, next) = matchClass(pattern, p, text[t]) {
                    if ok { p = next; t += 1; continue }
                } else {
                    var literal = c
                    var next = p + 1
                    if c == UInt8(ascii: "\\"), p + 1 < pattern.count { literal = pattern[p + 1]; next = p + 2 }
                    if literal == text[t] { p = next; t += 1; continue }
                }
            }
            guard starP >= 0 else { return false }
            p = starP
            starT += 1
            t = starT
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    /// A bracket class at `start`: whether `byte` is in it and where the pattern goes on;
    /// nil when the `[` has no closing `]` (then it is a literal `[`).
    static func matchClass(_ pattern: [UInt8], _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.count, pattern[i] == UInt8(ascii: "!") || pattern[i] == UInt8(ascii: "^") { negate = true; i += 1 }
        var found = false
        var first = true
        while i < pattern.count {
            var c = pattern[i]
            if c == UInt8(ascii: "]") && !first { return (found != negate, i + 1) }
            first = false
            if c == UInt8(ascii: "\\"), i + 1 < pattern.count { i += 1; c = pattern[i] }
            if i + 2 < pattern.count, pattern[i + 1] == UInt8(ascii: "-"), pattern[i + 2] != UInt8(ascii: "]") {
                let hi = pattern[i + 2]
                if byte >= c && byte <= hi { found = true }
                i += 3
            } else {
                if byte == c { found = true }
                i += 1
            }
        }
        return nil
    }
}

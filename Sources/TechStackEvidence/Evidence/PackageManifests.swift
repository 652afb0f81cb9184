import Foundation
// The fuzzing build (fuzz/run) compiles the loaders from source without SwiftPM's packages;
// it fuzzes manifests, rules and catalogues, not pyproject.toml, so it goes without TOMLKit.
#if canImport(TOMLKit)
import TOMLKit
import TechStackModel
#endif

/// A dependency a package manifest declares, with the line of its declaration.
public struct DeclaredDependency: Sendable, Hashable {
    public var ecosystem: Ecosystem
    public var name: String
    public var line: Int
}

/// Reads the dependencies a package manifest declares. Each reader takes the file's bytes
/// and never fails: a manifest it cannot make sense of declares nothing (skipping is not an
/// error, SPEC §8).
enum PackageManifests {
    static func dependencies(_ ecosystem: Ecosystem, fileName: String, bytes: [UInt8]) -> [DeclaredDependency] {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = Lines(text)
        let names: [(String, Int)]
        switch ecosystem {
        case .npm: names = jsonKeys(bytes, sections: ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"], lines: lines)
        case .composer: names = jsonKeys(bytes, sections: ["require", "require-dev"], lines: lines)
        case .pypi: names = fileName == "pyproject.toml" ? pyproject(text, lines: lines) : requirements(lines)
        case .maven: names = fileName == "pom.xml" ? pom(bytes) : gradle(lines)
        case .go: names = goMod(lines)
        case .nuget: names = csproj(bytes)
        case .swift: names = swiftPackage(lines)
        case .rubygems: names = gemfile(lines)
        }
        return names.map { DeclaredDependency(ecosystem: ecosystem, name: ecosystem.normalize($0.0), line: $0.1) }
    }

    /// A text's lines, for readers that work line by line and for finding where a name
    /// parsed by a library was written.
    struct Lines {
        let items: [Substring]
        init(_ text: String) {
            items = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        }

        /// The first line holding `needle` (as written, or quoted when `quoted`), else 1.
        package func line(of needle: String, quoted: Bool = false, caseInsensitive: Bool = false) -> Int {
            let target = quoted ? "\"\(needle)\"" : needle
            for (i, line) in items.enumerated() {
                if caseInsensitive ? line.lowercased().contains(target.lowercased()) : line.contains(target) { return i + 1 }
            }
            return 1
        }
    }

    // MARK: JSON (npm, Composer)

    static func jsonKeys(_ bytes: [UInt8], sections: [String], lines: Lines) -> [(String, Int)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return [] }
        var out: [(String, Int)] = []
        for section in sections {
            guard let deps = object[section] as? [String: Any] else { continue }
            for name in deps.keys.sorted() { out.append((name, lines.line(of: name, quoted: true))) }
        }
        return out
    }

    // MARK: PyPI

    /// `requirements*.txt`: one requirement a line; options (`-r`, `-e`, `--hash`) and
    /// comments are not requirements.
    static func requirements(_ lines: Lines) -> [(String, Int)] {
        var out: [(String, Int)] = []
        for (i, raw) in lines.items.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("-") || line.hasPrefix("#") { continue }
            if let name = pep508Name(line) { out.append((name, i + 1)) }
        }
        return out
    }

    /// The distribution name at the start of a PEP 508 requirement (`requests[socks]>=2`).
    static func pep508Name<S: StringProtocol>(_ text: S) -> String? {
        let name = text.drop { $0 == " " }.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        return name.isEmpty ? nil : String(name)
    }

    static func pyproject(_ text: String, lines: Lines) -> [(String, Int)] {
        #if canImport(TOMLKit)
        guard let table = try? TOMLTable(string: text) else { return [] }
        var names: [String] = []
        if let project = table["project"]?.table {
            for item in project["dependencies"]?.array ?? TOMLArray() {
                if let s = item.string, let name = pep508Name(s) { names.append(name) }
            }
            if let optional = project["optional-dependencies"]?.table {
                for key in optional.keys.sorted() {
                    for item in optional[key]?.array ?? TOMLArray() {
                        if let s = item.string, let name = pep508Name(s) { names.append(name) }
                    }
                }
            }
        }
        if let poetry = table["tool"]?["poetry"]?.table {
            var tables: [TOMLTable] = []
            for key in ["dependencies", "dev-dependencies"] { if let t = poetry[key]?.table { tables.append(t) } }
            if let groups = poetry["group"]?.table {
                for key in groups.keys.sorted() { if let t = groups[key]?["dependencies"]?.table { tables.append(t) } }
            }
            for t in tables {
                // `python` in Poetry's table is the interpreter, not a package.
                names += t.keys.sorted().filter { $0.lowercased() != "python" }
            }
        }
        return names.map { ($0, lines.line(of: $0, caseInsensitive: true)) }
        #else
        return []
        #endif
    }

    // MARK: Maven, Gradle, NuGet

    static func pom(_ bytes: [UInt8]) -> [(String, Int)] {
        var out: [(String, Int)] = []
        var group: String?, artifact: String?, start = 1
        XMLScanner.scan(bytes) { event in
            switch event {
            case .start(let name, _, let line) where name == "dependency":
                group = nil; artifact = nil; start = line
            case .text(let path, let text) where path.count >= 2 && path[path.count - 2] == "dependency":
                if path.last == "groupId" { group = text } else if path.last == "artifactId" { artifact = text }
            case .end(let name) where name == "dependency":
                if let g = group, let a = artifact { out.append(("\(g):\(a)", start)) }
            default: break
            }
        }
        return out
    }

    static func csproj(_ bytes: [UInt8]) -> [(String, Int)] {
        var out: [(String, Int)] = []
        XMLScanner.scan(bytes) { event in
            if case .start(let name, let attributes, let line) = event, name.lowercased() == "packagereference",
               let include = attributes.first(where: { $0.key.lowercased() == "include" })?.value {
                out.append((include, line))
            }
        }
        return out
    }

    /// `implementation "g:a:v"`, `implementation("g:a:v")`, `group: 'g', name: 'a'`.
    static func gradle(_ lines: Lines) -> [(String, Int)] {
        var out: [(String, Int)] = []
        for (i, line) in lines.items.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("//") { continue }
            if let g = namedArgument(line, "group"), let a = namedArgument(line, "name") {
                out.append(("\(g):\(a)", i + 1))
                continue
            }
            for literal in quotedStrings(line) {
                let parts = literal.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 2, parts.count <= 4, !parts[0].isEmpty, !parts[1].isEmpty,
                      parts[0].allSatisfy(isCoordinate), parts[1].allSatisfy(isCoordinate) else { continue }
                out.append(("\(parts[0]):\(parts[1])", i + 1))
            }
        }
        return out
    }

    static func isCoordinate(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_") }

    /// The quoted value after `name:` or `name =` on a line.
    static func namedArgument(_ line: Substring, _ name: String) -> String? {
        var rest = line[...]
        while let range = rest.range(of: name) {
            let before = rest[..<range.lowerBound].last
            var after = rest[range.upperBound...].drop { $0 == " " }
            rest = rest[range.upperBound...]
            if let b = before, b.isLetter || b.isNumber || b == "." || b == "_" { continue }
            guard after.first == ":" || after.first == "=" else { continue }
            after = after.dropFirst().drop { $0 == " " }
            guard let quote = after.first, quote == "\"" || quote == "'" else { continue }
            let value = after.dropFirst().prefix { $0 != quote }
            return String(value)
        }
        return nil
    }

    /// Every '…' and "…" on a line.
    static func quotedStrings(_ line: Substring) -> [Substring] {
        var out: [Substring] = []
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" || c == "'" {
                let start = line.index(after: i)
                guard let end = line[start...].firstIndex(of: c) else { break }
                out.append(line[start..<end])
                i = line.index(after: end)
            } else {
                i = line.index(after: i)
            }
        }
        return out
    }

    // MARK: Go, Swift, RubyGems

    /// `require example.com/m v1` and `require ( … )` blocks.
    static func goMod(_ lines: Lines) -> [(String, Int)] {
        var out: [(String, Int)] = []
        var inBlock = false
        for (i, raw) in lines.items.enumerated() {
            var line = raw.drop { $0 == " " || $0 == "\t" }
            if let comment = line.range(of: "//") { line = line[..<comment.lowerBound] }
            if inBlock {
                if line.hasPrefix(")") { inBlock = false; continue }
            } else if line.hasPrefix("require") {
                line = line.dropFirst("require".count).drop { $0 == " " || $0 == "\t" }
                if line.hasPrefix("(") { inBlock = true; continue }
            } else {
                continue
            }
            if let module = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first, !module.isEmpty {
                out.append((String(module), i + 1))
            }
        }
        return out
    }

    /// `.package(url: "https://github.com/o/Name.git", …)`: the package identity, the URL's
    /// last path component in lower case without `.git`.
    static func swiftPackage(_ lines: Lines) -> [(String, Int)] {
        var out: [(String, Int)] = []
        for (i, line) in lines.items.enumerated() {
            guard line.contains(".package(") || line.contains("url:"), let url = namedArgument(line, "url") else { continue }
            var identity = url.split(separator: "/").last.map(String.init) ?? url
            if identity.hasSuffix(".git") { identity.removeLast(4) }
            if !identity.isEmpty { out.append((identity.lowercased(), i + 1)) }
        }
        return out
    }

    /// `gem "rails"` / `gem 'rails', '~> 7'`.
    static func gemfile(_ lines: Lines) -> [(String, Int)] {
        var out: [(String, Int)] = []
        for (i, line) in lines.items.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("gem ") || trimmed.hasPrefix("gem(") else { continue }
            if let name = quotedStrings(trimmed).first, !name.isEmpty { out.append((String(name), i + 1)) }
        }
        return out
    }
}

/// A minimal XML element scanner for `pom.xml` and `*.csproj`: start tags with their
/// attributes and line, text content with the path of elements around it, end tags.
/// Comments, processing instructions, CDATA and DOCTYPE are skipped.
///
/// Why not Foundation's XMLParser: on Linux it lives in FoundationXML, which links
/// libxml2 (and through it ICU) dynamically even under `--static-swift-stdlib`, so the
/// released binary would no longer be self-contained. Two fixed element shapes need no
/// more than this; a malformed file simply yields fewer events.
enum XMLScanner {
    enum Event {
        case start(String, [String: String], line: Int)
        /// The element path (outermost first) and the text directly inside the innermost one.
        case text([String], String)
        case end(String)
    }

    static func scan(_ bytes: [UInt8], _ handle: (Event) -> Void) {
        var stack: [String] = []
        var i = 0, line = 1
        var text: [UInt8] = []
        let n = bytes.count
        func flushText() {
            let trimmed = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty, !stack.isEmpty { handle(.text(stack, decodeEntities(trimmed))) }
            text.removeAll(keepingCapacity: true)
        }
        func skip(past terminator: [UInt8]) {
            while i < n {
                if bytes[i] == 10 { line += 1 }
                if bytes[i] == terminator[0], i + terminator.count <= n, Array(bytes[i..<i + terminator.count]) == terminator {
                    i += terminator.count
                    return
                }
                i += 1
            }
        }
        while i < n {
            let b = bytes[i]
            if b != UInt8(ascii: "<") {
                if b == 10 { line += 1 }
                text.append(b)
                i += 1
                continue
            }
            flushText()
            if bytes[i...].starts(with: Array("<!--".utf8)) { i += 4; skip(past: Array("-->".utf8)); continue }
            if bytes[i...].starts(with: Array("<![CDATA[".utf8)) { i += 9; skip(past: Array("]]>".utf8)); continue }
            if i + 1 < n, bytes[i + 1] == UInt8(ascii: "?") || bytes[i + 1] == UInt8(ascii: "!") { i += 2; skip(past: [UInt8(ascii: ">")]); continue }
            // A tag: read to its '>' outside quotes.
            let tagLine = line
            var j = i + 1
            var quote: UInt8 = 0
            while j < n {
                let c = bytes[j]
                if c == 10 { line += 1 }
                if quote != 0 { if c == quote { quote = 0 } } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c } else if c == UInt8(ascii: ">") { break }
                j += 1
            }
            let tag = Array(bytes[(i + 1)..<min(j, n)])
            i = j + 1
            if tag.first == UInt8(ascii: "/") {
                let name = String(decoding: tag.dropFirst(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if let index = stack.lastIndex(of: name) {
                    for closed in stack[index...].reversed() { handle(.end(closed)) }
                    stack.removeSubrange(index...)
                }
                continue
            }
            let selfClosing = tag.last == UInt8(ascii: "/")
            let body = selfClosing ? Array(tag.dropLast()) : tag
            let nameEnd = body.firstIndex { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 } ?? body.count
            let name = String(decoding: body[..<nameEnd], as: UTF8.self)
            guard !name.isEmpty else { continue }
            handle(.start(name, attributes(body[nameEnd...]), line: tagLine))
            if selfClosing { handle(.end(name)) } else if stack.count < 256 { stack.append(name) }
        }
    }

    static func attributes(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var out: [String: String] = [:]
        let text = String(decoding: bytes, as: UTF8.self)
        var rest = Substring(text)
        while let eq = rest.firstIndex(of: "=") {
            let key = rest[..<eq].trimmingCharacters(in: .whitespacesAndNewlines)
            var after = rest[rest.index(after: eq)...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: quote) else { break }
            if let last = key.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).last {
                out[String(last)] = decodeEntities(String(after[..<close]))
            }
            rest = after[after.index(after: close)...]
        }
        return out
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

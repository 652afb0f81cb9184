/// One way of recognising a standard or component in a repository (SPEC §8): a file whose
/// path matches one of `files`, optionally holding one of the literal texts of `contains`;
/// or a declared package `dependency`.
public struct Signal: Sendable {
    public struct Dependency: Sendable, Hashable {
        public var ecosystem: Ecosystem
        public var name: String
    }

    public var files: [Glob]
    /// Literal, byte-exact texts; any of them matches.
    public var contains: [String]
    public var dependency: Dependency?
    /// The public facts that make this evidence.
    public var links: [String]
    public var mark: Mark

    public init(files: [Glob] = [], contains: [String] = [], dependency: Dependency? = nil, links: [String] = [], mark: Mark = .start) {
        self.files = files
        self.contains = contains
        self.dependency = dependency
        self.links = links
        self.mark = mark
    }

    /// A short form for a sentence: `the text "id.singpass.gov.sg"`, `a file **/*.wsdl`.
    public var brief: String {
        if let dependency { return "a \(dependency.ecosystem.rawValue) dependency on \(dependency.name)" }
        if let text = contains.first { return "the text \"\(text)\"" }
        return "a file \(files.first?.pattern ?? "")"
    }

    /// How the signal is shown: `files **/*.wsdl`, `files **/*.ts containing "x" or "y"`,
    /// `dependency npm @govtechsg/sgds`.
    public var description: String {
        if let dependency { return "dependency \(dependency.ecosystem.rawValue) \(dependency.name)" }
        var text = "files " + files.map(\.pattern).joined(separator: " ")
        if !contains.isEmpty { text += " containing " + contains.map { "\"\($0)\"" }.joined(separator: " or ") }
        return text
    }
}

/// Where a signal matched: a repository-relative path and the line (1 for a `files`-only
/// signal; the declaration's line for a dependency).
public struct EvidenceItem: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int
    /// The signal, as `Signal.description` writes it, or what matched (`contains "x"`).
    public var signal: String

    public init(path: String, line: Int, signal: String) {
        self.path = path
        self.line = line
        self.signal = signal
    }

    /// `src/benefits.wsdl:1`.
    public var location: String { "\(path):\(line)" }
}

/// A package ecosystem whose manifests a `dependency` signal reads (SPEC §8).
public enum Ecosystem: String, Sendable, CaseIterable, Codable, Hashable {
    case npm, pypi, maven, go, nuget, swift, rubygems, composer

    public static var names: [String] { allCases.map(\.rawValue) }

    /// Whether a file (its last path component) is a package manifest this ecosystem reads.
    public func reads(fileName name: String) -> Bool {
        switch self {
        case .npm: name == "package.json"
        case .pypi: name == "pyproject.toml" || (name.hasPrefix("requirements") && name.hasSuffix(".txt"))
        case .maven: name == "pom.xml" || name == "build.gradle" || name == "build.gradle.kts"
        case .go: name == "go.mod"
        case .nuget: name.hasSuffix(".csproj")
        case .swift: name == "Package.swift"
        case .rubygems: name == "Gemfile"
        case .composer: name == "composer.json"
        }
    }

    /// The form names are compared in: PyPI folds case and treats `-`, `_` and `.` alike
    /// (PEP 503); NuGet ids and Swift package identities ignore case; the rest are exact.
    public func normalize(_ name: String) -> String {
        switch self {
        case .pypi:
            var out = ""
            var lastWasSeparator = false
            for c in name.lowercased() {
                if c == "-" || c == "_" || c == "." {
                    if !lastWasSeparator { out.append("-") }
                    lastWasSeparator = true
                } else {
                    out.append(c)
                    lastWasSeparator = false
                }
            }
            return out
        case .nuget, .swift, .composer: return name.lowercased()
        default: return name
        }
    }
}

// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
import Foundation
import XCTest
import TechStackModel

/// Catalogues for the site and export tests: the built-in one, and a small one whose text
/// tries to break out of HTML, attributes, scripts and YAML.
public enum SiteFixtures {
    public static let hostileName = "<script>alert(1)</script>"

    public static let hostileCatalogue: [String: String] = [
        "meta.yaml": """
        catalogue: {name: "Test & <b>Stack</b>", publisher: "Tests \\"quoted\\"", version: "true"}
        layers:
          - {id: services, name: Services, summary: s, order: 1}
          - {id: platform, name: Platform, summary: s, order: 2}
          - {id: hosting, name: Hosting, summary: s, order: 3}
          - {id: data, name: Data, summary: s, order: 4}
          - {id: frame, name: Frame, summary: s, order: 5, cross-cutting: true}
        source-kinds:
          - {id: government, name: Government, summary: s}
        agencies:
          - id: reg
            name: "Registry \\" onmouseover=\\"alert(2)"
            summary: "&lt;b&gt; is how a bold tag is written"
            source-kind: government
            grant-process: {summary: "Write to us: </script><script>alert(3)</script>", url: "javascript:alert(4)"}
        funding-models:
          - {id: central, name: "Central\\" onfocus=\\"alert(8)", summary: s, charging: free, becomes: {model: paid, when-users-reach: 10}}
          - {id: paid, name: Paid, summary: s, charging: per-use}
        """,
        "entries.yaml": """
        standards:
          - {id: rest, name: REST, summary: s, url: "https://example.org/rest?a=1&b=\\"2\\""}
          - {id: soap, name: SOAP, summary: s}
        components:
          - id: login
            name: "\(hostileName)"
            summary: "Signs people in. </script><script>alert(5)</script>"
            layer: [services, frame]
            owner: reg
            funding: {model: central}
            requires: [rest]
            links: ["https://example.org/login\\"><script>alert(6)</script>", "javascript:alert(7)"]
        concerns:
          - {id: identity, name: Identity, summary: s, layer: services, question: "Who? <i>really</i>", recommended: [login]}
          - {id: api-style, name: API style, summary: s, layer: services, question: q, recommended: [rest], alternatives: [soap]}
        datasets:
          - id: person
            name: Person
            summary: s
            source: reg
            consent: true
            items: ["name <u>underlined</u>", "address"]
            access:
              - {via: login, requires: [login, rest]}
        """,
    ]

    public static func builtin() throws -> Catalogue {
        let result = CatalogueLoader.load(files: Builtin.catalogueFiles)
        XCTAssertFalse(result.diagnostics.hasErrors, result.diagnostics.items.map(\.description).joined(separator: "\n"))
        return try XCTUnwrap(result.catalogue)
    }

    public static func hostile() throws -> Catalogue {
        let files = hostileCatalogue.sorted { $0.key < $1.key }.map { InputFile(path: $0.key, text: $0.value) }
        let result = CatalogueLoader.load(files: files)
        XCTAssertFalse(result.diagnostics.hasErrors, result.diagnostics.items.map(\.description).joined(separator: "\n"))
        return try XCTUnwrap(result.catalogue)
    }

    /// Writes the hostile catalogue into `directory` as YAML files.
    public static func writeHostile(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in hostileCatalogue {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }
}
#endif

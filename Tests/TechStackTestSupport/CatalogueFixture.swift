// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
/// The head of the small catalogues tests write by hand: metadata, one layer (`services`), one
/// source kind (`government`), the agencies, one free funding model (`central`), and any
/// standards; a test appends the entries it is about. Every entry is one line, so a test can
/// count on where its own lines fall (the head is 9 lines, plus 1 + one per standard).
public enum CatalogueFixture {
    public struct Entry: Sendable {
        public var id: String
        public var name: String
        public init(_ id: String, _ name: String) {
            self.id = id
            self.name = name
        }
    }

    /// `sourceKind` is what every agency names as its source kind; a test may misspell it.
    public static func head(name: String = "T", publisher: String = "T", version: String = "1",
                            agencies: [Entry] = [Entry("reg", "Registry")], sourceKind: String = "government",
                            standards: [Entry] = []) -> String {
        var text = """
            catalogue: {name: \(name), publisher: \(publisher), version: "\(version)"}
            layers:
              - {id: services, name: Services, summary: s, order: 1}
            source-kinds:
              - {id: government, name: Government, summary: s}
            agencies:

            """
        for agency in agencies {
            text += "  - {id: \(agency.id), name: \(agency.name), summary: s, source-kind: \(sourceKind)}\n"
        }
        text += "funding-models:\n  - {id: central, name: Central, summary: s, charging: free}\n"
        if !standards.isEmpty {
            text += "standards:\n" + standards.map { "  - {id: \($0.id), name: \($0.name), summary: s}\n" }.joined()
        }
        return text
    }
}
#endif

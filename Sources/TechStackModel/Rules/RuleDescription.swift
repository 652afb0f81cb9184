/// A rule as reporters and `explain` describe it.
public struct RuleDescription: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var severity: String
    public var summary: String
    public var rationale: String

    public init(id: String, kind: String, severity: String, summary: String, rationale: String) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
    }
}

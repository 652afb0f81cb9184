import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum UnknownKey: RuleKindDefinition {
        public static let id = "unknown-key"

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.unknownKey(rule, severity, input.manifest)
        }
    }
}

extension Linter {
    /// A key the manifest format does not know: most often a typo that silently drops a value.
    func unknownKey(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        manifest.unknownKeys.map { key in
            let place = key.context.isEmpty ? "the manifest" : key.context
            let known: [String]
            if key.context.hasPrefix("produces") { known = ManifestLoader.producedKeys }
            else if key.context.hasPrefix("exemptions") { known = ManifestLoader.exemptionKeys }
            else { known = ManifestLoader.topLevelKeys }
            let hint = key.nearest.map { "did you mean '\($0)'?" } ?? "known keys: \(known.joined(separator: ", "))"
            return Finding(rule: rule.id, severity: severity,
                           message: "unknown key '\(key.key)' in \(place) is ignored; \(hint)", mark: key.mark,
                           key: key.context.isEmpty ? key.key : key.context + "." + key.key)
        }
    }
}

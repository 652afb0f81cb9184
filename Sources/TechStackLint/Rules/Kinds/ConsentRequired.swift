import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum ConsentRequired: RuleKindDefinition {
        public static let id = "consent-required"
        public static var area: String { "shared-data" }

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.consentRequired(rule, severity, input.manifest)
        }
    }
}

extension Linter {
    /// A private-sector project receives a consent dataset only with each person's consent.
    func consentRequired(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        guard manifest.sector == .private else { return [] }
        return manifest.consumes.compactMap { consumed in
            guard let dataset = catalogue.dataset(consumed.value), dataset.consent else { return nil }
            let message = "consumes '\(dataset.header.id)' (\(dataset.header.name)) as a private-sector project: "
                + "consent must be collected from each person, for each purpose, before the data is released to the project."
            return Finding(rule: rule.id, severity: severity, message: message, mark: consumed.mark,
                           dataset: dataset.header.id)
        }
    }
}

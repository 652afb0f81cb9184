import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum RequiredConcern: RuleKindDefinition {
        public static let id = "required-concern"
        public static var area: String { "tech-stack" }

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.requiredConcern(rule, severity, input.manifest)
        }
    }
}

extension Linter {
    /// A concern the catalogue marks `required` that `choices` does not answer. Reported at
    /// `choices:` (or the top of the file when there is none), since the answer is missing.
    func requiredConcern(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        let answered = Set(manifest.choices.map(\.concern.value))
        let mark = manifest.keyMarks["choices"] ?? .start
        return catalogue.concerns.filter { $0.required && !answered.contains($0.header.id) }.map { concern in
            let recommended = concern.recommended.map(\.value)
            let message = "required concern '\(concern.header.id)' (\(concern.header.name)) is not answered: \(concern.question) "
                + "Add '\(concern.header.id): \(recommended.first ?? "ID")' under choices (recommended: \(Self.list(recommended, last: "or")))."
            return Finding(rule: rule.id, severity: severity, message: message, mark: mark,
                           concern: concern.header.id, recommended: recommended)
        }
    }
}

import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum ExpiredExemption: RuleKindDefinition {
        public static let id = "expired-exemption"

        public struct Parameters: Sendable, Hashable {
            /// How many days ahead an expiry is warned about.
            public var warnDays: Int = 30
        }

        public static let defaults = Parameters()

        public static var parameters: [RuleParameter<Parameters>] {
            [.days("warn-days", \.warnDays, "days ahead an expiry is warned about.")]
        }

        public static var area: String { "exemptions" }

        public static func findings(_ rule: Rule, _ parameters: Parameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.expiredExemption(rule, severity, parameters, input.manifest)
        }
    }
}

extension Linter {
    /// An exemption is valid through its `expires` day. After it, it suppresses nothing and
    /// is reported at the rule's severity; within `warn-days` of it, a warning gives notice.
    func expiredExemption(_ rule: Rule, _ severity: Severity, _ parameters: RuleKind.ExpiredExemption.Parameters, _ manifest: Manifest) -> [Finding] {
        manifest.exemptions.compactMap { exemption in
            let scope = [exemption.concern.map { "concern \($0.value)" }, exemption.dataset.map { "dataset \($0.value)" }]
                .compactMap { $0 }.joined(separator: ", ")
            let what = "the exemption from \(exemption.rule.value)\(scope.isEmpty ? "" : " (\(scope))")"
            let left = today.days(until: exemption.expires)
            if left < 0 {
                let message = "\(what) expired on \(exemption.expires) (\(Self.plural(-left, "day")) ago) and no longer suppresses anything; "
                    + "fix the deviation, or renew the exemption with a new 'expires' date."
                return Finding(rule: rule.id, severity: severity, message: message, mark: exemption.mark,
                               concern: exemption.concern?.value, dataset: exemption.dataset?.value)
            }
            guard left <= parameters.warnDays else { return nil }
            let when = left == 0 ? "today (its last valid day)" : "on \(exemption.expires), in \(Self.plural(left, "day"))"
            let message = "\(what) expires \(when); fix the deviation or renew the exemption before then."
            return Finding(rule: rule.id, severity: min(severity, .warning), message: message, mark: exemption.mark,
                           concern: exemption.concern?.value, dataset: exemption.dataset?.value)
        }
    }
}

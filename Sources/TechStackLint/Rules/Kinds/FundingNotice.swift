import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum FundingNotice: RuleKindDefinition {
        public static let id = "funding-notice"
        public static var area: String { "funding" }

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.fundingNotice(rule, severity, input.manifest)
        }
    }
}

extension Linter {
    /// A chosen component that is charged, or whose funding turns into a charge once its
    /// users reach a threshold: something to budget for.
    func fundingNotice(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        var out: [Finding] = []
        var seen: Set<String> = []
        for answer in manifest.choices {
            for choice in answer.choices {
                guard let component = catalogue.component(choice.value), seen.insert(choice.value).inserted,
                      let model = catalogue.fundingModel(component.funding.value) else { continue }
                let price = component.price.map { " (\($0))" } ?? ""
                let name = "'\(component.header.id)' (\(component.header.name))"
                var message: String
                switch model.charging {
                case .perUse, .subscription:
                    let charge = model.charging == .perUse ? "per use" : "by subscription"
                    message = "\(name) is charged \(charge) under the \(model.header.id) funding model\(price); budget for it."
                case .free:
                    guard let becomes = model.becomes, let next = catalogue.fundingModel(becomes.model.value),
                          next.charging != .free else { continue }
                    message = "\(name) is funded under \(model.header.id)\(price) and becomes \(next.header.id) (charged) once its users reach \(becomes.whenUsersReach)"
                    if let users = manifest.expectedUsers {
                        message += users >= becomes.whenUsersReach
                            ? "; this project alone expects \(users) users, at or above that threshold: budget for the charge."
                            : "; this project expects \(users) users, below that threshold, but the threshold counts every user of the component."
                    } else {
                        message += "; give 'expected-users' to compare this project with the threshold."
                    }
                }
                out.append(Finding(rule: rule.id, severity: severity, message: message, mark: choice.mark,
                                   concern: answer.concern.value, choice: answer.choices.map(\.value)))
            }
        }
        return out
    }
}

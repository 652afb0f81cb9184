import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum UnknownReference: RuleKindDefinition {
        public static let id = "unknown-reference"

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.unknownReference(rule, severity, input.manifest)
        }
    }
}

extension Linter {
    /// Every id the manifest names must be in the catalogue, and of the kind its place expects.
    func unknownReference(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        var out: [Finding] = []
        func check(_ ref: Located<String>, field: String, kinds: Set<EntryKind>, candidates: @autoclosure () -> [String],
                   concern: String? = nil, dataset: String? = nil) {
            // Suggestions are only worked out for an id that is wrong: most ids are right. They
            // are remembered per field, as across a portfolio the same wrong ids recur.
            let kind = catalogue.kind(of: ref.value)
            if let kind, kinds.contains(kind) { return }
            let wanted = kinds.sorted().map(\.singular).joined(separator: " or ")
            let hint = hints.value(for: field + "\u{1}" + ref.value) { NearestName.hint(ref.value, in: candidates()) }
            let message: String
            if let kind {
                message = "\(field): '\(ref.value)' is \(Self.article(kind.singular)), but \(Self.article(wanted)) is expected here\(hint)"
            } else {
                message = "\(field): '\(ref.value)' is no \(wanted) in the catalogue\(hint)"
            }
            out.append(Finding(rule: rule.id, severity: severity, message: message, mark: ref.mark, concern: concern, dataset: dataset,
                               key: field + ": " + ref.value))
        }

        check(manifest.agency, field: "agency", kinds: [.agencies], candidates: agencyIDs)
        for answer in manifest.choices {
            let concern = answer.concern.value
            check(answer.concern, field: "choices", kinds: [.concerns], candidates: concernIDs, concern: concern)
            // Prefer the concern's own options as suggestions, then any standard or component.
            let options = catalogue.concern(concern)?.options ?? []
            for choice in answer.choices {
                check(choice, field: "choices.\(concern)", kinds: [.standards, .components],
                      candidates: NearestName.find(choice.value, in: options) != nil ? options : optionIDs, concern: concern)
            }
        }
        for dataset in manifest.consumes {
            check(dataset, field: "consumes", kinds: [.datasets], candidates: datasetIDs, dataset: dataset.value)
        }
        for produced in manifest.produces {
            if let via = produced.sharedVia {
                check(via, field: "produces.\(produced.id.value).shared-via", kinds: [.standards, .components], candidates: optionIDs)
            }
        }
        for grant in manifest.grants {
            check(grant.key, field: "grants", kinds: [.datasets, .agencies], candidates: grantKeyIDs,
                  dataset: catalogue.dataset(grant.key.value) != nil ? grant.key.value : nil)
        }
        for exemption in manifest.exemptions {
            if rules[exemption.rule.value] == nil {
                out.append(Finding(rule: rule.id, severity: severity,
                                   message: "exemptions: rule '\(exemption.rule.value)' is no rule of this run\(NearestName.hint(exemption.rule.value, in: rules.ids)); 'techstack explain RULE' describes a rule",
                                   mark: exemption.rule.mark, key: "exemptions.rule: " + exemption.rule.value))
            }
            if let concern = exemption.concern {
                check(concern, field: "exemptions.concern", kinds: [.concerns], candidates: concernIDs, concern: concern.value)
            }
            if let dataset = exemption.dataset {
                check(dataset, field: "exemptions.dataset", kinds: [.datasets], candidates: datasetIDs, dataset: dataset.value)
            }
        }
        return out
    }
}

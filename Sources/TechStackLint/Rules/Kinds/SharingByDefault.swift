import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum SharingByDefault: RuleKindDefinition {
        public static let id = "sharing-by-default"

        public struct Parameters: Sendable, Hashable {
            /// The concern whose recommended ids count as sharing. No default in code: which
            /// concern that is depends on the catalogue, so the rule file names it.
            public var concern: Located<String>?
        }

        public static let defaults = Parameters()

        public static var parameters: [RuleParameter<Parameters>] {
            [.text("concern", \.concern, "the concern whose recommended ids count as sharing.")]
        }

        public static var area: String { "tech-stack" }

        /// The concern must be named, and be a concern of the catalogue in use.
        public static func problems(_ rule: Rule, _ parameters: Parameters, against catalogue: Catalogue) -> [Diagnostic] {
            guard let concern = parameters.concern else {
                return [Diagnostic(path: rule.origin.path, mark: rule.origin.mark,
                                   message: "rule '\(rule.id)': a sharing-by-default rule must name its 'concern' (the concern whose recommended ids count as sharing, e.g. the API gateway)")]
            }
            guard catalogue.concern(concern.value) == nil else { return [] }
            let what = catalogue.kind(of: concern.value).map { ", which is a \($0.singular)" } ?? ", which is not in the catalogue"
            return [Diagnostic(path: rule.origin.path, mark: concern.mark,
                               message: "rule '\(rule.id)': 'concern' must name a concern, found '\(concern.value)'\(what)\(NearestName.hint(concern.value, in: catalogue.concerns.map(\.header.id)))")]
        }

        public static func findings(_ rule: Rule, _ parameters: Parameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.sharingByDefault(rule, severity, parameters, input.manifest)
        }
    }
}

extension Linter {
    /// "Sharing by default, rather than ask for permission": data a project is the source of
    /// truth for is shared via a recommended id of the rule's concern, or explicitly not
    /// shared, with a reason.
    func sharingByDefault(_ rule: Rule, _ severity: Severity, _ parameters: RuleKind.SharingByDefault.Parameters, _ manifest: Manifest) -> [Finding] {
        guard let concernID = parameters.concern?.value else { return [] }
        guard let concern = catalogue.concern(concernID) else { return [] }
        let recommended = concern.recommended.map(\.value)
        let way = Self.list(recommended, last: "or")
        var out: [Finding] = []
        for produced in manifest.produces {
            let id = produced.id.value
            let hasReason = produced.reason.map { !$0.isBlank } ?? false
            if produced.shared == false && hasReason { continue }
            if let via = produced.sharedVia, recommended.contains(via.value), produced.shared != false { continue }
            let message: String
            let mark: Mark
            if produced.shared == false {
                message = "produces '\(id)' with 'shared: false' but no reason; sharing is the default, so say why it is not shared ('reason: …'), or share it via \(way)."
                mark = produced.id.mark
            } else if let via = produced.sharedVia {
                message = "produces '\(id)' shared via '\(via.value)', which is not a recommended \(concernID) (\(way)); other agencies look for shared data there. Share it via \(way), or write 'shared: false' with a reason."
                mark = via.mark
            } else {
                message = "produces '\(id)' without saying how it is shared; sharing is the default: add 'shared-via: \(recommended.first ?? "ID")', or 'shared: false' with a reason."
                mark = produced.id.mark
            }
            out.append(Finding(rule: rule.id, severity: severity, message: message, mark: mark,
                               concern: concernID, recommended: recommended))
        }
        return out
    }
}

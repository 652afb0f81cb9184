import TechStackEvidence
import TechStackModel

extension Linter {
    /// "Sharing by default, rather than ask for permission": data a project is the source of
    /// truth for is shared via a recommended id of the rule's concern, or explicitly not
    /// shared, with a reason.
    func sharingByDefault(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        guard let concernID = rule.parameters.concern?.value else { return [] }
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

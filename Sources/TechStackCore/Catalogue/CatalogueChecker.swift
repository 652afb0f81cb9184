/// Finds catalogue problems: well-formed files whose content does not hang together.
enum CatalogueChecker {
    static func problems(in catalogue: Catalogue) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func problem(_ origin: Origin, _ mark: Mark, _ message: String) {
            out.append(Diagnostic(path: origin.path, mark: mark, severity: .error, message: message, isSchemaError: false))
        }
        func warn(_ origin: Origin, _ mark: Mark, _ message: String) {
            out.append(Diagnostic(path: origin.path, mark: mark, severity: .warning, message: message, isSchemaError: false))
        }

        // One namespace: a reference must never be ambiguous.
        var firstSeen: [String: Origin] = [:]
        for entry in catalogue.entriesInWrittenOrder {
            let h = entry.header
            if let first = firstSeen[h.id] {
                problem(h.origin, h.origin.mark, "duplicate id '\(h.id)'; ids are unique across the whole catalogue (first defined at \(first.path):\(first.mark.line):\(first.mark.column))")
            } else {
                firstSeen[h.id] = h.origin
            }
        }

        func check(_ ref: Located<String>?, from origin: Origin, field: String, kinds: Set<EntryKind>) {
            guard let ref, !ref.value.isEmpty else { return }
            let wanted = kinds.sorted().map(\.singular).joined(separator: " or ")
            if let entry = catalogue[ref.value] {
                if !kinds.contains(entry.kind) {
                    problem(origin, ref.mark, "'\(field)' must name a \(wanted), but '\(ref.value)' is a \(entry.kind.singular)")
                }
            } else {
                let candidates = catalogue.allEntries.filter { kinds.contains($0.kind) }.map(\.id)
                problem(origin, ref.mark, "'\(field)' names '\(ref.value)', which is no \(wanted) in the catalogue\(NearestName.hint(ref.value, in: candidates))")
            }
        }
        let options: Set<EntryKind> = [.standards, .components]

        for agency in catalogue.agencies {
            check(agency.sourceKind, from: agency.header.origin, field: "source-kind", kinds: [.sourceKinds])
        }
        for model in catalogue.fundingModels {
            check(model.becomes?.model, from: model.header.origin, field: "becomes.model", kinds: [.fundingModels])
        }
        for concern in catalogue.concerns {
            let o = concern.header.origin
            check(concern.layer, from: o, field: "layer", kinds: [.layers])
            if concern.recommended.isEmpty {
                problem(o, o.mark, "concern '\(concern.header.id)' recommends nothing; 'recommended' must list at least one standard or component")
            }
            for ref in concern.alternatives {
                check(ref, from: o, field: "alternatives", kinds: options)
                if concern.recommended.contains(where: { $0.value == ref.value }) {
                    warn(o, ref.mark, "'\(ref.value)' is both recommended and an alternative; list it once")
                }
            }
            for ref in concern.recommended {
                check(ref, from: o, field: "recommended", kinds: options)
                if let (status, successor) = catalogue.lifecycle(of: ref.value), status != .active {
                    warn(o, ref.mark, "concern '\(concern.header.id)' recommends '\(ref.value)', which is \(status.rawValue)\(successor.map { "; recommend '\($0)' instead" } ?? "")")
                }
            }
        }
        for standard in catalogue.standards {
            check(standard.replacedBy, from: standard.header.origin, field: "replaced-by", kinds: options)
        }
        for component in catalogue.components {
            let o = component.header.origin
            for layer in component.layers { check(layer, from: o, field: "layer", kinds: [.layers]) }
            check(component.owner, from: o, field: "owner", kinds: [.agencies])
            check(component.funding, from: o, field: "funding.model", kinds: [.fundingModels])
            for ref in component.requires { check(ref, from: o, field: "requires", kinds: options) }
            check(component.replacedBy, from: o, field: "replaced-by", kinds: options)
        }
        for dataset in catalogue.datasets {
            let o = dataset.header.origin
            check(dataset.source, from: o, field: "source", kinds: [.agencies])
            check(dataset.sourceKind, from: o, field: "source-kind", kinds: [.sourceKinds])
            if dataset.access.isEmpty {
                problem(o, o.mark, "dataset '\(dataset.header.id)' has no access path; add 'access: [{via: …, requires: [...]}]' saying what a project needs to reach it")
            }
            for path in dataset.access {
                check(path.via, from: o, field: "via", kinds: options)
                for ref in path.requires { check(ref, from: o, field: "requires", kinds: options) }
            }
        }
        out += cycles(in: catalogue)
        return out
    }

    /// Every cycle in components' `requires`, each reported once at the component that closes it.
    private static func cycles(in catalogue: Catalogue) -> [Diagnostic] {
        enum State { case visiting, done }
        var state: [String: State] = [:]
        var out: [Diagnostic] = []
        var path: [String] = []

        func visit(_ id: String) {
            state[id] = .visiting
            path.append(id)
            if let component = catalogue.component(id) {
                for ref in component.requires {
                    switch state[ref.value] {
                    case .visiting?:
                        let start = path.lastIndex(of: ref.value) ?? 0
                        let loop = (path[start...] + [ref.value]).joined(separator: " → ")
                        out.append(Diagnostic(path: component.header.origin.path, mark: ref.mark, severity: .error,
                                              message: "'requires' forms a cycle: \(loop); a component cannot depend on itself", isSchemaError: false))
                    case nil:
                        visit(ref.value)
                    case .done?:
                        break
                    }
                }
            }
            path.removeLast()
            state[id] = .done
        }
        for component in catalogue.components where state[component.header.id] == nil {
            visit(component.header.id)
        }
        return out
    }
}

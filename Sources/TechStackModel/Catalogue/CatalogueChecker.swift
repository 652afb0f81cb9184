/// Finds catalogue problems: well-formed files whose content does not hang together.
public enum CatalogueChecker {
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

        var candidates: [Set<EntryKind>: [String]] = [:]
        var hintsLeft = 500
        func check(_ ref: Located<String>?, from origin: Origin, field: String, kinds: Set<EntryKind>) {
            guard let ref, !ref.value.isEmpty else { return }
            let wanted = kinds.sorted().map(\.singular).joined(separator: " or ")
            if let entry = catalogue[ref.value] {
                if !kinds.contains(entry.kind) {
                    problem(origin, ref.mark, "'\(field)' must name a \(wanted), but '\(ref.value)' is a \(entry.kind.singular)")
                }
            } else {
                // Suggestions cost a scan of every candidate; a catalogue with thousands of
                // dangling references gets them for the first few hundred only, so it is
                // still checked in seconds rather than hours.
                var hint = ""
                if hintsLeft > 0 {
                    hintsLeft -= 1
                    if candidates[kinds] == nil { candidates[kinds] = catalogue.allEntries.filter { kinds.contains($0.kind) }.map(\.id) }
                    hint = NearestName.hint(ref.value, in: candidates[kinds] ?? [])
                }
                problem(origin, ref.mark, "'\(field)' names '\(ref.value)', which is no \(wanted) in the catalogue\(hint)")
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
        out += successionCycles(in: catalogue)
        // A page is written as `<kind>/<id>.html`, and file systems allow 255 bytes a name.
        for entry in catalogue.entriesInWrittenOrder where entry.header.id.utf8.count > maxIDBytes {
            let h = entry.header
            problem(h.origin, h.origin.mark, "id '\(h.id.prefix(40))…' is \(h.id.utf8.count) bytes long; ids are at most \(maxIDBytes) bytes, so that every entry can have a page file")
        }
        return out
    }

    /// The longest id: `<id>.html` must fit the 255 bytes a file name may have.
    public static let maxIDBytes = 250

    /// `replaced-by` and `becomes` chains that come back to where they started: following
    /// them (to the current successor, or the model a project ends up paying under) would
    /// never end. Each entry has one successor, so a walk with colours finds every cycle once.
    private static func successionCycles(in catalogue: Catalogue) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func walk(_ ids: [String], field: String, next: (String) -> Located<String>?, origin: (String) -> Origin?) {
            var colour: [String: Int] = [:]  // 1 on the current walk, 2 finished
            for start in ids where colour[start] == nil {
                var walkPath: [String] = []
                var current: String? = start
                while let id = current, colour[id] == nil {
                    colour[id] = 1
                    walkPath.append(id)
                    current = next(id)?.value
                }
                if let id = current, colour[id] == 1, let at = walkPath.firstIndex(of: id) {
                    let loop = Array(walkPath[at...])
                    let closer = loop[loop.count - 1]
                    if let o = origin(closer), let ref = next(closer) {
                        let text = loop.count == 1 ? "'\(id)' names itself" : (loop + [id]).joined(separator: " → ")
                        out.append(Diagnostic(path: o.path, mark: ref.mark, severity: .error,
                                              message: "'\(field)' forms a cycle: \(text); a chain of successors must end", isSchemaError: false))
                    }
                }
                for id in walkPath { colour[id] = 2 }
            }
        }
        var successor: [String: Located<String>] = [:]
        var origins: [String: Origin] = [:]
        for s in catalogue.standards {
            origins[s.header.id] = s.header.origin
            if let r = s.replacedBy { successor[s.header.id] = r }
        }
        for c in catalogue.components {
            origins[c.header.id] = c.header.origin
            if let r = c.replacedBy { successor[c.header.id] = r }
        }
        walk(catalogue.standards.map(\.header.id) + catalogue.components.map(\.header.id), field: "replaced-by",
             next: { successor[$0] }, origin: { origins[$0] })
        var becomes: [String: Located<String>] = [:]
        var modelOrigins: [String: Origin] = [:]
        for m in catalogue.fundingModels {
            modelOrigins[m.header.id] = m.header.origin
            if let b = m.becomes { becomes[m.header.id] = b.model }
        }
        walk(catalogue.fundingModels.map(\.header.id), field: "becomes", next: { becomes[$0] }, origin: { modelOrigins[$0] })
        return out
    }

    /// Entries that state facts without a source: every standard, component, dataset and
    /// agency needs `links:` (a standard's `url` counts) or a `provenance` mark.
    public static func unsourced(in catalogue: Catalogue) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ header: EntryHeader, url: String? = nil) {
            guard header.provenance == nil, header.links.isEmpty, url == nil else { return }
            out.append(Diagnostic(path: header.origin.path, mark: header.origin.mark,
                                  message: "'\(header.id)' has no source link",
                                  isSchemaError: false))
        }
        for s in catalogue.standards { check(s.header, url: s.url) }
        for c in catalogue.components { check(c.header) }
        for d in catalogue.datasets { check(d.header) }
        for a in catalogue.agencies { check(a.header) }
        return out
    }


    /// Every cycle in components' `requires`, each reported once at the component that closes it.
    ///
    /// Depth-first with an explicit stack, not recursion: a hostile catalogue folder can chain
    /// more components than a thread's stack has frames for.
    private static func cycles(in catalogue: Catalogue) -> [Diagnostic] {
        enum State { case visiting, done }
        struct Frame: CycleStep {
            let id: String
            let component: Component?
            var next = 0
        }
        var state: [String: State] = [:]
        /// Position of each id on the current path, so closing a cycle costs no search.
        var depth: [String: Int] = [:]
        var path: [Frame] = []
        var out: [Diagnostic] = []

        func push(_ id: String) {
            state[id] = .visiting
            depth[id] = path.count
            path.append(Frame(id: id, component: catalogue.component(id)))
        }
        for root in catalogue.components where state[root.header.id] == nil {
            push(root.header.id)
            while let top = path.last {
                guard let component = top.component, top.next < component.requires.count else {
                    path.removeLast()
                    depth[top.id] = nil
                    state[top.id] = .done
                    continue
                }
                let ref = component.requires[top.next]
                path[path.count - 1].next += 1
                switch state[ref.value] {
                case .visiting?:
                    let loop = describe(path[(depth[ref.value] ?? 0)...], closedBy: ref.value)
                    out.append(Diagnostic(path: component.header.origin.path, mark: ref.mark, severity: .error,
                                          message: "'requires' forms a cycle: \(loop); a component cannot depend on itself", isSchemaError: false))
                case nil:
                    push(ref.value)
                case .done?:
                    break
                }
            }
        }
        return out
    }

    /// `a → b → a`, shortened in the middle when the cycle is long (without copying it: a
    /// hostile catalogue can close thousands of long cycles).
    private static func describe<C: Collection>(_ path: C, closedBy id: String) -> String where C.Element: CycleStep {
        let count = path.count + 1
        guard count > 12 else { return (path.map(\.id) + [id]).joined(separator: " → ") }
        let head = path.prefix(5).map(\.id), tail = path.suffix(4).map(\.id) + [id]
        return (head + ["… \(count - 10) more …"] + tail).joined(separator: " → ")
    }
}

private protocol CycleStep { var id: String { get } }

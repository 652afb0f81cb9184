import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// What changes between two catalogues (README, "the impact of a catalogue change"): entries added, removed and changed field by
/// field; per concern the recommendations; per standard or component the status; and for
/// every option of every concern, what deviating to it costs before and after.
public struct CatalogueDiff: Sendable, Codable {
    public struct Side: Sendable, Codable, Hashable {
        /// As named on the command line: `builtin`, a folder, `git:REV:PATH`.
        public var source: String
        public var name: String
        public var version: String
    }

    public struct EntryRef: Sendable, Codable, Hashable {
        public var id: String
        /// The singular kind: `standard`, `component`, …
        public var kind: String
        public var name: String
    }

    public struct FieldChange: Sendable, Codable, Hashable {
        public var field: String
        /// nil: not written on that side.
        public var old: String?
        public var new: String?
    }

    public struct EntryChange: Sendable, Codable, Hashable {
        public var id: String
        public var kind: String
        public var name: String
        public var fields: [FieldChange]
    }

    public struct RecommendationChange: Sendable, Codable, Hashable {
        public var concern: String
        public var old: [String]
        public var new: [String]
        /// The first recommendation (the one R uses, README, "Reach and cost") is another id.
        public var firstChanged: Bool
    }

    public struct StatusChange: Sendable, Codable, Hashable {
        public var id: String
        public var kind: String
        public var old: String
        public var new: String
        public var oldReplacedBy: String?
        public var newReplacedBy: String?
    }

    /// What deviating on `concern` to `option` costs, before and after; nil where the option
    /// is no standard or component of that catalogue.
    public struct OptionCostChange: Sendable, Codable, Hashable {
        public var concern: String
        public var option: String
        public var old: [CostItem]?
        public var new: [CostItem]?
        /// Datasets the option now costs that it did not (sources as in the new catalogue).
        public var added: [CostItem]
        /// Datasets it no longer costs (sources as in the old catalogue).
        public var removed: [CostItem]
    }

    public var old: Side
    public var new: Side
    public var added: [EntryRef] = []
    public var removed: [EntryRef] = []
    public var changed: [EntryChange] = []
    public var recommendations: [RecommendationChange] = []
    public var statuses: [StatusChange] = []
    public var costs: [OptionCostChange] = []

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && recommendations.isEmpty && statuses.isEmpty && costs.isEmpty
    }

    public init(old: Catalogue, new: Catalogue, oldSource: String = "old", newSource: String = "new") {
        self.old = Side(source: oldSource, name: old.info.name, version: old.info.version)
        self.new = Side(source: newSource, name: new.info.name, version: new.info.version)

        for entry in new.allEntries where old[entry.id] == nil {
            added.append(EntryRef(id: entry.id, kind: entry.kind.singular.replacingSpaces, name: entry.header.name))
        }
        for entry in old.allEntries where new[entry.id] == nil {
            removed.append(EntryRef(id: entry.id, kind: entry.kind.singular.replacingSpaces, name: entry.header.name))
        }
        for entry in new.allEntries {
            guard let before = old[entry.id] else { continue }
            let a = EntryFields.of(before), b = EntryFields.of(entry)
            var fields: [FieldChange] = []
            if before.kind != entry.kind {
                fields.append(FieldChange(field: "kind", old: before.kind.singular.replacingSpaces, new: entry.kind.singular.replacingSpaces))
            }
            var names = a.map(\.0)
            for (name, _) in b where !names.contains(name) { names.append(name) }
            let oldValues = Dictionary(a, uniquingKeysWith: { x, _ in x })
            let newValues = Dictionary(b, uniquingKeysWith: { x, _ in x })
            for name in names where oldValues[name] != newValues[name] {
                fields.append(FieldChange(field: name, old: oldValues[name], new: newValues[name]))
            }
            if !fields.isEmpty {
                changed.append(EntryChange(id: entry.id, kind: entry.kind.singular.replacingSpaces, name: entry.header.name, fields: fields))
            }
        }

        for concern in new.concerns {
            guard let before = old.concern(concern.header.id) else { continue }
            let a = before.recommended.map(\.value), b = concern.recommended.map(\.value)
            if a != b {
                recommendations.append(RecommendationChange(concern: concern.header.id, old: a, new: b, firstChanged: a.first != b.first))
            }
        }

        for entry in new.allEntries {
            guard let after = new.lifecycle(of: entry.id), let before = old.lifecycle(of: entry.id),
                  before.status != after.status || before.replacedBy != after.replacedBy else { continue }
            statuses.append(StatusChange(id: entry.id, kind: entry.kind.singular.replacingSpaces,
                                         old: before.status.rawValue, new: after.status.rawValue,
                                         oldReplacedBy: before.replacedBy, newReplacedBy: after.replacedBy))
        }

        let oldReach = Reach(catalogue: old), newReach = Reach(catalogue: new)
        func cost(_ reach: Reach, _ catalogue: Catalogue, _ concern: String, _ option: String) -> [CostItem]? {
            guard catalogue.lifecycle(of: option) != nil else { return nil }
            return reach.cost(ofDeviation: concern, to: [option])
        }
        for concern in new.concerns {
            guard let before = old.concern(concern.header.id) else { continue }
            var options = concern.options
            for option in before.options where !options.contains(option) { options.append(option) }
            for option in options {
                let a = cost(oldReach, old, concern.header.id, option), b = cost(newReach, new, concern.header.id, option)
                let x = Set((a ?? []).map(\.dataset)), y = Set((b ?? []).map(\.dataset))
                guard x != y else { continue }
                costs.append(OptionCostChange(concern: concern.header.id, option: option, old: a, new: b,
                                              added: (b ?? []).filter { !x.contains($0.dataset) },
                                              removed: (a ?? []).filter { !y.contains($0.dataset) }))
            }
        }
    }
}

/// An entry's fields as text, in the order a catalogue file writes them, for a field-by-field
/// comparison. Defaults are written out (`status: active`), so leaving out a default is no change.
enum EntryFields {
    static func of(_ entry: Entry) -> [(String, String)] {
        let h = entry.header
        var out: [(String, String)] = [("name", h.name), ("summary", h.summary)]
        func add(_ name: String, _ value: String?) { if let value { out.append((name, value)) } }
        func list(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }
        func refs(_ values: [Located<String>]) -> String { list(values.map(\.value)) }
        switch entry {
        case .layer(let l):
            add("order", String(l.order))
            add("cross-cutting", String(l.crossCutting))
        case .sourceKind:
            break
        case .agency(let a):
            add("source-kind", a.sourceKind.value)
            add("grant-process.summary", a.grantProcess?.summary)
            add("grant-process.url", a.grantProcess?.url)
        case .fundingModel(let f):
            add("charging", f.charging.rawValue)
            add("becomes.model", f.becomes?.model.value)
            add("becomes.when-users-reach", f.becomes.map { String($0.whenUsersReach) })
        case .concern(let c):
            add("layer", c.layer.value)
            add("question", c.question)
            add("recommended", refs(c.recommended))
            add("alternatives", c.alternatives.isEmpty ? nil : refs(c.alternatives))
            add("required", String(c.required))
        case .standard(let s):
            add("url", s.url)
            add("version", s.version)
            add("status", s.status.rawValue)
            add("replaced-by", s.replacedBy?.value)
        case .component(let c):
            add("layer", refs(c.layers))
            add("owner", c.owner.value)
            add("funding.model", c.funding.value)
            add("funding.price", c.price)
            add("requires", c.requires.isEmpty ? nil : refs(c.requires))
            add("status", c.status.rawValue)
            add("replaced-by", c.replacedBy?.value)
        case .dataset(let d):
            add("source", d.source.value)
            add("source-kind", d.sourceKind?.value)
            add("items", list(d.items))
            add("consent", String(d.consent))
            add("grant-required", String(d.grantRequired))
            add("access", list(d.access.map { path in
                (path.via.map { "via \($0.value): " } ?? "") + refs(path.requires)
            }))
        }
        if !h.links.isEmpty { add("links", list(h.links)) }
        add("provenance", h.provenance?.rawValue)
        return out
    }
}

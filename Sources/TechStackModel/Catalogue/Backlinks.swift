/// Who points at an entry: the reverse of every reference in the catalogue, built in one pass.
///
/// Pages, exports and reports ask "which components does this agency own?" once per entry;
/// answered by scanning the catalogue, a 20,000-entry site would do 400 million comparisons.
public struct Backlinks: Sendable {
    public private(set) var concernsInLayer: [String: [String]] = [:]
    public private(set) var primaryComponentsInLayer: [String: [String]] = [:]
    public private(set) var secondaryComponentsInLayer: [String: [String]] = [:]
    public private(set) var agenciesOfSourceKind: [String: [String]] = [:]
    public private(set) var datasetsOfSourceKind: [String: [String]] = [:]
    public private(set) var datasetsOfSource: [String: [String]] = [:]
    public private(set) var componentsOwnedBy: [String: [String]] = [:]
    public private(set) var componentsFundedBy: [String: [String]] = [:]
    public private(set) var fundingModelsBecoming: [String: [String]] = [:]
    public private(set) var datasetsVia: [String: [String]] = [:]
    public private(set) var concernsRecommending: [String: [String]] = [:]
    public private(set) var concernsWithAlternative: [String: [String]] = [:]
    public private(set) var componentsRequiring: [String: [String]] = [:]
    public private(set) var replacing: [String: [String]] = [:]

    public init(_ catalogue: Catalogue) {
        for c in catalogue.concerns {
            let id = c.header.id
            concernsInLayer[c.layer.value, default: []].append(id)
            for r in unique(c.recommended.map(\.value)) { concernsRecommending[r, default: []].append(id) }
            for a in unique(c.alternatives.map(\.value)) { concernsWithAlternative[a, default: []].append(id) }
        }
        var sourceKindOfAgency: [String: String] = [:]
        for a in catalogue.agencies {
            agenciesOfSourceKind[a.sourceKind.value, default: []].append(a.header.id)
            sourceKindOfAgency[a.header.id] = a.sourceKind.value
        }
        for s in catalogue.standards {
            if let successor = s.replacedBy?.value { replacing[successor, default: []].append(s.header.id) }
        }
        for c in catalogue.components {
            let id = c.header.id
            if let first = c.layers.first?.value { primaryComponentsInLayer[first, default: []].append(id) }
            for layer in unique(c.layers.dropFirst().map(\.value)) { secondaryComponentsInLayer[layer, default: []].append(id) }
            componentsOwnedBy[c.owner.value, default: []].append(id)
            componentsFundedBy[c.funding.value, default: []].append(id)
            for r in unique(c.requires.map(\.value)) { componentsRequiring[r, default: []].append(id) }
            if let successor = c.replacedBy?.value { replacing[successor, default: []].append(id) }
        }
        for m in catalogue.fundingModels {
            if let next = m.becomes?.model.value { fundingModelsBecoming[next, default: []].append(m.header.id) }
        }
        for d in catalogue.datasets {
            let id = d.header.id
            datasetsOfSource[d.source.value, default: []].append(id)
            if let kind = d.sourceKind?.value ?? sourceKindOfAgency[d.source.value] {
                datasetsOfSourceKind[kind, default: []].append(id)
            }
            for via in unique(d.access.compactMap { $0.via?.value }) { datasetsVia[via, default: []].append(id) }
        }
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}

/// The kinds of catalogue entry, named as their top-level key in a catalogue file.
public enum EntryKind: String, Sendable, CaseIterable, Codable, Comparable {
    case layers, sourceKinds = "source-kinds", agencies, fundingModels = "funding-models"
    case concerns, standards, components, datasets

    /// "layer", "source kind", … for messages.
    public var singular: String {
        switch self {
        case .layers: "layer"
        case .sourceKinds: "source kind"
        case .agencies: "agency"
        case .fundingModels: "funding model"
        case .concerns: "concern"
        case .standards: "standard"
        case .components: "component"
        case .datasets: "dataset"
        }
    }

    public var title: String {
        switch self {
        case .layers: "Layers"
        case .sourceKinds: "Source kinds"
        case .agencies: "Agencies"
        case .fundingModels: "Funding models"
        case .concerns: "Concerns"
        case .standards: "Standards"
        case .components: "Components"
        case .datasets: "Datasets"
        }
    }

    /// Accepts the plural key or the singular word (`component`, `source-kind`).
    public init?(word: String) {
        let w = word.lowercased()
        if let kind = EntryKind(rawValue: w) { self = kind; return }
        guard let kind = EntryKind.allCases.first(where: { $0.singular.replacingSpaces == w }) else { return nil }
        self = kind
    }

    public static func < (a: EntryKind, b: EntryKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension String {
    package var replacingSpaces: String { String(map { $0 == " " ? "-" : $0 }) }
}

/// Where an entry was written.
public struct Origin: Sendable, Hashable {
    public var path: String
    public var mark: Mark

    package init(path: String, mark: Mark) {
        self.path = path
        self.mark = mark
    }
}

/// What every entry has: `id`, `name`, `summary`, `links`.
public struct EntryHeader: Sendable {
    public var id: String
    public var kind: EntryKind
    public var name: String
    public var summary: String
    public var links: [String]
    /// Set when the entry is not a published fact: a reading of the notes, or made up.
    public var provenance: Provenance? = nil
    public var origin: Origin
}

/// Where an entry's facts come from when no `links:` source states them.
public enum Provenance: String, Sendable, Codable, CaseIterable {
    /// A reading of the notes the catalogue was made from, not a published fact.
    case notes
    /// Made up to show the model; every tool shows it as such.
    case illustrative

    public var label: String {
        switch self {
        case .notes: "a reading of the notes, not a published fact"
        case .illustrative: "illustrative: made up to show the model, not a real fact"
        }
    }
}

public enum Lifecycle: String, Sendable, Codable {
    case active, deprecated, retired
}

public enum Charging: String, Sendable, Codable {
    case free, perUse = "per-use", subscription
}

public struct Layer: Sendable {
    public var header: EntryHeader
    public var order: Int
    public var crossCutting: Bool
}

public struct SourceKind: Sendable {
    public var header: EntryHeader
}

public struct GrantProcess: Sendable {
    public var summary: String
    public var url: String?
}

public struct Agency: Sendable {
    public var header: EntryHeader
    public var sourceKind: Located<String>
    public var grantProcess: GrantProcess?
}

public struct FundingModel: Sendable {
    public var header: EntryHeader
    public var charging: Charging
    public var becomes: (model: Located<String>, whenUsersReach: Int)?
}

public struct Concern: Sendable {
    public var header: EntryHeader
    public var layer: Located<String>
    public var question: String
    public var recommended: [Located<String>]
    /// Other known answers, not recommended: what a project might choose instead.
    public var alternatives: [Located<String>]
    public var required: Bool

    /// Every answer the catalogue knows for this concern: recommended first, then alternatives.
    public var options: [String] { recommended.map(\.value) + alternatives.map(\.value) }
}

public struct Standard: Sendable {
    public var header: EntryHeader
    public var url: String?
    public var version: String?
    public var status: Lifecycle
    public var replacedBy: Located<String>?
    /// How a repository shows it uses this standard (SPEC §8).
    public var evidence: [Signal] = []
}

public struct Component: Sendable {
    public var header: EntryHeader
    /// The first is the primary layer; more than one marks a hybrid.
    public var layers: [Located<String>]
    public var owner: Located<String>
    public var funding: Located<String>
    public var price: String?
    public var requires: [Located<String>]
    public var status: Lifecycle
    public var replacedBy: Located<String>?
    /// How a repository shows it uses this component (SPEC §8).
    public var evidence: [Signal] = []
}

public struct AccessPath: Sendable {
    public var via: Located<String>?
    public var requires: [Located<String>]
    public var mark: Mark
}

public struct Dataset: Sendable {
    public var header: EntryHeader
    public var source: Located<String>
    public var sourceKind: Located<String>?
    public var items: [String]
    public var consent: Bool
    public var grantRequired: Bool
    public var access: [AccessPath]
}

/// Catalogue metadata (`catalogue:` in exactly one file).
public struct CatalogueInfo: Sendable, Codable {
    public var name: String
    public var publisher: String
    public var version: String

    package init(name: String, publisher: String, version: String) {
        self.name = name
        self.publisher = publisher
        self.version = version
    }
}

/// One entry of any kind, for code that walks the whole catalogue.
public enum Entry: Sendable {
    case layer(Layer), sourceKind(SourceKind), agency(Agency), fundingModel(FundingModel)
    case concern(Concern), standard(Standard), component(Component), dataset(Dataset)

    public var header: EntryHeader {
        switch self {
        case .layer(let e): e.header
        case .sourceKind(let e): e.header
        case .agency(let e): e.header
        case .fundingModel(let e): e.header
        case .concern(let e): e.header
        case .standard(let e): e.header
        case .component(let e): e.header
        case .dataset(let e): e.header
        }
    }

    public var id: String { header.id }
    public var kind: EntryKind { header.kind }
}

/// The merged catalogue: every entry, found by id in one namespace.
public struct Catalogue: Sendable {
    public var info: CatalogueInfo
    public var layers: [Layer] = []
    public var sourceKinds: [SourceKind] = []
    public var agencies: [Agency] = []
    public var fundingModels: [FundingModel] = []
    public var concerns: [Concern] = []
    public var standards: [Standard] = []
    public var components: [Component] = []
    public var datasets: [Dataset] = []

    /// Every entry by id; the first written wins when ids collide (a catalogue problem).
    public private(set) var byID: [String: Entry] = [:]
    private var kinds: [String: EntryKind] = [:]

    public init(info: CatalogueInfo) { self.info = info }

    mutating func index() {
        var map: [String: Entry] = [:]
        for entry in entriesInWrittenOrder where map[entry.id] == nil { map[entry.id] = entry }
        byID = map
        kinds = map.mapValues(\.kind)
    }

    /// Every entry in the order it was written (file, line, column): for a duplicate id,
    /// the first written is the one references resolve to.
    var entriesInWrittenOrder: [Entry] {
        allEntries.sorted { a, b in
            let x = a.header.origin, y = b.header.origin
            if x.path != y.path { return x.path < y.path }
            return (x.mark.line, x.mark.column) < (y.mark.line, y.mark.column)
        }
    }

    /// All entries in catalogue order: by kind, then as written.
    public var allEntries: [Entry] {
        layers.map(Entry.layer) + sourceKinds.map(Entry.sourceKind) + agencies.map(Entry.agency)
            + fundingModels.map(Entry.fundingModel) + concerns.map(Entry.concern) + standards.map(Entry.standard)
            + components.map(Entry.component) + datasets.map(Entry.dataset)
    }

    public func entries(of kind: EntryKind) -> [Entry] {
        switch kind {
        case .layers: layers.map(Entry.layer)
        case .sourceKinds: sourceKinds.map(Entry.sourceKind)
        case .agencies: agencies.map(Entry.agency)
        case .fundingModels: fundingModels.map(Entry.fundingModel)
        case .concerns: concerns.map(Entry.concern)
        case .standards: standards.map(Entry.standard)
        case .components: components.map(Entry.component)
        case .datasets: datasets.map(Entry.dataset)
        }
    }

    public subscript(id: String) -> Entry? { byID[id] }

    /// Without copying the entry: linting asks this for every id of every manifest.
    public func kind(of id: String) -> EntryKind? { kinds[id] }
    public func name(of id: String) -> String { byID[id]?.header.name ?? id }

    public func concern(_ id: String) -> Concern? {
        if case .concern(let c)? = byID[id] { return c }
        return nil
    }

    public func component(_ id: String) -> Component? {
        if case .component(let c)? = byID[id] { return c }
        return nil
    }

    public func standard(_ id: String) -> Standard? {
        if case .standard(let s)? = byID[id] { return s }
        return nil
    }

    public func dataset(_ id: String) -> Dataset? {
        if case .dataset(let d)? = byID[id] { return d }
        return nil
    }

    public func agency(_ id: String) -> Agency? {
        if case .agency(let a)? = byID[id] { return a }
        return nil
    }

    public func fundingModel(_ id: String) -> FundingModel? {
        if case .fundingModel(let f)? = byID[id] { return f }
        return nil
    }

    public func layer(_ id: String) -> Layer? {
        if case .layer(let l)? = byID[id] { return l }
        return nil
    }

    /// Status and successor of a standard or component; nil for other kinds.
    public func lifecycle(of id: String) -> (status: Lifecycle, replacedBy: String?)? {
        switch byID[id] {
        case .standard(let s)?: (s.status, s.replacedBy?.value)
        case .component(let c)?: (c.status, c.replacedBy?.value)
        default: nil
        }
    }

    /// The evidence signals of a standard or component; nothing for other kinds.
    public func evidence(of id: String) -> [Signal] {
        switch byID[id] {
        case .standard(let s)?: s.evidence
        case .component(let c)?: c.evidence
        default: []
        }
    }

    /// The requirements of a component; nothing for a standard.
    public func requires(_ id: String) -> [String] {
        component(id)?.requires.map(\.value) ?? []
    }

    /// Concerns whose recommended list names `id`.
    public func concerns(recommending id: String) -> [Concern] {
        concerns.filter { $0.recommended.contains { $0.value == id } }
    }
}

/// What the catalogue commands print: a JSON shape and a text rendering of each answer.
public struct CatalogueReport: Sendable {
    public let catalogue: Catalogue
    public let reach: Reach

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        self.reach = Reach(catalogue: catalogue)
    }

    // MARK: list

    public struct ListRow: Codable, Sendable {
        public var id: String
        public var kind: String
        public var name: String
        public var layer: [String]?
        public var summary: String
    }

    public func layers(of entry: Entry) -> [String] {
        switch entry {
        case .component(let c): c.layers.map(\.value)
        case .concern(let c): [c.layer.value]
        case .layer(let l): [l.header.id]
        default: []
        }
    }

    public func list(kind: EntryKind?, layer: String?) -> [ListRow] {
        let entries = kind.map(catalogue.entries(of:)) ?? catalogue.allEntries
        return entries.compactMap { entry in
            let layers = layers(of: entry)
            if let layer, !layers.contains(layer) { return nil }
            return ListRow(id: entry.id, kind: entry.kind.singular.replacingSpaces, name: entry.header.name,
                           layer: layers.isEmpty ? nil : layers, summary: entry.header.summary)
        }
    }

    // MARK: search

    public struct SearchHit: Codable, Sendable {
        public var id: String
        public var kind: String
        public var name: String
        /// Where the text was found: id, name, summary, item, question.
        public var matched: String
        public var text: String
    }

    /// Entries whose id, name, summary, question or dataset items contain `text` (any case).
    public func search(_ text: String) -> [SearchHit] {
        let needle = text.lowercased()
        guard !needle.isEmpty else { return [] }
        var hits: [SearchHit] = []
        for entry in catalogue.allEntries {
            let h = entry.header
            var fields: [(String, String)] = [("id", h.id), ("name", h.name), ("summary", h.summary)]
            if case .concern(let c) = entry { fields.append(("question", c.question)) }
            if case .dataset(let d) = entry { fields += d.items.map { ("item", $0) } }
            if let match = fields.first(where: { $0.1.lowercased().contains(needle) }) {
                hits.append(SearchHit(id: h.id, kind: entry.kind.singular.replacingSpaces, name: h.name, matched: match.0,
                                      text: Self.snippet(match.1, around: needle)))
            }
        }
        // Exact id and name matches first, then catalogue order.
        return hits.enumerated().sorted { a, b in
            let ra = a.element.id == needle || a.element.name.lowercased() == needle ? 0 : 1
            let rb = b.element.id == needle || b.element.name.lowercased() == needle ? 0 : 1
            return (ra, a.offset) < (rb, b.offset)
        }.map(\.element)
    }

    /// At most about 80 characters of `text` around the first occurrence of `needle`.
    static func snippet(_ text: String, around needle: String) -> String {
        guard text.count > 80, let range = text.lowercased().range(of: needle) else { return text }
        let lowered = text.lowercased()
        let offset = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
        let start = max(0, offset - 30)
        let end = min(text.count, start + 80)
        let begin = text.index(text.startIndex, offsetBy: start)
        let stop = text.index(text.startIndex, offsetBy: end)
        return (start > 0 ? "…" : "") + text[begin..<stop] + (end < text.count ? "…" : "")
    }

    // MARK: cost

    public struct CostAnswer: Codable, Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var cost: [CostItem]
        /// Concerns whose first recommendation this is.
        public var recommendedFor: [String]
    }

    public func cost(of id: String) -> CostAnswer {
        CostAnswer(id: id, name: catalogue.name(of: id), kind: catalogue.kind(of: id)?.singular ?? "",
                   cost: reach.cost(of: id),
                   recommendedFor: catalogue.concerns.filter { $0.recommended.first?.value == id }.map(\.header.id))
    }

    // MARK: show

    public struct OptionCost: Codable, Sendable {
        public var id: String
        public var name: String
        public var recommended: Bool
        public var status: String?
        /// What choosing this instead of the recommendation costs (empty for recommended ids).
        public var cost: [CostItem]
    }

    /// One entry as `catalogue show` has it. The JSON shape (a `fields` object of string
    /// lists) is written by `encode(to:)`; the text by `text(_:style:)`, from the same fields.
    public struct Shown: Encodable, Sendable {
        public var id: String
        public var kind: EntryKind
        public var name: String
        public var summary: String
        public var links: [String]
        public var detail: Detail
        /// For a standard or component: everything unreachable without it (`cost ID`).
        public var cost: [CostItem]?
        /// For a concern: every option it knows, with the cost of deviating to it.
        public var options: [OptionCost]?
        /// For a standard or component: how a repository shows it is used (SPEC §8).
        public var evidence: [ShownSignal]?
        /// `notes` or `illustrative` when the entry is not a published fact.
        public var provenance: Provenance?

        /// For a dataset: each way to reach it.
        public var accessPaths: [ShownAccessPath]? {
            if case .dataset(let d) = detail { d.access } else { nil }
        }

        /// For a dataset: the agency answerable for it.
        public var source: String? {
            if case .dataset(let d) = detail { d.source } else { nil }
        }

        private enum CodingKeys: String, CodingKey {
            case id, kind, name, summary, links, fields, cost, options, accessPaths, source, evidence, provenance
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind.singular.replacingSpaces, forKey: .kind)
            try c.encode(name, forKey: .name)
            try c.encode(summary, forKey: .summary)
            try c.encode(links, forKey: .links)
            try c.encode(Dictionary(detail.fields.map { ($0.key, $0.values) }, uniquingKeysWith: { first, _ in first }), forKey: .fields)
            try c.encodeIfPresent(cost, forKey: .cost)
            try c.encodeIfPresent(options, forKey: .options)
            try c.encodeIfPresent(accessPaths, forKey: .accessPaths)
            try c.encodeIfPresent(source, forKey: .source)
            try c.encodeIfPresent(evidence, forKey: .evidence)
            try c.encodeIfPresent(provenance?.rawValue, forKey: .provenance)
        }
    }

    /// What one kind of entry shows besides its header.
    public enum Detail: Sendable {
        case layer(LayerDetail)
        case sourceKind(SourceKindDetail)
        case agency(AgencyDetail)
        case fundingModel(FundingModelDetail)
        case concern(ConcernDetail)
        case standard(StandardDetail)
        case component(ComponentDetail)
        case dataset(DatasetDetail)

        /// The fields by their names in the catalogue's YAML, in the order the text lists
        /// them; a field that does not apply is left out, an empty list is kept.
        public var fields: [ShownField] {
            var out: [ShownField] = []
            func add(_ key: String, _ values: [String]) { out.append(ShownField(key: key, values: values)) }
            func add(_ key: String, _ value: String?) { if let value { out.append(ShownField(key: key, values: [value])) } }
            func grant(_ g: GrantProcess?) { if let g { add("grant-process", [g.summary] + (g.url.map { [$0] } ?? [])) } }
            switch self {
            case .layer(let l):
                add("order", String(l.order))
                if l.crossCutting { add("cross-cutting", "true") }
                add("concerns", l.concerns)
                add("components", l.components)
            case .sourceKind(let k):
                add("agencies", k.agencies)
                add("datasets", k.datasets)
            case .agency(let a):
                add("source-kind", a.sourceKind)
                grant(a.grantProcess)
                add("components", a.components)
                add("datasets", a.datasets)
            case .fundingModel(let f):
                add("charging", f.charging.rawValue)
                if let b = f.becomes { add("becomes", [b.model, "when users reach \(b.whenUsersReach)"]) }
                add("components", f.components)
            case .concern(let c):
                add("layer", c.layer)
                add("question", c.question)
                add("required", String(c.required))
                add("recommended", c.recommended)
            case .standard(let s):
                add("status", s.status.rawValue)
                add("replaced-by", s.replacedBy)
                add("url", s.url)
                add("version", s.version)
                add("recommended-by", s.recommendedBy)
                add("required-by", s.requiredBy)
            case .component(let c):
                add("layer", c.layers)
                add("owner", c.owner)
                add("funding", [c.funding] + (c.price.map { [$0] } ?? []))
                add("status", c.status.rawValue)
                add("replaced-by", c.replacedBy)
                add("requires", c.requires)
                add("recommended-by", c.recommendedBy)
            case .dataset(let d):
                add("source", d.source)
                add("source-kind", d.sourceKind)
                grant(d.grantProcess)
                add("consent", String(d.consent))
                add("grant-required", String(d.grantRequired))
                add("items", d.items)
            }
            return out
        }
    }

    /// One line of `catalogue show`: a field's name and its values.
    public struct ShownField: Sendable {
        public var key: String
        public var values: [String]
    }

    public struct LayerDetail: Sendable {
        public var order: Int
        public var crossCutting: Bool
        public var concerns: [String]
        public var components: [String]
    }

    public struct SourceKindDetail: Sendable {
        public var agencies: [String]
        public var datasets: [String]
    }

    public struct AgencyDetail: Sendable {
        public var sourceKind: String
        public var grantProcess: GrantProcess?
        public var datasets: [String]
        public var components: [String]
    }

    public struct FundingModelDetail: Sendable {
        public var charging: Charging
        public var becomes: (model: String, whenUsersReach: Int)?
        public var components: [String]
    }

    public struct ConcernDetail: Sendable {
        public var layer: String
        public var question: String
        public var required: Bool
        public var recommended: [String]
    }

    public struct StandardDetail: Sendable {
        public var status: Lifecycle
        public var url: String?
        public var version: String?
        public var replacedBy: String?
        public var recommendedBy: [String]
        public var requiredBy: [String]
    }

    public struct ComponentDetail: Sendable {
        public var layers: [String]
        public var owner: String
        public var funding: String
        public var price: String?
        public var requires: [String]
        public var status: Lifecycle
        public var replacedBy: String?
        public var recommendedBy: [String]
    }

    public struct DatasetDetail: Sendable {
        public var source: String
        public var sourceKind: String?
        public var items: [String]
        public var consent: Bool
        public var grantRequired: Bool
        /// The source agency's grant process.
        public var grantProcess: GrantProcess?
        public var access: [ShownAccessPath]
    }

    public struct ShownAccessPath: Encodable, Sendable {
        public var via: String?
        public var requires: [String]

        private enum CodingKeys: String, CodingKey { case via, requires }

        /// `{"requires": [...], "via": [id]}`: `via` as a list, like every field.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(requires, forKey: .requires)
            try c.encodeIfPresent(via.map { [$0] }, forKey: .via)
        }
    }

    public struct ShownSignal: Codable, Sendable {
        /// `files **/*.wsdl`, `files … containing "x"`, `dependency npm name`.
        public var signal: String
        public var files: [String]?
        public var contains: [String]?
        public var dependency: [String: String]?
        public var links: [String]
    }

    static func shown(_ signals: [Signal]) -> [ShownSignal]? {
        guard !signals.isEmpty else { return nil }
        return signals.map { s in
            ShownSignal(signal: s.description, files: s.files.isEmpty ? nil : s.files.map(\.pattern),
                        contains: s.contains.isEmpty ? nil : s.contains,
                        dependency: s.dependency.map { ["ecosystem": $0.ecosystem.rawValue, "name": $0.name] },
                        links: s.links)
        }
    }

    public func show(_ id: String) -> Shown? {
        guard let entry = catalogue[id] else { return nil }
        let h = entry.header
        var cost: [CostItem]?
        var options: [OptionCost]?
        var evidence: [ShownSignal]?
        let detail: Detail
        switch entry {
        case .layer(let l):
            detail = .layer(LayerDetail(
                order: l.order, crossCutting: l.crossCutting,
                concerns: catalogue.concerns.filter { $0.layer.value == id }.map(\.header.id),
                components: catalogue.components.filter { $0.layers.contains { $0.value == id } }.map(\.header.id)))
        case .sourceKind:
            detail = .sourceKind(SourceKindDetail(
                agencies: catalogue.agencies.filter { $0.sourceKind.value == id }.map(\.header.id),
                datasets: catalogue.datasets.filter { $0.sourceKind?.value == id }.map(\.header.id)))
        case .agency(let a):
            detail = .agency(AgencyDetail(
                sourceKind: a.sourceKind.value, grantProcess: a.grantProcess,
                datasets: catalogue.datasets.filter { $0.source.value == id }.map(\.header.id),
                components: catalogue.components.filter { $0.owner.value == id }.map(\.header.id)))
        case .fundingModel(let f):
            detail = .fundingModel(FundingModelDetail(
                charging: f.charging, becomes: f.becomes.map { ($0.model.value, $0.whenUsersReach) },
                components: catalogue.components.filter { $0.funding.value == id }.map(\.header.id)))
        case .concern(let c):
            detail = .concern(ConcernDetail(layer: c.layer.value, question: c.question, required: c.required,
                                            recommended: c.recommended.map(\.value)))
            options = c.options.map { option in
                let isRecommended = c.recommended.contains { $0.value == option }
                return OptionCost(id: option, name: catalogue.name(of: option), recommended: isRecommended,
                                  status: catalogue.lifecycle(of: option)?.status.rawValue,
                                  cost: isRecommended ? [] : reach.cost(ofDeviation: id, to: [option]))
            }
        case .standard(let s):
            detail = .standard(StandardDetail(
                status: s.status, url: s.url, version: s.version, replacedBy: s.replacedBy?.value,
                recommendedBy: catalogue.concerns(recommending: id).map(\.header.id),
                requiredBy: catalogue.components.filter { $0.requires.contains { $0.value == id } }.map(\.header.id)))
            cost = reach.cost(of: id)
            evidence = Self.shown(s.evidence)
        case .component(let c):
            detail = .component(ComponentDetail(
                layers: c.layers.map(\.value), owner: c.owner.value, funding: c.funding.value, price: c.price,
                requires: c.requires.map(\.value), status: c.status, replacedBy: c.replacedBy?.value,
                recommendedBy: catalogue.concerns(recommending: id).map(\.header.id)))
            cost = reach.cost(of: id)
            evidence = Self.shown(c.evidence)
        case .dataset(let d):
            detail = .dataset(DatasetDetail(
                source: d.source.value, sourceKind: d.sourceKind?.value, items: d.items, consent: d.consent,
                grantRequired: d.grantRequired, grantProcess: catalogue.agency(d.source.value)?.grantProcess,
                access: d.access.map { ShownAccessPath(via: $0.via?.value, requires: $0.requires.map(\.value)) }))
        }
        return Shown(id: h.id, kind: entry.kind, name: h.name, summary: h.summary, links: h.links, detail: detail,
                     cost: cost, options: options, evidence: evidence, provenance: h.provenance)
    }

    // MARK: text

    /// One line per dataset: its id in bold, its name and source agency.
    public func costLines(_ cost: [CostItem], style: Style, indent: String = "  ") -> [StyledText] {
        cost.map { item in
            StyledText(stringLiteral: indent) + "\(style.bold(item.dataset)) (\(catalogue.name(of: item.dataset))) — source: \(item.source)"
        }
    }

    /// `catalogue show` for a terminal, as `StyledText`: catalogue text is made safe as it
    /// enters, colour is added by the printer.
    public func text(_ shown: Shown, style: Style) -> StyledText {
        let kind = shown.kind.singular.replacingSpaces
        var lines: [StyledText] = ["\(style.bold(shown.name)) \(style.dim("(\(kind) \(shown.id))"))", StyledText(shown.summary), StyledText()]
        for field in shown.detail.fields where !field.values.isEmpty {
            if field.key == "items" {
                lines.append("\(field.key):")
                lines += field.values.map { "  - \($0)" }
            } else {
                lines.append("\(field.key): \(field.values.joined(separator: ", "))")
            }
        }
        if let paths = shown.accessPaths {
            lines.append("access paths:")
            for path in paths {
                let via = path.via.map { "via \($0), " } ?? ""
                lines.append("  - \(via)requires \(path.requires.joined(separator: " + "))")
            }
        }
        if let options = shown.options {
            lines.append(StyledText())
            lines.append(style.bold("Options and what deviating to each costs:"))
            for option in options {
                let status = option.status.map { $0 == "active" ? "" : " [\($0)]" } ?? ""
                if option.recommended {
                    lines.append("  \(style.green("✓ \(option.id)")) (\(option.name))\(status): recommended")
                } else if option.cost.isEmpty {
                    lines.append("  \(style.yellow("• \(option.id)")) (\(option.name))\(status): costs no shared data")
                } else {
                    lines.append("  \(style.red("✗ \(option.id)")) (\(option.name))\(status): costs \(option.cost.count) dataset\(option.cost.count == 1 ? "" : "s")")
                    lines += costLines(option.cost, style: style, indent: "      ")
                }
            }
        }
        if let cost = shown.cost {
            lines.append(StyledText())
            if cost.isEmpty {
                lines.append("Without \(shown.id), the recommended stack loses no shared data.")
            } else {
                lines.append(style.bold("Without \(shown.id), the recommended stack cannot reach:"))
                lines += costLines(cost, style: style)
            }
        }
        if let provenance = shown.provenance {
            lines.append(StyledText())
            lines.append("provenance: \(provenance.rawValue) (\(provenance.label))")
        }
        if let evidence = shown.evidence {
            lines.append("")
            lines.append(style.bold("Recognised in a repository by:"))
            for signal in evidence {
                lines.append("  - \(signal.signal)")
                lines += signal.links.map { link -> StyledText in "      source: \(link)" }
            }
        } else if shown.kind == .standards || shown.kind == .components {
            lines.append("")
            lines.append("No evidence signal: detect cannot recognise it in a repository.")
        }
        if !shown.links.isEmpty {
            lines.append(StyledText())
            lines.append("sources:")
            lines += shown.links.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

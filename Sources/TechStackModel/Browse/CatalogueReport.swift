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

    public struct Shown: Codable, Sendable {
        public var id: String
        public var kind: String
        public var name: String
        public var summary: String
        public var links: [String]
        public var fields: [String: [String]]
        /// For a standard or component: everything unreachable without it (`cost ID`).
        public var cost: [CostItem]?
        /// For a concern: every option it knows, with the cost of deviating to it.
        public var options: [OptionCost]?
        public var accessPaths: [[String: [String]]]?
        public var source: String?
        /// For a standard or component: how a repository shows it is used (SPEC §8).
        public var evidence: [ShownSignal]?
        /// `notes` or `illustrative` when the entry is not a published fact.
        public var provenance: String?
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
        var shown = Shown(id: h.id, kind: entry.kind.singular.replacingSpaces, name: h.name, summary: h.summary, links: h.links, fields: [:])
        shown.provenance = h.provenance?.rawValue
        switch entry {
        case .layer(let l):
            shown.fields["order"] = [String(l.order)]
            if l.crossCutting { shown.fields["cross-cutting"] = ["true"] }
            shown.fields["concerns"] = catalogue.concerns.filter { $0.layer.value == id }.map(\.header.id)
            shown.fields["components"] = catalogue.components.filter { $0.layers.contains { $0.value == id } }.map(\.header.id)
        case .sourceKind:
            shown.fields["agencies"] = catalogue.agencies.filter { $0.sourceKind.value == id }.map(\.header.id)
            shown.fields["datasets"] = catalogue.datasets.filter { $0.sourceKind?.value == id }.map(\.header.id)
        case .agency(let a):
            shown.fields["source-kind"] = [a.sourceKind.value]
            if let g = a.grantProcess { shown.fields["grant-process"] = [g.summary] + (g.url.map { [$0] } ?? []) }
            shown.fields["datasets"] = catalogue.datasets.filter { $0.source.value == id }.map(\.header.id)
            shown.fields["components"] = catalogue.components.filter { $0.owner.value == id }.map(\.header.id)
        case .fundingModel(let f):
            shown.fields["charging"] = [f.charging.rawValue]
            if let b = f.becomes { shown.fields["becomes"] = [b.model.value, "when users reach \(b.whenUsersReach)"] }
            shown.fields["components"] = catalogue.components.filter { $0.funding.value == id }.map(\.header.id)
        case .concern(let c):
            shown.fields["layer"] = [c.layer.value]
            shown.fields["question"] = [c.question]
            shown.fields["required"] = [String(c.required)]
            shown.fields["recommended"] = c.recommended.map(\.value)
            shown.options = c.options.map { option in
                let isRecommended = c.recommended.contains { $0.value == option }
                return OptionCost(id: option, name: catalogue.name(of: option), recommended: isRecommended,
                                  status: catalogue.lifecycle(of: option)?.status.rawValue,
                                  cost: isRecommended ? [] : reach.cost(ofDeviation: id, to: [option]))
            }
        case .standard(let s):
            shown.fields["status"] = [s.status.rawValue]
            if let url = s.url { shown.fields["url"] = [url] }
            if let v = s.version { shown.fields["version"] = [v] }
            if let r = s.replacedBy { shown.fields["replaced-by"] = [r.value] }
            shown.fields["recommended-by"] = catalogue.concerns(recommending: id).map(\.header.id)
            shown.fields["required-by"] = catalogue.components.filter { $0.requires.contains { $0.value == id } }.map(\.header.id)
            shown.cost = reach.cost(of: id)
            shown.evidence = Self.shown(s.evidence)
        case .component(let c):
            shown.fields["layer"] = c.layers.map(\.value)
            shown.fields["owner"] = [c.owner.value]
            shown.fields["funding"] = [c.funding.value] + (c.price.map { [$0] } ?? [])
            shown.fields["requires"] = c.requires.map(\.value)
            shown.fields["status"] = [c.status.rawValue]
            if let r = c.replacedBy { shown.fields["replaced-by"] = [r.value] }
            shown.fields["recommended-by"] = catalogue.concerns(recommending: id).map(\.header.id)
            shown.cost = reach.cost(of: id)
            shown.evidence = Self.shown(c.evidence)
        case .dataset(let d):
            shown.source = d.source.value
            shown.fields["source"] = [d.source.value]
            if let k = d.sourceKind { shown.fields["source-kind"] = [k.value] }
            shown.fields["items"] = d.items
            shown.fields["consent"] = [String(d.consent)]
            shown.fields["grant-required"] = [String(d.grantRequired)]
            if let g = catalogue.agency(d.source.value)?.grantProcess { shown.fields["grant-process"] = [g.summary] + (g.url.map { [$0] } ?? []) }
            shown.accessPaths = d.access.map { p in
                var path: [String: [String]] = ["requires": p.requires.map(\.value)]
                if let via = p.via { path["via"] = [via.value] }
                return path
            }
        }
        return shown
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
        var lines: [StyledText] = ["\(style.bold(shown.name)) \(style.dim("(\(shown.kind) \(shown.id))"))", StyledText(shown.summary), StyledText()]
        let order = ["layer", "question", "required", "recommended", "source", "source-kind", "owner", "funding", "charging",
                     "becomes", "status", "replaced-by", "url", "version", "order", "cross-cutting", "requires",
                     "recommended-by", "required-by", "grant-process", "consent", "grant-required", "items",
                     "concerns", "components", "agencies", "datasets"]
        for key in order {
            guard let values = shown.fields[key], !values.isEmpty else { continue }
            if key == "items" {
                lines.append("\(key):")
                lines += values.map { "  - \($0)" }
            } else {
                lines.append("\(key): \(values.joined(separator: ", "))")
            }
        }
        if let paths = shown.accessPaths {
            lines.append("access paths:")
            for path in paths {
                let via = path["via"]?.first.map { "via \($0), " } ?? ""
                lines.append("  - \(via)requires \((path["requires"] ?? []).joined(separator: " + "))")
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
        if let provenance = shown.provenance.flatMap(Provenance.init) {
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
        } else if shown.kind == "standard" || shown.kind == "component" {
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

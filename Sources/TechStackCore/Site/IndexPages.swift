import Foundation
import Plot

/// The home page (the stack diagram) and one index page per kind, at `<kind>.html`.
struct IndexPages {
    let context: SiteContext

    private var catalogue: Catalogue { context.catalogue }

    func home() -> String {
        let info = catalogue.info
        let inner = catalogue.layers.filter { !$0.crossCutting }.sorted { $0.order < $1.order }
        let frames = catalogue.layers.filter(\.crossCutting).sorted { $0.order < $1.order }
        let counts: [Body] = EntryKind.allCases.map { kind in
            el("li", context.kindLink(kind), txt(" (\(catalogue.entries(of: kind).count))"))
        }
        let byLayer: [Body] = (frames + inner).map { layer in
            let components = catalogue.components.filter { $0.layers.first?.value == layer.header.id }
            return el("li",
                      el("strong", context.link(layer.header.id)),
                      layer.crossCutting ? txt(" (frame around every layer)") : .empty,
                      components.isEmpty ? .empty : el("ul", .group(components.map { c in
                          el("li", context.link(c.header.id),
                             c.layers.count > 1 ? txt(" — hybrid, also in " + c.layers.dropFirst().map { catalogue.name(of: $0.value) }.joined(separator: ", ")) : .empty,
                             txt(" — " + catalogue.name(of: c.funding.value)))
                      })))
        }
        let recommended: [Body] = catalogue.concerns.compactMap { c in
            guard let first = c.recommended.first?.value else { return nil }
            return el("tr", el("td", context.link(c.header.id)), el("td", context.link(c.layer.value)), el("td", context.link(first)))
        }
        let main: Body = .group([
            .h1(txt(info.name)),
            .p(attr("class", "summary"),
               txt("Catalogue version \(info.version), published by \(info.publisher). Four layers inside a governance frame, the shared components, how they are funded, the recommended standards, and the shared data each deviation costs.")),
            el("section", attr("id", "search-page"), attr("class", "search-page"), attr("hidden", "hidden"), attr("aria-labelledby", "search-heading"),
               .h2(attr("id", "search-heading"), txt("Search results")),
               el("ul", attr("id", "search-page-results"), attr("class", "search-page-results"))),
            SiteLayout.section(
                "The stack", id: "stack",
                el("figure", attr("class", "diagram"),
                   el("div", attr("class", "diagram-scroll"), StackDiagram(context: context).render()),
                   el("figcaption", txt("Each component sits in its primary layer and is coloured by its funding model. Select a component, layer or funding model to open its page.")))
            ),
            SiteLayout.section("Components by layer", id: "by-layer", el("ul", attr("class", "by-layer"), .group(byLayer))),
            SiteLayout.section(
                "The recommended stack", id: "recommended",
                .p(txt("For every concern, the preferred recommendation. Deviating from it costs the shared data listed on the concern's page.")),
                el("table",
                   el("thead", el("tr", el("th", attr("scope", "col"), txt("Concern")), el("th", attr("scope", "col"), txt("Layer")),
                                  el("th", attr("scope", "col"), txt("Preferred")))),
                   el("tbody", .group(recommended)))
            ),
            SiteLayout.section("Browse", id: "browse", el("ul", attr("class", "kinds"), .group(counts))),
        ])
        return SiteLayout.render(title: "The stack", context: context, current: nil, main: main)
    }

    func index(of kind: EntryKind) -> String {
        let entries = catalogue.entries(of: kind)
        let body: Body
        switch kind {
        case .fundingModels: body = FundingPages(context: context).lifecycle()
        default: body = table(entries, kind: kind)
        }
        let main: Body = .group([
            .h1(txt(kind.title)),
            .p(attr("class", "summary"), txt(Self.intro(kind, count: entries.count))),
            body,
        ])
        return SiteLayout.render(title: kind.title, context: context, current: kind, main: main)
    }

    static func intro(_ kind: EntryKind, count: Int) -> String {
        let n = "\(count) \(count == 1 ? kind.singular : kind.title.lowercased())"
        switch kind {
        case .layers: return "\(n): four layers and the governance frame around them."
        case .sourceKinds: return "\(n): the kinds of actor that keep shared data true."
        case .agencies: return "\(n): who owns components and answers for datasets, each with its grant process."
        case .fundingModels: return "\(n), and how a component moves from one to another."
        case .concerns: return "\(n): what every project must decide, with the recommended answers."
        case .standards: return "\(n) the concerns recommend or name as alternatives."
        case .components: return "\(n): the reusable building blocks of the stack."
        case .datasets: return "\(n): shared data, each with its source of truth and access paths."
        }
    }

    private func table(_ entries: [Entry], kind: EntryKind) -> Body {
        let extra: (header: String, cell: (Entry) -> Body)?
        switch kind {
        case .concerns:
            extra = ("Recommended", { entry in
                if case .concern(let c) = entry { return context.links(c.recommended.map(\.value)) }
                return .empty
            })
        case .components:
            extra = ("Layer · funding", { entry in
                guard case .component(let c) = entry else { return .empty }
                return .group([context.links(c.layers.map(\.value)), txt(" · "), context.link(c.funding.value), context.statusBadge(c.status)])
            })
        case .standards:
            extra = ("Status", { entry in
                guard case .standard(let s) = entry else { return .empty }
                return .group([txt(s.status.rawValue), .unwrap(s.replacedBy) { .group([txt(" → "), context.link($0.value)]) }])
            })
        case .datasets:
            extra = ("Source of truth", { entry in
                guard case .dataset(let d) = entry else { return .empty }
                return .group([context.link(d.source.value), d.consent ? txt(" · consent") : .empty, d.grantRequired ? .empty : txt(" · open")])
            })
        case .agencies:
            extra = ("Source kind", { entry in
                guard case .agency(let a) = entry else { return .empty }
                return context.link(a.sourceKind.value)
            })
        case .layers:
            extra = ("Order", { entry in
                guard case .layer(let l) = entry else { return .empty }
                return txt(l.crossCutting ? "\(l.order) (cross-cutting)" : String(l.order))
            })
        default:
            extra = nil
        }
        let sorted = kind == .layers ? entries.sorted { (context.catalogue.layer($0.id)?.order ?? 0) < (context.catalogue.layer($1.id)?.order ?? 0) } : entries
        return el("table", attr("class", "entries"),
                  el("thead", el("tr",
                                 el("th", attr("scope", "col"), txt("Name")),
                                 .unwrap(extra) { el("th", attr("scope", "col"), txt($0.header)) },
                                 el("th", attr("scope", "col"), txt("Summary")))),
                  el("tbody", .group(sorted.map { entry in
                      el("tr",
                         el("th", attr("scope", "row"), context.link(entry.id), .selfClosedElement(named: "br"), el("code", txt(entry.id))),
                         .unwrap(extra) { el("td", $0.cell(entry)) },
                         el("td", txt(entry.header.summary)))
                  })))
    }
}

/// The funding models: the lifecycle from project funding to a paid service, and the
/// components on each model.
struct FundingPages {
    let context: SiteContext

    static func charging(_ charging: Charging) -> String {
        switch charging {
        case .free: "free to the agencies that use it"
        case .perUse: "paid per use by each using agency"
        case .subscription: "paid by subscription"
        }
    }

    static func number(_ n: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        return (formatter.string(from: NSNumber(value: n)) ?? String(n)) + " users"
    }

    static func componentList(_ components: [Component], context: SiteContext) -> Body {
        guard !components.isEmpty else { return .p(attr("class", "none"), txt("No component is on this model.")) }
        return el("ul", .group(components.map { c in
            el("li", context.link(c.header.id), context.statusBadge(c.status), .unwrap(c.price) { el("span", attr("class", "muted"), txt(" — " + $0)) })
        }))
    }

    /// Chains of `becomes` (e.g. project funding, then paid per use at a user threshold),
    /// then every model with its components.
    func lifecycle() -> Body {
        let catalogue = context.catalogue
        let chains: [Body] = catalogue.fundingModels.filter { $0.becomes != nil }.map { start in
            var steps: [Body] = []
            var seen: Set<String> = []
            var model: FundingModel? = start
            while let m = model, seen.insert(m.header.id).inserted {
                steps.append(el("li", attr("class", "step"),
                                el("span", attr("class", "swatch"), attr("style", swatchStyle(m.header.id)), attr("aria-hidden", "true")),
                                el("strong", context.link(m.header.id)), .selfClosedElement(named: "br"),
                                el("span", attr("class", "muted"), txt(Self.charging(m.charging)))))
                if let b = m.becomes {
                    steps.append(el("li", attr("class", "transition"),
                                    txt("then, when its users reach \(Self.number(b.whenUsersReach)), it becomes")))
                    model = catalogue.fundingModel(b.model.value)
                } else {
                    model = nil
                }
            }
            return el("ol", attr("class", "lifecycle"), attr("aria-label", "Lifecycle of \(start.header.name)"), .group(steps))
        }
        let sections: [Body] = catalogue.fundingModels.map { m in
            let components = catalogue.components.filter { $0.funding.value == m.header.id }
            return .section(
                attr("aria-labelledby", "model-\(m.header.id)"),
                .h3(attr("id", "model-\(m.header.id)"),
                    el("span", attr("class", "swatch"), attr("style", swatchStyle(m.header.id)), attr("aria-hidden", "true")),
                    .a(attr("href", context.path(of: m.header.id).map { context.root + $0.description } ?? "#"), txt(m.header.name)),
                    el("span", attr("class", "muted"), txt(" — \(Self.charging(m.charging)), \(components.count) component\(components.count == 1 ? "" : "s")"))),
                .p(txt(m.header.summary)),
                Self.componentList(components, context: context)
            )
        }
        return .group([
            SiteLayout.section("Lifecycle", id: "lifecycle",
                               chains.isEmpty ? .p(attr("class", "none"), txt("No funding model changes into another.")) : .group(chains)),
            SiteLayout.section("Components on each model", id: "models", .group(sections)),
        ])
    }

    private func swatchStyle(_ model: String) -> String {
        let s = context.palette.swatch(model)
        return "background:\(s.fill);border-color:\(s.stroke)"
    }
}

import Foundation
import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// The home page (the stack diagram) and one index page per kind, at `<kind>.html`.
struct IndexPages {
    let context: SiteContext

    private var catalogue: Catalogue { context.catalogue }

    func home() -> String {
        let info = catalogue.info
        let inner = catalogue.layers.filter { !$0.crossCutting }.sorted { $0.order < $1.order }
        let frames = catalogue.layers.filter(\.crossCutting).sorted { $0.order < $1.order }
        let counts: [Node<HTML.ListContext>] = EntryKind.allCases.map { kind in
            .li(context.kindLink(kind), .plain(" (\(catalogue.entries(of: kind).count))"))
        }
        let byLayer: [Node<HTML.ListContext>] = (frames + inner).map { layer in
            let components = catalogue.components.filter { $0.layers.first?.value == layer.header.id }
            return .li(
                      .strong(context.link(layer.header.id)),
                      layer.crossCutting ? .plain(" (frame around every layer)") : .empty,
                      components.isEmpty ? .empty : .ul(.group(components.map { c in
                          .li(context.link(c.header.id),
                             c.layers.count > 1 ? .plain(" — hybrid, also in " + c.layers.dropFirst().map { catalogue.name(of: $0.value) }.joined(separator: ", ")) : .empty,
                             .plain(" — " + catalogue.name(of: c.funding.value)))
                      })))
        }
        let recommended: [Node<HTML.TableContext>] = catalogue.concerns.compactMap { c in
            guard let first = c.recommended.first?.value else { return nil }
            return .tr(.td(context.link(c.header.id)), .td(context.link(c.layer.value)), .td(context.link(first)))
        }
        let main: Body = .group([
            .h1(.plain(info.name)),
            .p(.class("summary"),
               .plain("Catalogue version \(info.version), published by \(info.publisher). Four layers inside a governance frame, the shared components, how they are funded, the recommended standards, and the shared data each deviation costs.")),
            .section(.id("search-page"), .class("search-page"), .attribute("hidden", "hidden"), .attribute("aria-labelledby", "search-heading"),
               .h2(.id("search-heading"), .plain("Search results")),
               .ul(.id("search-page-results"), .class("search-page-results"))),
            SiteLayout.section(
                "The stack", id: "stack",
                .element(named: "figure", nodes: [.class("diagram"),
                   .div(.class("diagram-scroll"), StackDiagram(context: context).render()),
                   .element(named: "figcaption", nodes: [.plain("Each component sits in its primary layer and is coloured by its funding model. Select a component, layer or funding model to open its page.")])])
            ),
            SiteLayout.section("Components by layer", id: "by-layer", .ul(.class("by-layer"), .group(byLayer))),
            SiteLayout.section(
                "The recommended stack", id: "recommended",
                .p(.plain("For every concern, the preferred recommendation. Deviating from it costs the shared data listed on the concern's page.")),
                .table(
                   SiteLayout.columns("Concern", "Layer", "Preferred"),
                   .tbody(.group(recommended)))
            ),
            SiteLayout.section("Browse", id: "browse", .ul(.class("kinds"), .group(counts))),
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
            .h1(.plain(kind.title)),
            .p(.class("summary"), .plain(Self.intro(kind, count: entries.count))),
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
                return .group([context.links(c.layers.map(\.value)), .plain(" · "), context.link(c.funding.value), context.statusBadge(c.status)])
            })
        case .standards:
            extra = ("Status", { entry in
                guard case .standard(let s) = entry else { return .empty }
                return .group([.plain(s.status.rawValue), .unwrap(s.replacedBy) { .group([.plain(" → "), context.link($0.value)]) }])
            })
        case .datasets:
            extra = ("Source of truth", { entry in
                guard case .dataset(let d) = entry else { return .empty }
                return .group([context.link(d.source.value), d.consent ? .plain(" · consent") : .empty, d.grantRequired ? .empty : .plain(" · open")])
            })
        case .agencies:
            extra = ("Source kind", { entry in
                guard case .agency(let a) = entry else { return .empty }
                return context.link(a.sourceKind.value)
            })
        case .layers:
            extra = ("Order", { entry in
                guard case .layer(let l) = entry else { return .empty }
                return .plain(l.crossCutting ? "\(l.order) (cross-cutting)" : String(l.order))
            })
        default:
            extra = nil
        }
        let sorted = kind == .layers ? entries.sorted { (context.catalogue.layer($0.id)?.order ?? 0) < (context.catalogue.layer($1.id)?.order ?? 0) } : entries
        return .table(.class("entries"),
                  .thead(.tr(
                                 .th(.attribute("scope", "col"), .plain("Name")),
                                 .unwrap(extra) { .th(.attribute("scope", "col"), .plain($0.header)) },
                                 .th(.attribute("scope", "col"), .plain("Summary")))),
                  .tbody(.group(sorted.map { entry in
                      .tr(
                         .th(.attribute("scope", "row"), context.link(entry.id), .br(), .code(.plain(entry.id))),
                         .unwrap(extra) { .td($0.cell(entry)) },
                         .td(.plain(entry.header.summary)))
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

    static func componentList(_ components: [TechStackModel.Component], context: SiteContext) -> Body {
        guard !components.isEmpty else { return .p(.class("none"), .plain("No component is on this model.")) }
        return .ul(.group(components.map { c in
            .li(context.link(c.header.id), context.statusBadge(c.status), .unwrap(c.price) { .span(.class("muted"), .plain(" — " + $0)) })
        }))
    }

    /// Chains of `becomes` (e.g. project funding, then paid per use at a user threshold),
    /// then every model with its components.
    func lifecycle() -> Body {
        let catalogue = context.catalogue
        let chains: [Body] = catalogue.fundingModels.filter { $0.becomes != nil }.map { start in
            var steps: [Node<HTML.ListContext>] = []
            var seen: Set<String> = []
            var model: FundingModel? = start
            while let m = model, seen.insert(m.header.id).inserted {
                steps.append(.li(.class("step"),
                                .span(.class("swatch"), .style(swatchStyle(m.header.id)), .attribute("aria-hidden", "true")),
                                .strong(context.link(m.header.id)), .br(),
                                .span(.class("muted"), .plain(Self.charging(m.charging)))))
                if let b = m.becomes {
                    steps.append(.li(.class("transition"),
                                    .plain("then, when its users reach \(Self.number(b.whenUsersReach)), it becomes")))
                    model = catalogue.fundingModel(b.model.value)
                } else {
                    model = nil
                }
            }
            return .ol(.class("lifecycle"), .attribute("aria-label", "Lifecycle of \(start.header.name)"), .group(steps))
        }
        let sections: [Body] = catalogue.fundingModels.map { m in
            let components = catalogue.components.filter { $0.funding.value == m.header.id }
            return .section(
                .attribute("aria-labelledby", "model-\(m.header.id)"),
                .h3(.id("model-\(m.header.id)"),
                    .span(.class("swatch"), .style(swatchStyle(m.header.id)), .attribute("aria-hidden", "true")),
                    .a(.href(Escape.html(context.path(of: m.header.id).map { context.root + $0.description } ?? "#")), .plain(m.header.name)),
                    .span(.class("muted"), .plain(" — \(Self.charging(m.charging)), \(components.count) component\(components.count == 1 ? "" : "s")"))),
                .p(.plain(m.header.summary)),
                Self.componentList(components, context: context)
            )
        }
        return .group([
            SiteLayout.section("Lifecycle", id: "lifecycle",
                               chains.isEmpty ? .p(.class("none"), .plain("No funding model changes into another.")) : .group(chains)),
            SiteLayout.section("Components on each model", id: "models", .group(sections)),
        ])
    }

    private func swatchStyle(_ model: String) -> String {
        let s = context.palette.swatch(model)
        return "background:\(s.fill);border-color:\(s.stroke)"
    }
}

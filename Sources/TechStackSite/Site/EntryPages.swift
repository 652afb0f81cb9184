import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// The page of one catalogue entry, at `<kind>/<id>.html`.
struct EntryPage {
    let context: SiteContext

    private var catalogue: Catalogue { context.catalogue }
    private var reach: Reach { context.reach }
    private var backlinks: Backlinks { context.backlinks }

    func render(_ entry: Entry) -> String {
        let h = entry.header
        let body: Body
        switch entry {
        case .layer(let e): body = layer(e)
        case .sourceKind(let e): body = sourceKind(e)
        case .agency(let e): body = agency(e)
        case .fundingModel(let e): body = fundingModel(e)
        case .concern(let e): body = concern(e)
        case .standard(let e): body = standard(e)
        case .component(let e): body = component(e)
        case .dataset(let e): body = dataset(e)
        }
        let main: Body = .group([
            .p(.class("breadcrumb"), context.kindLink(h.kind), .plain(" · "), .code(.plain(h.id))),
            .h1(.plain(h.name), .text(" "), statusBadge(entry)),
            .p(.class("summary"), .plain(h.summary)),
            body,
            provenance(h.provenance),
            links(h.links),
        ])
        return SiteLayout.render(title: "\(h.name) (\(h.kind.singular))", context: context, current: h.kind, main: main)
    }

    private func statusBadge(_ entry: Entry) -> Body {
        guard let status = catalogue.lifecycle(of: entry.id)?.status else { return .empty }
        return context.statusBadge(status)
    }

    private func provenance(_ provenance: Provenance?) -> Body {
        guard let provenance else { return .empty }
        return .p(.class("provenance"), .strong(.plain("Provenance: ")), .plain(provenance.label.prefix(1).uppercased() + provenance.label.dropFirst() + "."))
    }

    private func links(_ urls: [String]) -> Body {
        guard !urls.isEmpty else { return .empty }
        return SiteLayout.section("Sources", id: "sources", .ul(.class("links"), .group(urls.map { .li(Markup.externalLink($0)) })))
    }

    private func list(_ ids: [String], empty: String) -> Body {
        guard !ids.isEmpty else { return .p(.class("none"), .plain(empty)) }
        return .ul(.group(ids.map { id in
            .li(context.link(id), .unwrap(catalogue[id]?.header.summary) { .span(.class("muted"), .plain(" — " + $0)) })
        }))
    }

    // MARK: kinds

    private func layer(_ layer: Layer) -> Body {
        let id = layer.header.id
        let concerns = catalogue.concerns.filter { $0.layer.value == id }
        let primary = catalogue.components.filter { $0.layers.first?.value == id }.map(\.header.id)
        let also = catalogue.components.filter { $0.layers.dropFirst().contains { $0.value == id } }.map(\.header.id)
        return .group([
            SiteLayout.facts([
                ("Order", .plain(String(layer.order))),
                ("Cross-cutting", .plain(layer.crossCutting ? "yes: the frame around every layer" : "no")),
            ]),
            SiteLayout.section("Concerns in this layer", id: "concerns", concernTable(concerns)),
            SiteLayout.section("Components", id: "components", list(primary, empty: "No component has this as its primary layer.")),
            also.isEmpty ? .empty
                : SiteLayout.section("Hybrid components also in this layer", id: "hybrids", list(also, empty: "")),
        ])
    }

    private func concernTable(_ concerns: [Concern]) -> Body {
        guard !concerns.isEmpty else { return .p(.class("none"), .plain("No concern in this layer.")) }
        return .table(
                  SiteLayout.columns("Concern", "Question", "Recommended"),
                  .tbody(.group(concerns.map { c in
                      .tr(.td(context.link(c.header.id)), .td(.plain(c.question)),
                         .td(context.links(c.recommended.map(\.value))))
                  })))
    }

    private func sourceKind(_ kind: SourceKind) -> Body {
        let id = kind.header.id
        let agencies = backlinks.agenciesOfSourceKind[id] ?? []
        let datasets = backlinks.datasetsOfSourceKind[id] ?? []
        return .group([
            SiteLayout.section("Agencies of this kind", id: "agencies", list(agencies, empty: "No agency is of this kind.")),
            SiteLayout.section("Datasets kept true by this kind of actor", id: "datasets", list(datasets, empty: "No dataset.")),
        ])
    }

    /// Who keeps a dataset true: its own `source-kind`, else its source agency's.
    private func sourceKind(of dataset: Dataset) -> String? {
        dataset.sourceKind?.value ?? catalogue.agency(dataset.source.value)?.sourceKind.value
    }

    private func agency(_ agency: Agency) -> Body {
        let id = agency.header.id
        let datasets = backlinks.datasetsOfSource[id] ?? []
        let components = backlinks.componentsOwnedBy[id] ?? []
        return .group([
            SiteLayout.facts([("Source kind", context.link(agency.sourceKind.value))]),
            SiteLayout.section("Grant process", id: "grant", grantProcess(agency)),
            SiteLayout.section("Datasets it is the source of truth for", id: "datasets", list(datasets, empty: "None in the catalogue.")),
            SiteLayout.section("Components it owns", id: "components", list(components, empty: "None in the catalogue.")),
        ])
    }

    private func grantProcess(_ agency: Agency?) -> Body {
        guard let agency else { return .empty }
        guard let grant = agency.grantProcess else {
            return .p(.class("none"), .plain("The catalogue does not describe \(agency.header.name)'s grant process."))
        }
        return .group([
            .p(.plain(grant.summary)),
            .unwrap(grant.url) { .p(Markup.externalLink($0, label: "How to apply: \($0)")) },
        ])
    }

    private func fundingModel(_ model: FundingModel) -> Body {
        let id = model.header.id
        let components = catalogue.components.filter { $0.funding.value == id }
        let from = backlinks.fundingModelsBecoming[id] ?? []
        return .group([
            SiteLayout.facts([
                ("Charging", .plain(FundingPages.charging(model.charging))),
                ("Becomes", model.becomes.map { b in
                    .group([context.link(b.model.value), .plain(" when its users reach \(FundingPages.number(b.whenUsersReach))")])
                }),
                ("Reached from", from.isEmpty ? nil : context.links(from)),
            ]),
            SiteLayout.section("Components on this model", id: "components", FundingPages.componentList(components, context: context)),
        ])
    }

    private func concern(_ concern: Concern) -> Body {
        let id = concern.header.id
        let recommended = concern.recommended.map(\.value)
        let rows: [Node<HTML.TableContext>] = concern.options.map { option in
            let isRecommended = recommended.contains(option)
            let role = option == recommended.first ? "preferred" : isRecommended ? "recommended" : "alternative"
            let cost: Body = isRecommended
                ? .p(.class("none"), .plain("Not a deviation."))
                : context.costList(reach.cost(ofDeviation: id, to: [option]), nothing: "Nothing: every shared dataset stays within reach.")
            var status: [Body] = [.span(.class("badge role-\(role)"), .plain(role))]
            if let lifecycle = catalogue.lifecycle(of: option) {
                status.append(context.statusBadge(lifecycle.status))
            }
            return .tr(.th(.attribute("scope", "row"), context.link(option)), .td(.group(status)), .td(cost))
        }
        let unknownCost = reach.cost(ofDeviation: id, to: [])
        return .group([
            SiteLayout.facts([
                ("Layer", context.link(concern.layer.value)),
                ("Question", .plain(concern.question)),
                ("Required", .plain(concern.required ? "yes: every project must answer it" : "no")),
            ]),
            SiteLayout.section(
                "Recommended", id: "recommended",
                .ol(.class("recommended"), .group(recommended.enumerated().map { i, option in
                    .li(context.link(option), i == 0 ? .span(.class("badge role-preferred"), .plain("preferred")) : .empty,
                       .unwrap(catalogue[option]?.header.summary) { .span(.class("muted"), .plain(" — " + $0)) })
                }))
            ),
            SiteLayout.section(
                "What each option costs", id: "cost",
                .p(.plain("Deviating means answering this concern with none of the recommended options. The cost of a deviation is the shared data the recommended stack reaches and the deviating stack does not.")),
                .table(.class("options"),
                   SiteLayout.columns("Option", "Status", "Shared data out of reach"),
                   .tbody(.group(rows))),
                .h3(.plain("Any other answer")),
                .p(.plain("An answer the catalogue does not know costs at least this:")),
                context.costList(unknownCost, nothing: "Nothing: every shared dataset stays within reach.")
            ),
        ])
    }

    private func standard(_ standard: Standard) -> Body {
        let id = standard.header.id
        return .group([
            SiteLayout.facts([
                ("Status", .plain(standard.status.rawValue)),
                ("Replaced by", standard.replacedBy.map { context.link($0.value) }),
                ("Version", standard.version.map { .plain($0) }),
                ("Specification", standard.url.map { Markup.externalLink($0) }),
            ]),
            evidence(standard.evidence),
            choiceSections(id),
        ])
    }

    private func component(_ component: TechStackModel.Component) -> Body {
        let id = component.header.id
        let layers = component.layers.map(\.value)
        let via = backlinks.datasetsVia[id] ?? []
        let layerFact: Body = layers.count > 1
            ? .group([context.link(layers[0]), .plain(" (primary); hybrid, also in "), context.links(Array(layers.dropFirst()))])
            : context.links(layers)
        return .group([
            SiteLayout.facts([
                ("Layer", layerFact),
                ("Owner", context.link(component.owner.value)),
                ("Funding", .group([context.link(component.funding.value), .unwrap(component.price) { .plain(" — " + $0) }])),
                ("Requires", context.links(component.requires.map(\.value), empty: "nothing else")),
                ("Status", .plain(component.status.rawValue)),
                ("Replaced by", component.replacedBy.map { context.link($0.value) }),
            ]),
            via.isEmpty ? .empty : SiteLayout.section("Datasets reached through it", id: "datasets", list(via, empty: "")),
            evidence(component.evidence),
            choiceSections(id),
        ])
    }

    /// How `techstack detect` recognises the entry in a repository, each signal with its source.
    private func evidence(_ signals: [Signal]) -> Body {
        guard !signals.isEmpty else {
            return SiteLayout.section("How it is recognised", id: "evidence",
                                      .p(.class("none"), .plain("No evidence signal: techstack detect cannot recognise it in a repository.")))
        }
        return SiteLayout.section("How it is recognised", id: "evidence", .ul(.group(signals.map { signal in
            .li(.code(.plain(signal.description)),
               signal.links.isEmpty ? .empty : .group(signal.links.map { link in .group([.plain(" — "), Markup.externalLink(link)]) }))
        })))
    }

    /// What standards and components share: who recommends them, who needs them, and what
    /// becomes unreachable without them.
    private func choiceSections(_ id: String) -> Body {
        let recommending = backlinks.concernsRecommending[id] ?? []
        let alternativeIn = backlinks.concernsWithAlternative[id] ?? []
        let requiredBy = backlinks.componentsRequiring[id] ?? []
        let successorOf = backlinks.replacing[id] ?? []
        return .group([
            SiteLayout.section("Concerns recommending it", id: "recommended-by", list(recommending, empty: "No concern recommends it.")),
            alternativeIn.isEmpty ? .empty
                : SiteLayout.section("An alternative, not recommended, for", id: "alternative-for", list(alternativeIn, empty: "")),
            requiredBy.isEmpty ? .empty : SiteLayout.section("Components that require it", id: "required-by", list(requiredBy, empty: "")),
            successorOf.isEmpty ? .empty : SiteLayout.section("Replaces", id: "replaces", list(successorOf, empty: "")),
            SiteLayout.section(
                "What is unreachable without it", id: "cost",
                .p(.plain("Shared data the recommended stack with this added reaches, and does not reach without it:")),
                context.costList(reach.cost(of: id), nothing: "Nothing: no shared dataset depends on it.")
            ),
        ])
    }

    private func dataset(_ dataset: Dataset) -> Body {
        let source = dataset.source.value
        let kind = sourceKind(of: dataset)
        let reachable = reach.recommendedReach.contains(dataset.header.id)
        let paths: [Node<HTML.TableContext>] = dataset.access.enumerated().map { i, path in
            .tr(
               .th(.attribute("scope", "row"), .plain("Path \(i + 1)")),
               .td(path.via.map { context.link($0.value) } ?? .span(.class("none"), .plain("directly"))),
               .td(context.links(path.requires.map(\.value), empty: "nothing")))
        }
        return .group([
            SiteLayout.facts([
                ("Source of truth", .group([
                    context.link(source), .plain(" (answerable for it; its grant process applies)"),
                ])),
                ("Kept true by", kind.map { context.link($0) }),
                ("Consent", .plain(dataset.consent
                    ? "required: the person must consent before a private-sector party receives it"
                    : "not required")),
                ("Grant required", .plain(dataset.grantRequired ? "yes: apply through the source agency's grant process" : "no: open data")),
                ("With the recommended stack", .plain(reachable ? "reachable" : "not reachable")),
            ]),
            SiteLayout.section("Items", id: "items", .ul(.class("items"), .group(dataset.items.map { .li(.plain($0)) }))),
            SiteLayout.section(
                "Grant process of \(catalogue.name(of: source))", id: "grant",
                dataset.grantRequired ? grantProcess(catalogue.agency(source))
                    : .p(.plain("No grant is needed: anyone may use this dataset."))
            ),
            SiteLayout.section(
                "Access paths", id: "access",
                .p(.plain("The dataset is reachable when every requirement of at least one path is met.")),
                .table(
                   SiteLayout.columns("Path", "Via", "Requires"),
                   .tbody(.group(paths)))
            ),
        ])
    }
}

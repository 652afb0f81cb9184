import Foundation

/// A technology radar (the JSON a Zalando-style radar renders): quadrants are the four
/// layers, rings say how far the catalogue recommends each standard and component.
///
/// Rings: `adopt` — recommended by a concern; `trial` — an active shared component or
/// standard no concern recommends or names as an alternative (reuse it where it fits);
/// `assess` — named by a concern only as an alternative (choosing it is a deviation that
/// may cost shared data); `hold` — deprecated or retired, whatever recommends it.
/// Entries of the cross-cutting governance frame have no quadrant; they are listed in
/// `frameEntries`, with the frame's id as their `quadrant`.
public enum RadarExport: CatalogueExport {
    public static let identifier = "radar"

    public enum Ring: String, Codable, CaseIterable, Sendable {
        case adopt, trial, assess, hold
    }

    public struct Quadrant: Codable, Sendable {
        public var id: String
        public var name: String
    }

    public struct Item: Codable, Sendable {
        public var id: String
        public var name: String
        /// "component" or "standard".
        public var kind: String
        /// The primary layer's id.
        public var quadrant: String
        public var ring: Ring
        public var description: String
        /// The entry's page in a site written by `techstack catalogue site`, relative to its root.
        public var link: String
        /// The entry's outbound `links:`.
        public var links: [String]
    }

    public struct Radar: Codable, Sendable {
        public var title: String
        public var catalogue: CatalogueInfo
        public var quadrants: [Quadrant]
        public var rings: [Ring]
        public var entries: [Item]
        public var frameEntries: [Item]
    }

    public static func ring(of id: String, in catalogue: Catalogue) -> Ring? {
        guard let lifecycle = catalogue.lifecycle(of: id) else { return nil }
        if lifecycle.status != .active { return .hold }
        if !catalogue.concerns(recommending: id).isEmpty { return .adopt }
        if catalogue.concerns.contains(where: { $0.alternatives.contains { $0.value == id } }) { return .assess }
        return .trial
    }

    public static func radar(_ catalogue: Catalogue) -> Radar {
        let layers = catalogue.layers.sorted { ($0.order, $0.header.id) < ($1.order, $1.header.id) }
        let quadrants = layers.filter { !$0.crossCutting }.map { Quadrant(id: $0.header.id, name: $0.header.name) }
        let quadrantIDs = Set(quadrants.map(\.id))
        let firstQuadrant = quadrants.first?.id ?? ""
        var entries: [Item] = []
        var frameEntries: [Item] = []
        let candidates = catalogue.standards.map(Entry.standard) + catalogue.components.map(Entry.component)
        for entry in candidates {
            guard let ring = ring(of: entry.id, in: catalogue) else { continue }
            var layer = CatalogueExports.primaryLayer(of: entry.id, in: catalogue) ?? firstQuadrant
            // A hybrid whose primary layer is the frame shows in its first real layer.
            if !quadrantIDs.contains(layer), let c = catalogue.component(entry.id),
               let inner = c.layers.first(where: { quadrantIDs.contains($0.value) }) {
                layer = inner.value
            }
            let item = Item(id: entry.id, name: entry.header.name, kind: entry.kind.singular, quadrant: layer, ring: ring,
                            description: entry.header.summary,
                            link: SitePath(kind: entry.kind, id: entry.id)?.description ?? "",
                            links: entry.header.links)
            if quadrantIDs.contains(layer) { entries.append(item) } else { frameEntries.append(item) }
        }
        return Radar(title: "\(catalogue.info.name) \(catalogue.info.version)", catalogue: catalogue.info, quadrants: quadrants,
                     rings: Ring.allCases, entries: entries, frameEntries: frameEntries)
    }

    public static func generate(_ catalogue: Catalogue) throws -> String {
        JSONOutput.encode(radar(catalogue))
    }
}

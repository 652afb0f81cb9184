import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// What a catalogue export may use besides the catalogue.
public struct ExportOptions: Sendable {
    /// Snapshots of a scorecard history (`--history DB`), oldest first: radar timelines.
    public var history: [History.Snapshot]
    /// How many projects of a portfolio (`--portfolio PATH...`) choose each standard or component.
    public var usage: RadarExport.Usage?
    /// The layer whose quadrant shows the governance frame's entries (`--frame-quadrant`);
    /// nil leaves them out of the four quadrants.
    public var frameQuadrant: String?
    /// The date of the catalogue's own timeline point when its version is not a date.
    public var today: Day?

    public init(history: [History.Snapshot] = [], usage: RadarExport.Usage? = nil, frameQuadrant: String? = nil, today: Day? = nil) {
        self.history = history
        self.usage = usage
        self.frameQuadrant = frameQuadrant
        self.today = today
    }
}

/// A technology radar of the catalogue's standards and components, for three consumers:
///
/// - `radar`: the `TechRadarLoaderResponse` Backstage's tech-radar plugin loads (`quadrants`
///   and `rings` with ids, `entries` with `key`, `id`, `quadrant`, `title`, `timeline` of
///   `{ringId, date, moved}` newest first, `description`, `links`);
/// - `radar-zalando`: the config of zalando/tech-radar's `radar_visualization` (`quadrants`
///   and `rings` by name, ring `color`, `entries` with `quadrant` and `ring` as indexes 0–3,
///   `label`, `active`, `moved`, `link`);
/// - `radar-byor`: the JSON array Thoughtworks' build-your-own-radar reads (`name`, `ring`,
///   `quadrant`, `isNew`, `description`, every value a string).
///
/// Quadrants are the four layers, in their order. Rings say how far the catalogue recommends
/// an entry: `adopt` — a concern recommends it; `trial` — active, but no concern recommends it
/// or names it (a shared standard or component to reuse where it fits); `assess` — a concern
/// names it only as an alternative (choosing it is a deviation that may cost shared data);
/// `hold` — deprecated or retired, whatever recommends it. Entries of the cross-cutting
/// governance frame belong to no layer: they are shown in the quadrant `--frame-quadrant`
/// names, else left out of the quadrants (`radar` lists them under `frameEntries`).
public enum RadarExport: CatalogueExport {
    public static let identifier = "radar"

    public enum Ring: String, Codable, CaseIterable, Sendable, Comparable {
        case adopt, trial, assess, hold

        var index: Int { Ring.allCases.firstIndex(of: self) ?? 0 }
        var name: String { rawValue.uppercased() }
        /// Zalando's ring colours, which Backstage's sample uses too.
        var color: String {
            switch self {
            case .adopt: "#5BA300"
            case .trial: "#009EB0"
            case .assess: "#C7BA00"
            case .hold: "#E09B96"
            }
        }
        var meaning: String {
            switch self {
            case .adopt: "Recommended by a concern of the catalogue: choose it."
            case .trial: "An active shared standard or component that no concern recommends: reuse it where it fits."
            case .assess: "Named by a concern only as an alternative: choosing it is a deviation that may cost shared data."
            case .hold: "Deprecated or retired: move to its replacement."
            }
        }

        public static func < (a: Ring, b: Ring) -> Bool { a.index < b.index }
    }

    /// How many projects of a portfolio choose each entry.
    public struct Usage: Sendable {
        public var projects: Int
        public var choosing: [String: Int]

        public init(projects: Int, choosing: [String: Int]) {
            self.projects = projects
            self.choosing = choosing
        }

        /// Counts, per standard or component, the manifests that answer a concern with it.
        public static func of(_ manifests: [Manifest]) -> Usage {
            var choosing: [String: Int] = [:]
            for manifest in manifests {
                for id in manifest.stack { choosing[id, default: 0] += 1 }
            }
            return Usage(projects: manifests.count, choosing: choosing)
        }

        func sentence(_ id: String) -> String {
            let n = choosing[id] ?? 0
            return "Chosen by \(n) of \(projects) project\(projects == 1 ? "" : "s") in the portfolio."
        }
    }

    /// One standard or component placed on the radar.
    public struct Placed: Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var summary: String
        /// The layer whose quadrant shows it; nil for the frame when it has no quadrant.
        public var quadrant: String?
        public var ring: Ring
        /// Ring changes, oldest first: from the history's snapshots, then the catalogue now.
        public var timeline: [(date: String, ring: Ring, moved: Int, note: String)]
        /// First seen in the latest snapshot of a history with earlier ones.
        public var isNew: Bool
        public var links: [String]
        /// The entry's page in a site written by `techstack catalogue site`, relative to its root.
        public var page: String
    }

    public struct Layout: Sendable {
        public var title: String
        public var catalogue: CatalogueInfo
        public var quadrants: [(id: String, name: String)]
        public var entries: [Placed]
        public var frame: [Placed]
    }

    public static func ring(of id: String, in catalogue: Catalogue) -> Ring? {
        guard let lifecycle = catalogue.lifecycle(of: id) else { return nil }
        if lifecycle.status != .active { return .hold }
        if !catalogue.concerns(recommending: id).isEmpty { return .adopt }
        if catalogue.concerns.contains(where: { $0.alternatives.contains { $0.value == id } }) { return .assess }
        return .trial
    }

    /// Every standard's and component's ring, as a history records it.
    public static func rings(_ catalogue: Catalogue) -> [String: String] {
        var out: [String: String] = [:]
        for id in catalogue.standards.map(\.header.id) + catalogue.components.map(\.header.id) {
            if let ring = ring(of: id, in: catalogue) { out[id] = ring.rawValue }
        }
        return out
    }

    /// `2026.11` → `2026-11-01`, `2026-11-24` as it is; nil for any other version.
    static func versionDate(_ version: String) -> String? {
        let parts = version.split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count >= 2, let year = Int(parts[0]), (1900...9999).contains(year),
              let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let day = parts.count >= 3 ? Int(parts[2]).flatMap { (1...31).contains($0) ? $0 : nil } ?? 1 : 1
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func layout(_ catalogue: Catalogue, options: ExportOptions = ExportOptions()) -> Layout {
        let layers = catalogue.layers.sorted { ($0.order, $0.header.id) < ($1.order, $1.header.id) }
        let quadrants = layers.filter { !$0.crossCutting }.map { (id: $0.header.id, name: $0.header.name) }
        let quadrantIDs = Set(quadrants.map(\.id))
        let frameQuadrant = options.frameQuadrant.flatMap { quadrantIDs.contains($0) ? $0 : nil }
        let snapshots = Trend.latestOfEachDay(options.history).filter { !$0.rings.isEmpty }
        let now = versionDate(catalogue.info.version) ?? options.today?.description ?? snapshots.last?.day ?? "1970-01-01"
        var entries: [Placed] = []
        var frame: [Placed] = []
        let candidates = catalogue.standards.map(Entry.standard) + catalogue.components.map(Entry.component)
        let primaryLayers = CatalogueExports.PrimaryLayers(catalogue)
        for entry in candidates {
            guard let ring = ring(of: entry.id, in: catalogue) else { continue }
            var layer = primaryLayers[entry.id] ?? quadrants.first?.id ?? ""
            // A hybrid whose primary layer is the frame shows in its first real layer.
            if !quadrantIDs.contains(layer), let c = catalogue.component(entry.id),
               let inner = c.layers.first(where: { quadrantIDs.contains($0.value) }) {
                layer = inner.value
            }
            // The timeline: each recorded change of ring, then the catalogue's ring now.
            var timeline: [(date: String, ring: Ring, moved: Int, note: String)] = []
            for snapshot in snapshots {
                guard let recorded = snapshot.rings[entry.id].flatMap(Ring.init(rawValue:)) else { continue }
                if timeline.last?.ring == recorded { continue }
                timeline.append((snapshot.day, recorded, moved(from: timeline.last?.ring, to: recorded),
                                 "\(recorded.name) in the scorecard of \(snapshot.day) (catalogue \(snapshot.catalogue.version))"))
            }
            if timeline.last?.ring != ring {
                let date = max(now, timeline.last?.date ?? now)
                timeline.append((date, ring, moved(from: timeline.last?.ring, to: ring),
                                 "\(ring.name) in \(catalogue.info.name) \(catalogue.info.version)"))
            }
            let firstSeen = snapshots.first { $0.rings[entry.id] != nil }?.day
            let isNew = snapshots.count >= 2 && firstSeen == snapshots.last?.day
            let inQuadrant = quadrantIDs.contains(layer)
            let placed = Placed(id: entry.id, name: entry.header.name, kind: entry.kind.singular, summary: entry.header.summary,
                                quadrant: inQuadrant ? layer : frameQuadrant, ring: ring, timeline: timeline, isNew: isNew,
                                links: entry.header.links, page: SitePath(kind: entry.kind, id: entry.id)?.description ?? "")
            if inQuadrant || frameQuadrant != nil { entries.append(placed) } else { frame.append(placed) }
        }
        return Layout(title: "\(catalogue.info.name) \(catalogue.info.version)", catalogue: catalogue.info,
                      quadrants: quadrants, entries: entries, frame: frame)
    }

    /// Backstage's and Zalando's `moved`: 1 towards adopt, -1 away from it, 0 otherwise.
    static func moved(from old: Ring?, to new: Ring) -> Int {
        guard let old else { return 0 }
        return new < old ? 1 : new > old ? -1 : 0
    }

    static func description(_ entry: Placed, usage: Usage?) -> String {
        var text = entry.summary
        if let usage { text += " " + usage.sentence(entry.id) }
        return text
    }

    // MARK: - Backstage tech-radar

    struct BackstageRadar: Encodable {
        struct Quadrant: Encodable { var id: String; var name: String }
        struct Ring: Encodable { var id: String; var name: String; var color: String; var description: String }
        struct Link: Encodable { var url: String; var title: String }
        struct Snapshot: Encodable { var ringId: String; var date: String; var moved: Int; var description: String }
        struct Entry: Encodable {
            var key: String
            var id: String
            var quadrant: String
            var title: String
            var timeline: [Snapshot]
            var description: String
            var links: [Link]
        }
        var title: String
        var catalogue: CatalogueInfo
        var quadrants: [Quadrant]
        var rings: [Ring]
        var entries: [Entry]
        /// The governance frame's entries when no quadrant shows them (Backstage ignores this).
        var frameEntries: [Entry]
    }

    public static func generate(_ catalogue: Catalogue, options: ExportOptions) throws -> String {
        let layout = layout(catalogue, options: options)
        func entry(_ placed: Placed, quadrant: String) -> BackstageRadar.Entry {
            var links = placed.links.filter(Markup.isWebURL).map { BackstageRadar.Link(url: $0, title: "Source") }
            if !placed.page.isEmpty { links.insert(BackstageRadar.Link(url: placed.page, title: "Catalogue page"), at: 0) }
            return BackstageRadar.Entry(
                key: placed.id, id: placed.id, quadrant: quadrant, title: placed.name,
                timeline: placed.timeline.reversed().map { .init(ringId: $0.ring.rawValue, date: $0.date, moved: $0.moved, description: $0.note) },
                description: description(placed, usage: options.usage), links: links)
        }
        let radar = BackstageRadar(
            title: layout.title, catalogue: layout.catalogue,
            quadrants: layout.quadrants.map { .init(id: $0.id, name: $0.name) },
            rings: Ring.allCases.map { .init(id: $0.rawValue, name: $0.name, color: $0.color, description: $0.meaning) },
            entries: layout.entries.map { entry($0, quadrant: $0.quadrant ?? "") },
            frameEntries: layout.frame.map { entry($0, quadrant: "frame") })
        return JSONOutput.encode(radar)
    }
}

/// `--format radar-zalando`: the config zalando/tech-radar's `radar_visualization` draws.
public enum ZalandoRadarExport: CatalogueExport {
    public static let identifier = "radar-zalando"

    struct Config: Encodable {
        struct Quadrant: Encodable { var name: String }
        struct Ring: Encodable { var name: String; var color: String }
        struct Entry: Encodable {
            var label: String
            var quadrant: Int
            var ring: Int
            var active: Bool
            /// -1 moved out, 0 unchanged, 1 moved in, 2 new.
            var moved: Int
            var link: String?
        }
        var title: String
        var date: String
        var quadrants: [Quadrant]
        var rings: [Ring]
        var entries: [Entry]
    }

    public static func generate(_ catalogue: Catalogue, options: ExportOptions) throws -> String {
        let layout = RadarExport.layout(catalogue, options: options)
        // radar.js draws exactly four quadrants (0 bottom right, counting clockwise).
        let quadrants = Array(layout.quadrants.prefix(4))
        let index = Dictionary(quadrants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let entries: [Config.Entry] = layout.entries.compactMap { placed in
            guard let quadrant = placed.quadrant.flatMap({ index[$0] }) else { return nil }
            let count = options.usage.map { " (\($0.choosing[placed.id] ?? 0))" } ?? ""
            return Config.Entry(label: placed.name + count, quadrant: quadrant, ring: placed.ring.index, active: true,
                                moved: placed.isNew ? 2 : placed.timeline.count >= 2 ? placed.timeline.last?.moved ?? 0 : 0,
                                link: placed.page.isEmpty ? nil : placed.page)
        }
        let config = Config(title: layout.title, date: catalogue.info.version,
                            quadrants: quadrants.map { .init(name: $0.name) },
                            rings: RadarExport.Ring.allCases.map { .init(name: $0.name, color: $0.color) },
                            entries: entries)
        return JSONOutput.encode(config)
    }
}

/// `--format radar-byor`: the JSON Thoughtworks' build-your-own-radar reads. BYOR trims every
/// value as a string and sanitises `description` as HTML, so every field is a string and the
/// description is escaped. A BYOR instance shows only the quadrants its `QUADRANTS` setting
/// names: set it to the layer names (README).
public enum BYORRadarExport: CatalogueExport {
    public static let identifier = "radar-byor"

    struct Blip: Encodable {
        var name: String
        var ring: String
        var quadrant: String
        var isNew: String
        var description: String
    }

    public static func generate(_ catalogue: Catalogue, options: ExportOptions) throws -> String {
        let layout = RadarExport.layout(catalogue, options: options)
        let quadrants = Array(layout.quadrants.prefix(4))
        let names = Dictionary(quadrants.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let blips: [Blip] = layout.entries.compactMap { placed in
            guard let quadrant = placed.quadrant.flatMap({ names[$0] }) else { return nil }
            return Blip(name: placed.name, ring: placed.ring.rawValue.prefix(1).uppercased() + placed.ring.rawValue.dropFirst(),
                        quadrant: quadrant, isNew: placed.isNew ? "TRUE" : "FALSE",
                        description: Escape.html(RadarExport.description(placed, usage: options.usage)))
        }
        return JSONOutput.encode(blips)
    }
}

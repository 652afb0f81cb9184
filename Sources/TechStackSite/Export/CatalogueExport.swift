import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// A format the catalogue can be exported to, for the tools architects already use.
public protocol CatalogueExport {
    /// The `--format` name.
    static var identifier: String { get }
    static func generate(_ catalogue: Catalogue, options: ExportOptions) throws -> String
}

public enum CatalogueExports {
    public static var all: [any CatalogueExport.Type] { Choice.allCases.map(\.export) }

    public static func named(_ identifier: String) -> (any CatalogueExport.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// `catalogue export --format`.
    public enum Choice: String, CaseIterable, Sendable {
        case backstage, radar, radarZalando = "radar-zalando", radarBYOR = "radar-byor"

        public var export: any CatalogueExport.Type {
            switch self {
            case .backstage: BackstageExport.self
            case .radar: RadarExport.self
            case .radarZalando: ZalandoRadarExport.self
            case .radarBYOR: BYORRadarExport.self
            }
        }
    }

    /// The primary layer of a standard or component, used to place it on a radar or in a
    /// Backstage system: a component's first layer; for a standard, the layer of the first
    /// concern recommending it, else of the first naming it as an alternative, else that of
    /// the first component requiring it.
    static func primaryLayer(of id: String, in catalogue: Catalogue) -> String? {
        PrimaryLayers(catalogue)[id]
    }

    /// `primaryLayer` for every standard and component at once, in one pass over the
    /// catalogue: asked entry by entry, it scanned every concern and component for each.
    struct PrimaryLayers {
        private var layers: [String: String] = [:]

        init(_ catalogue: Catalogue) {
            // Weakest claim first; stronger ones overwrite it, and within one kind the first
            // in catalogue order wins.
            for component in catalogue.components.reversed() {
                for required in component.requires { layers[required.value] = component.layers.first?.value }
            }
            for concern in catalogue.concerns.reversed() {
                for alternative in concern.alternatives { layers[alternative.value] = concern.layer.value }
            }
            for concern in catalogue.concerns.reversed() {
                for recommended in concern.recommended { layers[recommended.value] = concern.layer.value }
            }
            for component in catalogue.components {
                layers[component.header.id] = component.layers.first?.value
            }
        }

        subscript(id: String) -> String? { layers[id] }
    }

    /// The definition above, entry by entry (what `PrimaryLayers` is tested against).
    static func primaryLayerByScan(of id: String, in catalogue: Catalogue) -> String? {
        if let component = catalogue.component(id) { return component.layers.first?.value }
        if let concern = catalogue.concerns(recommending: id).first { return concern.layer.value }
        if let concern = catalogue.concerns.first(where: { $0.alternatives.contains { $0.value == id } }) {
            return concern.layer.value
        }
        if let user = catalogue.components.first(where: { $0.requires.contains { $0.value == id } }) {
            return user.layers.first?.value
        }
        return nil
    }
}

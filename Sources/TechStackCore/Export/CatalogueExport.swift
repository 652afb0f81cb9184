/// A format the catalogue can be exported to, for the tools architects already use.
public protocol CatalogueExport {
    /// The `--format` name.
    static var identifier: String { get }
    static func generate(_ catalogue: Catalogue, options: ExportOptions) throws -> String
}

public enum CatalogueExports {
    public static var all: [any CatalogueExport.Type] { [BackstageExport.self, RadarExport.self, ZalandoRadarExport.self, BYORRadarExport.self] }

    public static func named(_ identifier: String) -> (any CatalogueExport.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// The primary layer of a standard or component, used to place it on a radar or in a
    /// Backstage system: a component's first layer; for a standard, the layer of the first
    /// concern recommending it, else of the first naming it as an alternative, else that of
    /// the first component requiring it.
    static func primaryLayer(of id: String, in catalogue: Catalogue) -> String? {
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

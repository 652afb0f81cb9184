import Foundation
import Yams
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// Backstage software-catalog entities (`catalog-info.yaml`), one YAML document each:
///
/// - a `Group` (type `organization`) for the stack, owning the layers and standards, and one
///   `Group` (type `organization`, child of the stack's) per agency;
/// - a `System` per layer;
/// - a `Component` (type `service`) per component: owner its agency, system its primary
///   layer, `dependsOn` the components and standards it requires;
/// - a `Resource` (type `standard`) per standard: a standard is a document to follow, not an
///   API with a machine-readable definition, and an `API` entity's definition must be one its
///   type can render (OpenAPI, AsyncAPI, WSDL…). Version, status and successor are annotations,
///   the specification a link;
/// - a `Resource` (type `dataset`) per dataset: owner its source agency, `dependsOn` what
///   its first access path requires.
///
/// Names follow Backstage's rule (`[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]`, at most 63
/// characters); every entity keeps its catalogue id in the `techstack/id` annotation.
public enum BackstageExport: CatalogueExport {
    public static let identifier = "backstage"
    static let apiVersion = "backstage.io/v1alpha1"

    public static func generate(_ catalogue: Catalogue, options: ExportOptions = ExportOptions()) throws -> String {
        let names = Names(catalogue: catalogue)
        let primaryLayers = CatalogueExports.PrimaryLayers(catalogue)
        // Each entity is serialized as soon as it is built and only its text is kept: one
        // node tree for the whole catalogue (and Yams' emitter over it) took 100 times the
        // memory of the YAML it produced.
        var output = ""
        func append(_ document: Node) throws {
            output += try Yams.serialize(node: document, width: -1, allowUnicode: true, explicitStart: true)
        }
        let root = names.root
        let agencies = catalogue.agencies.map { names[$0.header.id] }

        try append(entity(kind: "Group", name: root, title: catalogue.info.name,
                                description: "Stewards of the \(catalogue.info.name), published by \(catalogue.info.publisher).",
                                links: [], annotations: catalogueAnnotations(catalogue, id: nil, kind: nil), tags: [],
                                spec: [("type", "organization"), ("children", sequence(agencies.map(node)))]))
        for agency in catalogue.agencies {
            let spec: [(String, Node)] = [
                ("type", "organization"), ("profile", mapping([("displayName", node(agency.header.name))])),
                ("parent", node(root)), ("children", sequence([])),
            ]
            try append(entity(catalogue, agency.header, name: names[agency.header.id],
                                    extraLinks: agency.grantProcess?.url.map { [($0, "Grant process")] } ?? [],
                                    extraAnnotations: agency.grantProcess.map { [("techstack/grant-process", $0.summary)] } ?? [],
                                    kind: "Group", tags: [], spec: spec))
        }
        for layer in catalogue.layers.sorted(by: { $0.order < $1.order }) {
            try append(entity(catalogue, layer.header, name: names[layer.header.id], kind: "System",
                                    tags: tags([layer.crossCutting ? "cross-cutting" : "layer"]),
                                    spec: [("owner", node("group:default/\(root)"))]))
        }
        for component in catalogue.components {
            let requires = component.requires.map(\.value)
            let dependsOn = requires.compactMap { id -> String? in
                if catalogue.component(id) != nil { return "component:default/\(names[id])" }
                if catalogue.standard(id) != nil { return "resource:default/\(names[id])" }
                return nil
            }
            var spec: [(String, Node)] = [
                ("type", "service"),
                ("lifecycle", node(lifecycle(component.status))),
                ("owner", node("group:default/\(names[component.owner.value])")),
            ]
            if let layer = component.layers.first { spec.append(("system", node(names[layer.value]))) }
            if !dependsOn.isEmpty { spec.append(("dependsOn", sequence(dependsOn.map(node)))) }
            var annotations: [(String, String)] = [("techstack/funding-model", component.funding.value)]
            if let price = component.price { annotations.append(("techstack/price", price)) }
            if component.layers.count > 1 {
                annotations.append(("techstack/layers", component.layers.map(\.value).joined(separator: ",")))
            }
            if let successor = component.replacedBy { annotations.append(("techstack/replaced-by", successor.value)) }
            try append(entity(catalogue, component.header, name: names[component.header.id], extraAnnotations: annotations,
                                    kind: "Component", tags: tags(component.layers.map(\.value) + [component.funding.value]), spec: spec))
        }
        for standard in catalogue.standards {
            var spec: [(String, Node)] = [("type", "standard"), ("owner", node("group:default/\(root)"))]
            if let layer = primaryLayers[standard.header.id] {
                spec.append(("system", node(names[layer])))
            }
            var annotations: [(String, String)] = [("techstack/status", standard.status.rawValue)]
            if let version = standard.version { annotations.append(("techstack/version", version)) }
            if let successor = standard.replacedBy { annotations.append(("techstack/replaced-by", successor.value)) }
            try append(entity(catalogue, standard.header, name: names[standard.header.id],
                                    extraLinks: standard.url.map { [($0, "Specification")] } ?? [],
                                    extraAnnotations: annotations, kind: "Resource",
                                    tags: tags(["standard"] + (standard.status == .active ? [] : [standard.status.rawValue])), spec: spec))
        }
        for dataset in catalogue.datasets {
            let needs = dataset.access.first?.requires.map(\.value) ?? []
            let refs: [String] = needs.compactMap { id in
                if catalogue.component(id) != nil { return "component:default/\(names[id])" }
                if catalogue.standard(id) != nil { return "resource:default/\(names[id])" }
                return nil
            }
            var spec: [(String, Node)] = [("type", "dataset"), ("owner", node("group:default/\(names[dataset.source.value])"))]
            if !refs.isEmpty { spec.append(("dependsOn", sequence(refs.map(node)))) }
            let annotations: [(String, String)] = [
                ("techstack/source", dataset.source.value),
                ("techstack/consent", dataset.consent ? "true" : "false"),
                ("techstack/grant-required", dataset.grantRequired ? "true" : "false"),
            ]
            try append(entity(catalogue, dataset.header, name: names[dataset.header.id], extraAnnotations: annotations,
                                    kind: "Resource", tags: tags(["dataset"]), spec: spec))
        }
        return output
    }

    // MARK: entities

    private static func entity(_ catalogue: Catalogue, _ header: EntryHeader, name: String,
                               extraLinks: [(String, String)] = [], extraAnnotations: [(String, String)] = [],
                               kind: String, tags: [String], spec: [(String, Node)]) -> Node {
        let links = header.links.map { ($0, "Source") } + extraLinks
        return entity(kind: kind, name: name, title: header.name, description: header.summary, links: links,
                      annotations: catalogueAnnotations(catalogue, id: header.id, kind: header.kind) + extraAnnotations,
                      tags: tags, spec: spec)
    }

    private static func entity(kind: String, name: String, title: String, description: String, links: [(String, String)],
                               annotations: [(String, String)], tags: [String], spec: [(String, Node)]) -> Node {
        var metadata: [(String, Node)] = [("name", node(name)), ("title", node(title)), ("description", node(description))]
        if !annotations.isEmpty { metadata.append(("annotations", mapping(annotations.map { ($0.0, node($0.1)) }))) }
        if !tags.isEmpty { metadata.append(("tags", sequence(tags.map(node)))) }
        let webLinks = links.filter { Markup.isWebURL($0.0) }
        if !webLinks.isEmpty {
            metadata.append(("links", sequence(webLinks.map { mapping([("url", node($0.0)), ("title", node($0.1))]) })))
        }
        return mapping([("apiVersion", node(apiVersion)), ("kind", node(kind)), ("metadata", mapping(metadata)), ("spec", mapping(spec))])
    }

    private static func catalogueAnnotations(_ catalogue: Catalogue, id: String?, kind: EntryKind?) -> [(String, String)] {
        var annotations: [(String, String)] = []
        if let id { annotations.append(("techstack/id", id)) }
        if let kind { annotations.append(("techstack/kind", kind.singular.replacingSpaces)) }
        annotations.append(("techstack/catalogue", catalogue.info.name))
        annotations.append(("techstack/catalogue-version", catalogue.info.version))
        return annotations
    }

    static func lifecycle(_ status: Lifecycle) -> String {
        status == .active ? "production" : "deprecated"
    }

    /// Backstage tags: lowercase words joined by `-` (at most 63 characters); others are left out.
    static func tags(_ candidates: [String]) -> [String] {
        var seen: Set<String> = []
        return candidates.map { $0.replacingOccurrences(of: ".", with: "-") }.filter { tag in
            tag.count <= 63 && isTag(tag) && seen.insert(tag).inserted
        }
    }

    static func isTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ":+#".unicodeScalars.contains($0) }
        }
    }

    // MARK: YAML nodes

    /// A string scalar, quoted by Yams when it would otherwise read as a number, bool or null.
    ///
    /// Yams decides that with its resolver's regular expressions, once here and again when
    /// emitting (half the time of an export). Printable ASCII that starts with a letter and is
    /// none of the bool and null words can only read as a string, so it is tagged `str` at
    /// once, which is what the resolver would conclude; libyaml still picks the quoting a
    /// plain scalar needs (`a: b`, `x #y`).
    private static func node(_ string: String) -> Node {
        guard isPlainString(string) else { return .scalar(string.represented()) }
        return .scalar(Node.Scalar(string, Tag(.str)))
    }

    /// Whether Yams' default resolver reads `string` as a string: its bool, int, float, merge,
    /// null, timestamp and value rules all start with a digit, sign, `.`, `<`, `~`, `=` or
    /// one of the words below.
    static func isPlainString(_ string: String) -> Bool {
        guard let first = string.utf8.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        // Only printable ASCII: a line break would let a pattern's `$` match before it.
        guard string.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else { return false }
        return !resolverWords.contains(string)
    }

    private static let resolverWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    private static func sequence(_ nodes: [Node]) -> Node { .sequence(Node.Sequence(nodes)) }

    private static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (node($0.0), $0.1) }))
    }
}

extension BackstageExport {
    /// `metadata.name` for every entry: valid for Backstage and unique.
    struct Names {
        private var names: [String: String] = [:]
        let root: String

        init(catalogue: Catalogue) {
            var used: Set<String> = []
            func unique(_ base: String) -> String {
                var candidate = base
                var n = 2
                while used.contains(candidate) {
                    let suffix = "-\(n)"
                    candidate = BackstageExport.validName(String(base.prefix(63 - suffix.count)) + suffix)
                    n += 1
                }
                used.insert(candidate)
                return candidate
            }
            root = unique(BackstageExport.validName(catalogue.info.name))
            for entry in catalogue.allEntries where names[entry.id] == nil {
                names[entry.id] = unique(BackstageExport.validName(entry.id))
            }
        }

        subscript(id: String) -> String { names[id] ?? BackstageExport.validName(id) }
    }

    /// Backstage's entity name rule: `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`, at most 63
    /// characters. Other characters become `-`; leading and trailing punctuation goes.
    public static func validName(_ text: String) -> String {
        let allowed: (Unicode.Scalar) -> Bool = {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        var scalars = String.UnicodeScalarView(text.lowercased().unicodeScalars.map { allowed($0) ? $0 : "-" })
        var name = String(scalars)
        while name.contains("--") { name = name.replacingOccurrences(of: "--", with: "-") }
        scalars = name.unicodeScalars
        let isAlnum: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        var trimmed = String(String.UnicodeScalarView(scalars.drop { !isAlnum($0) }.prefix(63)))
        while let last = trimmed.unicodeScalars.last, !isAlnum(last) { trimmed.unicodeScalars.removeLast() }
        return trimmed.isEmpty ? "entry" : trimmed
    }

    /// Whether `name` satisfies Backstage's entity name rule.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...63).contains(name.count), let first = name.unicodeScalars.first, let last = name.unicodeScalars.last else { return false }
        let alnum: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        return alnum(first) && alnum(last) && name.unicodeScalars.allSatisfy { alnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }
}

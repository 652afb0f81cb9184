/// Reads catalogue files into a `Catalogue`, then checks it, returning every diagnostic.
public enum CatalogueLoader {
    public struct Result: Sendable {
        /// nil only when no file could be read at all.
        public var catalogue: Catalogue?
        public var diagnostics: DiagnosticList
    }

    /// Loads a catalogue directory from disk.
    public static func load(directory: String) -> Result {
        let folder: (paths: [String], files: [InputFile], problems: [Diagnostic])
        do {
            folder = try InputFile.readYAMLFolder(directory)
        } catch {
            return Result(catalogue: nil, diagnostics: DiagnosticList([error]))
        }
        if folder.paths.isEmpty {
            return Result(catalogue: nil, diagnostics: DiagnosticList([
                Diagnostic(path: directory, mark: .start, message: "holds no *.yaml files; a catalogue is a folder of YAML files"),
            ]))
        }
        var result = load(files: folder.files)
        result.diagnostics.items.insert(contentsOf: folder.problems, at: 0)
        return result
    }

    /// Loads catalogue files already in memory (the built-in catalogue, tests).
    /// `checking: false` leaves out `CatalogueChecker` (the catalogue's own problems, not its
    /// schema): only for the built-in catalogue, which is checked before it ships.
    public static func load(files: [InputFile], checking: Bool = true) -> Result {
        var diagnostics: [Diagnostic] = []
        var info: (CatalogueInfo, Origin)?
        var catalogue = Catalogue(info: CatalogueInfo(name: "", publisher: "", version: ""))
        // The files are read on every core; their entries are then taken in order.
        for (file, (root, problems)) in zip(files, YAMLReader.read(files)) {
            diagnostics += problems
            guard let root else { continue }
            let reader = FieldReader(path: file.path)
            let decoder = EntryDecoder(reader: reader)
            if let fields = reader.fields(root, of: "a catalogue file", known: ["catalogue"] + EntryKind.allCases.map(\.rawValue)) {
                if let meta = fields["catalogue"] {
                    if let previous = info {
                        reader.error("catalogue metadata is given again; it belongs in exactly one file (first at \(previous.1.path):\(previous.1.mark.line))", at: meta.mark)
                    } else if let decoded = decoder.info(meta) {
                        info = (decoded, Origin(path: file.path, mark: meta.mark))
                    }
                }
                for kind in EntryKind.allCases {
                    guard let list = fields[kind.rawValue] else { continue }
                    if list.isNull { continue }
                    guard let items = reader.list(list, kind.rawValue) else { continue }
                    for item in items { decoder.decode(item, as: kind, into: &catalogue) }
                }
            }
            diagnostics += reader.diagnostics
        }
        if let info {
            catalogue.info = info.0
        } else if !files.isEmpty {
            diagnostics.append(Diagnostic(path: files[0].path, mark: .start,
                                          message: "no file has 'catalogue:' metadata (name, publisher, version); add it to one file"))
        }
        catalogue.index()
        if checking { diagnostics += CatalogueChecker.problems(in: catalogue) }
        return Result(catalogue: files.isEmpty ? nil : catalogue, diagnostics: DiagnosticList(diagnostics))
    }
}

/// Turns entry nodes into typed entries. Missing or mistyped fields are schema errors; the
/// entry is still kept (with defaults) when its id is valid, so references to it do not
/// also show up as dangling.
package struct EntryDecoder {
    let reader: FieldReader

    package static let common = ["id", "name", "summary", "links", "provenance"]

    package static func fields(of kind: EntryKind) -> [String] {
        switch kind {
        case .layers: ["order", "cross-cutting"]
        case .sourceKinds: []
        case .agencies: ["source-kind", "grant-process"]
        case .fundingModels: ["charging", "becomes"]
        case .concerns: ["layer", "question", "recommended", "alternatives", "required"]
        case .standards: ["url", "version", "status", "replaced-by", "evidence"]
        case .components: ["layer", "owner", "funding", "requires", "status", "replaced-by", "evidence"]
        case .datasets: ["source", "source-kind", "items", "consent", "grant-required", "access"]
        }
    }

    package static func required(of kind: EntryKind) -> [String] {
        switch kind {
        case .layers: ["order"]
        case .sourceKinds, .standards: []
        case .agencies: ["source-kind"]
        case .fundingModels: ["charging"]
        // An empty or missing `recommended` / `access` is a catalogue problem, reported by the checker.
        case .concerns: ["layer", "question"]
        case .components: ["layer", "owner", "funding"]
        case .datasets: ["source", "items"]
        }
    }

    func info(_ node: YAMLNode) -> CatalogueInfo? {
        guard let f = reader.fields(node, of: "catalogue metadata", known: ["name", "publisher", "version", "summary", "links"],
                                    required: ["name", "publisher", "version"]) else { return nil }
        return CatalogueInfo(name: reader.string(f["name"], "name") ?? "",
                             publisher: reader.string(f["publisher"], "publisher") ?? "",
                             version: reader.string(f["version"], "version") ?? "")
    }

    func decode(_ node: YAMLNode, as kind: EntryKind, into catalogue: inout Catalogue) {
        let what = "a \(kind.singular) entry"
        guard let f = reader.fields(node, of: what, known: Self.common + Self.fields(of: kind),
                                    required: ["id", "name", "summary"] + Self.required(of: kind)) else { return }
        guard let id = reader.string(f["id"], "id"), let idNode = f["id"] else { return }
        if !Identifier.isWellFormed(id) {
            reader.error("id '\(id)' must match \(Identifier.pattern): lower-case letters, digits, '.' and '-'", at: idNode.mark)
            return
        }
        let header = EntryHeader(
            id: id, kind: kind,
            name: reader.string(f["name"], "name") ?? id,
            summary: reader.string(f["summary"], "summary") ?? "",
            links: (reader.strings(f["links"], "links") ?? []).map(\.value),
            provenance: reader.choice(f["provenance"], "provenance", Provenance.allCases.map(\.rawValue)).flatMap(Provenance.init),
            origin: Origin(path: reader.path, mark: node.mark))
        let missing = Located("", node.mark)
        switch kind {
        case .layers:
            catalogue.layers.append(Layer(header: header, order: reader.int(f["order"], "order") ?? 0,
                                          crossCutting: reader.bool(f["cross-cutting"], "cross-cutting") ?? false))
        case .sourceKinds:
            catalogue.sourceKinds.append(SourceKind(header: header))
        case .agencies:
            var grant: GrantProcess?
            if let g = f["grant-process"],
               let gf = reader.fields(g, of: "'grant-process'", known: ["summary", "url"], required: ["summary"]) {
                grant = GrantProcess(summary: reader.string(gf["summary"], "summary") ?? "", url: reader.string(gf["url"], "url"))
            }
            catalogue.agencies.append(Agency(header: header, sourceKind: ref(f["source-kind"], "source-kind") ?? missing, grantProcess: grant))
        case .fundingModels:
            let charging = reader.choice(f["charging"], "charging", ["free", "per-use", "subscription"]).flatMap(Charging.init) ?? .free
            var becomes: (Located<String>, Int)?
            if let b = f["becomes"],
               let bf = reader.fields(b, of: "'becomes'", known: ["model", "when-users-reach"], required: ["model", "when-users-reach"]),
               let model = ref(bf["model"], "model"), let threshold = reader.int(bf["when-users-reach"], "when-users-reach") {
                if threshold < 1, let t = bf["when-users-reach"] { reader.error("'when-users-reach' must be at least 1", at: t.mark) }
                becomes = (model, threshold)
            }
            catalogue.fundingModels.append(FundingModel(header: header, charging: charging, becomes: becomes))
        case .concerns:
            catalogue.concerns.append(Concern(
                header: header, layer: ref(f["layer"], "layer") ?? missing,
                question: reader.string(f["question"], "question") ?? "",
                recommended: refs(f["recommended"], "recommended"),
                alternatives: refs(f["alternatives"], "alternatives"),
                required: reader.bool(f["required"], "required") ?? false))
        case .standards:
            catalogue.standards.append(Standard(
                header: header, url: reader.string(f["url"], "url"), version: reader.string(f["version"], "version"),
                status: status(f["status"]), replacedBy: ref(f["replaced-by"], "replaced-by"),
                evidence: evidence(f["evidence"])))
        case .components:
            var model = missing
            var price: String?
            if let funding = f["funding"],
               let ff = reader.fields(funding, of: "'funding'", known: ["model", "price"], required: ["model"]) {
                model = ref(ff["model"], "model") ?? missing
                price = reader.string(ff["price"], "price")
            }
            catalogue.components.append(Component(
                header: header, layers: refs(f["layer"], "layer", single: true), owner: ref(f["owner"], "owner") ?? missing,
                funding: model, price: price, requires: refs(f["requires"], "requires"),
                status: status(f["status"]), replacedBy: ref(f["replaced-by"], "replaced-by"),
                evidence: evidence(f["evidence"])))
        case .datasets:
            var paths: [AccessPath] = []
            for pathNode in reader.list(f["access"], "access") ?? [] {
                guard let pf = reader.fields(pathNode, of: "an access path", known: ["via", "requires"], required: ["requires"]) else { continue }
                paths.append(AccessPath(via: ref(pf["via"], "via"), requires: refs(pf["requires"], "requires", single: true), mark: pathNode.mark))
            }
            catalogue.datasets.append(Dataset(
                header: header, source: ref(f["source"], "source") ?? missing,
                sourceKind: ref(f["source-kind"], "source-kind"),
                items: (reader.strings(f["items"], "items") ?? []).map(\.value),
                consent: reader.bool(f["consent"], "consent") ?? false,
                grantRequired: reader.bool(f["grant-required"], "grant-required") ?? true,
                access: paths))
        }
    }

    /// `evidence:` (SPEC §8): a list of signals, each `files` (+ `contains`) or `dependency`.
    /// A bad glob, an unknown ecosystem, an empty text or a signal that is neither kind is a
    /// schema error at the value.
    private func evidence(_ node: YAMLNode?) -> [Signal] {
        guard let node, !node.isNull, let items = reader.list(node, "evidence") else { return [] }
        var signals: [Signal] = []
        for item in items {
            guard let f = reader.fields(item, of: "an evidence signal", known: ["files", "contains", "dependency", "links"]) else { continue }
            var signal = Signal(mark: item.mark)
            var ok = true
            if let files = f["files"] {
                for text in reader.strings(files, "files", single: true) ?? [] {
                    switch Glob.compile(text.value) {
                    case .success(let glob): signal.files.append(glob)
                    case .failure(let problem): reader.error(problem.message, at: text.mark); ok = false
                    }
                }
            }
            if let contains = f["contains"] {
                for text in reader.strings(contains, "contains", single: true) ?? [] {
                    if text.value.isEmpty {
                        reader.error("'contains' texts must not be empty; an empty text would match every file", at: text.mark)
                        ok = false
                    } else {
                        signal.contains.append(text.value)
                    }
                }
            }
            if let dependency = f["dependency"],
               let df = reader.fields(dependency, of: "'dependency'", known: ["ecosystem", "name"], required: ["ecosystem", "name"]) {
                let ecosystem = df["ecosystem"].flatMap { node -> Ecosystem? in
                    guard let text = reader.string(node, "ecosystem") else { return nil }
                    guard let e = Ecosystem(rawValue: text) else {
                        reader.error("unknown ecosystem '\(text)'\(NearestName.hint(text.lowercased(), in: Ecosystem.names)); ecosystems: \(Ecosystem.names.joined(separator: ", "))", at: node.mark)
                        return nil
                    }
                    return e
                }
                let name = reader.string(df["name"], "name")
                if name?.isEmpty == true, let n = df["name"] { reader.error("a dependency's 'name' must not be empty", at: n.mark) }
                if let ecosystem, let name, !name.isEmpty {
                    signal.dependency = Signal.Dependency(ecosystem: ecosystem, name: name)
                } else {
                    ok = false
                }
            } else if f["dependency"] != nil {
                ok = false
            }
            if f["dependency"] != nil && (f["files"] != nil || f["contains"] != nil) {
                reader.error("an evidence signal is either 'files' (with optional 'contains') or 'dependency', not both; split it into two signals", at: item.mark)
                ok = false
            } else if f["dependency"] == nil && f["files"] == nil {
                reader.error("an evidence signal needs 'files' (globs, with optional 'contains') or 'dependency: {ecosystem, name}'", at: item.mark)
                ok = false
            }
            signal.links = (reader.strings(f["links"], "links") ?? []).map(\.value)
            if ok { signals.append(signal) }
        }
        return signals
    }

    private func ref(_ node: YAMLNode?, _ field: String) -> Located<String>? {
        guard let node, !node.isNull, let text = reader.string(node, field) else { return nil }
        return Located(text, node.mark)
    }

    private func refs(_ node: YAMLNode?, _ field: String, single: Bool = false) -> [Located<String>] {
        guard let node, !node.isNull else { return [] }
        return reader.strings(node, field, single: single) ?? []
    }

    private func status(_ node: YAMLNode?) -> Lifecycle {
        reader.choice(node, "status", ["active", "deprecated", "retired"]).flatMap(Lifecycle.init) ?? .active
    }
}

import Foundation

/// Reads a `techstack.yaml` into a `Manifest` (README, "Linting a project").
///
/// Schema errors (malformed YAML, wrong types, missing required keys, an unsupported format
/// version, bad dates) make the manifest unusable: every one is returned, located, in one go.
/// Keys the format does not know are not errors: they are kept in `unknownKeys` with the
/// nearest known key, so the `unknown-key` rule can report them as findings.
public enum ManifestLoader {
    /// Format versions this build reads.
    public static let supportedVersions = [1]

    public static let topLevelKeys = [
        "techstack", "project", "agency", "summary", "sector", "choices", "consumes",
        "produces", "grants", "expected-users", "exemptions",
    ]
    /// The keys every manifest must have, with what to write for each.
    package static let requiredKeys: [(String, String)] = [
        ("techstack", "the format version: 'techstack: 1'"),
        ("project", "the project's name"),
        ("agency", "the id of the agency that owns the project ('techstack catalogue list agencies' lists them)"),
    ]
    /// The most entries one list or mapping of a manifest may hold (choices, the ids of one
    /// answer, consumes, produces, grants, exemptions). Far beyond any real project, it keeps
    /// the work per manifest bounded: every entry may cost a reach computation.
    public static let maxEntries = 10_000

    public static let producedKeys = ["id", "name", "shared-via", "shared", "reason"]
    public static let exemptionKeys = ["rule", "concern", "dataset", "reason", "owner", "expires"]

    public static func load(_ file: InputFile) -> Result<Manifest, DiagnosticList> {
        let root: YAMLNode
        do {
            root = try YAMLReader.read(bytes: file.bytes, path: file.path)
        } catch {
            return .failure(DiagnosticList([error]))
        }
        let decoder = Decoder(reader: FieldReader(path: file.path))
        let manifest = decoder.manifest(root)
        let errors = decoder.reader.diagnostics.filter { $0.severity == .error }
        guard let manifest, errors.isEmpty else {
            return .failure(DiagnosticList(errors.isEmpty ? decoder.reader.diagnostics : errors))
        }
        return .success(manifest)
    }

    /// Reads and loads a manifest from disk.
    /// `listedRegular` as in `InputFile.read(_:limit:listedRegular:)`.
    public static func load(path: String, listedRegular: Bool = false) -> Result<Manifest, DiagnosticList> {
        do {
            return load(try InputFile.read(path, listedRegular: listedRegular))
        } catch {
            return .failure(DiagnosticList([error]))
        }
    }

    private struct Decoder {
        let reader: FieldReader

        init(reader: FieldReader) { self.reader = reader }

        func manifest(_ root: YAMLNode) -> Manifest? {
            guard root.pairs != nil else {
                reader.error("a manifest must be a mapping of keys (techstack, project, agency, choices, …), found \(root.kindDescription)", at: root.mark)
                return nil
            }
            var unknown: [Manifest.UnknownKey] = []
            guard let f = reader.fields(root, of: "the manifest", known: ManifestLoader.topLevelKeys,
                                        unknown: { pair, nearest in
                                            unknown.append(.init(key: pair.name, context: "", nearest: nearest, mark: pair.key.mark))
                                        }) else { return nil }
            for (key, what) in ManifestLoader.requiredKeys {
                if let pair = root.pairs?.first(where: { $0.name == key }) {
                    if pair.value.isNull {
                        reader.error("'\(key)' is empty; write \(what)", at: pair.key.mark)
                    }
                } else {
                    reader.error("the manifest is missing the required key '\(key)'; add '\(key): …' with \(what)", at: root.mark)
                }
            }
            var keyMarks: [String: Mark] = [:]
            for pair in root.pairs ?? [] where ManifestLoader.topLevelKeys.contains(pair.name) {
                keyMarks[pair.name] = pair.key.mark
            }

            var version = 1
            if let node = f["techstack"], case .scalar(let text, plain: false) = node.content, Int(text) != nil {
                reader.error("'techstack' must be the number \(text) without quotes (write 'techstack: \(text)')", at: node.mark)
            } else if let node = f["techstack"], !node.isNull, let v = reader.int(node, "techstack") {
                if !ManifestLoader.supportedVersions.contains(v) {
                    let supported = ManifestLoader.supportedVersions.map(String.init).joined(separator: ", ")
                    reader.error("format version \(v) is not supported; this techstack reads version \(supported) (write 'techstack: 1')", at: node.mark)
                }
                version = v
            }
            let project = text(f["project"], "project")
            let agency = text(f["agency"], "agency")
            let summary = f["summary"].flatMap { $0.isNull ? nil : reader.string($0, "summary") }
            var sector = Manifest.Sector.public
            if let node = f["sector"], !node.isNull {
                sector = reader.choice(node, "sector", ["public", "private"]).flatMap(Manifest.Sector.init) ?? .public
            }
            let choices = answers(f["choices"])
            let consumes = ids(f["consumes"], "consumes")
            let produces = produced(f["produces"], unknown: &unknown)
            let grants = grantList(f["grants"])
            var expectedUsers: Int?
            if let node = f["expected-users"], !node.isNull, let n = reader.int(node, "expected-users") {
                if n < 0 {
                    reader.error("'expected-users' must be zero or more, found \(n)", at: node.mark)
                }
                expectedUsers = n
            }
            let exemptions = exemptionList(f["exemptions"], unknown: &unknown)

            guard let project, let agency else { return nil }
            return Manifest(
                path: reader.path, version: version, project: project, agency: agency, summary: summary, sector: sector,
                choices: choices, consumes: consumes, produces: produces, grants: grants, expectedUsers: expectedUsers,
                exemptions: exemptions, unknownKeys: unknown.sorted { ($0.mark.line, $0.mark.column) < ($1.mark.line, $1.mark.column) },
                keyMarks: keyMarks)
        }

        /// Whether `node` holds at most `maxEntries` entries; an error at the node when not.
        private func withinLimit(_ node: YAMLNode, _ field: @autoclosure () -> String) -> Bool {
            let count = node.items?.count ?? node.pairs?.count ?? 0
            guard count > ManifestLoader.maxEntries else { return true }
            reader.error("'\(field())' has \(count) entries; a manifest may list at most \(ManifestLoader.maxEntries) — split the project or shorten the list", at: node.mark)
            return false
        }

        /// Non-empty text with its place.
        private func text(_ node: YAMLNode?, _ field: String) -> Located<String>? {
            guard let node, !node.isNull, let value = reader.string(node, field) else { return nil }
            if value.isBlank {
                reader.error("'\(field)' must not be empty", at: node.mark)
                return nil
            }
            return Located(value, node.mark)
        }

        /// `choices`: concern id → an id or a list of ids.
        private func answers(_ node: YAMLNode?) -> [Manifest.Answer] {
            guard let node, !node.isNull, withinLimit(node, "choices") else { return [] }
            guard let pairs = node.pairs else {
                reader.error("'choices' must be a mapping of concern ids to chosen ids (e.g. 'api-style: rest-json'), found \(node.kindDescription)", at: node.mark)
                return []
            }
            var result: [Manifest.Answer] = []
            result.reserveCapacity(pairs.count)
            for pair in pairs {
                let concern = Located(pair.name, pair.key.mark)
                // Named in errors only, so made only for one.
                func field() -> String { "choices.\(pair.name)" }
                let value = pair.value
                if value.isNull {
                    reader.error("'\(field())' names no choice; write an id (e.g. '\(pair.name): ID') or a list of ids, or remove the line", at: value.mark)
                    continue
                }
                guard withinLimit(value, field()), let chosen = reader.strings(value, field(), single: true) else { continue }
                if chosen.isEmpty {
                    // A list whose every entry was refused has been reported entry by entry already.
                    if value.items?.isEmpty ?? true {
                        reader.error("'\(field())' is an empty list; name at least one id, or remove the line", at: value.mark)
                    }
                    continue
                }
                result.append(Manifest.Answer(concern: concern, choices: chosen))
            }
            return result
        }

        /// A list of ids (a single id is accepted as a list of one).
        private func ids(_ node: YAMLNode?, _ field: String) -> [Located<String>] {
            guard let node, !node.isNull, withinLimit(node, field) else { return [] }
            return reader.strings(node, field, single: true) ?? []
        }

        private func produced(_ node: YAMLNode?, unknown: inout [Manifest.UnknownKey]) -> [Manifest.Produced] {
            guard let node, !node.isNull, withinLimit(node, "produces"), let items = reader.list(node, "produces") else { return [] }
            var result: [Manifest.Produced] = []
            for (index, item) in items.enumerated() {
                let context = "produces[\(index)]"
                var found: [Manifest.UnknownKey] = []
                guard let f = reader.fields(item, of: "an entry of 'produces'", known: ManifestLoader.producedKeys, required: ["id"],
                                            unknown: { pair, nearest in
                                                found.append(.init(key: pair.name, context: context, nearest: nearest, mark: pair.key.mark))
                                            }) else { continue }
                unknown += found
                guard let id = text(f["id"], "id") else { continue }
                let sharedVia = text(f["shared-via"], "shared-via")
                let shared = f["shared"].flatMap { $0.isNull ? nil : reader.bool($0, "shared") }
                let reason = f["reason"].flatMap { $0.isNull ? nil : reader.string($0, "reason") }
                let name = f["name"].flatMap { $0.isNull ? nil : reader.string($0, "name") }
                result.append(Manifest.Produced(id: id, name: name, sharedVia: sharedVia, shared: shared, reason: reason, mark: item.mark))
            }
            return result
        }

        /// `grants`: dataset id or agency id → the grant's reference.
        private func grantList(_ node: YAMLNode?) -> [Manifest.Grant] {
            guard let node, !node.isNull, withinLimit(node, "grants") else { return [] }
            guard let pairs = node.pairs else {
                reader.error("'grants' must be a mapping of dataset or agency ids to grant references (e.g. 'myinfo-person: GR-2024-0012'), found \(node.kindDescription)", at: node.mark)
                return []
            }
            var result: [Manifest.Grant] = []
            for pair in pairs {
                let field = "grants.\(pair.name)"
                guard case .scalar(let reference, _) = pair.value.content, !pair.value.isNull,
                      !reference.isBlank else {
                    reader.error("'\(field)' must be the grant's reference as text (e.g. GR-2024-0012), found \(pair.value.kindDescription)", at: pair.value.mark)
                    continue
                }
                result.append(Manifest.Grant(key: Located(pair.name, pair.key.mark), reference: reference))
            }
            return result
        }

        private func exemptionList(_ node: YAMLNode?, unknown: inout [Manifest.UnknownKey]) -> [Manifest.Exemption] {
            guard let node, !node.isNull, withinLimit(node, "exemptions"), let items = reader.list(node, "exemptions") else { return [] }
            var result: [Manifest.Exemption] = []
            for (index, item) in items.enumerated() {
                let context = "exemptions[\(index)]"
                var found: [Manifest.UnknownKey] = []
                guard let f = reader.fields(item, of: "an exemption", known: ManifestLoader.exemptionKeys,
                                            required: ["rule", "reason", "expires"],
                                            unknown: { pair, nearest in
                                                found.append(.init(key: pair.name, context: context, nearest: nearest, mark: pair.key.mark))
                                            }) else { continue }
                unknown += found
                let rule = text(f["rule"], "rule")
                let concern = text(f["concern"], "concern")
                let dataset = text(f["dataset"], "dataset")
                let reason = text(f["reason"], "reason")
                let owner = f["owner"].flatMap { $0.isNull ? nil : reader.string($0, "owner") }
                var expires: Day?
                if let e = f["expires"], !e.isNull, let written = reader.string(e, "expires") {
                    expires = Day(written)
                    if expires == nil {
                        reader.error("'expires' must be a date written YYYY-MM-DD (e.g. 2027-06-30), found '\(written)'", at: e.mark)
                    }
                }
                guard let rule, let reason, let expires else { continue }
                result.append(Manifest.Exemption(rule: rule, concern: concern, dataset: dataset, reason: reason.value,
                                                 owner: owner, expires: expires, mark: item.mark))
            }
            return result
        }
    }
}

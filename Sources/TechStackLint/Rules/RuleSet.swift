import TechStackModel

/// The rules a lint run uses: the built-in rules (`rules/*.yaml`, compiled in), then the
/// files of `--rules DIR`. A rule whose id is a built-in rule's id replaces it — fields it
/// leaves out are kept from the built-in rule, so `{id: missing-grant, severity: off}` is a
/// complete override. Any other id adds a rule; several rules may share a kind.
public struct RuleSet: Sendable {
    /// Every rule, `off` ones included, built-in order first, then added rules.
    public private(set) var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// The rules that run.
    public var active: [Rule] { rules.filter { !$0.isOff } }

    public subscript(id: String) -> Rule? { rules.first { $0.id == id } }

    public var ids: [String] { rules.map(\.id) }

    public struct LoadResult: Sendable {
        /// nil when the rules cannot be used (errors in `diagnostics`).
        public var ruleSet: RuleSet?
        public var diagnostics: DiagnosticList
    }

    /// The built-in rules and, when given, the rule files under `directory`.
    public static func load(directory: String?) -> LoadResult {
        guard let directory else { return load(builtin: Builtin.ruleFiles, added: []) }
        let folder: (paths: [String], files: [InputFile], problems: [Diagnostic])
        do {
            folder = try InputFile.readYAMLFolder(directory)
        } catch {
            return LoadResult(ruleSet: nil, diagnostics: DiagnosticList([error]))
        }
        var problems = folder.problems
        if folder.paths.isEmpty {
            problems.append(Diagnostic(path: directory, mark: .start, message: "holds no *.yaml rule files; a rules folder holds YAML files with a 'rules:' list"))
        }
        var result = load(builtin: Builtin.ruleFiles, added: folder.files)
        result.diagnostics.items.insert(contentsOf: problems, at: 0)
        if !problems.isEmpty { result.ruleSet = nil }
        return result
    }

    /// Rules from files in memory: `builtin` are the defaults, `added` may replace them by id.
    public static func load(builtin: [InputFile], added: [InputFile]) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        var rules: [Rule] = []
        var firstSeen: [String: Origin] = [:]
        let builtinRules = RuleDecoder.decode(files: builtin, defaults: [:], diagnostics: &diagnostics)
        for rule in builtinRules {
            if let first = firstSeen[rule.id] {
                diagnostics.append(duplicate(rule, first))
                continue
            }
            firstSeen[rule.id] = rule.origin
            rules.append(rule)
        }
        let defaults = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var replaced: [String: Origin] = [:]
        for rule in RuleDecoder.decode(files: added, defaults: defaults, diagnostics: &diagnostics) {
            if let index = rules.firstIndex(where: { $0.id == rule.id }) {
                if let first = replaced[rule.id] {
                    diagnostics.append(duplicate(rule, first))
                    continue
                }
                if defaults[rule.id] == nil, let first = firstSeen[rule.id] {
                    diagnostics.append(duplicate(rule, first))
                    continue
                }
                replaced[rule.id] = rule.origin
                rules[index] = rule
            } else {
                firstSeen[rule.id] = rule.origin
                rules.append(rule)
            }
        }
        let list = DiagnosticList(diagnostics)
        return LoadResult(ruleSet: list.hasErrors ? nil : RuleSet(rules: rules), diagnostics: list)
    }

    private static func duplicate(_ rule: Rule, _ first: Origin) -> Diagnostic {
        Diagnostic(path: rule.origin.path, mark: rule.origin.mark,
                   message: "duplicate rule id '\(rule.id)' (first at \(first.path):\(first.mark.line):\(first.mark.column)); a rule id may be defined once per rules folder")
    }

    /// Rules fit for use, refused (exit 2) with every error; warnings are returned.
    public static func loadUsable(directory: String?) throws(DiagnosticList) -> (rules: RuleSet, warnings: [Diagnostic]) {
        let result = load(directory: directory)
        guard let rules = result.ruleSet, !result.diagnostics.hasErrors else {
            throw DiagnosticList(result.diagnostics.errors)
        }
        return (rules, result.diagnostics.warnings)
    }

    /// Parameters that name catalogue entries must name entries of the right kind.
    public func problems(against catalogue: Catalogue) -> [Diagnostic] {
        rules.flatMap { $0.configuration.problems($0, against: catalogue) }
    }

    /// For reporters: the rules that ran.
    public var descriptions: [RuleDescription] { rules.map(\.description) }
}

/// Turns rule files into rules, checking them the way the catalogue is checked: located
/// schema errors, unknown fields warned with the nearest name.
package enum RuleDecoder {
    package static let common = ["id", "kind", "severity", "summary", "rationale", "examples"]
    package static let severities = ["error", "warning", "info", "off"]

    static func decode(files: [InputFile], defaults: [String: Rule], diagnostics: inout [Diagnostic]) -> [Rule] {
        var rules: [Rule] = []
        for (file, (root, problems)) in zip(files, YAMLReader.read(files)) {
            diagnostics += problems
            guard let root else { continue }
            let reader = FieldReader(path: file.path)
            // `levels:` (LevelLoader) may stand beside `rules:` or alone.
            if let f = reader.fields(root, of: "a rules file", known: ["rules", "levels"], required: root["levels"] == nil ? ["rules"] : []),
               let list = f["rules"], let items = reader.list(list, "rules") {
                for item in items {
                    if let rule = decode(item, reader: reader, defaults: defaults) { rules.append(rule) }
                }
            }
            diagnostics += reader.diagnostics
        }
        return rules
    }

    private static func decode(_ node: YAMLNode, reader: FieldReader, defaults: [String: Rule]) -> Rule? {
        // The kind decides which parameters are known, so read it before the other fields.
        let idText = node["id"]?.scalar
        let base = idText.flatMap { defaults[$0] }
        var kind: RuleKind? = base?.kind
        var kindKnown = base != nil
        if let kindNode = node["kind"], kindNode.scalar == nil {
            // A list or mapping as the kind would otherwise drop the rule without a word.
            reader.error("'kind' must be text naming a rule kind, found \(kindNode.kindDescription)", at: kindNode.mark)
            return nil
        }
        if let kindNode = node["kind"], let written = kindNode.scalar, !kindNode.isNull {
            kind = RuleKind(rawValue: written)
            kindKnown = kind != nil
            if kind == nil {
                let kinds = RuleKind.allCases.map(\.rawValue)
                let hint = NearestName.find(written, in: kinds).map { "did you mean '\($0)'?" } ?? "known kinds: \(kinds.joined(separator: ", "))"
                reader.error("unknown rule kind '\(written)'; \(hint)", at: kindNode.mark)
            }
        }
        let parameters = (kindKnown ? (kind.map { [$0] } ?? []) : RuleKind.allCases).flatMap { $0.parameters.map(\.name) }
        // A new rule states everything; an override of a built-in rule only what it changes.
        let kindChanged = base != nil && kind != nil && kind != base?.kind
        let required = base == nil ? ["id", "kind", "severity", "summary", "rationale"]
            : (kindChanged ? ["id", "summary", "rationale"] : ["id"])
        let what = "a rule\(idText.map { " ('\($0)')" } ?? "")"
        guard let f = reader.fields(node, of: what, known: common + parameters, required: required, unknown: { pair, nearest in
            let field = pair.name
            if let owner = RuleKind.allCases.first(where: { $0.parameters.contains { $0.name == field } }), let kind {
                let own = kind.parameters.isEmpty ? "it has no parameters" : "its parameters: \(kind.parameters.map(\.name).joined(separator: ", "))"
                reader.warning("'\(field)' is a parameter of \(owner.rawValue) rules, not of a \(kind.rawValue) rule (\(own)); it is ignored", at: pair.key.mark)
            } else {
                let hint = nearest.map { "did you mean '\($0)'?" } ?? "known fields: \((common + parameters).joined(separator: ", "))"
                reader.warning("unknown field '\(field)' in \(what); \(hint)", at: pair.key.mark)
            }
        }) else { return nil }

        guard let idNode = f["id"], let id = reader.string(idNode, "id") else { return nil }
        if !Identifier.isWellFormed(id) {
            reader.error("rule id '\(id)' must match \(Identifier.pattern): lower-case letters, digits, '.' and '-'", at: idNode.mark)
            return nil
        }
        guard let kind else { return nil }
        var rule = base ?? Rule(id: id, kind: kind, severity: nil, summary: "", rationale: "")
        rule.id = id
        rule.origin = Origin(path: reader.path, mark: node.mark)
        if kindChanged {
            rule.configuration = kind.definition.defaultConfiguration
            rule.examples = Rule.Examples()
        }
        if let node = f["severity"] {
            guard let word = reader.choice(node, "severity", severities) else { return nil }
            rule.severity = Severity(rawValue: word)
        }
        if let node = f["summary"] {
            guard let text = nonEmpty(node, "summary", reader) else { return nil }
            rule.summary = text
        }
        if let node = f["rationale"] {
            guard let text = nonEmpty(node, "rationale", reader) else { return nil }
            rule.rationale = text
        }
        guard rule.configuration.decode(f, reader) else { return nil }
        if let node = f["examples"] {
            guard let examples = self.examples(node, reader) else { return nil }
            rule.examples = examples
        }
        return rule
    }

    static func nonEmpty(_ node: YAMLNode, _ field: String, _ reader: FieldReader) -> String? {
        guard let text = reader.string(node, field) else { return nil }
        if text.isBlank {
            reader.error("'\(field)' must not be empty", at: node.mark)
            return nil
        }
        return text
    }

    private static func examples(_ node: YAMLNode, _ reader: FieldReader) -> Rule.Examples? {
        guard let f = reader.fields(node, of: "'examples'", known: ["pass", "fail"]) else { return nil }
        var result = Rule.Examples()
        for (field, target, files) in [("pass", \Rule.Examples.pass, \Rule.Examples.passFiles), ("fail", \Rule.Examples.fail, \Rule.Examples.failFiles)] {
            guard let list = f[field], !list.isNull else { continue }
            guard let items = reader.list(list, "examples.\(field)") else { return nil }
            for item in items {
                // A mapping gives the repository too: `{manifest: |, files: {path: text}}`.
                if item.pairs != nil {
                    guard item["manifest"] != nil else {
                        reader.error("each example in 'examples.\(field)' must be a manifest written as text (a '|' block) or {manifest: |, files: {path: text}}, found a mapping without 'manifest'", at: item.mark)
                        return nil
                    }
                    guard let ef = reader.fields(item, of: "an example", known: ["manifest", "files"], required: ["manifest"]),
                          let text = reader.string(ef["manifest"], "manifest") else { return nil }
                    var repository: [String: String] = [:]
                    if let filesNode = ef["files"], !filesNode.isNull {
                        guard let pairs = filesNode.pairs else {
                            reader.error("'files' of an example must map a repository path to its text, found \(filesNode.kindDescription)", at: filesNode.mark)
                            return nil
                        }
                        for pair in pairs {
                            guard let body = reader.string(pair.value, "files"), Glob.compile(pair.name).isSuccess,
                                  !pair.name.contains("*"), !pair.name.contains("{") else {
                                reader.error("an example file needs a plain relative path and text, found '\(pair.name)'", at: pair.key.mark)
                                return nil
                            }
                            repository[pair.name] = body
                        }
                    }
                    let plain = marked(text, field, at: ef["manifest"]?.mark ?? item.mark, into: &result, reader)
                    result[keyPath: target].append(plain)
                    result[keyPath: files].append(repository)
                    continue
                }
                guard case .scalar(let text, _) = item.content, !item.isNull else {
                    reader.error("each example in 'examples.\(field)' must be a manifest written as text (a '|' block) or {manifest, files}, found \(item.kindDescription)", at: item.mark)
                    return nil
                }
                let plain = marked(text, field, at: item.mark, into: &result, reader)
                result[keyPath: target].append(plain)
                result[keyPath: files].append([:])
            }
        }
        return result
    }

    /// Marks the position of a finding in a fail example: the finding is reported at the
    /// line and column of the character after it. Taken out of the text the rule is run on.
    package static let positionMarker: Unicode.Scalar = "↓"

    /// The example without its position markers; a fail example's are added to `failMarks`
    /// (the tests of the default rules want one in each), a pass example's are warned about.
    private static func marked(_ text: String, _ field: String, at mark: Mark, into examples: inout Rule.Examples, _ reader: FieldReader) -> String {
        let (plain, marks) = positionMarks(text)
        if field == "fail" {
            examples.failMarks.append(marks)
        } else if !marks.isEmpty {
            reader.warning("a pass example marks no finding; the position marker '\(positionMarker)' is ignored", at: mark)
        }
        return plain
    }

    /// The text without position markers, and the line and column (counted in characters,
    /// as manifest positions are) that each marker stood before.
    package static func positionMarks(_ text: String) -> (text: String, marks: [Mark]) {
        let marker = Array(String(positionMarker).utf8)
        let bytes = Array(text.utf8)
        var plain: [UInt8] = []
        plain.reserveCapacity(bytes.count)
        var marks: [Mark] = []
        var line = 1, column = 1
        var i = 0
        while i < bytes.count {
            if bytes[i] == marker[0], bytes[i...].starts(with: marker) {
                marks.append(Mark(line: line, column: column))
                i += marker.count
                continue
            }
            let byte = bytes[i]
            plain.append(byte)
            // Columns count characters (UTF-8 lead bytes), as the YAML reader's marks do.
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (String(decoding: plain, as: UTF8.self), marks)
    }
}

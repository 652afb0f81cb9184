import TechStackEvidence
import TechStackModel

/// A check the engine implements (README, "Rules"). A rule is one configured use of a kind;
/// adding a rule of an existing kind needs only YAML.
///
/// Each kind is one file of `Rules/Kinds/`: a `RuleKindDefinition` with its id, its own
/// parameters (typed, with what each means), and its check. Adding a kind is that file, its
/// default rule in `rules/`, and its line in `RuleKind.allCases`.
public struct RuleKind: Sendable, Hashable, CustomStringConvertible {
    /// Every kind, in the order rule files and schemas list them.
    public static let allCases: [RuleKind] = [
        RecommendedChoice.kind,
        RequiredConcern.kind,
        UnknownReference.kind,
        UnknownKey.kind,
        DeprecatedChoice.kind,
        UnreachableData.kind,
        MissingGrant.kind,
        SharingByDefault.kind,
        ConsentRequired.kind,
        ExpiredExemption.kind,
        FundingNotice.kind,
        UndeclaredChoice.kind,
        UnobservedChoice.kind,
    ]

    public let definition: any RuleKindDefinition.Type

    init(_ definition: any RuleKindDefinition.Type) { self.definition = definition }

    /// The kind a rule file names (`kind: …`); nil for a name no kind has.
    public init?(rawValue: String) {
        guard let kind = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = kind
    }

    /// As written in rule files.
    public var rawValue: String { definition.id }
    public var description: String { rawValue }

    /// The parameters a rule of this kind may set, beyond the fields every rule has.
    public var parameters: [RuleParameterInfo] { definition.parameterInfo }

    /// Kinds that compare the manifest with what its repository shows.
    public var needsObservation: Bool { definition.needsObservation }

    public static func == (a: RuleKind, b: RuleKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// One kind of rule: everything the engine knows about it.
public protocol RuleKindDefinition: Sendable {
    /// The kind's own parameters, with their defaults as stored values.
    associatedtype Parameters: Sendable = NoParameters

    /// As written in rule files (`kind: …`); also the id of the kind's default rule.
    static var id: String { get }
    /// The parameters of a new rule of this kind before its file sets any.
    static var defaults: Parameters { get }
    /// How each parameter is written in a rule file and what it means.
    static var parameters: [RuleParameter<Parameters>] { get }
    /// Compares the manifest with its repository; silent without `--observe`.
    static var needsObservation: Bool { get }
    /// What the kind guards, for code-scanning filters: `tech-stack`, `shared-data`, ….
    static var area: String { get }
    /// What a finding of this kind says about cost, for the rule's help.
    static var costHelp: String { get }
    /// Parameters that name catalogue entries, checked against the catalogue in use.
    static func problems(_ rule: Rule, _ parameters: Parameters, against catalogue: Catalogue) -> [Diagnostic]
    /// The findings of one rule of this kind on one manifest.
    static func findings(_ rule: Rule, _ parameters: Parameters, _ severity: Severity, _ input: RuleInput) -> [Finding]
}

/// What a check reads: the linter (catalogue, Reach, the run's rules, today), the manifest,
/// its assessment, and with `--observe` what its repository shows.
public struct RuleInput: Sendable {
    public var linter: Linter
    public var manifest: Manifest
    public var assessment: ProjectAssessment
    public var observed: DetectResult?
}

/// The parameters of a kind that has none.
public struct NoParameters: Sendable, Hashable {
    public init() {}
}

extension RuleKindDefinition where Parameters == NoParameters {
    public static var defaults: NoParameters { NoParameters() }
    public static var parameters: [RuleParameter<NoParameters>] { [] }
}

extension RuleKindDefinition {
    public static var kind: RuleKind { RuleKind(Self.self) }
    public static var needsObservation: Bool { false }
    public static var area: String { "manifest" }
    public static var costHelp: String { "Findings of this rule forfeit no shared data by themselves." }
    public static func problems(_ rule: Rule, _ parameters: Parameters, against catalogue: Catalogue) -> [Diagnostic] { [] }

    static var parameterInfo: [RuleParameterInfo] { parameters.map(\.info) }
    static var defaultConfiguration: any RuleConfiguration { KindConfiguration<Self>(parameters: defaults) }
}

/// What a parameter's value is, for decoding, `explain` and the rule-file schema.
public enum RuleParameterType: Sendable, Hashable {
    /// `error`, `warning`, `info` or `off`.
    case severity
    /// The id of a catalogue entry (not empty).
    case text
    /// A number of days, zero or more.
    case days
}

/// A parameter as `explain` and the schema describe it.
public struct RuleParameterInfo: Sendable, Hashable {
    /// As written in a rule file, e.g. `warn-days`.
    public var name: String
    /// What it sets, as a clause: "days ahead an expiry is warned about."
    public var summary: String
    public var type: RuleParameterType
}

/// One parameter of a kind: its name, meaning, and where its value is kept.
public struct RuleParameter<Parameters> {
    public let info: RuleParameterInfo
    let access: Access

    enum Access {
        case severity(WritableKeyPath<Parameters, Severity?>)
        case text(WritableKeyPath<Parameters, Located<String>?>)
        case days(WritableKeyPath<Parameters, Int>)
    }

    public static func severity(_ name: String, _ keyPath: WritableKeyPath<Parameters, Severity?>, _ summary: String) -> Self {
        Self(info: RuleParameterInfo(name: name, summary: summary, type: .severity), access: .severity(keyPath))
    }

    public static func text(_ name: String, _ keyPath: WritableKeyPath<Parameters, Located<String>?>, _ summary: String) -> Self {
        Self(info: RuleParameterInfo(name: name, summary: summary, type: .text), access: .text(keyPath))
    }

    public static func days(_ name: String, _ keyPath: WritableKeyPath<Parameters, Int>, _ summary: String) -> Self {
        Self(info: RuleParameterInfo(name: name, summary: summary, type: .days), access: .days(keyPath))
    }

    /// The value as a rule file writes it, for `explain`.
    func text(of parameters: Parameters) -> String {
        switch access {
        case .severity(let path): parameters[keyPath: path]?.rawValue ?? "off"
        case .text(let path): parameters[keyPath: path]?.value ?? ""
        case .days(let path): String(parameters[keyPath: path])
        }
    }

    /// Reads the parameter's node into `parameters`; false (with a located error) when its
    /// value cannot be used.
    func decode(_ node: YAMLNode, into parameters: inout Parameters, _ reader: FieldReader) -> Bool {
        let name = info.name
        switch access {
        case .severity(let path):
            guard let word = reader.choice(node, name, RuleDecoder.severities) else { return false }
            parameters[keyPath: path] = Severity(rawValue: word)
        case .text(let path):
            guard let text = RuleDecoder.nonEmpty(node, name, reader) else { return false }
            parameters[keyPath: path] = Located(text, node.mark)
        case .days(let path):
            guard let days = reader.int(node, name) else { return false }
            guard days >= 0 else {
                reader.error("'\(name)' must be zero or more days, found \(days)", at: node.mark)
                return false
            }
            parameters[keyPath: path] = days
        }
        return true
    }
}

/// A rule's kind with the values of its parameters: what `Rule` stores, whatever the kind.
public protocol RuleConfiguration: Sendable {
    var kind: RuleKind { get }
    /// Each parameter of the kind with its value as a rule file writes it.
    var parameterValues: [(parameter: RuleParameterInfo, value: String)] { get }
    /// Reads the kind's parameters among a rule's fields; false when one cannot be used.
    mutating func decode(_ fields: [String: YAMLNode], _ reader: FieldReader) -> Bool
    func problems(_ rule: Rule, against catalogue: Catalogue) -> [Diagnostic]
    func findings(_ rule: Rule, _ severity: Severity, _ input: RuleInput) -> [Finding]
}

struct KindConfiguration<Kind: RuleKindDefinition>: RuleConfiguration {
    var parameters: Kind.Parameters

    var kind: RuleKind { Kind.kind }

    var parameterValues: [(parameter: RuleParameterInfo, value: String)] {
        Kind.parameters.map { ($0.info, $0.text(of: parameters)) }
    }

    mutating func decode(_ fields: [String: YAMLNode], _ reader: FieldReader) -> Bool {
        for parameter in Kind.parameters {
            guard let node = fields[parameter.info.name] else { continue }
            guard parameter.decode(node, into: &parameters, reader) else { return false }
        }
        return true
    }

    func problems(_ rule: Rule, against catalogue: Catalogue) -> [Diagnostic] {
        Kind.problems(rule, parameters, against: catalogue)
    }

    func findings(_ rule: Rule, _ severity: Severity, _ input: RuleInput) -> [Finding] {
        Kind.findings(rule, parameters, severity, input)
    }
}

/// The checks the engine implements (README, "Rules"). A rule is one configured use of a kind;
/// adding a rule of an existing kind needs only YAML.
public enum RuleKind: String, Sendable, CaseIterable, Codable {
    case recommendedChoice = "recommended-choice"
    case requiredConcern = "required-concern"
    case unknownReference = "unknown-reference"
    case unknownKey = "unknown-key"
    case deprecatedChoice = "deprecated-choice"
    case unreachableData = "unreachable-data"
    case missingGrant = "missing-grant"
    case sharingByDefault = "sharing-by-default"
    case consentRequired = "consent-required"
    case expiredExemption = "expired-exemption"
    case fundingNotice = "funding-notice"
    /// Drift between the repository and the manifest (SPEC §8), with `--observe`.
    case undeclaredChoice = "undeclared-choice"
    case unobservedChoice = "unobserved-choice"

    /// Kinds that compare the manifest with what its repository shows.
    public var needsObservation: Bool { self == .undeclaredChoice || self == .unobservedChoice }

    /// The parameters a rule of this kind may set, beyond the fields every rule has.
    public var parameters: [String] {
        switch self {
        case .recommendedChoice: ["severity-when-free"]
        case .sharingByDefault: ["concern"]
        case .expiredExemption: ["warn-days"]
        case .undeclaredChoice: ["severity-when-costly"]
        default: []
        }
    }
}

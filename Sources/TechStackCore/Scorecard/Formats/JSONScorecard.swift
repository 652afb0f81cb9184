import Foundation

/// The scorecard as JSON (keys sorted): `version`, `catalogue`, `date`, `summary`, `projects`
/// (error rows carry `error` and no metrics), `agencies`, `concerns`, `forfeited`, `funding`.
/// Rates are fractions from 0 to 1, or null when nothing was answered.
///
/// `projects` comes last, one project per line: encoding ten thousand projects as one tree
/// would hold the whole tree in memory several times over.
public enum JSONScorecard: ScorecardFormat {
    public static let identifier = "json"

    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        var head = JSONOutput.encode(Document(scorecard))
        while head.last == "\n" || head.last == " " { head.removeLast() }
        guard head.last == "}" else { return head + "\n" }
        head.removeLast()
        while head.last == "\n" || head.last == " " { head.removeLast() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = head + ",\n  \"projects\" : ["
        var first = true
        for row in scorecard.projects {
            guard let data = try? encoder.encode(Project(row, concerns: scorecard.concernIDs)) else { continue }
            out += (first ? "\n    " : ",\n    ") + String(decoding: data, as: UTF8.self)
            first = false
        }
        return out + (first ? "]\n}\n" : "\n  ]\n}\n")
    }

    struct Document: Encodable {
        var version = 1
        var catalogue: CatalogueInfo
        var date: String
        var summary: Summary
        var agencies: [Agency]
        var concerns: [Concern]
        var forfeited: [Scorecard.ForfeitedDataset]
        var funding: [Scorecard.FundingShare]
        var campaigns: [ProgrammeJSON.Campaign]?
        var levels: ProgrammeJSON.Levels?
        var ratchet: ProgrammeJSON.Ratchet?

        init(_ card: Scorecard) {
            catalogue = card.catalogue
            date = card.date.description
            summary = Summary(card.summary)
            agencies = card.agencies.map(Agency.init)
            concerns = card.concerns.map(Concern.init)
            forfeited = card.forfeited
            funding = card.funding
            campaigns = card.programme.map { ($0.campaigns ?? []).map(ProgrammeJSON.Campaign.init) }
            levels = card.programme.map(ProgrammeJSON.Levels.init)
            ratchet = card.programme?.ratchet.map(ProgrammeJSON.Ratchet.init)
        }
    }

    struct Summary: Encodable {
        var counts: Scorecard.Summary
        var adoption: Double?

        init(_ summary: Scorecard.Summary) {
            counts = summary
            adoption = summary.adoption
        }

        func encode(to encoder: Encoder) throws {
            try counts.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(adoption, forKey: .adoption)
        }

        enum Key: String, CodingKey { case adoption }
    }

    struct Agency: Encodable {
        var counts: Scorecard.AgencyScore

        func encode(to encoder: Encoder) throws {
            try counts.encode(to: encoder)
            var c = encoder.container(keyedBy: Summary.Key.self)
            try c.encode(counts.adoption, forKey: .adoption)
        }
    }

    struct Concern: Encodable {
        var counts: Scorecard.ConcernScore

        func encode(to encoder: Encoder) throws {
            try counts.encode(to: encoder)
            var c = encoder.container(keyedBy: Summary.Key.self)
            try c.encode(counts.adoption, forKey: .adoption)
        }
    }

    struct Located: Encodable {
        var message: String
        var line: Int
        var column: Int
        var problems: Int
    }

    struct Exemptions: Encodable {
        var active: Int
        var expired: Int
    }

    struct ConcernStates: Encodable {
        var recommended: [String] = []
        var deviating: [String] = []
    }

    struct Project: Encodable {
        var path: String
        var error: Located?
        var project: String?
        var agency: String?
        var sector: String?
        var concernsAnswered: Int?
        var onRecommended: Int?
        var adoption: Double?
        var deviations: [ProjectScore.Deviation]?
        var totalCost: [CostItem]?
        var unreachable: [String]?
        var missingGrants: [ProjectScore.MissingGrant]?
        var exemptions: Exemptions?
        var sharedComponents: [String]?
        /// The concerns answered on a recommended choice and those deviating; every other
        /// concern of the catalogue is unanswered.
        var concerns: ConcernStates?
        var findings: ProjectScore.FindingCounts?
        var standing: LevelStanding?
        /// With `--observe` only.
        var observed: ObservedScore?

        init(_ row: ProjectScore, concerns ids: [String]) {
            path = row.path
            if let problem = row.problem {
                error = Located(message: problem.first.message, line: problem.first.mark.line,
                                column: problem.first.mark.column, problems: problem.count)
                return
            }
            project = row.project
            agency = row.agency
            sector = row.sector.rawValue
            concernsAnswered = row.concernsAnswered
            onRecommended = row.onRecommended
            adoption = row.adoption
            deviations = row.deviations
            totalCost = row.totalCost
            unreachable = row.unreachable
            missingGrants = row.missingGrants
            exemptions = Exemptions(active: row.activeExemptions, expired: row.expiredExemptions)
            sharedComponents = row.sharedComponents
            var states = ConcernStates()
            for (id, state) in zip(ids, row.concernStates) {
                switch state {
                case .unanswered: break
                case .recommended: states.recommended.append(id)
                case .deviating: states.deviating.append(id)
                }
            }
            self.concerns = states
            findings = row.findings
            standing = row.standing
            observed = row.observed
        }

        // Metrics are left out of error rows rather than written as null.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(path, forKey: .path)
            if let error {
                try c.encode(error, forKey: .error)
                return
            }
            try c.encodeIfPresent(project, forKey: .project)
            try c.encodeIfPresent(agency, forKey: .agency)
            try c.encodeIfPresent(sector, forKey: .sector)
            try c.encodeIfPresent(concernsAnswered, forKey: .concernsAnswered)
            try c.encodeIfPresent(onRecommended, forKey: .onRecommended)
            try c.encode(adoption, forKey: .adoption)
            try c.encodeIfPresent(deviations, forKey: .deviations)
            try c.encodeIfPresent(totalCost, forKey: .totalCost)
            try c.encodeIfPresent(unreachable, forKey: .unreachable)
            try c.encodeIfPresent(missingGrants, forKey: .missingGrants)
            try c.encodeIfPresent(exemptions, forKey: .exemptions)
            try c.encodeIfPresent(sharedComponents, forKey: .sharedComponents)
            try c.encodeIfPresent(concerns, forKey: .concerns)
            try c.encodeIfPresent(findings, forKey: .findings)
            if let observed {
                try c.encode(observed.undeclared, forKey: .undeclared)
                try c.encode(observed.unobserved, forKey: .unobserved)
                try c.encode(observed.hiddenCost, forKey: .hiddenCost)
            }
            if let standing {
                try c.encode(standing.level, forKey: .level)
                try c.encode(standing.nextLevel.map { ProgrammeJSON.NextLevel(id: $0, missing: standing.missing) }, forKey: .nextLevel)
            }
        }

        enum Key: String, CodingKey {
            case path, error, project, agency, sector, concernsAnswered, onRecommended, adoption, deviations, totalCost
            case unreachable, missingGrants, exemptions, sharedComponents, concerns, findings
            case level, nextLevel
            case undeclared, unobserved, hiddenCost
        }
    }
}

/// The scorecard as JSON (keys sorted): `version`, `catalogue`, `date`, `summary`, `projects`
/// (error rows carry `error` and no metrics), `agencies`, `concerns`, `forfeited`, `funding`.
/// Rates are fractions from 0 to 1, or null when nothing was answered.
public enum JSONScorecard: ScorecardFormat {
    public static let identifier = "json"

    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        JSONOutput.encode(Document(scorecard))
    }

    struct Document: Encodable {
        var version = 1
        var catalogue: CatalogueInfo
        var date: String
        var summary: Summary
        var projects: [Project]
        var agencies: [Agency]
        var concerns: [Concern]
        var forfeited: [Scorecard.ForfeitedDataset]
        var funding: [Scorecard.FundingShare]

        init(_ card: Scorecard) {
            catalogue = card.catalogue
            date = card.date.description
            summary = Summary(card.summary)
            projects = card.projects.map { Project($0, concerns: card.concernIDs) }
            agencies = card.agencies.map(Agency.init)
            concerns = card.concerns.map(Concern.init)
            forfeited = card.forfeited
            funding = card.funding
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
        /// Concern id → `recommended`, `deviating` or `unanswered`.
        var concerns: [String: String]?
        var findings: ProjectScore.FindingCounts?

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
            var states: [String: String] = [:]
            for (id, state) in zip(ids, row.concernStates) {
                switch state {
                case .unanswered: states[id] = "unanswered"
                case .recommended: states[id] = "recommended"
                case .deviating: states[id] = "deviating"
                }
            }
            self.concerns = states
            findings = row.findings
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
        }

        enum Key: String, CodingKey {
            case path, error, project, agency, sector, concernsAnswered, onRecommended, adoption, deviations, totalCost
            case unreachable, missingGrants, exemptions, sharedComponents, concerns, findings
        }
    }
}

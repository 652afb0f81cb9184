import Foundation

/// The scorecard as JSON (keys sorted): `version`, `catalogue`, `date`, `summary`, `projects`
/// (error rows carry `error` and no metrics), `agencies`, `concerns`, `forfeited`, `funding`.
/// Rates are fractions from 0 to 1, or null when nothing was answered.
public enum JSONScorecard: ScorecardFormat {
    public static let identifier = "json"

    /// The projects are encoded one at a time, on every core, and spliced into the document in
    /// place of a marker: encoding the whole document at once keeps an intermediate tree of
    /// every project, several times the output's size, in memory (over 200 MiB for 10,000
    /// projects). The bytes are the same as the whole document encoded at once.
    public static func generate(_ scorecard: Scorecard, style: Style) -> String {
        let shell = JSONOutput.encode(Document(scorecard, projects: [Marker()]))
        guard let line = shell.range(of: "\n    \"" + Marker.escaped + "\"\n") else {
            return JSONOutput.encode(Document(scorecard, projects: scorecard.projects.map { Project($0, concerns: scorecard.concernIDs) }))
        }
        let projects = scorecard.projects
        let chunks = projects.isEmpty ? 0 : min(projects.count, System.activeCores * 8)
        let parts = Portfolio.map(0..<chunks) { chunk in
            let encoder = JSONOutput.encoder()
            var text = ""
            for i in projects.count * chunk / chunks..<projects.count * (chunk + 1) / chunks {
                let data = (try? encoder.encode(Project(projects[i], concerns: scorecard.concernIDs))) ?? Data("{}".utf8)
                if !text.isEmpty { text += ",\n" }
                // One level deeper than encoded alone; blank lines (inside empty lists) stay blank.
                text += String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            }
            return text
        }
        return shell[..<line.lowerBound] + "\n" + parts.joined(separator: ",\n") + "\n" + shell[line.upperBound...]
    }

    /// Stands for the projects in the document's shell.
    struct Marker: Encodable {
        static let text = "\u{1}projects\u{1}"
        static let escaped = "\\u0001projects\\u0001"
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(Self.text)
        }
    }

    struct Document<P: Encodable>: Encodable {
        var version = 1
        var catalogue: CatalogueInfo
        var date: String
        var summary: Summary
        var projects: [P]
        var agencies: [Agency]
        var concerns: [Concern]
        var forfeited: [Scorecard.ForfeitedDataset]
        var funding: [Scorecard.FundingShare]

        init(_ card: Scorecard, projects: [P]) {
            catalogue = card.catalogue
            date = card.date.description
            summary = Summary(card.summary)
            self.projects = projects
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

import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The programme view of a scorecard: levels, campaigns and the ratchet, worked out from the
/// scorecard's rows (one definition of each fact) and shown by every scorecard format.
public struct Programme: Sendable {
    public var ladder: LevelLadder
    /// Per level (ladder order), the projects at exactly that level; `below` those at none.
    public var levelCounts: [LevelCount]
    public var below: Int
    public var agencyLevels: [AgencyLevels]
    /// nil when no `--campaigns` were given.
    public var campaigns: [CampaignProgress]?
    /// nil when no `--ratchet` was asked for.
    public var ratchet: Ratchet?

    public struct LevelCount: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var projects: Int
    }

    public struct AgencyLevels: Sendable, Hashable {
        public var agency: String
        /// Projects per level id, in ladder order, and below the first.
        public var counts: [LevelCount]
        public var below: Int
    }

    /// Progress of one campaign on the scorecard's day.
    public struct CampaignProgress: Sendable {
        public var campaign: Campaign
        /// Manifest paths, in scorecard order.
        public var inScope: [String]
        public var done: [String]
        public var remaining: [String]
        /// Project names of `remaining`, aligned with it.
        public var remainingProjects: [String]
        /// The shared data the remaining projects would win back by reaching the goal.
        public var winBack: [CostItem]
        /// Projects the straight line from `starts` (none done) to `due` (all done) expects
        /// done by the scorecard's day.
        public var expectedDone: Double
        public var onTrack: Bool
        /// Past `due` with work remaining.
        public var overdue: Bool
        /// Done over time: each recorded day (the last snapshot of a day) and the scorecard's day.
        public var burnUp: [BurnPoint]
    }

    public struct BurnPoint: Sendable, Hashable, Codable {
        public var day: String
        public var done: Int
        public var inScope: Int
    }

    /// `scorecard --ratchet DB`: projects whose total cost or missing grants rose since the
    /// last snapshot.
    public struct Ratchet: Sendable, Hashable {
        /// The day of the snapshot compared against; nil when the history had none.
        public var since: String?
        public var rises: [Rise]

        public var failed: Bool { !rises.isEmpty }
    }

    public struct Rise: Sendable, Hashable, Codable {
        public var path: String
        public var project: String
        public var totalCostBefore: Int
        public var totalCost: Int
        public var missingGrantsBefore: Int
        public var missingGrants: Int

        /// "total cost 1 → 3, missing grants 0 → 1".
        public var description: String {
            var parts: [String] = []
            if totalCost > totalCostBefore { parts.append("total cost \(totalCostBefore) → \(totalCost) datasets") }
            if missingGrants > missingGrantsBefore { parts.append("missing grants \(missingGrantsBefore) → \(missingGrants)") }
            return parts.joined(separator: ", ")
        }
    }
}

extension Programme {
    /// Applies the ladder to every row of `scorecard` (setting `standing`), then works out
    /// campaigns against `history` (burn-up points per campaign id from earlier snapshots) and
    /// attaches the result as `scorecard.programme`.
    public static func apply(to scorecard: inout Scorecard, metrics: ScorecardMetrics, ladder: LevelLadder,
                             campaigns: [Campaign]?, history: [String: [BurnPoint]] = [:], ratchet: Ratchet? = nil) {
        // Each project's standing on its own, on every core.
        let standings = ParallelMap.map(scorecard.projects, workers: System.activeCores) { row in
            row.isError ? nil : ladder.standing(of: row, metrics: metrics)
        }
        for (i, standing) in standings.enumerated() where !scorecard.projects[i].isError {
            scorecard.projects[i].standing = standing
        }
        // Projects per level, over all and per agency, in one pass over the rows.
        var byLevel: [String: Int] = [:], below = 0
        var agencyByLevel: [String: [String: Int]] = [:], agencyBelow: [String: Int] = [:]
        for row in scorecard.projects where !row.isError {
            if let level = row.standing?.level {
                byLevel[level, default: 0] += 1
                agencyByLevel[row.agency, default: [:]][level, default: 0] += 1
                agencyBelow[row.agency, default: 0] += 0
            } else {
                below += 1
                agencyBelow[row.agency, default: 0] += 1
            }
        }
        func counts(_ byLevel: [String: Int]) -> [LevelCount] {
            ladder.levels.map { LevelCount(id: $0.id, name: $0.name, projects: byLevel[$0.id] ?? 0) }
        }
        let all = counts(byLevel)
        let agencyLevels = agencyBelow.keys.sorted().map { agency in
            AgencyLevels(agency: agency, counts: counts(agencyByLevel[agency] ?? [:]), below: agencyBelow[agency] ?? 0)
        }
        let card = scorecard
        let campaignProgress = campaigns.map { list in
            list.map { Self.progress(of: $0, in: card, metrics: metrics, history: history[$0.id] ?? []) }
        }
        scorecard.programme = Programme(ladder: ladder, levelCounts: all, below: below, agencyLevels: agencyLevels,
                                        campaigns: campaignProgress, ratchet: ratchet)
    }

    static func progress(of campaign: Campaign, in scorecard: Scorecard, metrics: ScorecardMetrics,
                         history: [BurnPoint]) -> CampaignProgress {
        var inScope: [String] = [], done: [String] = [], remaining: [String] = [], names: [String] = []
        var won: Set<String> = []
        var costCache: [String: [CostItem]] = [:]
        var goalConcern: String?
        if case .concern(let id) = campaign.goal { goalConcern = id }
        let concernIndex = goalConcern.flatMap { id in metrics.catalogue.concerns.firstIndex { $0.header.id == id } }
        for row in scorecard.projects where campaign.covers(row) {
            inScope.append(row.path)
            let finished: Bool
            switch campaign.goal {
            case .concern(let concern):
                // Only a recommended answer finishes it: an exemption suppresses the finding,
                // never the deviation.
                finished = concernIndex.map { $0 < row.concernStates.count && row.concernStates[$0] == .recommended } ?? false
                if !finished, let deviation = row.deviations.first(where: { $0.concern == concern }) {
                    let key = deviation.choice.joined(separator: "\u{0}")
                    let cost = costCache[key] ?? metrics.reach.cost(ofDeviation: concern, to: deviation.choice)
                    costCache[key] = cost
                    won.formUnion(cost.map(\.dataset))
                }
            case .rule(let rule):
                let fired = row.programme.firing?[rule]
                finished = fired == nil
                won.formUnion((fired ?? []).map(\.dataset))
            }
            if finished {
                done.append(row.path)
            } else {
                remaining.append(row.path)
                names.append(row.project)
            }
        }
        let winBack = metrics.catalogue.datasets.compactMap { d in
            won.contains(d.header.id) ? CostItem(dataset: d.header.id, source: d.source.value) : nil
        }
        let today = scorecard.date
        let span = max(1, campaign.starts.days(until: campaign.due))
        let elapsed = min(span, max(0, campaign.starts.days(until: today)))
        let expected = Double(inScope.count) * Double(elapsed) / Double(span)
        // Exact in integers: done / inScope ≥ elapsed / span.
        let onTrack = done.count * span >= inScope.count * elapsed
        var points: [BurnPoint] = []
        for point in history where point.day < today.description {
            if points.last?.day == point.day { points[points.count - 1] = point } else { points.append(point) }
        }
        points.append(BurnPoint(day: today.description, done: done.count, inScope: inScope.count))
        return CampaignProgress(campaign: campaign, inScope: inScope, done: done, remaining: remaining, remainingProjects: names,
                                winBack: winBack, expectedDone: expected, onTrack: onTrack,
                                overdue: today > campaign.due && !remaining.isEmpty, burnUp: points)
    }
}

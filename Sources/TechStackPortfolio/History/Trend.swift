import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// Adoption over time, from the snapshots of a history: one series per agency and per
/// concern, and what changed most between the first and the last day.
///
/// A day with several snapshots counts once, with its latest: a scorecard recorded again the
/// same day corrects that day, it is not a day of its own.
public struct Trend: Sendable {
    /// One snapshot as a point on the time axis.
    public struct Point: Sendable, Codable, Hashable {
        public var snapshot: Int64
        public var day: String
        public var catalogue: String
        public var catalogueVersion: String
        public var manifests: Int
        public var projects: Int
        public var errors: Int
        public var adoption: Double?
        public var deviations: Int
        public var projectsForfeiting: Int
        public var unreachable: Int
        public var missingGrants: Int
        /// Snapshots recorded with `--observe` only (left out of JSON otherwise).
        public var undeclared: Int?
        public var unobserved: Int?
        public var projectsWithHiddenCost: Int?
        public var datasetsHiddenForfeited: Int?
    }

    /// Adoption of one agency or concern at every snapshot (nil where it had no answer).
    public struct Series: Sendable, Codable, Hashable {
        public var id: String
        public var name: String?
        public var adoption: [Double?]
        /// Agencies, when some snapshot was recorded with `--observe`: its figures per
        /// snapshot (nil where a snapshot has none).
        public var undeclared: [Int?]?
        public var unobserved: [Int?]?
        public var projectsWithHiddenCost: [Int?]?
        public var datasetsHiddenForfeited: [Int?]?
    }

    public enum Subject: String, Sendable, Codable {
        case portfolio, agency, concern, project
    }

    /// A change in adoption between the first and the last day.
    public struct Change: Sendable, Codable, Hashable {
        public var subject: Subject
        public var id: String
        public var before: Double?
        public var after: Double?
        /// `after − before`, in percentage points.
        public var points: Double
    }

    public var points: [Point]
    public var agencies: [Series]
    public var concerns: [Series]
    /// Biggest rises first.
    public var improvements: [Change]
    /// Biggest falls first.
    public var drops: [Change]
    /// Only the overall change, when there are two days.
    public var overall: Change?

    /// How many improvements and drops are listed.
    public static let changeLimit = 10

    public init(_ recorded: [History.Snapshot]) {
        let snapshots = Self.latestOfEachDay(recorded)
        points = snapshots.map { s in
            Point(snapshot: s.id, day: s.day, catalogue: s.catalogue.name, catalogueVersion: s.catalogue.version,
                  manifests: s.summary.manifests, projects: s.summary.projects, errors: s.summary.errors,
                  adoption: s.adoption, deviations: s.summary.deviations, projectsForfeiting: s.summary.projectsForfeiting,
                  unreachable: s.summary.unreachable, missingGrants: s.summary.missingGrants,
                  undeclared: s.summary.undeclared, unobserved: s.summary.unobserved,
                  projectsWithHiddenCost: s.summary.projectsWithHiddenCost,
                  datasetsHiddenForfeited: s.summary.datasetsHiddenForfeited)
        }
        var agencies = Self.series(snapshots) { $0.agencies.map { ($0.agency, $0.name, $0.adoption) } }
        if snapshots.contains(where: { $0.summary.undeclared != nil }) {
            for i in agencies.indices {
                let id = agencies[i].id
                let rows = snapshots.map { s in s.agencies.first { $0.agency == id } }
                agencies[i].undeclared = rows.map { $0?.undeclared }
                agencies[i].unobserved = rows.map { $0?.unobserved }
                agencies[i].projectsWithHiddenCost = rows.map { $0?.projectsWithHiddenCost }
                agencies[i].datasetsHiddenForfeited = rows.map { $0?.datasetsHiddenForfeited }
            }
        }
        self.agencies = agencies
        concerns = Self.series(snapshots) { $0.concerns.map { ($0.concern, $0.name, $0.adoption) } }

        var changes: [Change] = []
        overall = nil
        if snapshots.count >= 2, let before = snapshots.first, let after = snapshots.last {
            if let change = Self.change(.portfolio, "all projects", before.adoption, after.adoption) { overall = change }
            for series in agencies {
                if let c = Self.change(.agency, series.id, series.adoption.first ?? nil, series.adoption.last ?? nil) { changes.append(c) }
            }
            for series in concerns {
                if let c = Self.change(.concern, series.id, series.adoption.first ?? nil, series.adoption.last ?? nil) { changes.append(c) }
            }
            let earlier = Dictionary(before.projects.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            for project in after.projects {
                guard let old = earlier[project.path] else { continue }
                if let c = Self.change(.project, project.path, old.adoption, project.adoption) { changes.append(c) }
            }
        }
        improvements = changes.filter { $0.points > 0 }
            .sorted { ($0.points, $1.subject.rawValue, $1.id) > ($1.points, $0.subject.rawValue, $0.id) }
            .prefix(Self.changeLimit).map { $0 }
        drops = changes.filter { $0.points < 0 }
            .sorted { ($0.points, $0.subject.rawValue, $0.id) < ($1.points, $1.subject.rawValue, $1.id) }
            .prefix(Self.changeLimit).map { $0 }
    }

    /// The last snapshot of each day, in date order (snapshots come oldest first, by day and id).
    package static func latestOfEachDay(_ snapshots: [History.Snapshot]) -> [History.Snapshot] {
        var out: [History.Snapshot] = []
        for snapshot in snapshots.sorted(by: { ($0.day, $0.id) < ($1.day, $1.id) }) {
            if out.last?.day == snapshot.day { out[out.count - 1] = snapshot } else { out.append(snapshot) }
        }
        return out
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` day, for spacing points by date; nil if unreadable.
    public static func dayNumber(_ day: String) -> Int? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        // Days from civil (Howard Hinnant's algorithm), no calendar machinery needed.
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// A change in percentage points, when both sides have a rate and they differ.
    static func change(_ subject: Subject, _ id: String, _ before: Double?, _ after: Double?) -> Change? {
        guard let before, let after else { return nil }
        let points = ((after - before) * 1000).rounded() / 10
        guard points != 0 else { return nil }
        return Change(subject: subject, id: id, before: before, after: after, points: points)
    }

    /// Aligns the rows of every snapshot by id, in order of first appearance.
    static func series(_ snapshots: [History.Snapshot],
                       _ rows: (History.Snapshot) -> [(String, String?, Double?)]) -> [Series] {
        var order: [String] = []
        var names: [String: String] = [:]
        var values: [String: [Double?]] = [:]
        for (i, snapshot) in snapshots.enumerated() {
            for (id, name, adoption) in rows(snapshot) {
                if values[id] == nil {
                    order.append(id)
                    values[id] = [Double?](repeating: nil, count: snapshots.count)
                }
                if let name { names[id] = name }
                values[id]?[i] = adoption
            }
        }
        return order.map { Series(id: $0, name: names[$0], adoption: values[$0] ?? []) }
    }
}

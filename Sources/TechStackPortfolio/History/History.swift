import Foundation
import GRDB
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// Scorecard snapshots in an SQLite database, for adoption over time.
///
/// `record` only ever inserts: each snapshot is written in one transaction, and triggers
/// refuse any change to or removal of an earlier one, so a history can only grow. The schema
/// is created and upgraded by migrations, never by hand.
public enum History {
    static let v1 = "v1: snapshots with per-project, per-agency and per-concern rows"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            try db.create(table: "snapshot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("day", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.column("catalogueName", .text).notNull()
                t.column("catalogueVersion", .text).notNull()
                t.column("manifests", .integer).notNull()
                t.column("projects", .integer).notNull()
                t.column("errors", .integer).notNull()
                t.column("agencies", .integer).notNull()
                t.column("concernsAnswered", .integer).notNull()
                t.column("onRecommended", .integer).notNull()
                t.column("adoption", .double)
                t.column("fullyOnRecommended", .integer).notNull()
                t.column("deviations", .integer).notNull()
                t.column("projectsForfeiting", .integer).notNull()
                t.column("datasetsForfeited", .integer).notNull()
                t.column("unreachable", .integer).notNull()
                t.column("missingGrants", .integer).notNull()
                t.column("activeExemptions", .integer).notNull()
                t.column("expiredExemptions", .integer).notNull()
                t.column("componentsReused", .integer).notNull()
            }
            try db.create(table: "snapshotProject") { t in
                t.belongsTo("snapshot", onDelete: .restrict).notNull()
                t.column("path", .text).notNull()
                t.column("project", .text)
                t.column("agency", .text)
                t.column("error", .text)
                t.column("concernsAnswered", .integer).notNull()
                t.column("onRecommended", .integer).notNull()
                t.column("adoption", .double)
                t.column("deviations", .integer).notNull()
                t.column("deviatingConcerns", .text).notNull()
                t.column("totalCost", .integer).notNull()
                t.column("forfeitedDatasets", .text).notNull()
                t.column("unreachable", .integer).notNull()
                t.column("missingGrants", .integer).notNull()
                t.column("activeExemptions", .integer).notNull()
                t.column("expiredExemptions", .integer).notNull()
                t.column("sharedComponents", .integer).notNull()
            }
            try db.create(table: "snapshotAgency") { t in
                t.belongsTo("snapshot", onDelete: .restrict).notNull()
                t.column("agency", .text).notNull()
                t.column("name", .text)
                t.column("projects", .integer).notNull()
                t.column("concernsAnswered", .integer).notNull()
                t.column("onRecommended", .integer).notNull()
                t.column("adoption", .double)
                t.column("deviations", .integer).notNull()
                t.column("projectsForfeiting", .integer).notNull()
                t.column("unreachable", .integer).notNull()
                t.column("missingGrants", .integer).notNull()
                t.column("activeExemptions", .integer).notNull()
                t.column("expiredExemptions", .integer).notNull()
                t.column("componentsReused", .integer).notNull()
                t.uniqueKey(["snapshotId", "agency"])
            }
            try db.create(table: "snapshotConcern") { t in
                t.belongsTo("snapshot", onDelete: .restrict).notNull()
                t.column("concern", .text).notNull()
                t.column("name", .text).notNull()
                t.column("answered", .integer).notNull()
                t.column("onRecommended", .integer).notNull()
                t.column("deviating", .integer).notNull()
                t.column("unanswered", .integer).notNull()
                t.column("adoption", .double)
                t.uniqueKey(["snapshotId", "concern"])
            }
            for table in ["snapshot", "snapshotProject", "snapshotAgency", "snapshotConcern"] {
                for change in ["UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_no_\(change.lowercased()) BEFORE \(change) ON \(table)
                        BEGIN SELECT RAISE(ABORT, 'scorecard snapshots are never changed or removed'); END
                        """)
                }
            }
        }
        // A v1 history refused changes and removals but not rows added to an earlier snapshot.
        // A snapshot is now sealed when its transaction ends: no row may join a sealed snapshot
        // or any but the newest. Existing snapshots are sealed as they are.
        migrator.registerMigration("v1.1: sealed snapshots refuse added rows; radar rings per snapshot") { db in
            try db.create(table: "snapshotSeal") { t in
                t.primaryKey("snapshotId", .integer).references("snapshot", onDelete: .restrict)
            }
            try db.execute(sql: "INSERT INTO snapshotSeal (snapshotId) SELECT id FROM snapshot")
            try db.create(table: "snapshotRing") { t in
                t.belongsTo("snapshot", onDelete: .restrict).notNull()
                t.column("entry", .text).notNull()
                t.column("ring", .text).notNull()
                t.uniqueKey(["snapshotId", "entry"])
            }
            for table in ["snapshotSeal", "snapshotRing"] {
                for change in ["UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_no_\(change.lowercased()) BEFORE \(change) ON \(table)
                        BEGIN SELECT RAISE(ABORT, 'scorecard snapshots are never changed or removed'); END
                        """)
                }
            }
            for table in ["snapshotProject", "snapshotAgency", "snapshotConcern", "snapshotRing"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_no_insert_into_old BEFORE INSERT ON \(table)
                    WHEN NEW.snapshotId IN (SELECT snapshotId FROM snapshotSeal)
                      OR NEW.snapshotId IS NOT (SELECT MAX(id) FROM snapshot)
                    BEGIN SELECT RAISE(ABORT, 'rows are never added to an earlier scorecard snapshot'); END
                    """)
            }
        }
        ProgrammeHistory.register(&migrator)
        // v1 stored only some fields of the agency and concern scores; `load` gave the rest as
        // zero. Every field is stored from now on; rows recorded before keep NULL there, which
        // `load` reads as "not recorded" (0, empty, false), as before.
        migrator.registerMigration("v2: every field of the summary, agency and concern scores") { db in
            try db.alter(table: "snapshot") { t in
                for column in ["componentUses", "findingsError", "findingsWarning", "findingsInfo", "findingsSuppressed"] {
                    t.add(column: column, .integer)
                }
            }
            try db.alter(table: "snapshotAgency") { t in
                t.add(column: "fullyOnRecommended", .integer)
                t.add(column: "datasetsForfeited", .integer)
            }
            try db.alter(table: "snapshotConcern") { t in
                t.add(column: "layer", .text)
                t.add(column: "required", .boolean)
                t.add(column: "recommended", .text)
                t.add(column: "deviatingChoices", .text)
            }
        }
        // Tables of their own: a history recorded before them still reads, with no observed figures.
        migrator.registerMigration(ObservedHistory.migration) { db in try ObservedHistory.createTables(db) }
        return migrator
    }

    /// Appends `scorecard` as a snapshot dated `scorecard.date`; returns its id.
    @discardableResult
    ///
    /// `rings` is each standard's and component's radar ring under the catalogue the scorecard
    /// used, so `catalogue export --history` can draw how entries moved.
    public static func record(_ scorecard: Scorecard, to path: String, rings: [String: String] = [:],
                              now: Date = Date()) throws(Diagnostic) -> Int64 {
        do {
            // Several scorecards may record into one file at once (parallel CI jobs): each waits
            // for the others' transactions instead of failing with "database is locked".
            var configuration = Configuration()
            configuration.busyMode = .timeout(History.lockTimeout)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try refuseNewerSchema(queue, path: path)
            if try !queue.read({ try migrator.hasCompletedMigrations($0) }) {
                // SQLite's locks do not cover "check, then create the tables": two first
                // recordings would both create them. A lock on the file serialises that step.
                try withFileLock(path) { try migrator.migrate(queue) }
            }
            // IMMEDIATE takes the write lock up front, so two recorders never both hold a read
            // lock and deadlock on upgrading it (which SQLite reports at once, without waiting).
            return try queue.writeWithoutTransaction { db in
                var id: Int64 = 0
                try db.inTransaction(.immediate) {
                    id = try insert(scorecard, rings: rings, now: now, into: db)
                    return .commit
                }
                return id
            }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(path: path, mark: .start, message: "cannot record the snapshot: \(describe(error))")
        }
    }

    /// Runs `body` holding an exclusive `flock` on `path` (independent of SQLite's own
    /// `fcntl` locks), waiting at most `lockTimeout`.
    private static func withFileLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(lockTimeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw DatabaseError(message: "another process holds the history database for longer than \(Int(lockTimeout)) s")
            }
            usleep(20_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// The triggers that make a snapshot table append-only: no row is changed or removed, and
    /// no row joins a sealed snapshot or any but the newest. Every table of snapshot rows
    /// added by a later migration calls this.
    static func makeAppendOnly(_ table: String, in db: Database) throws {
        for change in ["UPDATE", "DELETE"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_\(change.lowercased()) BEFORE \(change) ON \(table)
                BEGIN SELECT RAISE(ABORT, 'scorecard snapshots are never changed or removed'); END
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER \(table)_no_insert_into_old BEFORE INSERT ON \(table)
            WHEN NEW.snapshotId IN (SELECT snapshotId FROM snapshotSeal)
              OR NEW.snapshotId IS NOT (SELECT MAX(id) FROM snapshot)
            BEGIN SELECT RAISE(ABORT, 'rows are never added to an earlier scorecard snapshot'); END
            """)
    }

    /// How long a recording waits for another process's transaction before it gives up.
    public static let lockTimeout: TimeInterval = 60

    private static func insert(_ scorecard: Scorecard, rings: [String: String], now: Date, into db: Database) throws -> Int64 {
        var snapshot = SnapshotRecord(scorecard, recordedAt: ISO8601DateFormatter().string(from: now))
        try snapshot.insert(db)
        guard let id = snapshot.id else { throw DatabaseError(message: "the snapshot received no id") }
        for row in scorecard.projects { try ProjectRecord(row, snapshot: id).insert(db) }
        for agency in scorecard.agencies { try AgencyRecord(agency, snapshot: id).insert(db) }
        for concern in scorecard.concerns { try ConcernRecord(concern, snapshot: id).insert(db) }
        for (entry, ring) in rings.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO snapshotRing (snapshotId, entry, ring) VALUES (?, ?, ?)", arguments: [id, entry, ring])
        }
        try ProgrammeHistory.insert(scorecard, snapshot: id, into: db)
        try ObservedHistory.insert(scorecard, snapshot: id, into: db)
        // Sealed last, in the same transaction: from here on no row can join this snapshot.
        try db.execute(sql: "INSERT INTO snapshotSeal (snapshotId) VALUES (?)", arguments: [id])
        return id
    }

    /// Every snapshot in `path`, oldest first, with its per-agency, per-concern and per-project rows.
    public static func load(_ path: String) throws(Diagnostic) -> [Snapshot] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic(path: path, mark: .start,
                             message: "no such history database; record snapshots with 'techstack scorecard PATH... --record \(path)'")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(History.lockTimeout)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try refuseNewerSchema(queue, path: path)
            return try queue.read { db in
                // Read as written: a history recorded before later migrations still reads.
                guard try migrator.appliedIdentifiers(db).contains(v1) else {
                    throw Diagnostic(path: path, mark: .start,
                                     message: "not a scorecard history database (no snapshot tables); record one with 'techstack scorecard PATH... --record \(path)'")
                }
                let snapshots = try SnapshotRecord.order(Column("day"), Column("id")).fetchAll(db)
                let observed = try ObservedHistory.load(db)
                let agencies = Dictionary(grouping: try AgencyRecord.fetchAll(db), by: \.snapshotId)
                let concerns = Dictionary(grouping: try ConcernRecord.fetchAll(db), by: \.snapshotId)
                let projects = Dictionary(grouping: try ProjectRecord.fetchAll(db), by: \.snapshotId)
                var rings: [Int64: [String: String]] = [:]
                let ringRows = try db.tableExists("snapshotRing")
                    ? try Row.fetchAll(db, sql: "SELECT snapshotId, entry, ring FROM snapshotRing") : []
                for row in ringRows {
                    let id: Int64 = row["snapshotId"]
                    rings[id, default: [:]][row["entry"]] = row["ring"]
                }
                return snapshots.compactMap { record in
                    guard let id = record.id else { return nil }
                    var snapshot = Snapshot(record: record, agencies: agencies[id] ?? [], concerns: concerns[id] ?? [],
                                            projects: projects[id] ?? [])
                    snapshot.rings = rings[id] ?? [:]
                    return snapshot
                }
                .map { snapshot in observed.map { $0.apply(to: snapshot) } ?? snapshot }
            }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(path: path, mark: .start, message: "cannot read the history: \(describe(error))")
        }
    }

    /// A database written by a later techstack has migrations this one does not know: refuse
    /// it rather than write rows its schema may not expect.
    private static func refuseNewerSchema(_ queue: DatabaseQueue, path: String) throws {
        let superseded = try queue.read { db in
            try db.tableExists("grdb_migrations") && migrator.hasBeenSuperseded(db)
        }
        if superseded {
            throw Diagnostic(path: path, mark: .start,
                             message: "the history was written by a newer techstack (its schema has migrations this version does not know); use that version")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }

    /// One stored snapshot.
    public struct Snapshot: Sendable {
        public var id: Int64
        public var day: String
        public var recordedAt: String
        public var catalogue: CatalogueInfo
        public var summary: Scorecard.Summary
        public var agencies: [Scorecard.AgencyScore]
        public var concerns: [Scorecard.ConcernScore]
        public var projects: [StoredProject]
        /// Each standard's and component's radar ring at this snapshot (empty for snapshots
        /// recorded before rings were).
        public var rings: [String: String] = [:]

        public var adoption: Double? { summary.adoption }

        init(record r: SnapshotRecord, agencies: [AgencyRecord], concerns: [ConcernRecord], projects: [ProjectRecord]) {
            id = r.id ?? 0
            day = r.day
            recordedAt = r.recordedAt
            catalogue = CatalogueInfo(name: r.catalogueName, publisher: "", version: r.catalogueVersion)
            var s = Scorecard.Summary()
            s.manifests = r.manifests
            s.projects = r.projects
            s.errors = r.errors
            s.agencies = r.agencies
            s.concernsAnswered = r.concernsAnswered
            s.onRecommended = r.onRecommended
            s.fullyOnRecommended = r.fullyOnRecommended
            s.deviations = r.deviations
            s.projectsForfeiting = r.projectsForfeiting
            s.datasetsForfeited = r.datasetsForfeited
            s.unreachable = r.unreachable
            s.missingGrants = r.missingGrants
            s.activeExemptions = r.activeExemptions
            s.expiredExemptions = r.expiredExemptions
            s.componentsReused = r.componentsReused
            s.componentUses = r.componentUses ?? 0
            if let error = r.findingsError {
                s.findings = ProjectScore.FindingCounts(error: error, warning: r.findingsWarning ?? 0, info: r.findingsInfo ?? 0,
                                                         suppressed: r.findingsSuppressed ?? 0)
            }
            summary = s
            self.agencies = agencies.map { a in
                var score = Scorecard.AgencyScore(agency: a.agency, name: a.name)
                score.projects = a.projects
                score.concernsAnswered = a.concernsAnswered
                score.onRecommended = a.onRecommended
                score.deviations = a.deviations
                score.projectsForfeiting = a.projectsForfeiting
                score.unreachable = a.unreachable
                score.missingGrants = a.missingGrants
                score.activeExemptions = a.activeExemptions
                score.expiredExemptions = a.expiredExemptions
                score.componentsReused = a.componentsReused
                score.fullyOnRecommended = a.fullyOnRecommended ?? 0
                score.datasetsForfeited = a.datasetsForfeited ?? 0
                return score
            }
            self.concerns = concerns.map { c in
                var score = Scorecard.ConcernScore(concern: c.concern, name: c.name, layer: c.layer ?? "", required: c.required ?? false,
                                                   recommended: (c.recommended ?? "").split(separator: " ").map(String.init))
                score.deviatingChoices = (c.deviatingChoices ?? "").split(separator: " ").compactMap { pair in
                    guard let eq = pair.lastIndex(of: "="), let n = Int(pair[pair.index(after: eq)...]) else { return nil }
                    return Scorecard.ChoiceCount(choice: String(pair[..<eq]), projects: n)
                }
                score.answered = c.answered
                score.onRecommended = c.onRecommended
                score.deviating = c.deviating
                score.unanswered = c.unanswered
                return score
            }
            self.projects = projects.map {
                StoredProject(path: $0.path, project: $0.project, agency: $0.agency, error: $0.error,
                              concernsAnswered: $0.concernsAnswered, onRecommended: $0.onRecommended,
                              deviations: $0.deviations, totalCost: $0.totalCost)
            }
        }
    }

    /// A project row as stored in a snapshot.
    public struct StoredProject: Sendable, Hashable {
        public var path: String
        public var project: String?
        public var agency: String?
        public var error: String?
        public var concernsAnswered: Int
        public var onRecommended: Int
        public var deviations: Int
        public var totalCost: Int
        /// Recorded with `--observe` only.
        public var undeclared: Int?
        public var unobserved: Int?
        public var hiddenCost: Int?

        public var adoption: Double? { error == nil ? rate(onRecommended, of: concernsAnswered) : nil }
    }
}

struct SnapshotRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "snapshot"
    var id: Int64?
    var day: String
    var recordedAt: String
    var catalogueName: String
    var catalogueVersion: String
    var manifests: Int
    var projects: Int
    var errors: Int
    var agencies: Int
    var concernsAnswered: Int
    var onRecommended: Int
    var adoption: Double?
    var fullyOnRecommended: Int
    var deviations: Int
    var projectsForfeiting: Int
    var datasetsForfeited: Int
    var unreachable: Int
    var missingGrants: Int
    var activeExemptions: Int
    var expiredExemptions: Int
    var componentsReused: Int
    /// From v2 on; nil in snapshots recorded before. The findings only with `--findings`.
    var componentUses: Int?
    var findingsError: Int?
    var findingsWarning: Int?
    var findingsInfo: Int?
    var findingsSuppressed: Int?

    init(_ card: Scorecard, recordedAt: String) {
        let s = card.summary
        day = card.date.description
        self.recordedAt = recordedAt
        catalogueName = card.catalogue.name
        catalogueVersion = card.catalogue.version
        manifests = s.manifests
        projects = s.projects
        errors = s.errors
        agencies = s.agencies
        concernsAnswered = s.concernsAnswered
        onRecommended = s.onRecommended
        adoption = s.adoption
        fullyOnRecommended = s.fullyOnRecommended
        deviations = s.deviations
        projectsForfeiting = s.projectsForfeiting
        datasetsForfeited = s.datasetsForfeited
        unreachable = s.unreachable
        missingGrants = s.missingGrants
        activeExemptions = s.activeExemptions
        expiredExemptions = s.expiredExemptions
        componentsReused = s.componentsReused
        componentUses = s.componentUses
        findingsError = s.findings?.error
        findingsWarning = s.findings?.warning
        findingsInfo = s.findings?.info
        findingsSuppressed = s.findings?.suppressed
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ProjectRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "snapshotProject"
    var snapshotId: Int64
    var path: String
    var project: String?
    var agency: String?
    var error: String?
    var concernsAnswered: Int
    var onRecommended: Int
    var adoption: Double?
    var deviations: Int
    var deviatingConcerns: String
    var totalCost: Int
    var forfeitedDatasets: String
    var unreachable: Int
    var missingGrants: Int
    var activeExemptions: Int
    var expiredExemptions: Int
    var sharedComponents: Int

    init(_ row: ProjectScore, snapshot: Int64) {
        snapshotId = snapshot
        path = row.path
        project = row.isError ? nil : row.project
        agency = row.isError ? nil : row.agency
        error = row.problem?.description
        concernsAnswered = row.concernsAnswered
        onRecommended = row.onRecommended
        adoption = row.adoption
        deviations = row.deviations.count
        deviatingConcerns = row.deviations.map(\.concern).joined(separator: " ")
        totalCost = row.totalCost.count
        forfeitedDatasets = row.totalCost.map(\.dataset).joined(separator: " ")
        unreachable = row.unreachable.count
        missingGrants = row.missingGrants.count
        activeExemptions = row.activeExemptions
        expiredExemptions = row.expiredExemptions
        sharedComponents = row.sharedComponents.count
    }
}

struct AgencyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "snapshotAgency"
    var snapshotId: Int64
    var agency: String
    var name: String?
    var projects: Int
    var concernsAnswered: Int
    var onRecommended: Int
    var adoption: Double?
    var deviations: Int
    var projectsForfeiting: Int
    var unreachable: Int
    var missingGrants: Int
    var activeExemptions: Int
    var expiredExemptions: Int
    var componentsReused: Int
    /// From v2 on; nil in rows recorded before.
    var fullyOnRecommended: Int?
    var datasetsForfeited: Int?

    init(_ a: Scorecard.AgencyScore, snapshot: Int64) {
        fullyOnRecommended = a.fullyOnRecommended
        datasetsForfeited = a.datasetsForfeited
        snapshotId = snapshot
        agency = a.agency
        name = a.name
        projects = a.projects
        concernsAnswered = a.concernsAnswered
        onRecommended = a.onRecommended
        adoption = a.adoption
        deviations = a.deviations
        projectsForfeiting = a.projectsForfeiting
        unreachable = a.unreachable
        missingGrants = a.missingGrants
        activeExemptions = a.activeExemptions
        expiredExemptions = a.expiredExemptions
        componentsReused = a.componentsReused
    }
}

struct ConcernRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "snapshotConcern"
    var snapshotId: Int64
    var concern: String
    var name: String
    var answered: Int
    var onRecommended: Int
    var deviating: Int
    var unanswered: Int
    var adoption: Double?
    /// From v2 on; nil in rows recorded before. `recommended` space-separated ids;
    /// `deviatingChoices` as `id=count` pairs, space-separated, most common first.
    var layer: String?
    package var required: Bool?
    var recommended: String?
    var deviatingChoices: String?

    init(_ c: Scorecard.ConcernScore, snapshot: Int64) {
        layer = c.layer
        required = c.required
        recommended = c.recommended.joined(separator: " ")
        deviatingChoices = c.deviatingChoices.map { "\($0.choice)=\($0.projects)" }.joined(separator: " ")
        snapshotId = snapshot
        concern = c.concern
        name = c.name
        answered = c.answered
        onRecommended = c.onRecommended
        deviating = c.deviating
        unanswered = c.unanswered
        adoption = c.adoption
    }
}

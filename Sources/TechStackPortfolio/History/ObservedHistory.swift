import Foundation
import GRDB
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The observed-stack figures of a snapshot recorded with `--observe`: per snapshot, agency
/// and project, the undeclared and unobserved answers and the hidden cost. Tables of their
/// own, made by their own migration and sealed like the rest: a snapshot recorded without
/// `--observe` (or before these tables) has no rows in them and reads with no such figures.
enum ObservedHistory {
    static let migration = "observed v1: undeclared, unobserved and hidden cost per snapshot, agency and project"

    static let tables = ["snapshotObserved", "snapshotAgencyObserved", "snapshotProjectObserved"]

    static func createTables(_ db: Database) throws {
        try db.create(table: "snapshotObserved") { t in
            t.primaryKey("snapshotId", .integer).references("snapshot", onDelete: .restrict)
            t.column("undeclared", .integer).notNull()
            t.column("unobserved", .integer).notNull()
            t.column("projectsWithHiddenCost", .integer).notNull()
            t.column("datasetsHiddenForfeited", .integer).notNull()
        }
        try db.create(table: "snapshotAgencyObserved") { t in
            t.belongsTo("snapshot", onDelete: .restrict).notNull()
            t.column("agency", .text).notNull()
            t.column("undeclared", .integer).notNull()
            t.column("unobserved", .integer).notNull()
            t.column("projectsWithHiddenCost", .integer).notNull()
            t.column("datasetsHiddenForfeited", .integer).notNull()
            t.uniqueKey(["snapshotId", "agency"])
        }
        try db.create(table: "snapshotProjectObserved") { t in
            t.belongsTo("snapshot", onDelete: .restrict).notNull()
            t.column("path", .text).notNull()
            t.column("undeclared", .integer).notNull()
            t.column("undeclaredChoices", .text).notNull()
            t.column("unobserved", .integer).notNull()
            t.column("unobservedChoices", .text).notNull()
            t.column("hiddenCost", .integer).notNull()
            t.column("hiddenDatasets", .text).notNull()
        }
        for table in tables { try History.makeAppendOnly(table, in: db) }
    }

    /// Stores the observed rows of snapshot `id`, in the snapshot's own transaction; nothing
    /// when the scorecard was made without `--observe`.
    static func insert(_ card: Scorecard, snapshot id: Int64, into db: Database) throws {
        let s = card.summary
        guard let undeclared = s.undeclared else { return }
        try db.execute(sql: """
            INSERT INTO snapshotObserved (snapshotId, undeclared, unobserved, projectsWithHiddenCost, datasetsHiddenForfeited)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [id, undeclared, s.unobserved ?? 0, s.projectsWithHiddenCost ?? 0, s.datasetsHiddenForfeited ?? 0])
        for a in card.agencies {
            try db.execute(sql: """
                INSERT INTO snapshotAgencyObserved (snapshotId, agency, undeclared, unobserved, projectsWithHiddenCost, datasetsHiddenForfeited)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, a.agency, a.undeclared ?? 0, a.unobserved ?? 0, a.projectsWithHiddenCost ?? 0, a.datasetsHiddenForfeited ?? 0])
        }
        for row in card.projects {
            guard let o = row.observed else { continue }
            try db.execute(sql: """
                INSERT INTO snapshotProjectObserved (snapshotId, path, undeclared, undeclaredChoices, unobserved, unobservedChoices, hiddenCost, hiddenDatasets)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, row.path, o.undeclared.count, o.undeclared.map { "\($0.concern)=\($0.id)" }.joined(separator: " "),
                                 o.unobserved.count, o.unobserved.map { "\($0.concern)=\($0.id)" }.joined(separator: " "),
                                 o.hiddenCost.count, o.hiddenCost.map(\.dataset).joined(separator: " ")])
        }
    }

    /// The figures of one stored snapshot.
    struct Counts {
        var undeclared: Int
        var unobserved: Int
        var projectsWithHiddenCost: Int
        var datasetsHiddenForfeited: Int

        init(_ row: Row) {
            undeclared = row["undeclared"]
            unobserved = row["unobserved"]
            projectsWithHiddenCost = row["projectsWithHiddenCost"]
            datasetsHiddenForfeited = row["datasetsHiddenForfeited"]
        }
    }

    /// Every stored observed row, by snapshot; nil for a history without these tables.
    struct Stored {
        var summaries: [Int64: Counts] = [:]
        var agencies: [Int64: [String: Counts]] = [:]
        var projects: [Int64: [String: (undeclared: Int, unobserved: Int, hiddenCost: Int)]] = [:]

        func apply(to snapshot: History.Snapshot) -> History.Snapshot {
            guard let s = summaries[snapshot.id] else { return snapshot }
            var out = snapshot
            out.summary.undeclared = s.undeclared
            out.summary.unobserved = s.unobserved
            out.summary.projectsWithHiddenCost = s.projectsWithHiddenCost
            out.summary.datasetsHiddenForfeited = s.datasetsHiddenForfeited
            let agencies = self.agencies[snapshot.id] ?? [:]
            for i in out.agencies.indices {
                guard let a = agencies[out.agencies[i].agency] else { continue }
                out.agencies[i].undeclared = a.undeclared
                out.agencies[i].unobserved = a.unobserved
                out.agencies[i].projectsWithHiddenCost = a.projectsWithHiddenCost
                out.agencies[i].datasetsHiddenForfeited = a.datasetsHiddenForfeited
            }
            let projects = self.projects[snapshot.id] ?? [:]
            for i in out.projects.indices {
                guard let p = projects[out.projects[i].path] else { continue }
                out.projects[i].undeclared = p.undeclared
                out.projects[i].unobserved = p.unobserved
                out.projects[i].hiddenCost = p.hiddenCost
            }
            return out
        }
    }

    static func load(_ db: Database) throws -> Stored? {
        guard try db.tableExists("snapshotObserved") else { return nil }
        var stored = Stored()
        for row in try Row.fetchAll(db, sql: "SELECT * FROM snapshotObserved") {
            stored.summaries[row["snapshotId"]] = Counts(row)
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM snapshotAgencyObserved") {
            stored.agencies[row["snapshotId"], default: [:]][row["agency"]] = Counts(row)
        }
        for row in try Row.fetchAll(db, sql: "SELECT snapshotId, path, undeclared, unobserved, hiddenCost FROM snapshotProjectObserved") {
            stored.projects[row["snapshotId"], default: [:]][row["path"]] = (row["undeclared"], row["unobserved"], row["hiddenCost"])
        }
        return stored
    }
}

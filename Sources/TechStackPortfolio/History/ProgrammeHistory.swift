import Foundation
import GRDB
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// Campaign progress and project levels in the scorecard history, and what the ratchet and
/// the burn-up read back. Tables of their own, created by their own migration, so a history
/// recorded before them stays readable: a reader that finds no such table sees no progress.
public enum ProgrammeHistory {
    static let migration = "programme v1: campaign progress and project levels per snapshot"

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(migration) { db in
            try db.create(table: "snapshotCampaign") { t in
                t.belongsTo("snapshot", onDelete: .restrict).notNull()
                t.column("campaign", .text).notNull()
                t.column("name", .text).notNull()
                t.column("goal", .text).notNull()
                t.column("starts", .text).notNull()
                t.column("due", .text).notNull()
                t.column("inScope", .integer).notNull()
                t.column("done", .integer).notNull()
                t.column("remaining", .integer).notNull()
                t.column("remainingPaths", .text).notNull()
                t.column("onTrack", .boolean).notNull()
                t.column("overdue", .boolean).notNull()
                t.uniqueKey(["snapshotId", "campaign"])
            }
            try db.create(table: "snapshotLevel") { t in
                t.belongsTo("snapshot", onDelete: .restrict).notNull()
                t.column("path", .text).notNull()
                t.column("agency", .text)
                t.column("level", .text)
                t.column("nextLevel", .text)
                t.column("missing", .integer).notNull()
            }
            // Sealed snapshots (v1.1) take no new rows, campaign progress and levels included.
            for table in ["snapshotCampaign", "snapshotLevel"] { try History.makeAppendOnly(table, in: db) }
        }
    }

    /// Stores the programme rows of snapshot `id`, in the snapshot's own transaction.
    static func insert(_ scorecard: Scorecard, snapshot id: Int64, into db: Database) throws {
        guard let programme = scorecard.programme else { return }
        for row in scorecard.projects {
            guard let standing = row.standing else { continue }
            try db.execute(sql: "INSERT INTO snapshotLevel (snapshotId, path, agency, level, nextLevel, missing) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, row.path, row.agency, standing.level, standing.nextLevel, standing.missing.count])
        }
        for c in programme.campaigns ?? [] {
            try db.execute(sql: """
                INSERT INTO snapshotCampaign (snapshotId, campaign, name, goal, starts, due, inScope, done, remaining, remainingPaths, onTrack, overdue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, c.campaign.id, c.campaign.name, c.campaign.goal.description, c.campaign.starts.description,
                                 c.campaign.due.description, c.inScope.count, c.done.count, c.remaining.count,
                                 c.remaining.joined(separator: "\n"), c.onTrack, c.overdue])
        }
    }

    /// Opens `path` read-only; nil when there is no such file.
    private static func reader(_ path: String) throws(Diagnostic) -> DatabaseQueue? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(History.lockTimeout)
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Diagnostic(path: path, mark: .start, message: "cannot read the history: \(error)")
        }
    }

    /// Per campaign id, its recorded progress, oldest first. Empty for a history without
    /// campaign progress (recorded before campaigns, or without `--campaigns`).
    public static func burnUp(_ path: String) throws(Diagnostic) -> [String: [Programme.BurnPoint]] {
        guard let queue = try reader(path) else { return [:] }
        do {
            return try queue.read { db in
                guard try db.tableExists("snapshotCampaign") else { return [:] }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT c.campaign, s.day, c.done, c.inScope FROM snapshotCampaign c JOIN snapshot s ON s.id = c.snapshotId
                    ORDER BY s.day, s.id
                    """)
                var out: [String: [Programme.BurnPoint]] = [:]
                for row in rows {
                    let id: String = row["campaign"]
                    out[id, default: []].append(Programme.BurnPoint(day: row["day"], done: row["done"], inScope: row["inScope"]))
                }
                return out
            }
        } catch {
            throw Diagnostic(path: path, mark: .start, message: "cannot read the campaign progress: \(error)")
        }
    }

    /// Compares `scorecard` with the latest snapshot of `path` (by day, then the later
    /// recorded) on or before the scorecard's day: every project, by manifest path, whose total
    /// cost or missing grants rose. Projects new since then are not compared.
    public static func ratchet(_ scorecard: Scorecard, against path: String) throws(Diagnostic) -> Programme.Ratchet {
        guard let queue = try reader(path) else { return Programme.Ratchet(since: nil, rises: []) }
        do {
            return try queue.read { db in
                guard try db.tableExists("snapshot") else {
                    throw Diagnostic(path: path, mark: .start, message: "not a scorecard history database (no snapshot tables); record one with 'techstack scorecard PATH... --record \(path)'")
                }
                guard let last = try Row.fetchOne(db, sql: "SELECT id, day FROM snapshot WHERE day <= ? ORDER BY day DESC, id DESC LIMIT 1",
                                                  arguments: [scorecard.date.description]) else {
                    return Programme.Ratchet(since: nil, rises: [])
                }
                let id: Int64 = last["id"]
                var before: [String: (Int, Int)] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT path, totalCost, missingGrants FROM snapshotProject WHERE snapshotId = ? AND error IS NULL", arguments: [id]) {
                    before[row["path"]] = (row["totalCost"], row["missingGrants"])
                }
                var rises: [Programme.Rise] = []
                for row in scorecard.scoredProjects {
                    guard let (cost, grants) = before[row.path] else { continue }
                    if row.totalCost.count > cost || row.missingGrants.count > grants {
                        rises.append(Programme.Rise(path: row.path, project: row.project, totalCostBefore: cost, totalCost: row.totalCost.count,
                                                    missingGrantsBefore: grants, missingGrants: row.missingGrants.count))
                    }
                }
                return Programme.Ratchet(since: last["day"], rises: rises)
            }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(path: path, mark: .start, message: "cannot read the history: \(error)")
        }
    }
}

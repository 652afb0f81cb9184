import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// Levels: ordered, named, cumulative gates a project climbs (bronze, silver, gold…).
///
/// The ladder is data (`levels:` in a rules file, the default in `rules/levels.yaml`); the
/// checks a level names come from a small fixed vocabulary, `LevelCheck`. A project is at the
/// highest level whose checks, and those of every level below it, all pass.
public struct LevelLadder: Sendable {
    public struct Level: Sendable, Hashable {
        public var id: String
        public var name: String
        public var summary: String
        /// The checks this level adds to the levels below it.
        public var checks: [LevelCheck]
        public var origin: Origin
    }

    public var levels: [Level]

    public init(levels: [Level]) { self.levels = levels }

    public var ids: [String] { levels.map(\.id) }

    /// Where a project stands: its level (nil below the first) and what it lacks for the next.
    public func standing(of row: ProjectScore, metrics: ScorecardMetrics) -> LevelStanding {
        var reached: String?
        for level in levels {
            let gaps = level.checks.flatMap { $0.gaps(row, metrics: metrics) }
            if !gaps.isEmpty {
                return LevelStanding(level: reached, nextLevel: level.id, missing: gaps)
            }
            reached = level.id
        }
        return LevelStanding(level: reached, nextLevel: nil, missing: [])
    }

    /// The level's display name, or the id when the ladder does not know it.
    public func name(of id: String?) -> String {
        guard let id else { return "none" }
        return levels.first { $0.id == id }?.name ?? id
    }
}

/// A project's place on the ladder.
public struct LevelStanding: Sendable, Hashable, Codable {
    /// The level reached; nil below the first.
    public var level: String?
    /// The next level up; nil at the top.
    public var nextLevel: String?
    /// What stands between the project and `nextLevel`: every failing check, with what fails.
    public var missing: [LevelGap]
}

/// One reason a project is not yet at a level.
public struct LevelGap: Sendable, Hashable, Codable {
    public var check: String
    public var message: String
}

/// The checks a level may name in YAML. Each is defined by the scorecard's own metrics, so a
/// level means the same as the numbers beside it.
public enum LevelCheck: String, Sendable, Hashable, CaseIterable {
    /// Every `required: true` concern of the catalogue is answered.
    case requiredConcernsAnswered = "required-concerns-answered"
    /// No consumed dataset lacks its grant (the `missing-grant` metric).
    case noMissingGrant = "no-missing-grant"
    /// Every consumed dataset is in Reach(project's stack).
    case noUnreachableData = "no-unreachable-data"
    /// No single deviation costs a dataset (its cost, SPEC §2, is empty).
    case noCostlyDeviation = "no-costly-deviation"
    /// The project's total cost is empty.
    case noDataForfeited = "no-data-forfeited"
    /// Every answered concern is on a recommended choice.
    case allAnswersRecommended = "all-answers-recommended"
    /// Everything in `produces` is `shared-via` a recommended id of the sharing concern
    /// (`api-gateway`); `shared: false` does not count as shared.
    case producedDataShared = "produced-data-shared"
    /// No exemption has expired.
    case noExpiredExemption = "no-expired-exemption"

    func gaps(_ row: ProjectScore, metrics: ScorecardMetrics) -> [LevelGap] {
        let catalogue = metrics.catalogue
        func gap(_ message: String) -> LevelGap { LevelGap(check: rawValue, message: message) }
        switch self {
        case .requiredConcernsAnswered:
            return catalogue.concerns.enumerated().compactMap { i, concern in
                guard concern.required, i < row.concernStates.count, row.concernStates[i] == .unanswered else { return nil }
                return gap("required concern '\(concern.header.id)' is not answered")
            }
        case .noMissingGrant:
            return row.missingGrants.map { gap("no grant from '\($0.agency)' for '\($0.dataset)'") }
        case .noUnreachableData:
            return row.unreachable.map { gap("consumed dataset '\($0)' is unreachable with the project's stack") }
        case .noCostlyDeviation:
            return row.deviations.compactMap { d in
                let cost = metrics.reach.cost(ofDeviation: d.concern, to: d.choice)
                guard !cost.isEmpty else { return nil }
                let named = cost.prefix(3).map(\.dataset).joined(separator: ", ")
                let what = cost.count > 3 ? "\(cost.count) datasets (\(named) and \(cost.count - 3) more)" : named
                return gap("'\(d.concern)' answered \(d.choice.joined(separator: ", ")) costs \(what)")
            }
        case .noDataForfeited:
            return row.totalCost.isEmpty ? [] : [gap("deviations forfeit \(row.totalCost.map(\.dataset).joined(separator: ", "))")]
        case .allAnswersRecommended:
            return row.deviations.map { gap("'\($0.concern)' is answered \($0.choice.joined(separator: ", ")), not \($0.recommended.joined(separator: " or "))") }
        case .producedDataShared:
            return row.programme.unsharedProduced.map { gap("produced '\($0)' is not shared through a recommended gateway") }
        case .noExpiredExemption:
            return row.expiredExemptions == 0 ? [] : [gap("\(row.expiredExemptions) exemption\(plural(row.expiredExemptions)) expired")]
        }
    }
}

/// Reads `levels:` lists out of rule files, checked like the rules themselves.
public enum LevelLoader {
    /// The ladder: the built-in one (`rules/levels.yaml`), replaced as a whole by the `levels:`
    /// list of a file under `directory` when one has it. Levels are ordered and cumulative, so
    /// merging two ladders level by level would have no clear meaning; at most one file of a
    /// rules folder may carry `levels:`.
    public static func load(directory: String?) throws(DiagnosticList) -> LevelLadder {
        var diagnostics: [Diagnostic] = []
        var ladder = decode(files: Builtin.ruleFiles, diagnostics: &diagnostics).first?.ladder ?? LevelLadder(levels: [])
        if let directory {
            let folder: (paths: [String], files: [InputFile], problems: [Diagnostic])
            do {
                folder = try InputFile.readYAMLFolder(directory)
            } catch {
                throw DiagnosticList([error])
            }
            let found = decode(files: folder.files, diagnostics: &diagnostics)
            if let first = found.first {
                ladder = first.ladder
                for other in found.dropFirst() {
                    diagnostics.append(Diagnostic(path: other.origin.path, mark: other.origin.mark,
                        message: "a second 'levels:' list (the first is at \(first.origin.path):\(first.origin.mark.line):\(first.origin.mark.column)); a rules folder defines one ladder, in one file"))
                }
            }
        }
        let list = DiagnosticList(diagnostics)
        guard !list.hasErrors else { throw DiagnosticList(list.errors) }
        return ladder
    }

    package static let fields = ["id", "name", "summary", "checks"]

    static func decode(files: [InputFile], diagnostics: inout [Diagnostic]) -> [(ladder: LevelLadder, origin: Origin)] {
        var out: [(LevelLadder, Origin)] = []
        for file in files {
            var problems: [Diagnostic] = []
            guard let root = YAMLReader.read(file, into: &problems) else { continue }
            guard let pair = root.pairs?.first(where: { $0.name == "levels" }) else { continue }
            let reader = FieldReader(path: file.path)
            var levels: [LevelLadder.Level] = []
            var seen: [String: Mark] = [:]
            for item in reader.list(pair.value, "levels") ?? [] {
                guard let f = reader.fields(item, of: "a level\(item["id"]?.scalar.map { " ('\($0)')" } ?? "")", known: fields, required: fields),
                      let idNode = f["id"], let id = reader.string(idNode, "id"),
                      let name = reader.string(f["name"], "name"), let summary = reader.string(f["summary"], "summary"),
                      let checks = reader.strings(f["checks"], "checks") else { continue }
                guard Identifier.isWellFormed(id) else {
                    reader.error("level id '\(id)' must match \(Identifier.pattern)", at: idNode.mark)
                    continue
                }
                if let first = seen[id] {
                    reader.error("duplicate level id '\(id)' (first at \(file.path):\(first.line):\(first.column))", at: idNode.mark)
                    continue
                }
                seen[id] = idNode.mark
                var known: [LevelCheck] = []
                for check in checks {
                    if let c = LevelCheck(rawValue: check.value) {
                        known.append(c)
                    } else {
                        let all = LevelCheck.allCases.map(\.rawValue)
                        reader.error("unknown level check '\(check.value)'\(NearestName.hint(check.value, in: all)); known checks: \(all.joined(separator: ", "))", at: check.mark)
                    }
                }
                levels.append(.init(id: id, name: name, summary: summary, checks: known, origin: Origin(path: file.path, mark: item.mark)))
            }
            diagnostics += reader.diagnostics
            out.append((LevelLadder(levels: levels), Origin(path: file.path, mark: pair.key.mark)))
        }
        return out
    }
}

import ArgumentParser
import Foundation
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

/// `scorecard --campaigns DIR --ratchet DB`, and the level ladder from `--rules DIR`.
struct ProgrammeOptions: ParsableArguments {
    @Option(name: .customLong("campaigns"), help: ArgumentHelp("A folder of campaign files (a 'campaigns:' list each): progress per campaign, with a burn-up from the --record history.", valueName: "DIR"))
    var campaigns: String?

    @Option(name: .customLong("ratchet"), help: ArgumentHelp("Exit 1 when a project's total cost or missing grants rose since the latest snapshot in DB (compared before --record adds this run).", valueName: "DB"))
    var ratchet: String?

    struct Plan {
        var ladder: LevelLadder
        var campaigns: [Campaign]?
        var burnUp: [String: [Programme.BurnPoint]]
        /// A campaign's `{rule}` goal needs the linter on every manifest.
        var needsLint: Bool
    }

    func load(catalogue: Catalogue, rules ruleSet: RuleSet, rulesDirectory: String?, record: String?) throws -> Plan {
        let ladder = try LevelLoader.load(directory: rulesDirectory)
        var list: [Campaign]?
        if let campaigns {
            let (loaded, warnings) = try CampaignLoader.load(directory: campaigns, catalogue: catalogue, rules: ruleSet)
            Console.report(DiagnosticList(warnings))
            list = loaded
        }
        if let ratchet, ratchet != record, !FileManager.default.fileExists(atPath: ratchet) {
            throw Diagnostic(path: ratchet, mark: .start,
                             message: "no such history database for --ratchet; record one first with 'techstack scorecard PATH... --record \(ratchet)', or give the same DB to --record")
        }
        let history = record ?? ratchet
        let burnUp = list == nil ? [:] : try history.map { try ProgrammeHistory.burnUp($0) } ?? [:]
        let needsLint = list?.contains { if case .rule = $0.goal { true } else { false } } ?? false
        return Plan(ladder: ladder, campaigns: list, burnUp: burnUp, needsLint: needsLint)
    }
}

import ArgumentParser
import Foundation
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

// Exit codes are part of the contract: 0 clean, 1 findings at or above the fail level,
// 2 input that could not be used — bad arguments included (ArgumentParser would say 64).

/// A misspelt subcommand (`techstack lnt`, `techstack catalogue shw`) gets the nearest name,
/// which ArgumentParser's "unexpected argument" does not give.
func misspeltSubcommand(_ arguments: [String]) -> String? {
    var command: any ParsableCommand.Type = TechStack.self
    var path = ["techstack"]
    for word in arguments {
        let subcommands = command.configuration.subcommands
        guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
        // A command with a default subcommand takes other words as that subcommand's arguments.
        guard let next = subcommands.first(where: { $0._commandName == word }) else {
            if command.configuration.defaultSubcommand != nil { return nil }
            let names = subcommands.map { $0._commandName }
            let hint = NearestName.hint(word, in: names)
            return "error: '\(word)' is not a \(path.joined(separator: " ")) subcommand\(hint); expected one of \(names.joined(separator: ", ")) (see '\(path.joined(separator: " ")) --help')"
        }
        command = next
        path.append(word)
    }
    return nil
}

/// The usage and message of the command that failed: errors thrown while running a
/// subcommand show that subcommand's usage, not the root's.
func message(for error: Error, in command: (any ParsableCommand.Type)?) -> String {
    guard let command, command != TechStack.self else { return TechStack.fullMessage(for: error) }
    let usage = TechStack.usageString(for: command)
    let name = usage.split(separator: " ").prefix { !$0.hasPrefix("<") && !$0.hasPrefix("[") }.joined(separator: " ")
    return "Error: \(TechStack.message(for: error))\nUsage: \(usage)\n  See '\(name) --help' for more information."
}

var parsed: (any ParsableCommand.Type)?
do {
    if let problem = misspeltSubcommand(Array(CommandLine.arguments.dropFirst())) {
        Console.error(Terminal.sanitize(problem))
        Foundation.exit(2)
    }
    var command = try TechStack.parseAsRoot()
    parsed = type(of: command)
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let diagnostics as DiagnosticList {
    Console.report(diagnostics)
    Foundation.exit(2)
} catch let diagnostic as Diagnostic {
    Console.report(DiagnosticList([diagnostic]))
    Foundation.exit(2)
} catch {
    let code = TechStack.exitCode(for: error)
    if code == .success {
        TechStack.exit(withError: error)
    }
    Console.error(Terminal.sanitize(message(for: error, in: parsed), keepNewlines: true))
    Foundation.exit(2)
}

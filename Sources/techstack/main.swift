import ArgumentParser
import Foundation
import TechStackCore

// Exit codes are part of the contract: 0 clean, 1 findings at or above the fail level,
// 2 input that could not be used — bad arguments included (ArgumentParser would say 64).
do {
    var command = try TechStack.parseAsRoot()
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
    Console.error(TechStack.fullMessage(for: error))
    Foundation.exit(2)
}

import Foundation
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

/// Writing to the terminal and to `--output` files.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func report(_ diagnostics: DiagnosticList) {
        guard !diagnostics.items.isEmpty else { return }
        error(diagnostics.items.map(\.description).joined(separator: "\n"))
    }

    /// Writes `text` to `path`, or to standard output when there is none.
    static func write(_ text: String, to path: String?) throws(Diagnostic) {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try OutputFile.write(text, to: path)
    }
}

import ArgumentParser
import Foundation
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

/// `techstack detect [DIR...]`: the stack a repository shows it uses (SPEC §8).
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Show the observed stack: the standards and components a repository's files and package manifests show it uses.",
        discussion: """
        Files the repository ignores (.gitignore at any depth), .git/, symbolic links leaving \
        the folder, binary files and files over 1 MiB are never evidence. Exit 2 when a folder \
        or the catalogue cannot be used.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: ArgumentHelp("Repository folders (default: the current folder).", valueName: "DIR"))
    var directories: [String] = []

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (NO_COLOR does the same).")
    var noColor = false

    func run() throws {
        let catalogue = try self.catalogue.usable()
        let detector = Detector(catalogue: catalogue)
        var results: [DetectResult] = []
        var problems: [Diagnostic] = []
        let progress = Progress.onTerminal()
        for directory in directories.isEmpty ? ["."] : directories {
            do {
                let observation = try detector.scan(directory, progress: progress.map { p in { done, total in p.show("\(directory): \(done)/\(total) files") } })
                progress?.clear()
                results.append(DetectResult(observation, catalogue: catalogue))
            } catch {
                progress?.clear()
                problems.append(error)
            }
        }
        Console.report(DiagnosticList(problems))
        let report = DetectReport(catalogue: catalogue.info, repositories: results)
        let text: String
        switch format {
        case .text: text = report.text(style: Style.detect(noColor: noColor, toFile: output != nil))
        case .json: text = report.json
        case .markdown: text = report.markdown
        }
        try Console.write(text, to: output)
        if !problems.isEmpty { throw ExitCode(2) }
    }
}

/// A one-line progress note on standard error, only when it is a terminal.
final class Progress {
    static func onTerminal() -> Progress? { isatty(2) == 1 ? Progress() : nil }

    func show(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1b}[K\(Terminal.sanitize(text))".utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1b}[K".utf8))
    }
}

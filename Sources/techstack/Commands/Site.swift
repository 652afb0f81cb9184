import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

extension CatalogueCommand {
    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
            abstract: "Write the catalogue as a static web site that works offline from file://.",
            discussion: """
            Writes index.html (the stack diagram), a page per entry at OUTDIR/<kind>/<id>.html, \
            an index per kind and an offline search. OUTDIR/.techstack-site lists the files the \
            site owns: a re-run replaces them, removes stale ones and never touches other files.
            """
        )
        @Argument(help: ArgumentHelp("The folder to write the site into (created when missing).", valueName: "OUTDIR"))
        var outputDirectory: String
        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            let c = try catalogue.usable()
            let files: [SiteFile]
            do {
                files = try TechStackSite.Site.generate(c)
            } catch {
                throw error.diagnostic
            }
            let summary = try SiteWriter(directory: outputDirectory).write(files)
            Console.report(DiagnosticList(summary.warnings))
            let removed = summary.removed.isEmpty ? "" : "; removed \(summary.removed.count) stale page(s)"
            Console.error("wrote \(summary.written.count) files to \(Terminal.sanitize(outputDirectory))\(removed); open \(Terminal.sanitize(outputDirectory))/index.html")
        }
    }
}

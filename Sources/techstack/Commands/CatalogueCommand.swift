import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Check, list, show and search the catalogue; write it as a web site, a JSON Schema for editors, or the diff of two catalogues.",
        subcommands: [Check.self, List.self, Show.self, Search.self, Site.self, Export.self, Schema.self, Diff.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a catalogue: every schema error, catalogue problem and warning in one run.",
            discussion: "Exit 0 when clean (warnings allowed), 1 when there are catalogue problems, 2 when a file cannot be used."
        )
        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var output: OutputOptions<TextOrJSON>
        @Flag(name: .customLong("require-links"), help: "Also report every standard, component, dataset and agency that has no source link and no provenance mark.")
        var requireLinks = false

        func run() throws {
            var result = catalogue.source.load()
            if requireLinks, let c = result.catalogue {
                result.diagnostics.items += CatalogueChecker.unsourced(in: c)
            }
            let items = result.diagnostics.items
            if output.format == .json {
                struct Item: Encodable { var path: String; var line: Int; var column: Int; var severity: String; var message: String }
                struct Answer: Encodable { var catalogue: CatalogueInfo?; var entries: Int; var problems: [Item]; var errors: Int; var warnings: Int }
                let answer = Answer(catalogue: result.catalogue?.info, entries: result.catalogue?.allEntries.count ?? 0,
                                    problems: items.map { Item(path: $0.path, line: $0.mark.line, column: $0.mark.column, severity: $0.severity.rawValue, message: $0.message) },
                                    errors: result.diagnostics.errors.count, warnings: result.diagnostics.warnings.count)
                try output.write(JSONOutput.encode(answer))
            } else {
                Console.report(result.diagnostics)
                if let c = result.catalogue {
                    let counts = EntryKind.allCases.map { "\(c.entries(of: $0).count) \($0.rawValue)" }.joined(separator: ", ")
                    let verdict = items.isEmpty ? "no problems" : "\(result.diagnostics.errors.count) error(s), \(result.diagnostics.warnings.count) warning(s)"
                    try output.write("\(c.info.name) \(c.info.version): \(counts); \(verdict)\n" as StyledText)
                }
            }
            if result.diagnostics.hasSchemaErrors || result.catalogue == nil { throw ExitCode(2) }
            if result.diagnostics.hasErrors { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List entries, optionally of one kind or in one layer.")
        @Argument(help: "A kind: layers, source-kinds, agencies, funding-models, concerns, standards, components, datasets (singular works too).")
        var kind: String?
        @Option(help: ArgumentHelp("Only entries in this layer.", valueName: "LAYER"))
        var layer: String?
        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var output: OutputOptions<TextOrJSON>

        func run() throws {
            var entryKind: EntryKind?
            if let kind {
                guard let k = EntryKind(word: kind) else {
                    throw ValidationError("unknown kind '\(kind)'\(NearestName.hint(kind, in: EntryKind.allCases.map(\.rawValue))); expected one of \(EntryKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                entryKind = k
            }
            let c = try catalogue.usable()
            if let layer, c.layer(layer) == nil {
                throw ValidationError("unknown layer '\(layer)'\(NearestName.hint(layer, in: c.layers.map(\.header.id)))")
            }
            let rows = CatalogueReport(catalogue: c).list(kind: entryKind, layer: layer)
            if output.format == .json {
                try output.write(JSONOutput.encode(rows))
                return
            }
            let style = output.style
            let idWidth = min(28, rows.map(\.id.count).max() ?? 0)
            let kindWidth = rows.map(\.kind.count).max() ?? 0
            var text = StyledText()
            for row in rows {
                text += "\(style.bold(row.id.padding(idWidth)))  \(style.dim(row.kind.padding(kindWidth)))  \(row.name)\n"
            }
            try output.write(text)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one entry; for a concern, what deviating to each option costs; for a component or standard, the data it unlocks.")
        @Argument(help: "An entry id.") var id: String
        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var output: OutputOptions<TextOrJSON>

        func run() throws {
            let c = try catalogue.usable()
            let report = CatalogueReport(catalogue: c)
            guard let shown = report.show(id) else {
                throw ValidationError("no entry '\(id)' in the catalogue\(NearestName.hint(id, in: c.allEntries.map(\.id)))")
            }
            if output.format == .json {
                try output.write(JSONOutput.encode(shown))
            } else {
                try output.write(report.text(shown, style: output.style))
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search", abstract: "Search ids, names, summaries, questions and dataset items.")
        @Argument(help: "Text to look for (any case).") var text: String
        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var output: OutputOptions<TextOrJSON>

        func run() throws {
            let c = try catalogue.usable()
            let hits = CatalogueReport(catalogue: c).search(text)
            if output.format == .json {
                try output.write(JSONOutput.encode(hits))
            } else if hits.isEmpty {
                try output.write("no entry matches '\(text)'\n" as StyledText)
            } else {
                let style = output.style
                let lines = hits.map { hit -> StyledText in
                    let context = hit.matched == "id" || hit.matched == "name" ? StyledText() : style.dim(" — \(hit.matched): \(hit.text)" as StyledText)
                    return "\(style.bold(hit.id)) (\(hit.kind)) \(hit.name)\(context)"
                }
                try output.write(lines.joined(separator: "\n") + "\n")
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

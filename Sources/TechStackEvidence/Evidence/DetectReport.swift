import TechStackModel

/// What `techstack detect` prints: per repository, each concern with the observed ids and
/// their evidence, the observed ids that answer no concern, and the concerns nothing answers.
public struct DetectReport: Sendable, Encodable {
    public struct CatalogueName: Sendable, Encodable {
        public var name: String
        public var version: String
    }

    public var version = 1
    public var catalogue: CatalogueName
    public var repositories: [DetectResult]

    public init(catalogue: CatalogueInfo, repositories: [DetectResult]) {
        self.catalogue = CatalogueName(name: catalogue.name, version: catalogue.version)
        self.repositories = repositories
    }

    public var json: String { JSONOutput.encode(self) }

    /// Evidence lines per id beyond which the rest are counted (JSON carries every one).
    static let shownEvidence = 5

    public func text(style: Style) -> String {
        var lines: [StyledText] = []
        for repo in repositories {
            lines.append(style.bold(repo.path))
            if repo.observed.isEmpty && repo.unassigned.isEmpty {
                lines.append("  nothing observed: no evidence signal of the catalogue matches")
            }
            var lastConcern = ""
            for answer in repo.observed {
                if answer.concern != lastConcern {
                    lines.append("  \(style.cyan(answer.concern)):")
                    lastConcern = answer.concern
                }
                lines.append("    \(style.bold(answer.id))")
                lines += evidenceLines(answer.evidence, indent: "      ")
            }
            if !repo.unassigned.isEmpty {
                lines.append("  \(style.yellow("unassigned")) (observed, answering no concern):")
                for item in repo.unassigned {
                    lines.append("    \(style.bold(item.id))")
                    lines += evidenceLines(item.evidence, indent: "      ")
                }
            }
            if !repo.unanswered.isEmpty {
                lines.append("  \(style.dim("unanswered")) (\(repo.unanswered.count) concerns nothing answers): \(repo.unanswered.joined(separator: ", "))")
            }
        }
        // Text from the repository and the catalogue is made safe as it enters StyledText.
        return style.render(lines.joined(separator: "\n")) + "\n"
    }

    func evidenceLines(_ items: [EvidenceItem], indent: String) -> [StyledText] {
        var out = items.prefix(Self.shownEvidence).map { item -> StyledText in "\(indent)\(item.location)  \(item.signal)" }
        if items.count > Self.shownEvidence { out.append("\(indent)… and \(items.count - Self.shownEvidence) more") }
        return out
    }

    public var markdown: String {
        var out = "# Observed stack\n\nCatalogue: \(Escape.markdown(catalogue.name)) \(Escape.markdown(catalogue.version))\n"
        for repo in repositories {
            out += "\n## \(Escape.markdown(repo.path))\n\n"
            if repo.observed.isEmpty {
                out += "No concern is answered by evidence.\n"
            } else {
                out += "| Concern | Observed | Evidence |\n| --- | --- | --- |\n"
                for answer in repo.observed {
                    out += "| \(Escape.markdown(answer.concern)) | `\(Escape.markdown(answer.id))` | \(markdownEvidence(answer.evidence)) |\n"
                }
            }
            if !repo.unassigned.isEmpty {
                out += "\n**Unassigned** (observed, answering no concern):\n\n"
                for item in repo.unassigned { out += "- `\(Escape.markdown(item.id))`: \(markdownEvidence(item.evidence))\n" }
            }
            if !repo.unanswered.isEmpty {
                out += "\n**Unanswered** (\(repo.unanswered.count)): \(repo.unanswered.map(Escape.markdown).joined(separator: ", "))\n"
            }
        }
        return out
    }

    func markdownEvidence(_ items: [EvidenceItem]) -> String {
        var parts = items.prefix(Self.shownEvidence).map { "\(Escape.markdown($0.location)) (\(Escape.markdown($0.signal)))" }
        if items.count > Self.shownEvidence { parts.append("and \(items.count - Self.shownEvidence) more") }
        return parts.joined(separator: "<br>")
    }
}

import Foundation
import TechStackEvidence
import TechStackModel

/// The text `init` writes: required fields, every required concern answered with its first
/// recommendation, every other concern as a comment.
public struct StarterManifest {
    let catalogue: Catalogue
    let project: String?
    let agency: String?
    /// `--detect`: concerns the repository answers are written from its evidence.
    var observed: DetectResult? = nil

    /// The schema `init` writes beside the manifest, named by its first line.
    package static let schemaName = "techstack.schema.json"

    package var text: String {
        var lines = [
            "# yaml-language-server: $schema=\(Self.schemaName)",
            "# What this project chooses from the \(oneLine(catalogue.info.name)) (catalogue \(oneLine(catalogue.info.version))).",
            "# Check it with `techstack lint`; `techstack explain` describes every rule.",
            "techstack: 1",
        ]
        if let project {
            lines.append("project: \(project)")
        } else {
            lines.append("# Required: the project's name.")
            lines.append("project:")
        }
        if let agency {
            lines.append("agency: \(agency)")
        } else {
            lines.append("# Required: the id of the agency that owns the project (`techstack catalogue list agencies`).")
            lines.append("agency:")
        }
        lines += ["# sector: public        # or private (a private party receiving government data)",
                  "# summary: one line on what the service does",
                  "",
                  "# Concern -> the chosen standard or component (an id or a list of ids).",
                  "# Required concerns are answered with the first recommendation; change them as needed.",
                  "choices:"]
        var detected = Set<String>()
        if let observed {
            var answered: [String] = []
            for answer in observed.observed where !answered.contains(answer.concern) { answered.append(answer.concern) }
            if !answered.isEmpty { lines.append("  # Answered from the repository's evidence (techstack detect); check each.") }
            for concern in answered {
                let ids = observed.ids(for: concern)
                let value = ids.count == 1 ? ids[0] : "[\(ids.joined(separator: ", "))]"
                let evidence = observed.observed.filter { $0.concern == concern }.compactMap { a in
                    a.evidence.first.map { "\(a.id): \($0.location)" }
                }
                lines.append("  \(concern): \(value)    # observed: \(oneLine(evidence.joined(separator: "; ")))")
                detected.insert(concern)
            }
        }
        let required = catalogue.concerns.filter { $0.required && !detected.contains($0.header.id) }
        for concern in required {
            lines.append("  # \(oneLine(concern.question))")
            lines.append("  \(concern.header.id): \(concern.recommended.first?.value ?? "")")
        }
        let others = catalogue.concerns.filter { !$0.required && !detected.contains($0.header.id) }
        if !others.isEmpty {
            lines.append("  # Other concerns: answer those that apply (recommended first).")
            for concern in others {
                let options = concern.recommended.map(\.value)
                let value = options.count == 1 ? options[0] : "[\(options.joined(separator: ", "))]"
                lines.append("  # \(concern.header.id): \(value)    # \(oneLine(concern.question))")
            }
        }
        lines += ["",
                  "# Shared data the project needs (`techstack catalogue list datasets`).",
                  "# consumes: [DATASET-ID]",
                  "# Data this project is the source of truth for; share it by default.",
                  "# produces:",
                  "#   - id: DATA-ID",
                  "#     shared-via: \(sharingChoice(in: catalogue) ?? "GATEWAY-ID")",
                  "# Grant references, by dataset id or source agency id.",
                  "# grants:",
                  "#   DATASET-OR-AGENCY-ID: GRANT-REFERENCE",
                  "# expected-users: 10000"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Catalogue text inside a YAML comment: one line, and no control character (the YAML
    /// reader refuses them, so a raw one would make the new manifest unreadable).
    private func oneLine(_ text: String) -> String {
        Terminal.sanitize(text.split(whereSeparator: { $0.isNewline }).joined(separator: " "))
    }

    /// A project name from a folder name: lower-case letters, digits, '.' and '-'.
    package static func projectName(from folder: String) -> String? {
        var out = ""
        for scalar in folder.lowercased().unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "." || scalar == "-"
            let character = keep ? Character(scalar) : "-"
            if character == "-" && (out.isEmpty || out.hasSuffix("-")) { continue }
            if character == "." && out.isEmpty { continue }
            out.append(character)
        }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        guard !out.isEmpty else { return nil }
        // Words YAML would read as something other than text.
        if ["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(out) || Double(out) != nil {
            return "\"\(out)\""
        }
        return out
    }

    package init(catalogue: Catalogue, project: String?, agency: String?, observed: DetectResult? = nil) {
        self.catalogue = catalogue
        self.project = project
        self.agency = agency
        self.observed = observed
    }
}

/// The first recommendation of the concern the built-in sharing-by-default rule names: where
/// produced data is shared, in whatever catalogue is in use.
private func sharingChoice(in catalogue: Catalogue) -> String? {
    guard let rules = try? RuleSet.loadUsable(directory: nil).0,
          let concern = rules.rules.first(where: { $0.kind == RuleKind.SharingByDefault.kind })?[parameters: RuleKind.SharingByDefault.self]?.concern?.value else { return nil }
    return catalogue.concern(concern)?.recommended.first?.value
}

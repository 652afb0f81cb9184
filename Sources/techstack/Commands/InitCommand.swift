import ArgumentParser
import Foundation
import TechStackCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter techstack.yaml and its editor schema, never overwriting either.",
        discussion: """
        Every required concern is answered with its first recommendation; every other \
        concern is listed as a comment with its question. The project is named after the \
        folder. Give --agency to name the owning agency; without it 'agency:' is left \
        empty and 'techstack lint' says so (exit 2) until it is filled in. With --agency \
        the new manifest lints clean (exit 0; funding notices are info). Beside it, init \
        writes techstack.schema.json (the JSON Schema of 'techstack catalogue schema --for \
        manifest' for this catalogue), which the manifest's first line points editors at; \
        an existing techstack.schema.json is kept as it is.
        """
    )

    @Option(name: .customLong("path"), help: ArgumentHelp("The project folder to write techstack.yaml in (default: the current folder).", valueName: "DIR"))
    var directory: String?

    @Option(help: ArgumentHelp("The id of the agency that owns the project.", valueName: "ID"))
    var agency: String?

    @OptionGroup var catalogue: CatalogueOptions

    @Flag(name: .customLong("detect"), help: "Answer the concerns the project folder's code shows, each with a comment naming its evidence.")
    var detect = false

    func run() throws {
        let folder = directory ?? "."
        let path = directory.map { $0.hasSuffix("/") ? $0 + "techstack.yaml" : $0 + "/techstack.yaml" } ?? "techstack.yaml"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(path: folder, mark: .start, message: "is not a folder; --path names the project folder to write techstack.yaml in")
        }
        if FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
            throw Diagnostic(path: path, mark: .start, message: "already exists; init never overwrites a manifest (edit it, or remove it first)")
        }
        let c = try catalogue.usable()
        if let agency, c.agency(agency) == nil {
            let what = c.kind(of: agency).map { "'\(agency)' is a \($0.singular), not an agency" } ?? "no agency '\(agency)' in the catalogue"
            throw ValidationError("--agency: \(what)\(NearestName.hint(agency, in: c.agencies.map(\.header.id))); 'techstack catalogue list agencies' lists them")
        }
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        let observed = try detect ? DetectResult(Detector(catalogue: c).scan(folder), catalogue: c) : nil
        let text = StarterManifest(catalogue: c, project: StarterManifest.projectName(from: absolute.lastPathComponent), agency: agency,
                                   observed: observed).text
        try Self.create(path, contents: text)
        var next = "wrote \(path)"
        let schemaPath = directory.map { $0.hasSuffix("/") ? $0 + StarterManifest.schemaName : $0 + "/" + StarterManifest.schemaName } ?? StarterManifest.schemaName
        let rules = RuleSet.load(directory: nil).ruleSet ?? RuleSet(rules: [])
        switch Self.createIfAbsent(schemaPath, contents: Schemas.generate(.manifest, catalogue: c, rules: rules).pretty) {
        case .created: next += " and \(schemaPath)"
        case .kept: next += " (kept the existing \(schemaPath))"
        case .failed(let reason): Console.error("\(schemaPath):1:1: warning: \(reason); the manifest is written without it")
        }
        next += agency == nil
            ? "; fill in 'agency' (techstack catalogue list agencies), then run 'techstack lint'"
            : "; run 'techstack lint' to check it"
        Console.error(Terminal.sanitize(next))
    }

    enum Creation { case created, kept, failed(String) }

    /// Creates the file unless something (even a dangling link) is at `path`, which is kept.
    static func createIfAbsent(_ path: String, contents: String) -> Creation {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            return errno == EEXIST ? .kept : .failed("cannot create the file: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(contents.utf8))
        return .created
    }

    /// Creates the file only if nothing (not even a dangling link) is at `path`.
    static func create(_ path: String, contents: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "already exists; init never overwrites a manifest (edit it, or remove it first)"
                : "cannot create the file: \(String(cString: strerror(errno)))"
            throw Diagnostic(path: path, mark: .start, message: reason)
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(contents.utf8))
    }
}

/// The text `init` writes: required fields, every required concern answered with its first
/// recommendation, every other concern as a comment.
struct StarterManifest {
    let catalogue: Catalogue
    let project: String?
    let agency: String?
    /// `--detect`: concerns the repository answers are written from its evidence.
    var observed: DetectResult? = nil

    /// The schema `init` writes beside the manifest, named by its first line.
    static let schemaName = "techstack.schema.json"

    var text: String {
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
    static func projectName(from folder: String) -> String? {
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
}

/// The first recommendation of the concern the built-in sharing-by-default rule names: where
/// produced data is shared, in whatever catalogue is in use.
private func sharingChoice(in catalogue: Catalogue) -> String? {
    guard let rules = try? RuleSet.loadUsable(directory: nil).0,
          let concern = rules.rules.first(where: { $0.kind == .sharingByDefault })?.parameters.concern?.value else { return nil }
    return catalogue.concern(concern)?.recommended.first?.value
}

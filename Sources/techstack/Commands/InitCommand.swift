import ArgumentParser
import Foundation
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

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

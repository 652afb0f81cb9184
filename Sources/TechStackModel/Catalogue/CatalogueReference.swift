import Foundation

/// A catalogue named on the command line of `catalogue diff`: `builtin`, a folder, or a
/// folder as committed in git (`git:REV` for `catalogue/`, `git:REV:PATH` for another).
public enum CatalogueReference: Sendable, Equatable, CustomStringConvertible {
    case builtin
    case directory(String)
    case git(revision: String, path: String)

    public init(_ argument: String) {
        if argument == "builtin" {
            self = .builtin
        } else if argument.hasPrefix("git:") {
            let rest = argument.dropFirst(4)
            // A ref name cannot hold ':', so the first one ends the revision.
            if let colon = rest.firstIndex(of: ":") {
                let path = String(rest[rest.index(after: colon)...])
                self = .git(revision: String(rest[..<colon]), path: path.isEmpty ? "catalogue" : path)
            } else {
                self = .git(revision: String(rest), path: "catalogue")
            }
        } else {
            self = .directory(argument)
        }
    }

    public var description: String {
        switch self {
        case .builtin: "builtin"
        case .directory(let path): path
        case .git(let revision, let path): "git:\(revision):\(path)"
        }
    }

    /// Loads it; `git` runs in `directory` (the current one by default). A reference that
    /// names nothing usable (no such revision, not a git checkout) is thrown; problems in
    /// the files are in the result, as for any catalogue.
    public func load(in directory: String = FileManager.default.currentDirectoryPath) throws(CatalogueReferenceError) -> CatalogueLoader.Result {
        switch self {
        case .builtin: return CatalogueLoader.load(files: Builtin.catalogueFiles)
        case .directory(let path): return CatalogueLoader.load(directory: path)
        case .git(let revision, let path):
            let (files, problems) = try GitTree.yamlFiles(revision: revision, path: path, in: directory)
            if files.isEmpty && problems.isEmpty {
                return CatalogueLoader.Result(catalogue: nil, diagnostics: DiagnosticList([
                    Diagnostic(path: description, mark: .start, message: "holds no *.yaml files at \(revision); a catalogue is a folder of YAML files"),
                ]))
            }
            var result = CatalogueLoader.load(files: files)
            result.diagnostics.items.insert(contentsOf: problems, at: 0)
            return result
        }
    }
}

/// Why a catalogue reference could not be followed: an argument problem, not a file's.
public struct CatalogueReferenceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads files as committed at a revision, into memory: nothing is checked out or written.
enum GitTree {
    /// Every `*.yaml` / `*.yml` blob below `path` at `revision`, sorted, skipping hidden
    /// entries and symbolic links as a folder on disk is read. Paths read `git:REV:path/file`.
    static func yamlFiles(revision: String, path: String, in directory: String) throws(CatalogueReferenceError)
        -> (files: [InputFile], problems: [Diagnostic]) {
        let label = "git:\(revision)"
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw CatalogueReferenceError(message: "'\(label)' names no revision; write git:REV or git:REV:PATH (e.g. git:HEAD~1)")
        }
        guard let top = run(["rev-parse", "--show-toplevel"], in: directory), top.status == 0 else {
            throw CatalogueReferenceError(message: "'\(label)': \(directory) is not inside a git checkout (or git is not installed)")
        }
        let root = String(decoding: top.output, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard let commit = run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: root), commit.status == 0 else {
            throw CatalogueReferenceError(message: "'\(label)': no commit '\(revision)' in the git checkout at \(root)")
        }
        let sha = String(decoding: commit.output, as: UTF8.self).trimmingCharacters(in: .newlines)
        var folder = path
        while folder.hasPrefix("./") { folder.removeFirst(2) }
        while folder.hasSuffix("/") { folder.removeLast() }
        let treeish = folder.isEmpty || folder == "." ? sha : "\(sha):\(folder)"
        guard let kind = run(["cat-file", "-t", treeish], in: root), kind.status == 0,
              String(decoding: kind.output, as: UTF8.self).trimmingCharacters(in: .newlines) == "tree" else {
            throw CatalogueReferenceError(message: "'\(label):\(path)': no folder '\(path)' at \(revision) (paths are relative to the repository root)")
        }
        guard let listing = run(["ls-tree", "-r", "-l", "-z", treeish], in: root), listing.status == 0 else {
            throw CatalogueReferenceError(message: "'\(label):\(path)': git could not list the folder")
        }
        var files: [InputFile] = []
        var problems: [Diagnostic] = []
        for record in listing.output.split(separator: 0) {
            // "<mode> <type> <object> <size>\t<path>"
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let head = String(decoding: record[..<tab], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
            let name = String(decoding: record[record.index(after: tab)...], as: UTF8.self)
            guard head.count == 4, head[1] == "blob", head[0] != "120000",
                  name.hasSuffix(".yaml") || name.hasSuffix(".yml"),
                  !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let shown = "\(label):\(folder.isEmpty ? "" : folder + "/")\(name)"
            let limit = YAMLLimits.standard.maxBytes
            // Refused before it is read, as a file on disk is.
            if let size = Int(head[3]), size > limit {
                problems.append(Diagnostic(path: shown, mark: .start, message: "file is \(size) bytes; the limit is \(limit) bytes (1 MiB)"))
                continue
            }
            guard let blob = run(["cat-file", "blob", String(head[2])], in: root), blob.status == 0 else {
                throw CatalogueReferenceError(message: "\(shown): git could not read the file")
            }
            files.append(InputFile(path: shown, bytes: blob.output))
        }
        return (files.sorted { $0.path < $1.path }, problems)
    }

    /// Runs git with `arguments` in `directory`; nil when git cannot be started.
    private static func run(_ arguments: [String], in directory: String) -> (status: Int32, output: [UInt8])? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        // Never page, prompt or read a user's replacement objects into the result.
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_NO_REPLACE_OBJECTS"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](data))
    }
}

import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// Writes a generated site into its output folder, and only there.
///
/// The folder keeps a manifest, `.techstack-site`, of the files the site owns. A re-run
/// replaces owned files, removes owned files the catalogue no longer produces, and never
/// touches anything else: a file in the way that the site does not own, or a symbolic link
/// where the site would write, stops the run before anything is written.
public struct SiteWriter: Sendable {
    public static let manifestName = ".techstack-site"

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public struct Summary: Sendable {
        public var written: [SitePath]
        /// Owned files from an earlier run that this run no longer produces.
        public var removed: [SitePath]
        /// Stale paths left alone because something on their way is not a real folder of OUTDIR.
        public var warnings: [Diagnostic] = []
    }

    public func write(_ files: [SiteFile]) throws(DiagnosticList) -> Summary {
        try prepareDirectory()
        let owned = try readManifest()
        var conflicts: [Diagnostic] = []
        var seen: Set<SitePath> = []
        for file in files {
            if !seen.insert(file.path).inserted {
                conflicts.append(problem(file.path.description, "is generated twice"))
            }
            conflicts += check(file.path, owned: owned)
        }
        guard conflicts.isEmpty else { throw DiagnosticList(conflicts) }

        // The list of owned files is written first, with every file this run is about to
        // write: a run that stops part-way (disk full, a name too long, a kill) leaves a
        // folder whose every file is owned, which the next run repairs.
        try writeManifest(owned.union(seen).sorted())
        for file in files.sorted(by: { $0.path < $1.path }) {
            try write(file)
        }
        let stale = owned.subtracting(seen).sorted()
        var removed: [SitePath] = []
        var warnings: [Diagnostic] = []
        for path in stale {
            switch remove(path) {
            case .removed: removed.append(path)
            case .gone: break
            case .refused(let diagnostic): warnings.append(diagnostic)
            }
        }
        try writeManifest(seen.sorted())
        return Summary(written: files.map(\.path), removed: removed, warnings: warnings)
    }

    // MARK: steps

    private func prepareDirectory() throws(DiagnosticList) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw DiagnosticList([problem(directory, "is a file, not a folder; give a folder for the site (it is created when missing)")])
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticList([problem(directory, "cannot create the folder: \(error.localizedDescription)")])
        }
    }

    /// The files an earlier run wrote. Lines that are not safe site paths are ignored, so an
    /// edited manifest can never make a run delete anything outside the folder.
    private func readManifest() throws(DiagnosticList) -> Set<SitePath> {
        let path = full(Self.manifestName)
        var info = stat()
        guard lstat(path, &info) == 0 else { return [] }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DiagnosticList([problem(path, "is not a regular file; it should be the list of files the site owns")])
        }
        let file: InputFile
        do { file = try InputFile.read(path) } catch { throw DiagnosticList([error]) }
        let text = String(decoding: file.bytes, as: UTF8.self)
        return Set(text.split(whereSeparator: \.isNewline).compactMap { line in
            line.hasPrefix("#") ? nil : SitePath(String(line))
        })
    }

    /// Why `path` cannot be written: a symbolic link or a non-folder on the way, or a file
    /// in its place that the site does not own.
    private func check(_ path: SitePath, owned: Set<SitePath>) -> [Diagnostic] {
        var prefix = ""
        for name in path.directories {
            prefix += prefix.isEmpty ? name : "/" + name
            switch kind(of: full(prefix)) {
            case .missing, .directory: continue
            case .symlink: return [problem(full(prefix), "is a symbolic link; the site writes only real files inside its folder, so remove the link")]
            case .file, .other: return [problem(full(prefix), "is in the way of the site's '\(name)' folder; move it away or choose another output folder")]
            }
        }
        switch kind(of: full(path.description)) {
        case .missing: return []
        case .file where owned.contains(path): return []
        case .file:
            return [problem(full(path.description), "exists and was not written by 'techstack catalogue site'; move it away or choose another output folder")]
        case .symlink: return [problem(full(path.description), "is a symbolic link; the site writes only real files inside its folder, so remove the link")]
        case .directory, .other: return [problem(full(path.description), "is in the way of a page the site writes; move it away or choose another output folder")]
        }
    }

    private func write(_ file: SiteFile) throws(DiagnosticList) {
        var prefix = ""
        do {
            for name in file.path.directories {
                prefix += prefix.isEmpty ? name : "/" + name
                if kind(of: full(prefix)) == .missing {
                    try FileManager.default.createDirectory(atPath: full(prefix), withIntermediateDirectories: false)
                }
            }
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: full(file.path.description)), options: .atomic)
        } catch {
            throw DiagnosticList([problem(full(file.path.description), "cannot write the page: \(error.localizedDescription)")])
        }
    }

    private enum Removal { case removed, gone, refused(Diagnostic) }

    /// Removes an owned file that is still a regular file, then its folders if they are empty.
    /// Every folder on its way must be a real folder inside OUTDIR: a symbolic link planted in
    /// place of one (or named in an edited `.techstack-site`) is never followed.
    private func remove(_ path: SitePath) -> Removal {
        var prefix = ""
        for name in path.directories {
            prefix += prefix.isEmpty ? name : "/" + name
            switch kind(of: full(prefix)) {
            case .directory: continue
            case .missing: return .gone
            case .symlink, .file, .other:
                return .refused(Diagnostic(path: full(prefix), mark: .start, severity: .warning,
                                           message: "is not a real folder inside the site's folder; the stale page '\(path)' below it was left alone"))
            }
        }
        guard kind(of: full(path.description)) == .file, unlink(full(path.description)) == 0 else { return .gone }
        var dirs = path.directories
        while !dirs.isEmpty {
            if rmdir(full(dirs.joined(separator: "/"))) != 0 { break }
            dirs.removeLast()
        }
        return .removed
    }

    private func writeManifest(_ paths: [SitePath]) throws(DiagnosticList) {
        let text = "# Files written by 'techstack catalogue site'. A re-run replaces them and removes the ones it no\n"
            + "# longer writes; nothing else in this folder is touched.\n"
            + paths.map { $0.description + "\n" }.joined()
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: full(Self.manifestName)), options: .atomic)
        } catch {
            throw DiagnosticList([problem(full(Self.manifestName), "cannot write the site's manifest: \(error.localizedDescription)")])
        }
    }

    // MARK: helpers

    private enum Kind { case missing, file, directory, symlink, other }

    private func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    private func full(_ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    private func problem(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(path: path, mark: .start, message: message, isSchemaError: false)
    }
}

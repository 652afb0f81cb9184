import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// The manifests a scorecard covers, and scoring them on every core.
public enum Portfolio {
    /// The file a directory is searched for.
    public static let manifestName = "techstack.yaml"
    /// Folders never searched: build output and vendored packages (hidden folders are skipped too).
    public static let skippedFolders: Set<String> = [".build", "node_modules"]

    /// One input of a scorecard: a manifest to read, or a path given that yields none.
    public enum Input: Sendable, Hashable {
        /// A manifest given on the command line.
        case manifest(String)
        /// A manifest the search found: its directory entry says it is a regular file.
        case found(String)
        case problem(Diagnostic)

        public var path: String {
            switch self {
            case .manifest(let path), .found(let path): path
            case .problem(let d): d.path
            }
        }

        /// The manifest's path; nil for a problem.
        public var manifestPath: String? {
            switch self {
            case .manifest(let path), .found(let path): path
            case .problem: nil
            }
        }

        /// Reads the manifest; a problem is handed back as the failure.
        public func load() -> Result<Manifest, DiagnosticList> {
            switch self {
            case .manifest(let path): ManifestLoader.load(path: path)
            case .found(let path): ManifestLoader.load(path: path, listedRegular: true)
            case .problem(let d): .failure(DiagnosticList([d]))
            }
        }
    }

    /// Expands the paths given: a directory becomes every `techstack.yaml` below it (sorted),
    /// anything else is taken as a manifest. A path met twice is scored once.
    public static func inputs(_ paths: [String]) -> [Input] {
        var inputs: [Input] = []
        var seen: Set<String> = []
        func add(_ input: Input, identity: String) {
            if seen.insert(identity).inserted { inputs.append(input) }
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                add(.manifest(path), identity: normalized(path))
                continue
            }
            let (found, problems) = searchManifests(in: path)
            inputs += problems.map(Input.problem)
            if found.isEmpty {
                inputs.append(.problem(Diagnostic(path: path, mark: .start,
                    message: "no \(manifestName) below this directory; give manifests or folders that hold one")))
            }
            // The search follows no link, so a manifest's real path is the folder's real path
            // and the rest of the way down: one realpath per folder given, not per manifest.
            let real = normalized(path)
            for file in found.sorted() {
                let below = file.dropFirst(path.count).drop { $0 == "/" }
                add(.found(file), identity: real.hasSuffix("/") ? real + below : real + "/" + below)
            }
        }
        return inputs
    }

    /// Every `techstack.yaml` below `directory`, with what could not be searched, in the order
    /// a walk of the whole tree meets them. The folder's own entries are listed first, then its
    /// subfolders are searched on every core: listing folders is most of the search, and the
    /// system lists several at once.
    static func searchManifests(in directory: String) -> (found: [String], problems: [Diagnostic]) {
        var found: [String] = []
        var problems: [Diagnostic] = []
        var subfolders: [String] = []
        walk(directory, levels: maxDepth, problems: &problems, descend: { entry in
            subfolders.append(entry.path)
            return false
        }, visit: { found.append($0) })
        let below = ParallelMap.map(subfolders, workers: System.activeCores) { folder in
            var found: [String] = []
            var problems: [Diagnostic] = []
            findManifests(in: folder, depth: 1, into: &found, problems: &problems)
            return (found, problems)
        }
        for (more, moreProblems) in below {
            found += more
            problems += moreProblems
        }
        return (found, problems)
    }

    /// Every `techstack.yaml` below `directory`. Hidden entries, symbolic links and the
    /// skipped folders are left out, so the search never leaves the folder given.
    static func findManifests(in directory: String, depth: Int, into found: inout [String], problems: inout [Diagnostic]) {
        walk(directory, levels: maxDepth - depth, problems: &problems, descend: { _ in true }, visit: { found.append($0) })
    }

    /// The search's walk, `levels` folders down: `descend` is asked only of the folders it may
    /// enter, `visit` gets the path of each manifest.
    private static func walk(_ directory: String, levels: Int, problems: inout [Diagnostic],
                             descend: (DirectoryWalk.Entry) -> Bool, visit: (String) -> Void) {
        DirectoryWalk.walk(directory, maxDepth: levels, problem: { problem in
            switch problem {
            case .tooDeep(let path):
                problems.append(Diagnostic(path: path, mark: .start, message: "is more than \(maxDepth) folders deep; manifests below it were not searched", isSchemaError: false))
            case .cannotList(let path, let reason):
                problems.append(Diagnostic(path: path, mark: .start, message: "cannot list this folder (\(reason)); manifests below it were not searched", isSchemaError: false))
            }
        }, descend: { !$0.name.hasPrefix(".") && !skippedFolders.contains($0.name) && descend($0) },
           visit: { entry in
            if entry.kind == .file, entry.name == manifestName { visit(entry.path) }
        })
    }

    /// How deep a portfolio search goes; deeper folders are reported, not silently dropped.
    public static let maxDepth = 64

    /// One identity per file: `port/b`, `$PWD/port/b` and `port//b` are the same manifest.
    /// The real path when the file exists, else the path made absolute with `.`, `..` and
    /// repeated slashes taken out.
    static func normalized(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Scores every input with `score`, on all cores, keeping the order of `inputs`; each
    /// worker keeps one manifest in memory at a time.
    public static func score(_ inputs: [Input], workers: Int = System.activeCores,
                             _ score: @Sendable (Input) -> ProjectScore) -> [ProjectScore] {
        ParallelMap.map(inputs, workers: workers, score)
    }
}

extension Scorecard {
    /// Reads and scores every manifest below `paths`: the whole `scorecard` run but the
    /// output. A manifest that cannot be read or used becomes an error row; the rest go on.
    ///
    /// With a `linter`, every rule also runs on each manifest and its findings are counted;
    /// that costs more than the metrics themselves, so it is asked for (`--findings`).
    ///
    /// A `goalLinter` runs the rules only for what campaigns with a `{rule}` goal need: which
    /// rules fire, without adding finding counts to the report.
    ///
    /// With an `observer` (`--observe`), each manifest's repository is scanned (on the
    /// worker scoring it, each folder once) and compared with the manifest; the drift rules
    /// then count among the findings. A repository that cannot be read makes an error row.
    public static func make(paths: [String], metrics: ScorecardMetrics, linter: Linter? = nil,
                            goalLinter: Linter? = nil, observer: PortfolioObserver? = nil,
                            workers: Int = System.activeCores) -> Scorecard {
        let inputs = Portfolio.inputs(paths)
        let scans = observer?.scans(for: inputs)
        let rows = Portfolio.score(inputs, workers: workers) { input in
            switch input {
            case .problem(let diagnostic):
                return .error(path: diagnostic.path, diagnostics: [diagnostic])
            case .manifest(let path), .found(let path):
                switch input.load() {
                case .failure(let diagnostics):
                    return .error(path: path, diagnostics: diagnostics.items)
                case .success(let manifest):
                    var repository: DetectResult?
                    if let scans {
                        switch scans.result(for: path) {
                        case .success(let result): repository = result
                        case .failure(let problem): return .error(path: path, diagnostics: [problem])
                        }
                    }
                    // One assessment per manifest, counted by the scorecard and rendered by the linter.
                    let assessment = ProjectAssessment(manifest, reach: metrics.reach, today: metrics.today)
                    let lint = (linter ?? goalLinter)?.lint(manifest, observed: repository, assessment: assessment)
                    var row = metrics.score(manifest, lint: lint, assessment: assessment)
                    if linter == nil { row.findings = nil }
                    if let repository { row.observed = metrics.observed(manifest, in: repository, deviations: row.deviations) }
                    row.path = path
                    return row
                }
            }
        }
        var card = Scorecard(catalogue: metrics.catalogue, date: metrics.today, projects: rows)
        if observer != nil { card.countObserved() }
        return card
    }
}

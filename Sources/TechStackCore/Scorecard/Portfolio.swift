import Foundation

/// The manifests a scorecard covers, and scoring them on every core.
public enum Portfolio {
    /// The file a directory is searched for.
    public static let manifestName = "techstack.yaml"
    /// Folders never searched: build output and vendored packages (hidden folders are skipped too).
    public static let skippedFolders: Set<String> = [".build", "node_modules"]

    /// One input of a scorecard: a manifest to read, or a path given that yields none.
    public enum Input: Sendable, Hashable {
        case manifest(String)
        case problem(Diagnostic)

        public var path: String {
            switch self {
            case .manifest(let path): path
            case .problem(let d): d.path
            }
        }
    }

    /// Expands the paths given: a directory becomes every `techstack.yaml` below it (sorted),
    /// anything else is taken as a manifest. A path met twice is scored once.
    public static func inputs(_ paths: [String]) -> [Input] {
        var inputs: [Input] = []
        var seen: Set<String> = []
        func add(_ path: String) {
            if seen.insert(normalized(path)).inserted { inputs.append(.manifest(path)) }
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                add(path)
                continue
            }
            var found: [String] = []
            InputFile.walk(path, depth: 0, skipping: skippedFolders) { file in
                if file.hasSuffix("/" + manifestName) { found.append(file) }
            }
            if found.isEmpty {
                inputs.append(.problem(Diagnostic(path: path, mark: .start,
                    message: "no \(manifestName) below this directory; give manifests or folders that hold one")))
            }
            for file in found.sorted() { add(file) }
        }
        return inputs
    }

    private static func normalized(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }

    /// Scores every input with `score`, on all cores, keeping the order of `inputs`.
    ///
    /// Inputs are cut into chunks so each worker keeps one manifest in memory at a time and
    /// writes only its own slots of a preallocated array.
    public static func score(_ inputs: [Input], workers: Int = System.activeCores,
                             _ score: @Sendable (Input) -> ProjectScore) -> [ProjectScore] {
        let count = inputs.count
        guard count > 0 else { return [] }
        let slots = Slots<ProjectScore>(count: count)
        let chunks = min(count, max(1, workers) * 8)
        inputs.withUnsafeBufferPointer { buffer in
            let shared = UnsafeInputs(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = count * chunk / chunks
                let end = count * (chunk + 1) / chunks
                for i in start..<end { slots.set(i, score(shared.buffer[i])) }
            }
        }
        return slots.values()
    }
}

public enum System {
    /// Cores this process may run on.
    public static var activeCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Results written from several threads, each to its own indices, read once all are done.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    func values() -> [T] { storage.compactMap { $0 } }
}

private struct UnsafeInputs: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Portfolio.Input>
}

extension Scorecard {
    /// Reads, lints and scores every manifest below `paths`: the whole `scorecard` run but
    /// the output. A manifest that cannot be read or used becomes an error row; the rest go on.
    public static func make(paths: [String], linter: Linter, workers: Int = System.activeCores) -> Scorecard {
        let metrics = ScorecardMetrics(catalogue: linter.catalogue, reach: linter.reach, today: linter.today)
        let inputs = Portfolio.inputs(paths)
        let rows = Portfolio.score(inputs, workers: workers) { input in
            switch input {
            case .problem(let diagnostic):
                return .error(path: diagnostic.path, diagnostics: [diagnostic])
            case .manifest(let path):
                switch ManifestLoader.load(path: path) {
                case .failure(let diagnostics):
                    return .error(path: path, diagnostics: diagnostics.items)
                case .success(let manifest):
                    var row = metrics.score(manifest, lint: linter.lint(manifest))
                    row.path = path
                    return row
                }
            }
        }
        return Scorecard(catalogue: linter.catalogue, date: linter.today, projects: rows)
    }
}

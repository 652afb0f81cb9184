import Foundation
import TechStackModel

/// What a repository shows it uses: for every observed standard or component, where its
/// signals matched (SPEC §8).
public struct Observation: Sendable {
    /// The repository folder as given.
    public var path: String
    /// Observed ids in catalogue order, each with its evidence in path and line order.
    public var observed: [(id: String, evidence: [EvidenceItem])]
    /// How many files were looked at, and how many of them were read.
    public var filesSeen: Int
    public var filesRead: Int

    public func evidence(for id: String) -> [EvidenceItem]? { observed.first { $0.id == id }?.evidence }
    public var ids: Set<String> { Set(observed.map(\.id)) }
}

/// Compiles the evidence signals of a catalogue once (globs, one Aho–Corasick automaton
/// over every literal text, the dependencies by ecosystem) and scans repositories with them.
public struct Detector: Sendable {
    struct CompiledSignal: Sendable {
        var owner: Int
        var signal: Signal
        var description: String
    }

    let catalogue: Catalogue
    /// Standards and components with evidence, in catalogue order.
    let owners: [String]
    let signals: [CompiledSignal]

    /// Each distinct glob once, with the signals using it.
    let globs: [Glob]
    let globSignals: [[Int]]
    /// Globs decided by a file's extension or name alone, and the rest.
    let globsBySuffix: [String: [Int]]
    let globsByName: [String: [Int]]
    let otherGlobs: [Int]
    let longestSuffix: Int

    let automaton: AhoCorasick
    /// For each pattern of the automaton, the `contains` signals holding it.
    let patternSignals: [[Int]]
    /// `ecosystem` → normalised package name → dependency signals.
    let dependencies: [Ecosystem: [String: [Int]]]

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        var owners: [String] = []
        var signals: [CompiledSignal] = []
        for (id, evidence) in catalogue.standards.map({ ($0.header.id, $0.evidence) }) + catalogue.components.map({ ($0.header.id, $0.evidence) })
            where !evidence.isEmpty {
            let owner = owners.count
            owners.append(id)
            for signal in evidence { signals.append(CompiledSignal(owner: owner, signal: signal, description: signal.description)) }
        }
        self.owners = owners
        self.signals = signals

        var globIndex: [String: Int] = [:]
        var globs: [Glob] = [], globSignals: [[Int]] = []
        var patternIndex: [[UInt8]: Int] = [:]
        var patterns: [[UInt8]] = [], patternSignals: [[Int]] = []
        var dependencies: [Ecosystem: [String: [Int]]] = [:]
        for (s, compiled) in signals.enumerated() {
            let signal = compiled.signal
            if let dependency = signal.dependency {
                dependencies[dependency.ecosystem, default: [:]][dependency.ecosystem.normalize(dependency.name), default: []].append(s)
                continue
            }
            for glob in signal.files {
                let g: Int
                if let known = globIndex[glob.pattern] { g = known } else {
                    g = globs.count
                    globIndex[glob.pattern] = g
                    globs.append(glob)
                    globSignals.append([])
                }
                if globSignals[g].last != s { globSignals[g].append(s) }
            }
            for text in signal.contains {
                let bytes = Array(text.utf8)
                guard !bytes.isEmpty else { continue }
                let p: Int
                if let known = patternIndex[bytes] { p = known } else {
                    p = patterns.count
                    patternIndex[bytes] = p
                    patterns.append(bytes)
                    patternSignals.append([])
                }
                if patternSignals[p].last != s { patternSignals[p].append(s) }
            }
        }
        var bySuffix: [String: [Int]] = [:], byName: [String: [Int]] = [:], other: [Int] = []
        var longest = 0
        for (g, glob) in globs.enumerated() {
            if let keys = glob.fastKeys {
                for suffix in Set(keys.suffixes) { bySuffix[suffix, default: []].append(g); longest = max(longest, suffix.utf8.count) }
                for name in Set(keys.names) { byName[name, default: []].append(g) }
            } else {
                other.append(g)
            }
        }
        self.globs = globs
        self.globSignals = globSignals
        globsBySuffix = bySuffix
        globsByName = byName
        otherGlobs = other
        longestSuffix = longest
        automaton = AhoCorasick(patterns: patterns)
        self.patternSignals = patternSignals
        self.dependencies = dependencies
    }

    /// Whether the catalogue has any evidence at all.
    public var hasSignals: Bool { !signals.isEmpty }

    /// The ids with evidence signals in the catalogue.
    public var idsWithEvidence: Set<String> { Set(owners) }

    /// The signals whose globs match a path: a file name's suffixes and the name itself are
    /// looked up, other globs tried one by one.
    func signalsMatching(_ file: RepositoryWalk.File) -> [Int] {
        var matched: [Int] = []
        guard let name = file.segments.last else { return [] }
        var seen = Set<Int>()
        func add(_ g: Int) {
            guard seen.insert(g).inserted else { return }
            matched += globSignals[g]
        }
        if let list = globsByName[String(decoding: name, as: UTF8.self)] { list.forEach(add) }
        // Every suffix of the name up to the longest indexed one ("*.ts" and "*.d.ts" alike).
        if longestSuffix > 0 {
            let limit = min(longestSuffix, name.count)
            for length in stride(from: 1, through: limit, by: 1) {
                let suffix = String(decoding: name[(name.count - length)...], as: UTF8.self)
                globsBySuffix[suffix]?.forEach(add)
            }
        }
        for g in otherGlobs where globs[g].matches(segments: file.segments) { add(g) }
        return matched
    }

    /// Scans one repository folder. Throws only when the folder cannot be read.
    public func scan(_ root: String, progress: ((Int, Int) -> Void)? = nil) throws(Diagnostic) -> Observation {
        let files = try RepositoryWalk.files(root: root)
        var evidence = [[EvidenceItem]](repeating: [], count: owners.count)
        var seenItem = Set<EvidenceItem>()
        var read = 0
        let ecosystems = Array(dependencies.keys)
        // Per-file marks of the signals whose globs match, by generation (no clearing).
        var allowed = [Int](repeating: -1, count: signals.count)
        func add(_ s: Int, _ path: String, _ line: Int, _ what: String) {
            let item = EvidenceItem(path: path, line: line, signal: what)
            if seenItem.insert(item).inserted { evidence[signals[s].owner].append(item) }
        }
        for (index, file) in files.enumerated() {
            if let progress, index % 1000 == 0 { progress(index, files.count) }
            let name = String(decoding: file.segments.last ?? [], as: UTF8.self)
            let matching = signalsMatching(file)
            let manifestOf = ecosystems.filter { $0.reads(fileName: name) }
            guard !matching.isEmpty || !manifestOf.isEmpty else { continue }
            guard let bytes = EvidenceFile.read(root + "/" + file.path), !EvidenceFile.isBinary(bytes) else { continue }
            read += 1
            var needsText = false
            for s in matching {
                if signals[s].signal.contains.isEmpty {
                    add(s, file.path, 1, signals[s].description)
                } else {
                    allowed[s] = index
                    needsText = true
                }
            }
            if needsText {
                automaton.scan(bytes) { pattern, line in
                    for s in patternSignals[pattern] where allowed[s] == index {
                        add(s, file.path, line, "contains \"\(String(decoding: automaton.patterns[pattern], as: UTF8.self))\"")
                    }
                }
            }
            for ecosystem in manifestOf {
                guard let names = dependencies[ecosystem] else { continue }
                for declared in PackageManifests.dependencies(ecosystem, fileName: name, bytes: bytes) {
                    for s in names[declared.name] ?? [] { add(s, file.path, declared.line, signals[s].description) }
                }
            }
        }
        var observed: [(String, [EvidenceItem])] = []
        for (owner, items) in evidence.enumerated() where !items.isEmpty {
            observed.append((owners[owner], items.sorted { ($0.path, $0.line, $0.signal) < ($1.path, $1.line, $1.signal) }))
        }
        return Observation(path: root, observed: observed, filesSeen: files.count, filesRead: read)
    }
}

/// `detect`'s answer for one repository: the observed ids by concern, those answering no
/// concern, and the concerns nothing answers.
public struct DetectResult: Sendable, Encodable {
    public struct Answer: Sendable, Encodable {
        public var concern: String
        public var id: String
        public var evidence: [EvidenceItem]
    }

    public struct Unassigned: Sendable, Encodable {
        public var id: String
        public var evidence: [EvidenceItem]
    }

    public var path: String
    public var observed: [Answer]
    public var unassigned: [Unassigned]
    public var unanswered: [String]

    public init(_ observation: Observation, catalogue: Catalogue) {
        path = observation.path
        var observed: [Answer] = []
        var answering = Set<String>()
        var unanswered: [String] = []
        for concern in catalogue.concerns {
            var any = false
            for option in concern.options {
                guard let items = observation.evidence(for: option) else { continue }
                observed.append(Answer(concern: concern.header.id, id: option, evidence: items))
                answering.insert(option)
                any = true
            }
            if !any { unanswered.append(concern.header.id) }
        }
        self.observed = observed
        unassigned = observation.observed.filter { !answering.contains($0.id) }.map { Unassigned(id: $0.id, evidence: $0.evidence) }
        self.unanswered = unanswered
    }

    /// Every observed id, whether it answers a concern or not.
    public var observedIDs: Set<String> { Set(observed.map(\.id) + unassigned.map(\.id)) }

    /// Observed ids per concern, in the concern's order of options.
    public func ids(for concern: String) -> [String] { observed.filter { $0.concern == concern }.map(\.id) }
}

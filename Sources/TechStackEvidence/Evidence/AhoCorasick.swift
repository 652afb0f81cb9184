import TechStackModel

/// Finds every occurrence of many literal byte strings in one pass over a text
/// (Aho–Corasick). Catalogue texts are literal so that no catalogue can make a scan slow:
/// the work is linear in the text, whatever the patterns.
///
/// The automaton is a dense table over byte classes (bytes no pattern uses share one class)
/// when that fits in `denseLimit` entries; beyond that (thousands of long, distinct texts) it
/// keeps sparse transitions with failure links, so memory stays in proportion to the
/// patterns' total length.
public struct AhoCorasick: Sendable {
    public let patterns: [[UInt8]]
    /// Newlines inside each pattern, to give the line a match starts on.
    let newlines: [Int]
    let classOf: [UInt8]
    let classCount: Int
    /// Dense: `table[state * classCount + class]` is the next state.
    let table: [Int32]
    /// Sparse: the trie's edges `(state << 8 | byte) → child`, and failure links.
    let edges: [Int: Int32]
    let fail: [Int32]
    let isDense: Bool
    /// The patterns ending at each state, its own and through suffix links:
    /// `outputs[outputStart[s] ..< outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputs: [Int32]

    public static let denseLimit = 4_000_000

    public init(patterns: [[UInt8]], denseLimit: Int = AhoCorasick.denseLimit) {
        self.patterns = patterns
        newlines = patterns.map { $0.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
        // Byte classes.
        var used = [Bool](repeating: false, count: 256)
        for p in patterns { for b in p { used[Int(b)] = true } }
        var classOf = [UInt8](repeating: 0, count: 256)
        var next = 1
        for b in 0..<256 where used[b] { classOf[b] = UInt8(next); next += 1 }
        self.classOf = classOf
        classCount = next

        // Trie.
        var edges: [Int: Int32] = [:]
        var own: [[Int32]] = [[]]
        var depthOrder: [Int32] = []
        for (index, p) in patterns.enumerated() where !p.isEmpty {
            var s = 0
            for b in p {
                let key = s << 8 | Int(b)
                if let child = edges[key] {
                    s = Int(child)
                } else {
                    let child = own.count
                    own.append([])
                    edges[key] = Int32(child)
                    s = child
                }
            }
            own[s].append(Int32(index))
        }
        let stateCount = own.count
        // Children per state, for the breadth-first pass.
        var children = [[(UInt8, Int32)]](repeating: [], count: stateCount)
        for (key, child) in edges { children[key >> 8].append((UInt8(key & 0xff), child)) }
        for i in 0..<stateCount { children[i].sort { $0.0 < $1.0 } }

        var fail = [Int32](repeating: 0, count: stateCount)
        var queue: [Int32] = []
        queue.reserveCapacity(stateCount)
        for (_, child) in children[0] { queue.append(child) }
        var head = 0
        func step(_ state: Int, _ byte: UInt8) -> Int32 {
            var s = state
            while true {
                if let c = edges[s << 8 | Int(byte)] { return c }
                if s == 0 { return 0 }
                s = Int(fail[s])
            }
        }
        while head < queue.count {
            let s = Int(queue[head]); head += 1
            depthOrder.append(Int32(s))
            for (byte, child) in children[s] {
                fail[Int(child)] = s == 0 ? 0 : step(Int(fail[s]), byte)
                queue.append(child)
            }
        }
        // Outputs in breadth-first order: a state's failure target is always done before it.
        var all = [[Int32]](repeating: [], count: stateCount)
        all[0] = own[0]
        for s32 in depthOrder {
            let s = Int(s32)
            all[s] = own[s] + all[Int(fail[s])]
        }
        var outputStart = [Int32](repeating: 0, count: stateCount + 1)
        var outputs: [Int32] = []
        for s in 0..<stateCount {
            outputStart[s] = Int32(outputs.count)
            outputs += all[s]
        }
        outputStart[stateCount] = Int32(outputs.count)
        self.outputStart = outputStart
        self.outputs = outputs
        self.fail = fail

        if stateCount * classCount <= denseLimit {
            var table = [Int32](repeating: 0, count: stateCount * classCount)
            // Root row, then every state in breadth-first order from its failure state's row.
            var byteForClass = [UInt8](repeating: 0, count: classCount)
            for b in 0..<256 where used[b] { byteForClass[Int(classOf[b])] = UInt8(b) }
            for c in 1..<max(classCount, 1) {
                table[c] = edges[Int(byteForClass[c])] ?? 0
            }
            for s32 in depthOrder {
                let s = Int(s32), f = Int(fail[s])
                for c in 0..<classCount {
                    if c > 0, let child = edges[s << 8 | Int(byteForClass[c])] {
                        table[s * classCount + c] = child
                    } else {
                        table[s * classCount + c] = table[f * classCount + c]
                    }
                }
            }
            self.table = table
            self.edges = [:]
            isDense = true
        } else {
            table = []
            self.edges = edges
            isDense = false
        }
    }

    /// Calls `found(pattern, line)` for every occurrence, with the 1-based line it starts on.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        var line = 1
        var state = 0
        if isDense {
            table.withUnsafeBufferPointer { table in
                classOf.withUnsafeBufferPointer { classOf in
                    outputStart.withUnsafeBufferPointer { starts in
                        let stride = classCount
                        for byte in bytes {
                            if byte == 10 { line &+= 1 }
                            state = Int(table[state &* stride &+ Int(classOf[Int(byte)])])
                            let a = Int(starts[state]), b = Int(starts[state &+ 1])
                            if a != b { report(a, b, line, found) }
                        }
                    }
                }
            }
        } else {
            for byte in bytes {
                if byte == 10 { line += 1 }
                while true {
                    if let c = edges[state << 8 | Int(byte)] { state = Int(c); break }
                    if state == 0 { break }
                    state = Int(fail[state])
                }
                let a = Int(outputStart[state]), b = Int(outputStart[state + 1])
                if a != b { report(a, b, line, found) }
            }
        }
    }

    private func report(_ a: Int, _ b: Int, _ line: Int, _ found: (Int, Int) -> Void) {
        for i in a..<b {
            let p = Int(outputs[i])
            found(p, line - newlines[p])
        }
    }

    public func scan(_ bytes: [UInt8], _ found: (Int, Int) -> Void) {
        bytes.withUnsafeBufferPointer { scan($0, found) }
    }
}

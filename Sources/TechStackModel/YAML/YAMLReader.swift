import CYaml

/// Bounds that keep hostile files from exhausting time or memory. Checked while reading,
/// before any other work is done.
public struct YAMLLimits: Sendable {
    public var maxBytes = InputFile.sizeLimit
    public var maxDepth = 64
    public var maxAliases = 100
    /// Nodes in the document after every alias has been expanded.
    public var maxNodes = 250_000

    public init() {}
    public static let standard = YAMLLimits()
}

/// Reads one YAML document into located nodes, straight from libyaml's event stream.
///
/// libyaml (the C core that Yams wraps) does the parsing; this layer only builds the tree,
/// keeps marks, rejects duplicate keys and enforces `YAMLLimits`. Going through the event
/// API rather than a generic composer keeps the work per file close to libyaml's own cost.
public enum YAMLReader {
    public static func read(bytes: [UInt8], path: String, limits: YAMLLimits = .standard) throws(Diagnostic) -> YAMLNode {
        if bytes.count > limits.maxBytes {
            throw Diagnostic(path: path, mark: .start, message: "file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes (1 MiB)")
        }
        // Not `isBlank`: the bytes are not decoded yet, and what counts is what YAML itself
        // skips as white space and line breaks (space, tab, LF, CR).
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw Diagnostic(path: path, mark: .start, message: "file is empty; expected a YAML mapping")
        }
        // libyaml would decode UTF-16 itself, but the format is UTF-8 (as README, "Limits and hostile input" says), and
        // a UTF-16 file would otherwise only be refused for its NUL bytes, which explains nothing.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw Diagnostic(path: path, mark: .start, message: "file is UTF-16 or UTF-32 encoded; save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw Diagnostic(path: path, mark: mark(ofOffset: nul, in: bytes), message: "file contains a NUL byte; it is not a text file")
        }
        var builder = Builder(path: path, limits: limits)
        let result: Result<YAMLNode, Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Diagnostic(path: path, mark: .start, message: "could not start the YAML parser (out of memory)"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return builder.run(&parser, bytes: buffer)
        }
        return try result.get()
    }

    /// Reads `file`, or records why it cannot be read in `diagnostics` and returns nil, for
    /// loaders that go on to the next file so one run reports every broken file.
    /// Several files read on every core, in their order, each with its own problems.
    public static func read(_ files: [InputFile]) -> [(root: YAMLNode?, problems: [Diagnostic])] {
        ParallelMap.map(files, workers: System.activeCores) { file in
            var problems: [Diagnostic] = []
            let root = read(file, into: &problems)
            return (root, problems)
        }
    }

    public static func read(_ file: InputFile, into diagnostics: inout [Diagnostic], limits: YAMLLimits = .standard) -> YAMLNode? {
        do {
            return try read(bytes: file.bytes, path: file.path, limits: limits)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    static func mark<C: Collection>(ofOffset offset: Int, in bytes: C) -> Mark where C.Element == UInt8, C.Index == Int {
        var line = 1, column = 1
        for byte in bytes[bytes.startIndex..<bytes.startIndex + offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return Mark(line: line, column: column)
    }
}

private struct Builder {
    package let path: String
    let limits: YAMLLimits

    /// Open collections, innermost last.
    private var stack: [Frame] = []
    /// The entries of every open collection, each collection's after its parent's: a
    /// collection's entries become one array of their exact size when it closes, rather than
    /// an array grown (and reallocated) entry by entry.
    private var itemPool: [YAMLNode] = []
    private var pairPool: [YAMLPair] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasCount = 0
    private var nodeCount = 0
    private var root: YAMLNode?
    private var documents = 0

    init(path: String, limits: YAMLLimits) {
        self.path = path
        self.limits = limits
    }

    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        /// Where this collection's entries start in the builder's pools.
        var start: Int
        var pendingKey: YAMLNode?
        /// Nodes inside this collection, aliases expanded, for the anchor's size.
        var size = 1
        var keys: Set<String> = []
    }

    mutating func run(_ parser: inout yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode, Diagnostic> {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(parserError(parser, bytes))
            }
            defer { yaml_event_delete(&event) }
            let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            do {
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    guard let root else {
                        return .failure(Diagnostic(path: path, mark: .start, message: "file holds no YAML document; expected a mapping"))
                    }
                    return .success(root)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        return .failure(Diagnostic(path: path, mark: mark, message: "a second YAML document starts here; the file must hold exactly one"))
                    }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let text = scalar.value.map {
                        String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self)
                    } ?? ""
                    let node = YAMLNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), mark: mark)
                    try add(node, size: 1, anchor: string(scalar.anchor))
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor) ?? ""
                    aliasCount += 1
                    if aliasCount > limits.maxAliases {
                        throw Diagnostic(path: path, mark: mark, message: "more than \(limits.maxAliases) aliases; the file is refused as a possible alias bomb")
                    }
                    guard let target = anchors[name] else {
                        throw Diagnostic(path: path, mark: mark, message: "alias '*\(name)' refers to no anchor defined before it")
                    }
                    var node = target.node
                    node.mark = mark
                    try add(node, size: target.size, anchor: nil)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if stack.count >= limits.maxDepth {
                        throw Diagnostic(path: path, mark: mark, message: "nesting is deeper than \(limits.maxDepth) levels")
                    }
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                    try count(1, at: mark)
                    stack.append(Frame(isMapping: isMapping, mark: mark, anchor: anchor, start: isMapping ? pairPool.count : itemPool.count))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { break }
                    let node: YAMLNode
                    if frame.isMapping {
                        node = YAMLNode(.mapping(Array(pairPool[frame.start...])), mark: frame.mark)
                        pairPool.removeSubrange(frame.start...)
                    } else {
                        node = YAMLNode(.sequence(Array(itemPool[frame.start...])), mark: frame.mark)
                        itemPool.removeSubrange(frame.start...)
                    }
                    // The collection's own node was counted at its start.
                    try add(node, size: frame.size, anchor: frame.anchor, counted: true)
                default:
                    break
                }
            } catch let diagnostic as Diagnostic {
                return .failure(diagnostic)
            } catch {
                return .failure(Diagnostic(path: path, mark: mark, message: "\(error)"))
            }
        }
    }

    private mutating func count(_ size: Int, at mark: Mark) throws {
        nodeCount += size
        if nodeCount > limits.maxNodes {
            throw Diagnostic(path: path, mark: mark, message: "document expands to more than \(limits.maxNodes) nodes; the file is refused as a possible alias bomb")
        }
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, counted: Bool = false) throws {
        if !counted { try count(size, at: node.mark) }
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        if !stack[top].isMapping {
            itemPool.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            guard case .scalar(let text, _) = node.content else {
                throw Diagnostic(path: path, mark: node.mark, message: "a mapping key must be plain text, not \(node.kindDescription)")
            }
            if text == "<<", case .scalar(_, plain: true) = node.content {
                throw Diagnostic(path: path, mark: node.mark, message: "merge keys ('<<') are not supported; write the fields out")
            }
            if Self.isDuplicate(text, among: pairPool[stack[top].start...], keys: &stack[top].keys) {
                let first = pairPool[stack[top].start...].first { $0.key.scalar == text }?.key.mark ?? node.mark
                throw Diagnostic(path: path, mark: node.mark, message: "duplicate key '\(Terminal.sanitize(text))' (first at line \(first.line)); a key may appear once in a mapping")
            }
            stack[top].pendingKey = node
            return
        }
        pairPool.append(YAMLPair(key: key, value: node))
        stack[top].pendingKey = nil
    }

    /// Whether `key` is already in the mapping. Most mappings are small, and comparing a few
    /// keys is cheaper than hashing every one; a set is built only for large mappings.
    private static func isDuplicate(_ key: String, among pairs: ArraySlice<YAMLPair>, keys: inout Set<String>) -> Bool {
        if pairs.count < 16 {
            return pairs.contains { $0.key.scalar == key }
        }
        if keys.isEmpty { keys = Set(pairs.compactMap(\.key.scalar)) }
        return !keys.insert(key).inserted
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private func parserError(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        var message: String
        switch parser.error {
        case YAML_READER_ERROR:
            var offset = min(parser.problem_offset, bytes.count)
            if problem.hasPrefix("invalid trailing") {
                // The offset is the byte that cannot continue the character; the character
                // itself, the one a user must fix, starts at the lead byte before it.
                while offset > 0 && bytes[offset - 1] & 0xC0 == 0x80 { offset -= 1 }
                if offset > 0 { offset -= 1 }
            }
            let at = YAMLReader.mark(ofOffset: offset, in: bytes)
            let value = Int(parser.problem_value)
            if problem.hasPrefix("control characters") {
                message = "the file holds a control character (\(codePoint(value))) that YAML does not allow; remove it, or write it as an escape in a double-quoted string"
            } else if problem.hasPrefix("invalid Unicode character") {
                message = "not valid UTF-8 text: \(codePoint(value)) is not a Unicode character; save the file as UTF-8"
            } else {
                message = "not valid UTF-8 text: \(problem)\(value == -1 ? "" : " (byte 0x\(String(repeating: "0", count: value < 16 ? 1 : 0))\(String(value, radix: 16, uppercase: true)))"); save the file as UTF-8"
            }
            return Diagnostic(path: path, mark: at, message: message)
        case YAML_PARSER_ERROR where problem == "found incompatible YAML document":
            message = "only YAML 1.x is supported; remove the %YAML directive or make it '%YAML 1.2'"
        default:
            message = "invalid YAML: \(context.map { "\($0), " } ?? "")\(problem)"
            if character(at: mark, in: bytes) == UInt8(ascii: "\t") {
                message += "; a tab cannot indent YAML, use spaces"
            }
        }
        return Diagnostic(path: path, mark: mark, message: message)
    }

    private func codePoint(_ value: Int) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The byte starting the character at `mark` (1-based line and column), if there is one.
    private func character(at mark: Mark, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var line = 1, column = 1
        for byte in bytes {
            if line == mark.line && column == mark.column { return byte }
            if line > mark.line { return nil }
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return nil
    }
}

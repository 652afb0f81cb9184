/// A YAML node with the position it was read from: every finding can point at `file:line:col`.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// `plain` is false for quoted and block scalars: `"3"` is text, `3` is a number.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var mark: Mark

    public init(_ content: Content, mark: Mark) {
        self.content = content
        self.mark = mark
    }

    /// The scalar's text, or nil for a list or a mapping.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// `~`, `null`, or nothing at all, written without quotes.
    public var isNull: Bool {
        if case .scalar(let text, plain: true) = content {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The value for `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar == key }?.value
    }

    /// What the node is, in words for an error message ("a list", "text 'abc'").
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, _):
            if isNull { return "nothing" }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "'\(shown)'"
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    /// The key's text; keys are always scalars once the reader has accepted the file.
    public var name: String { key.scalar ?? "" }
}

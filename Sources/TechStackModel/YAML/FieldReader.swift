/// Reads typed fields out of located YAML nodes, collecting every problem instead of
/// stopping at the first, so one run shows a user all that is wrong with a file.
public final class FieldReader {
    public let path: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(path: String) { self.path = path }

    public func error(_ message: String, at mark: Mark, schema: Bool = true) {
        diagnostics.append(Diagnostic(path: path, mark: mark, severity: .error, message: message, isSchemaError: schema))
    }

    public func warning(_ message: String, at mark: Mark) {
        diagnostics.append(Diagnostic(path: path, mark: mark, severity: .warning, message: message, isSchemaError: false))
    }

    /// A mapping's fields by name. Missing required fields are errors at the mapping;
    /// unknown fields are handed to `unknown` (warnings by default) with the nearest known name.
    public func fields(
        _ node: YAMLNode, of what: String, known: [String], required: [String] = [],
        unknown: ((YAMLPair, String?) -> Void)? = nil
    ) -> [String: YAMLNode]? {
        guard let pairs = node.pairs else {
            error("\(what) must be a mapping, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var result: [String: YAMLNode] = [:]
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            let name = pair.name
            if known.contains(name) {
                result[name] = pair.value
            } else if let unknown {
                unknown(pair, NearestName.find(name, in: known))
            } else {
                let hint = NearestName.find(name, in: known).map { "did you mean '\($0)'?" } ?? "known fields: \(known.joined(separator: ", "))"
                warning("unknown field '\(name)' in \(what); \(hint)", at: pair.key.mark)
            }
        }
        for name in required where result[name] == nil || result[name]?.isNull == true {
            error("\(what) is missing the required field '\(name)'", at: node.mark)
        }
        return result
    }

    public func string(_ node: YAMLNode?, _ field: @autoclosure () -> String) -> String? {
        guard let node else { return nil }
        switch node.content {
        case .scalar(let text, _) where !node.isNull: return text
        default:
            error("'\(field())' must be text, found \(node.kindDescription)", at: node.mark)
            return nil
        }
    }

    public func int(_ node: YAMLNode?, _ field: @autoclosure () -> String) -> Int? {
        guard let node else { return nil }
        if case .scalar(let text, plain: true) = node.content, let value = Int(text) {
            return value
        }
        error("'\(field())' must be a whole number, found \(node.kindDescription)", at: node.mark)
        return nil
    }

    public func bool(_ node: YAMLNode?, _ field: @autoclosure () -> String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let text, plain: true) = node.content {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error("'\(field())' must be true or false, found \(node.kindDescription)", at: node.mark)
        return nil
    }

    /// One of a fixed set of words.
    public func choice(_ node: YAMLNode?, _ field: @autoclosure () -> String, _ allowed: [String]) -> String? {
        guard let node, let text = string(node, field()) else { return nil }
        guard allowed.contains(text) else {
            error("'\(field())' must be one of \(allowed.joined(separator: ", ")), found '\(text)'\(NearestName.hint(text, in: allowed))", at: node.mark)
            return nil
        }
        return text
    }

    /// A list of scalars; a single scalar is accepted as a list of one when `single` allows it.
    /// `field` names it in an error, and is worked out only for one.
    public func strings(_ node: YAMLNode?, _ field: @autoclosure () -> String, single: Bool = false) -> [Located<String>]? {
        guard let node else { return nil }
        if single, case .scalar = node.content, !node.isNull {
            return string(node, field()).map { [Located($0, node.mark)] }
        }
        guard let items = node.items else {
            error("'\(field())' must be a list\(single ? " or a single value" : ""), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        return items.compactMap { item in string(item, field()).map { Located($0, item.mark) } }
    }

    public func list(_ node: YAMLNode?, _ field: @autoclosure () -> String) -> [YAMLNode]? {
        guard let node else { return nil }
        guard let items = node.items else {
            error("'\(field())' must be a list, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        return items
    }
}

/// A value with the place it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var mark: Mark

    public init(_ value: Value, _ mark: Mark) {
        self.value = value
        self.mark = mark
    }
}

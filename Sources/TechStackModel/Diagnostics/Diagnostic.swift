/// How serious a diagnostic or a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A position in a file, 1-based like every editor shows it.
public struct Mark: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = Mark(line: 1, column: 1)
}

/// A problem with an input file, printed as `path:line:col: severity: message`.
///
/// `isSchemaError` separates a file that cannot be used at all (malformed YAML, wrong
/// types, missing fields: exit 2) from a problem in otherwise well-formed content
/// (a dangling reference in a catalogue: `catalogue check` exits 1).
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var mark: Mark
    public var severity: Severity
    public var message: String
    public var isSchemaError: Bool

    public init(path: String, mark: Mark, severity: Severity = .error, message: String, isSchemaError: Bool = true) {
        self.path = path
        self.mark = mark
        self.severity = severity
        self.message = message
        self.isSchemaError = isSchemaError
    }

    public var description: String {
        "\(Terminal.sanitize(path)):\(mark.line):\(mark.column): \(severity.rawValue): \(Terminal.sanitize(message))"
    }
}

/// Diagnostics are gathered, not thrown one at a time, so a user sees every problem in one run.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic]) { self.items = items }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasSchemaErrors: Bool { items.contains { $0.severity == .error && $0.isSchemaError } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    public var description: String { items.map(\.description).joined(separator: "\n") }
}

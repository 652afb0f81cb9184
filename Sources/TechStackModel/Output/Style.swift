import Foundation

/// Text for a terminal, with its colour kept apart from its characters.
///
/// Text that came from a file enters through `init(_:)` or an interpolation and is made safe
/// there (control characters shown as `\u{…}`); string literals of the code are trusted as
/// written. Colour is a property of runs, turned into escape codes only by `rendered(color:)`,
/// the last step before printing. So styled text can never be sanitised after styling (which
/// would print `\u{1b}[1m`), and input can never carry an escape code of its own: a `String`
/// does not become `StyledText` without passing through the sanitiser.
public struct StyledText: Sendable, Equatable, ExpressibleByStringInterpolation {
    struct Run: Sendable, Equatable {
        package var text: String
        /// SGR parameters (`1`, `31`, `1;31`), nil for plain text.
        var sgr: String?
    }

    private(set) var runs: [Run]

    public init() { runs = [] }

    /// Untrusted text, safe for a terminal: no control character, line breaks included.
    public init(_ untrusted: String) {
        runs = untrusted.isEmpty ? [] : [Run(text: Terminal.sanitize(untrusted), sgr: nil)]
    }

    /// Untrusted text of several lines: line breaks and tabs kept, every other control shown.
    public static func lines(_ untrusted: String) -> StyledText {
        var t = StyledText()
        if !untrusted.isEmpty { t.runs = [Run(text: Terminal.sanitize(untrusted, keepNewlines: true), sgr: nil)] }
        return t
    }

    public init(stringLiteral literal: String) {
        runs = literal.isEmpty ? [] : [Run(text: literal, sgr: nil)]
    }

    public init(stringInterpolation: StringInterpolation) { runs = stringInterpolation.runs }

    public struct StringInterpolation: StringInterpolationProtocol {
        var runs: [Run] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { runs.append(Run(text: literal, sgr: nil)) }
        }

        /// Text from input: sanitised.
        public mutating func appendInterpolation(_ text: String) {
            runs += StyledText(text).runs
        }

        public mutating func appendInterpolation(_ text: Substring) {
            runs += StyledText(String(text)).runs
        }

        public mutating func appendInterpolation(_ styled: StyledText) {
            runs += styled.runs
        }

        /// Numbers and other values: their description, sanitised like any text.
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            runs += StyledText(value.description).runs
        }
    }

    public static func + (a: StyledText, b: StyledText) -> StyledText {
        var out = a
        out.runs += b.runs
        return out
    }

    public static func += (a: inout StyledText, b: StyledText) { a.runs += b.runs }

    public var isEmpty: Bool { runs.allSatisfy(\.text.isEmpty) }

    /// The characters a reader sees, without colour: for widths and tests.
    public var plain: String { runs.map(\.text).joined() }

    /// How many columns the text takes (one per character).
    public var width: Int { runs.reduce(0) { $0 + Self.width(of: $1.text) } }

    /// Characters a reader sees; for ASCII without a carriage return (the one pair of ASCII
    /// characters that makes one), that is its bytes, counted without walking graphemes.
    static func width(of text: String) -> Int {
        let bytes = text.utf8
        return bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? bytes.count : text.count
    }

    /// The text with `code` added to every run's style.
    func styled(_ code: String) -> StyledText {
        var out = self
        out.runs = runs.map { Run(text: $0.text, sgr: $0.sgr.map { "\(code);\($0)" } ?? code) }
        return out
    }

    /// What is printed: escape codes only when `color` is on.
    public func rendered(color: Bool) -> String {
        var out = ""
        for run in runs {
            if color, let sgr = run.sgr, !run.text.isEmpty {
                out += "\u{1B}[\(sgr)m\(run.text)\u{1B}[0m"
            } else {
                out += run.text
            }
        }
        return out
    }
}

extension Array where Element == StyledText {
    public func joined(separator: StyledText = "") -> StyledText {
        var out = StyledText()
        for (i, part) in enumerated() {
            if i > 0 { out += separator }
            out += part
        }
        return out
    }
}

/// Terminal styling: colour only on a terminal, never with `--no-color` or `NO_COLOR`.
/// The one printer of colour: `render` is the only place escape codes are written.
public struct Style: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    /// Colour when standard output is a terminal and nobody asked for none.
    public static func detect(noColor: Bool, toFile: Bool) -> Style {
        let env = ProcessInfo.processInfo.environment["NO_COLOR"]
        let disabled = noColor || toFile || (env != nil && env != "") || isatty(STDOUT_FILENO) == 0
        return Style(color: !disabled)
    }

    public static let plain = Style(color: false)

    public func render(_ text: StyledText) -> String { text.rendered(color: color) }

    public func bold(_ s: StyledText) -> StyledText { s.styled("1") }
    public func dim(_ s: StyledText) -> StyledText { s.styled("2") }
    public func red(_ s: StyledText) -> StyledText { s.styled("31") }
    public func yellow(_ s: StyledText) -> StyledText { s.styled("33") }
    public func green(_ s: StyledText) -> StyledText { s.styled("32") }
    public func blue(_ s: StyledText) -> StyledText { s.styled("34") }
    public func cyan(_ s: StyledText) -> StyledText { s.styled("36") }

    public func bold(_ s: String) -> StyledText { bold(StyledText(s)) }
    public func dim(_ s: String) -> StyledText { dim(StyledText(s)) }
    public func red(_ s: String) -> StyledText { red(StyledText(s)) }
    public func yellow(_ s: String) -> StyledText { yellow(StyledText(s)) }
    public func green(_ s: String) -> StyledText { green(StyledText(s)) }
    public func blue(_ s: String) -> StyledText { blue(StyledText(s)) }
    public func cyan(_ s: String) -> StyledText { cyan(StyledText(s)) }

    public func severity(_ severity: Severity) -> StyledText {
        switch severity {
        case .error: bold(red("error"))
        case .warning: bold(yellow("warning"))
        case .info: bold(blue("info"))
        }
    }
}

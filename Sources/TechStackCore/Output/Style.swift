import Foundation

/// Terminal styling: colour only on a terminal, never with `--no-color` or `NO_COLOR`.
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

    private func wrap(_ code: String, _ text: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ s: String) -> String { wrap("1", s) }
    public func dim(_ s: String) -> String { wrap("2", s) }
    public func red(_ s: String) -> String { wrap("31", s) }
    public func yellow(_ s: String) -> String { wrap("33", s) }
    public func green(_ s: String) -> String { wrap("32", s) }
    public func blue(_ s: String) -> String { wrap("34", s) }
    public func cyan(_ s: String) -> String { wrap("36", s) }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: bold(red("error"))
        case .warning: bold(yellow("warning"))
        case .info: bold(blue("info"))
        }
    }
}

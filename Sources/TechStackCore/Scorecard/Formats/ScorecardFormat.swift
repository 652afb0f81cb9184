/// One output format of `scorecard`, one file per format (`--format IDENTIFIER`).
public protocol ScorecardFormat {
    static var identifier: String { get }
    static func generate(_ scorecard: Scorecard, style: Style) -> String
}

public enum ScorecardFormats {
    public static var all: [any ScorecardFormat.Type] { [
        TextScorecard.self, MarkdownScorecard.self, CSVScorecard.self, JSONScorecard.self, HTMLScorecard.self,
    ] }

    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any ScorecardFormat.Type)? {
        all.first { $0.identifier == identifier }
    }
}

/// Left-aligned text columns, padded by visible width so colour codes do not shift them.
struct TextColumns {
    enum Alignment { case left, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[(text: String, visible: Int)]] = []

    init(_ header: [String], alignments: [Alignment]) {
        self.header = header
        self.alignments = alignments
    }

    /// `styled` is what is printed; its width is taken from `plain`.
    mutating func add(_ cells: [(plain: String, styled: String)]) {
        rows.append(cells.map { ($0.styled, $0.plain.count) })
    }

    mutating func add(_ cells: [String]) { add(cells.map { ($0, $0) }) }

    func render(indent: String = "  ", style: Style) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.visible) }
        }
        func line(_ cells: [(text: String, visible: Int)]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.visible))
                let last = i == cells.count - 1
                switch alignments[i] {
                case .left: parts.append(last ? cell.text : cell.text + pad)
                case .right: parts.append(pad + cell.text)
                }
            }
            var text = indent + parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return [style.dim(line(header.map { ($0, $0.count) }))] + rows.map(line)
    }
}

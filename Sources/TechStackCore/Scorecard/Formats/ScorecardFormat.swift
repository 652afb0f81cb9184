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
    var rows: [[StyledText]] = []

    init(_ header: [String], alignments: [Alignment]) {
        self.header = header
        self.alignments = alignments
    }

    /// Cells are padded by the width of what a reader sees, not of the escape codes.
    mutating func add(_ cells: [StyledText]) { rows.append(cells) }

    /// Untrusted text in every cell.
    mutating func add(_ cells: [String]) { add(cells.map { StyledText($0) }) }

    func render(indent: String = "  ", style: Style) -> [StyledText] {
        let head = header.map { StyledText($0) }
        var widths = head.map(\.width)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.width) }
        }
        func line(_ cells: [StyledText]) -> StyledText {
            var parts: [StyledText] = []
            let count = min(cells.count, widths.count)
            // Trailing blank cells leave no trailing spaces.
            var last = count - 1
            while last > 0 && cells[last].isEmpty { last -= 1 }
            for i in 0..<count where i <= last {
                let cell = cells[i]
                let pad = StyledText(String(repeating: " ", count: max(0, widths[i] - cell.width)))
                switch alignments[i] {
                case .left: parts.append(i == last ? cell : cell + pad)
                case .right: parts.append(pad + cell)
                }
            }
            return StyledText(stringLiteral: indent) + parts.joined(separator: "  ")
        }
        return [style.dim(line(head))] + rows.map(line)
    }
}

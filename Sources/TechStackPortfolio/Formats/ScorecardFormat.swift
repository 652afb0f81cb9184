import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// One output format of `scorecard`, one file per format (`--format IDENTIFIER`).
public protocol ScorecardFormat {
    static var identifier: String { get }
    static func generate(_ scorecard: Scorecard, style: Style) -> String
}

public enum ScorecardFormats {
    public static var all: [any ScorecardFormat.Type] { Choice.allCases.map(\.format) }

    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any ScorecardFormat.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// `scorecard --format`.
    public enum Choice: String, CaseIterable, Sendable {
        case text, markdown, csv, json, html

        public var format: any ScorecardFormat.Type {
            switch self {
            case .text: TextScorecard.self
            case .markdown: MarkdownScorecard.self
            case .csv: CSVScorecard.self
            case .json: JSONScorecard.self
            case .html: HTMLScorecard.self
            }
        }
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
        // Widths, then lines, on every core: a portfolio's project table has a row per project.
        let cellWidths = ParallelMap.map(rows, workers: System.activeCores) { $0.map(\.width) }
        var columnWidths = head.map(\.width)
        for row in cellWidths {
            for (i, width) in row.enumerated() where i < columnWidths.count { columnWidths[i] = max(columnWidths[i], width) }
        }
        let widths = columnWidths, alignments = alignments
        // Padding of every width, made once: `String(repeating:count:)` per cell was a tenth of
        // a large text scorecard.
        let pads = (0...(widths.max() ?? 0)).map { StyledText(stringLiteral: String(repeating: " ", count: $0)) }
        @Sendable func line(_ cells: [StyledText], _ cellWidths: [Int]) -> StyledText {
            var parts: [StyledText] = []
            let count = min(cells.count, widths.count)
            // Trailing blank cells leave no trailing spaces.
            var last = count - 1
            while last > 0 && cells[last].isEmpty { last -= 1 }
            for i in 0..<count where i <= last {
                let cell = cells[i]
                let pad = pads[min(max(0, widths[i] - cellWidths[i]), pads.count - 1)]
                switch alignments[i] {
                case .left: parts.append(i == last ? cell : cell + pad)
                case .right: parts.append(pad + cell)
                }
            }
            return StyledText(stringLiteral: indent) + parts.joined(separator: "  ")
        }
        let numbered = Array(zip(rows, cellWidths))
        return [style.dim(line(head, head.map(\.width)))] + ParallelMap.map(numbered, workers: System.activeCores) { line($0.0, $0.1) }
    }
}

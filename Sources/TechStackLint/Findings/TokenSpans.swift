import TechStackEvidence
import TechStackModel

/// Where the YAML scalar at a mark ends, so a finding can underline the key or value it is
/// about (SARIF `region.endColumn`). Columns count Unicode scalars from 1, as marks do.
struct TokenSpans {
    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
    }

    /// The column just past the scalar starting at `mark`: a quoted scalar up to its closing
    /// quote, a plain one up to `: `, `,`, `]`, `}`, ` #` or the end of the line. Nil when the
    /// mark is not on a scalar of this file.
    func end(of mark: Mark) -> Int? {
        guard mark.line >= 1, mark.line <= lineStarts.count, mark.column >= 1 else { return nil }
        let start = lineStarts[mark.line - 1]
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        let line = Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
        let first = mark.column - 1
        guard first < line.count else { return nil }
        var i = first
        switch line[first] {
        case "\"", "'":
            let quote = line[first]
            i += 1
            while i < line.count {
                if quote == "\"", line[i] == "\\" { i += 2; continue }
                if line[i] == quote {
                    if quote == "'", i + 1 < line.count, line[i + 1] == "'" { i += 2; continue }
                    i += 1
                    break
                }
                i += 1
            }
            i = min(i, line.count)
        default:
            while i < line.count {
                let c = line[i]
                if c == "," || c == "]" || c == "}" { break }
                if c == ":", i + 1 == line.count || line[i + 1] == " " || line[i + 1] == "\t" { break }
                if c == "#", i > first, line[i - 1] == " " || line[i - 1] == "\t" { break }
                i += 1
            }
            while i > first, line[i - 1] == " " || line[i - 1] == "\t" { i -= 1 }
        }
        return i > first ? i + 1 : nil
    }
}

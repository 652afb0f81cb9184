/// A JSON text written straight into a byte buffer, value after value: no tree of the
/// document is ever built.
///
/// The layout is that of Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two spaces per level, `"key" : value`, an empty container as
/// `[` newline newline indent `]`), or its compact form when `pretty` is false; `pretty` may
/// change between values, so one document can hold compact lines inside a pretty frame.
/// Strings are escaped per RFC 8259 as `JSONEncoder` does: `"` and `\` with a backslash,
/// U+0008, U+0009, U+000A, U+000C and U+000D as `\b \t \n \f \r`, every other control
/// character below U+0020 as `\u00xx`; everything else (`/`, DEL, U+2028) as UTF-8.
/// Numbers as `JSONEncoder` writes them: integers in decimal, a `Double` as its shortest
/// round-trip `description` without a trailing `.0`.
///
/// Members are written in the order given; callers give them sorted by key (the order
/// `.sortedKeys` produces), and debug builds check that order for every object.
///
/// ```swift
/// var w = JSONWriter(pretty: true)
/// w.object { o in
///     o.field("id", "rest-json")
///     o.field("cost") { $0.array(items) { w, item in item.writeJSON(to: &w) } }
/// }
/// ```
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    public var pretty: Bool
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var empty = true
    #if DEBUG
    private var lastKeys: [String?] = []
    #endif

    public init(pretty: Bool = true, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: containers

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        #if DEBUG
        lastKeys.append(nil)
        #endif
        body(&self)
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// An array of `items`, each written by `element` as one value.
    public mutating func array<S: Sequence>(_ items: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        array { w in
            for item in items {
                w.element()
                element(&w, item)
            }
        }
    }

    public mutating func array<S: Sequence>(_ items: S) where S.Element: JSONWritable {
        array(items) { w, item in item.writeJSON(to: &w) }
    }

    public mutating func array<S: Sequence>(_ strings: S) where S.Element == String {
        array(strings) { w, s in w.string(s) }
    }

    // MARK: members

    /// Starts an array element: the separator and, when pretty, the line break and indent.
    public mutating func element() {
        separate()
    }

    /// Starts an object member: separator, the key and `:`. A key from input is fine here;
    /// a fixed key is better given as a `StaticString`.
    public mutating func key(_ name: String) {
        separate()
        string(name)
        colon()
    }

    public mutating func key(_ name: StaticString) {
        #if DEBUG
        let text = name.description
        if let last = lastKeys.last, let previous = last {
            assert(previous < text, "JSON keys out of order: '\(text)' after '\(previous)'")
        }
        if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = text }
        #endif
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }   // fixed keys need no escaping
        bytes.append(UInt8(ascii: "\""))
        colon()
    }

    public mutating func field(_ name: StaticString, _ value: (inout JSONWriter) -> Void) {
        key(name)
        value(&self)
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// `null` when nil.
    public mutating func field(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value { number(value) } else { null() }
    }

    /// `null` when nil.
    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    public mutating func field<T: JSONWritable>(_ name: StaticString, _ value: T) {
        key(name)
        value.writeJSON(to: &self)
    }

    public mutating func field(_ name: StaticString, _ strings: [String]) {
        key(name)
        array(strings)
    }

    public mutating func field<T: JSONWritable>(_ name: StaticString, _ items: [T]) {
        key(name)
        array(items)
    }

    /// Left out when nil (as `encodeIfPresent` does).
    public mutating func fieldIfPresent(_ name: StaticString, _ value: Int?) {
        if let value { field(name, value) }
    }

    public mutating func fieldIfPresent(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    public mutating func fieldIfPresent<T: JSONWritable>(_ name: StaticString, _ value: T?) {
        if let value { field(name, value) }
    }

    // MARK: values

    public mutating func null() {
        append("null")
    }

    public mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    public mutating func number(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude >= 10 else {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[23 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// The shortest text that reads back as `value`, without a trailing `.0`; `null` for a
    /// value JSON cannot hold (NaN, infinity).
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        append(text)
    }

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    hex.withUTF8Buffer { digits in
                        bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                                  digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
                    }
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Text already in JSON form (a number, a literal), appended as it is.
    public mutating func raw(_ text: String) {
        append(text)
    }

    /// A value already written as JSON by another writer, appended as it is.
    public mutating func raw(_ json: [UInt8]) {
        bytes.append(contentsOf: json)
    }

    /// The document as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: layout

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            if empty { bytes.append(UInt8(ascii: "\n")) }
            newline()
        }
        bytes.append(bracket)
        empty = false
    }

    private mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline() }
    }

    private mutating func colon() {
        if pretty { append(" : " as StaticString) } else { bytes.append(UInt8(ascii: ":")) }
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }
}

/// A value that writes itself as one JSON value (usually an object, its keys sorted).
public protocol JSONWritable {
    func writeJSON(to w: inout JSONWriter)
}

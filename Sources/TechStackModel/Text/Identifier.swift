/// The syntax of every id the tool reads: catalogue entries, rules, campaigns and levels,
/// and the entry ids that name the site's pages.
public enum Identifier {
    /// Lower-case letters, digits, `.` and `-`, starting with a letter or digit.
    public static let pattern = "[a-z0-9][a-z0-9.-]*"

    /// Whether `id` matches `pattern`. `asPathComponent` also refuses `..` anywhere, for an
    /// id that names a file (`<kind>/<id>.html`): the catalogue allows `a..b` as an id, but a
    /// page named by it must not read as a step out of its folder.
    public static func isWellFormed(_ id: some StringProtocol, asPathComponent: Bool = false) -> Bool {
        var bytes = id.utf8.makeIterator()
        guard let first = bytes.next(), isLowerAlnum(first) else { return false }
        var previous = first
        while let b = bytes.next() {
            guard isLowerAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { return false }
            if asPathComponent, b == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            previous = b
        }
        return true
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}

extension StringProtocol {
    /// Empty, or nothing but white space (Unicode's White_Space: spaces, tabs, line breaks).
    /// The one test of "no text given" for manifests, rules and catalogue fields. Read
    /// scalar by scalar, without Foundation's bridging: it runs for every value of every manifest.
    public var isBlank: Bool {
        unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20, 0x09...0x0D: true
            case 0..<0x80: false
            default: scalar.properties.isWhitespace
            }
        }
    }
}

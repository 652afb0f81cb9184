/// A project's `techstack.yaml` (README, "Linting a project"), with the place every value was written.
public struct Manifest: Sendable {
    public enum Sector: String, Sendable, Codable { case `public`, `private` }

    /// A concern answered in `choices`: one id or a list of ids.
    public struct Answer: Sendable {
        public var concern: Located<String>
        public var choices: [Located<String>]
    }

    /// Data the project is the source of truth for.
    public struct Produced: Sendable {
        public var id: Located<String>
        public var name: String?
        public var sharedVia: Located<String>?
        /// `shared: false`; nil when not written.
        public var shared: Bool?
        public var reason: String?
        public var mark: Mark
    }

    /// A grant reference, keyed by a dataset id or an agency id.
    public struct Grant: Sendable {
        public var key: Located<String>
        public var reference: String
    }

    public struct Exemption: Sendable {
        public var rule: Located<String>
        public var concern: Located<String>?
        public var dataset: Located<String>?
        public var reason: String
        public var owner: String?
        public var expires: Day
        public var mark: Mark
    }

    /// A key the format does not know, for the `unknown-key` rule.
    public struct UnknownKey: Sendable {
        public var key: String
        /// Where the key sits, e.g. `produces[0]`, empty at the top level.
        public var context: String
        public var nearest: String?
        public var mark: Mark
    }

    public var path: String
    public var version: Int
    public var project: Located<String>
    public var agency: Located<String>
    public var summary: String?
    public var sector: Sector
    public var choices: [Answer]
    public var consumes: [Located<String>]
    public var produces: [Produced]
    public var grants: [Grant]
    public var expectedUsers: Int?
    public var exemptions: [Exemption]
    public var unknownKeys: [UnknownKey]
    /// Where the mapping of each top-level key starts, for findings about a missing entry
    /// (e.g. a required concern: reported at `choices:`, or at 1:1 when there is none).
    public var keyMarks: [String: Mark]

    public init(path: String, version: Int = 1, project: Located<String>, agency: Located<String>, summary: String? = nil,
                sector: Sector = .public, choices: [Answer] = [], consumes: [Located<String>] = [], produces: [Produced] = [],
                grants: [Grant] = [], expectedUsers: Int? = nil, exemptions: [Exemption] = [], unknownKeys: [UnknownKey] = [],
                keyMarks: [String: Mark] = [:]) {
        self.path = path
        self.version = version
        self.project = project
        self.agency = agency
        self.summary = summary
        self.sector = sector
        self.choices = choices
        self.consumes = consumes
        self.produces = produces
        self.grants = grants
        self.expectedUsers = expectedUsers
        self.exemptions = exemptions
        self.unknownKeys = unknownKeys
        self.keyMarks = keyMarks
    }

    /// The project's stack: every id answered in `choices`, nothing else.
    public var stack: Set<String> { Set(choices.flatMap { $0.choices.map(\.value) }) }

    public func answer(for concern: String) -> Answer? { choices.first { $0.concern.value == concern } }
}

/// A calendar day, `YYYY-MM-DD`: exemption expiry and scorecard snapshots.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // Digits only: Int() alone would take "+999" as a four-character year.
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }),
              parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
        year = y
        month = m
        day = d
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences between days.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

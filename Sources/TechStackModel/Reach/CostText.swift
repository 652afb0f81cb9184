/// How text names the datasets a deviation costs: one formatter for findings and their
/// reporters, scorecards, the programme, the catalogue diff and the editor schema.
public enum CostText {
    /// What each dataset carries besides its id.
    public enum Detail: Sendable {
        /// `myinfo-person (source ica)`.
        case source
        /// `myinfo-person (ica)`: for table cells, where the column says what the agency is.
        case agency
        /// `myinfo-person (Myinfo person data, source ica)`.
        case name(Catalogue)
    }

    /// One dataset.
    public static func item(_ item: CostItem, _ detail: Detail = .source) -> String {
        switch detail {
        case .source: "\(item.dataset) (source \(item.source))"
        case .agency: "\(item.dataset) (\(item.source))"
        case .name(let catalogue): "\(item.dataset) (\(catalogue.name(of: item.dataset)), source \(item.source))"
        }
    }

    /// Every dataset, separated by commas: `myinfo-person (source ica), …`.
    public static func list(_ cost: [CostItem], _ detail: Detail = .source) -> String {
        cost.map { item($0, detail) }.joined(separator: ", ")
    }

    /// For a sentence: `a`, `a and b`, `a, b and c`; past `limit` the rest are counted
    /// (`5 shared datasets: a, b, c and 2 more`).
    public static func sentence(_ cost: [CostItem], _ detail: Detail, upTo limit: Int = .max) -> String {
        let named = cost.prefix(limit).map { item($0, detail) }
        guard cost.count > limit else {
            guard let last = named.last else { return "" }
            return named.count == 1 ? last : named.dropLast().joined(separator: ", ") + " and " + last
        }
        return "\(cost.count) shared datasets: " + named.joined(separator: ", ") + " and \(cost.count - limit) more"
    }
}

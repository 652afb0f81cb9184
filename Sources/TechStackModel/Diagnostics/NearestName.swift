/// "Did you mean …?" suggestions: the known name closest to a misspelt one.
public enum NearestName {
    /// The candidate with the smallest edit distance, if it is close enough to be a plausible typo.
    public static func find<S: Sequence>(_ name: String, in candidates: S) -> String? where S.Element == String {
        let lowered = Array(name.lowercased().utf8)
        guard !lowered.isEmpty, lowered.count <= 200 else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().utf8)
            if c.count > 200 { continue }
            let d = distance(lowered, c)
            if let current = best, d > current.distance || (d == current.distance && candidate >= current.name) {
                continue
            }
            best = (candidate, d)
        }
        guard let best else { return nil }
        let limit = max(2, min(lowered.count, best.name.utf8.count) / 3)
        let containsEither = best.name.lowercased().contains(name.lowercased()) || name.lowercased().contains(best.name.lowercased())
        return best.distance <= limit || containsEither ? best.name : nil
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint<S: Sequence>(_ name: String, in candidates: S) -> String where S.Element == String {
        find(name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance over bytes, with transpositions counted as one edit.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

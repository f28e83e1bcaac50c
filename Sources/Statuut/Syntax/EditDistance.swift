/// "Did you mean …?" suggestions by Levenshtein distance over characters.
enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely misspelling.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return nil }
        var best: (word: String, distance: Int)?
        for candidate in Set(candidates) {
            let distance = levenshtein(target, Array(candidate))
            let limit = max(1, min(3, candidate.count / 3))
            guard distance <= limit, distance < candidate.count else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.word) {
                best = (candidate, distance)
            }
        }
        return best?.word
    }

    /// Edit distance where swapping two neighbouring letters counts as one edit
    /// (optimal string alignment), the most common typing slip.
    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

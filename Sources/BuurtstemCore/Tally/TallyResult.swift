public import Statuut

/// One round of a count: the standing of every candidate, and what happened.
public struct TallyRound: Sendable, Hashable {
    public var number: Int
    /// (candidate id, value as text) for every candidate still counted, in candidate order.
    public var counts: [(id: String, value: String)]
    public var elected: [String]
    public var eliminated: [String]
    /// What happened, in plain English.
    public var note: String

    public init(number: Int, counts: [(id: String, value: String)], elected: [String] = [], eliminated: [String] = [], note: String) {
        self.number = number
        self.counts = counts
        self.elected = elected
        self.eliminated = eliminated
        self.note = note
    }

    public static func == (lhs: TallyRound, rhs: TallyRound) -> Bool {
        lhs.number == rhs.number && lhs.counts.map(\.id) == rhs.counts.map(\.id) && lhs.counts.map(\.value) == rhs.counts.map(\.value)
            && lhs.elected == rhs.elected && lhs.eliminated == rhs.eliminated && lhs.note == rhs.note
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(note)
    }
}

/// The outcome of a count, with every round explained.
public struct TallyResult: Sendable, Hashable {
    /// The method's stable name, e.g. `instant-runoff`, `stv-scottish`, `equal-shares-add1`.
    public var method: String
    /// Winners or funded projects by their ids as written in the source, in the order elected.
    public var elected: [String]
    /// Schulze: every candidate from best to worst.
    public var ranking: [String]?
    public var rounds: [TallyRound]
    /// Names by id, for readable output.
    public var names: [String: String]
    /// Extra facts (quota, budget spent, …) as data.
    public var details: [String: JSONValue]

    public init(
        method: String, elected: [String], ranking: [String]? = nil, rounds: [TallyRound], names: [String: String],
        details: [String: JSONValue] = [:]
    ) {
        self.method = method
        self.elected = elected
        self.ranking = ranking
        self.rounds = rounds
        self.names = names
        self.details = details
    }

    /// `{"method", "elected", "ranking"?, "rounds", "names", …details}`.
    public func json() -> JSONValue {
        var object = details
        object["method"] = .string(method)
        object["elected"] = .array(elected.map(JSONValue.string))
        if let ranking { object["ranking"] = .array(ranking.map(JSONValue.string)) }
        object["names"] = .object(names.mapValues(JSONValue.string))
        object["rounds"] = .array(
            rounds.map { round in
                .object([
                    "round": .int(round.number),
                    "counts": .array(round.counts.map { .object(["id": .string($0.id), "value": .string($0.value)]) }),
                    "elected": .array(round.elected.map(JSONValue.string)),
                    "eliminated": .array(round.eliminated.map(JSONValue.string)),
                    "note": .string(round.note),
                ])
            })
        return .object(object)
    }

    /// A readable report, round by round.
    public func text() -> String {
        func name(_ id: String) -> String { names[id].map { $0 == id ? id : "\($0) (\(id))" } ?? id }
        var out = "method: \(method)\n"
        for key in details.keys.sorted() { out += "\(key): \(details[key]!.encoded(pretty: false))\n" }
        for round in rounds {
            out += "\nround \(round.number): \(round.note)\n"
            for (id, value) in round.counts { out += "  \(value.leftPadded(14))  \(name(id))\n" }
        }
        out += "\nelected: " + (elected.isEmpty ? "none" : elected.map(name).joined(separator: ", ")) + "\n"
        if let ranking { out += "ranking: " + ranking.map(name).joined(separator: " > ") + "\n" }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Ties are broken the same way in every method (see docs/tally-methods.md): first by the counts
/// of earlier rounds, from the most recent back; where candidates were equal in every round, the
/// candidate listed first in the ballot file or option list is preferred.
enum TieBreak {
    /// Of `tied` (candidate indices), the one to prefer (`lowest == false`) or to drop (`lowest == true`).
    static func pick(_ tied: [Int], history: [[Int64]], lowest: Bool) -> Int {
        var candidates = tied.sorted()
        for totals in history.reversed() where candidates.count > 1 {
            let values = candidates.map { totals[$0] }
            let target = lowest ? values.min()! : values.max()!
            candidates = candidates.filter { totals[$0] == target }
        }
        return lowest ? candidates.last! : candidates.first!
    }

    /// What a round's note adds when the tie-break chose: nothing when there was no tie.
    static func said(_ tied: [Int], chosen: Int, names: [String], by rule: String = "the earlier rounds, then listing order") -> String {
        guard tied.count > 1 else { return "" }
        let others = tied.filter { $0 != chosen }.map { names[$0] }.joined(separator: ", ")
        return " (tied with \(others): decided by \(rule))"
    }
}

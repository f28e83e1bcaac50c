import Statuut

/// Single choice (plurality): each ballot counts for its first choice; the most votes wins.
/// Approval voting: each ballot counts for every option it approves; the `winners` options with
/// the most approvals win. Ties: the option listed first wins.
public enum Plurality {
    public static func tally(_ profile: RankedProfile) -> TallyResult {
        var totals = Array(repeating: Int64(0), count: profile.candidates.count)
        var invalid: Int64 = 0
        for b in 0..<profile.ballotCount {
            guard let first = profile.levelRange(of: b).first, profile.cellRange(ofLevel: first).count == 1 else {
                invalid += Int64(profile.weights[b])
                continue
            }
            totals[Int(profile.cells[profile.cellRange(ofLevel: first).lowerBound])] += Int64(profile.weights[b])
        }
        let order = totals.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        return result("plurality", ids: profile.candidates, names: profile.names, totals, order: order, winners: 1, invalid: invalid)
    }

    public static func approval(_ ballots: [[Int]], options: [String], names: [String]? = nil, winners: Int = 1) -> TallyResult {
        var totals = Array(repeating: Int64(0), count: options.count)
        for ballot in ballots { for o in Set(ballot) { totals[o] += 1 } }
        let order = totals.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        return result("approval", ids: options, names: names ?? options, totals, order: order, winners: winners, invalid: 0)
    }

    static func result(
        _ method: String, ids: [String], names displayNames: [String], _ totals: [Int64], order: [Int], winners: Int,
        invalid: Int64
    ) -> TallyResult {
        let elected = Array(order.prefix(winners))
        let tiedAtCut = order.count > winners && totals[order[winners - 1]] == totals[order[winners]]
        let counts = order.map { (id: ids[$0], value: String(totals[$0])) }
        var names: [String: String] = [:]
        for (i, id) in ids.enumerated() { names[id] = displayNames[i] }
        return TallyResult(
            method: method, elected: elected.map { ids[$0] }, ranking: order.map { ids[$0] },
            rounds: [
                TallyRound(
                    number: 1, counts: counts, elected: elected.map { ids[$0] },
                    note: tiedAtCut ? "a tie at the last winning place is broken by listing order" : "the most votes win")
            ],
            names: names, details: ["invalid": .int(Int(invalid))])
    }
}

import Statuut

/// The Schulze method: for every pair, how many voters prefer one to the other (a ranked
/// candidate beats an unranked one; equal ranks prefer neither); the strength of the strongest
/// path from each candidate to each other (widest paths, Floyd–Warshall); A ranks above B when
/// the path from A to B is stronger than from B to A. Gives the winner and the full ranking.
///
/// The strength of a link A→B (when more voters prefer A to B than B to A) is either the number
/// who prefer A (`winningVotes`, Schulze's own recommendation and Buurtstem's default) or how many
/// more prefer A than B (`margins`, the default of pref_voting and many others). With complete
/// rankings both give the same result; with truncated ballots they can differ.
public enum Schulze {
    /// How strong a pairwise defeat is.
    public enum Strength: String, Sendable, CaseIterable {
        /// The number of voters who prefer the winner of the pair.
        case winningVotes = "winning-votes"
        /// The winner's votes minus the loser's.
        case margins
    }

    public static func tally(_ profile: RankedProfile, strength: Strength = .winningVotes) -> TallyResult {
        let n = profile.candidates.count
        let d = profile.isLinear && n <= 64 ? linearPairwise(profile) : pairwise(profile)
        var p = Array(repeating: Int64(0), count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j && d[i * n + j] > d[j * n + i] {
                p[i * n + j] = strength == .margins ? d[i * n + j] - d[j * n + i] : d[i * n + j]
            }
        }
        for k in 0..<n {
            for i in 0..<n where i != k {
                let pik = p[i * n + k]
                guard pik > 0 else { continue }
                for j in 0..<n where j != i && j != k {
                    let via = min(pik, p[k * n + j])
                    if via > p[i * n + j] { p[i * n + j] = via }
                }
            }
        }
        let wins = (0..<n).map { i in (0..<n).filter { j in j != i && p[i * n + j] > p[j * n + i] }.count }
        let order = (0..<n).sorted { wins[$0] != wins[$1] ? wins[$0] > wins[$1] : $0 < $1 }
        let winners = order.filter { wins[$0] == wins[order[0]] }
        let counts = (0..<n).map { (id: profile.candidates[$0], value: "\(wins[$0]) beaten") }
        var rounds = [
            TallyRound(
                number: 1, counts: counts, elected: [profile.candidates[order[0]]],
                note: winners.count == 1
                    ? "\(profile.candidates[order[0]]) beats every other candidate by the strongest paths"
                    : "\(winners.map { profile.candidates[$0] }.joined(separator: ", ")) are tied; the one listed first wins")
        ]
        var pairwise: [(id: String, value: String)] = []
        for i in 0..<n {
            for j in 0..<n where i != j { pairwise.append(("\(profile.candidates[i])>\(profile.candidates[j])", "\(d[i * n + j]) / path \(p[i * n + j])")) }
        }
        rounds.append(TallyRound(number: 2, counts: pairwise, note: "pairwise preferences and strongest paths"))
        var names: [String: String] = [:]
        for (i, id) in profile.candidates.enumerated() { names[id] = profile.names[i] }
        return TallyResult(
            method: "schulze", elected: [profile.candidates[order[0]]], ranking: order.map { profile.candidates[$0] },
            rounds: rounds, names: names, details: ["voters": .int(profile.voterCount), "strength": .string(strength.rawValue)])
    }

    /// How many voters prefer each candidate to each other (`d[i * n + j]`): every ballot compared
    /// over all pairs.
    static func pairwise(_ profile: RankedProfile) -> [Int64] {
        let n = profile.candidates.count
        var d = Array(repeating: Int64(0), count: n * n)
        var rank = Array(repeating: Int32.max, count: n)
        for b in 0..<profile.ballotCount {
            for i in 0..<n { rank[i] = Int32.max }
            var level: Int32 = 0
            for l in profile.levelRange(of: b) {
                for cell in profile.cellRange(ofLevel: l) {
                    let c = Int(profile.cells[cell])
                    if rank[c] == Int32.max { rank[c] = level }
                }
                level += 1
            }
            let w = Int64(profile.weights[b])
            for i in 0..<n where rank[i] != Int32.max {
                let ri = rank[i]
                for j in 0..<n where ri < rank[j] { d[i * n + j] += w }
            }
        }
        return d
    }

    /// The same for ballots without equal preferences (and at most 64 candidates), in time linear
    /// in the pairs each ballot ranks rather than in all pairs: `d[i][j]` = the voters who rank `i`
    /// minus those who rank `j` above `i` (a ranked candidate beats every unranked one). A candidate
    /// repeated on a ballot counts at its first place, as in the general count.
    static func linearPairwise(_ profile: RankedProfile) -> [Int64] {
        let n = profile.candidates.count
        var ranked = Array(repeating: Int64(0), count: n)
        var above = Array(repeating: Int64(0), count: n * n)
        var seen = [Int32](repeating: 0, count: 64)
        profile.cells.withUnsafeBufferPointer { cells in
            ranked.withUnsafeMutableBufferPointer { ranked in
                above.withUnsafeMutableBufferPointer { above in
                    var start = 0
                    for b in 0..<profile.ballotCount {
                        let end = Int(profile.ballotEnds[b])
                        let w = Int64(profile.weights[b])
                        var mask: UInt64 = 0
                        var count = 0
                        for l in start..<end {
                            let c = Int(cells[l])
                            let bit = UInt64(1) << UInt64(c)
                            guard mask & bit == 0 else { continue }
                            mask |= bit
                            ranked[c] += w
                            for k in 0..<count { above[Int(seen[k]) * n + c] += w }
                            seen[count] = Int32(c)
                            count += 1
                        }
                        start = end
                    }
                }
            }
        }
        var d = Array(repeating: Int64(0), count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j { d[i * n + j] = ranked[i] - above[j * n + i] }
        }
        return d
    }
}

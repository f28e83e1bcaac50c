import Statuut

/// Instant-runoff voting (single winner): count first preferences; while no candidate has more
/// than half of the continuing ballots, eliminate the candidate with the fewest and move each of
/// their ballots to its next continuing preference. A ballot with two continuing candidates at
/// the same level (an over-vote) stops counting there.
public enum InstantRunoff {
    public static func tally(_ profile: RankedProfile) -> TallyResult {
        let n = profile.candidates.count
        var continuing = Array(repeating: true, count: n)
        var totals = Array(repeating: Int64(0), count: n)
        var piles = Array(repeating: [Int32](), count: n)
        // The level each ballot currently counts at.
        var position = Array(repeating: Int32(-1), count: profile.ballotCount)
        var exhausted: Int64 = 0
        var history: [[Int64]] = []
        var rounds: [TallyRound] = []

        func place(_ b: Int) {
            let levels = profile.levelRange(of: b)
            var l = Int(position[b]) + 1
            if l < levels.lowerBound { l = levels.lowerBound }
            while l < levels.upperBound {
                var found = -1
                var several = false
                for cell in profile.cellRange(ofLevel: l) {
                    let c = Int(profile.cells[cell])
                    if continuing[c] {
                        if found >= 0 {
                            several = true
                            break
                        }
                        found = c
                    }
                }
                if several { break }
                if found >= 0 {
                    position[b] = Int32(l)
                    piles[found].append(Int32(b))
                    totals[found] += Int64(profile.weights[b])
                    return
                }
                l += 1
            }
            position[b] = Int32(levels.upperBound)
            exhausted += Int64(profile.weights[b])
        }

        for b in 0..<profile.ballotCount { place(b) }
        var winner = -1
        var round = 1
        while true {
            let active = (0..<n).filter { continuing[$0] }
            let counted = active.reduce(Int64(0)) { $0 + totals[$1] }
            let counts = active.map { (id: profile.candidates[$0], value: String(totals[$0])) }
            let top = active.max { totals[$0] < totals[$1] || (totals[$0] == totals[$1] && $0 > $1) }
            if let top, totals[top] * 2 > counted || active.count == 1 {
                winner = top
                rounds.append(
                    TallyRound(
                        number: round, counts: counts, elected: [profile.candidates[top]],
                        note: "\(profile.names[top]) has \(totals[top]) of \(counted) continuing votes, a majority; \(exhausted) exhausted"))
                break
            }
            guard !active.isEmpty else { break }
            let fewest = active.map { totals[$0] }.min()!
            let tied = active.filter { totals[$0] == fewest }
            let out = tied.count == 1 ? tied[0] : TieBreak.pick(tied, history: history, lowest: true)
            history.append(totals)
            rounds.append(
                TallyRound(
                    number: round, counts: counts, eliminated: [profile.candidates[out]],
                    note: "no majority of \(counted) continuing votes; \(profile.names[out]) has the fewest (\(fewest)) and is eliminated"
                        + (tied.count > 1 ? " (tie broken by earlier rounds, then listing order)" : "")))
            continuing[out] = false
            let pile = piles[out]
            piles[out] = []
            totals[out] = 0
            for b in pile { place(Int(b)) }
            round += 1
        }
        var names: [String: String] = [:]
        for (i, id) in profile.candidates.enumerated() { names[id] = profile.names[i] }
        return TallyResult(
            method: "instant-runoff", elected: winner >= 0 ? [profile.candidates[winner]] : [], rounds: rounds, names: names,
            details: ["voters": .int(profile.voterCount)])
    }
}

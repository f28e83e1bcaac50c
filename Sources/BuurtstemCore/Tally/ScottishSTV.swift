import Statuut

/// Single transferable vote by the Scottish local government rules (the Scottish Local
/// Government Elections Order 2007): Droop quota ⌊valid / (seats + 1)⌋ + 1; a candidate reaching
/// the quota is elected; the largest surplus is transferred first, every ballot of the elected
/// candidate moving on at transfer value surplus ÷ total × its value, truncated to 5 decimals;
/// without a surplus to transfer, the candidate with the fewest votes is excluded and their
/// ballots move on at their current value; when as many candidates continue as seats remain,
/// they are all elected. Values are whole numbers of 0.00001 vote: no floating point anywhere.
public enum ScottishSTV {
    /// 1 vote = 100,000 units (5 decimals).
    public static let scale: Int64 = 100_000

    struct Paper {
        var ballot: Int32
        var level: Int32
        var count: Int64
        var value: Int64
    }

    public static func tally(_ profile: RankedProfile, seats: Int) -> TallyResult {
        let n = profile.candidates.count
        enum Status { case continuing, elected, excluded }
        var status = Array(repeating: Status.continuing, count: n)
        var piles = Array(repeating: [Paper](), count: n)
        var totals = Array(repeating: Int64(0), count: n)
        var valid: Int64 = 0
        var nonTransferable: Int64 = 0
        var history: [[Int64]] = []
        var rounds: [TallyRound] = []
        var elected: [Int] = []
        var surpluses: [Int] = []

        /// The next level of ballot `b` after `level` with exactly one continuing candidate;
        /// nil when it runs out or reaches two continuing candidates at one level.
        func next(_ b: Int, after level: Int) -> (candidate: Int, level: Int)? {
            let levels = profile.levelRange(of: b)
            var l = max(level + 1, levels.lowerBound)
            while l < levels.upperBound {
                var found = -1
                for cell in profile.cellRange(ofLevel: l) {
                    let c = Int(profile.cells[cell])
                    if status[c] == .continuing {
                        if found >= 0 { return nil }
                        found = c
                    }
                }
                if found >= 0 { return (found, l) }
                l += 1
            }
            return nil
        }

        for b in 0..<profile.ballotCount {
            let levels = profile.levelRange(of: b)
            guard let first = levels.first, profile.cellRange(ofLevel: first).count == 1 else { continue }
            let c = Int(profile.cells[profile.cellRange(ofLevel: first).lowerBound])
            let count = Int64(profile.weights[b])
            piles[c].append(Paper(ballot: Int32(b), level: Int32(first), count: count, value: scale))
            totals[c] += count * scale
            valid += count
        }
        let quotaVotes = valid / Int64(seats + 1) + 1
        let quota = quotaVotes * scale

        func show(_ value: Int64) -> String {
            let whole = value / scale
            let fraction = value % scale
            guard fraction != 0 else { return "\(whole)" }
            var digits = String(fraction)
            digits = String(repeating: "0", count: 5 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            return "\(whole).\(digits)"
        }
        func counts() -> [(id: String, value: String)] {
            (0..<n).filter { status[$0] != .excluded }.map { (profile.candidates[$0], show(totals[$0])) }
        }
        func move(_ paper: Paper, value: Int64) {
            if let (c, level) = next(Int(paper.ballot), after: Int(paper.level)) {
                piles[c].append(Paper(ballot: paper.ballot, level: Int32(level), count: paper.count, value: value))
                totals[c] += paper.count * value
            } else {
                nonTransferable += paper.count * value
            }
        }

        var stage = 1
        while elected.count < seats {
            // Elect everyone at or above the quota, highest first.
            let reaching = (0..<n).filter { status[$0] == .continuing && totals[$0] >= quota }
                .sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
            var newly: [String] = []
            for c in reaching where elected.count < seats {
                status[c] = .elected
                elected.append(c)
                newly.append(profile.candidates[c])
                if totals[c] > quota { surpluses.append(c) }
            }
            let continuing = (0..<n).filter { status[$0] == .continuing }
            if elected.count < seats, continuing.count <= seats - elected.count {
                let rest = continuing.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
                for c in rest {
                    status[c] = .elected
                    elected.append(c)
                    newly.append(profile.candidates[c])
                }
                rounds.append(
                    TallyRound(
                        number: stage, counts: counts(), elected: newly,
                        note: "as many candidates continue as seats remain: all are elected"))
                break
            }
            if elected.count == seats {
                // More reached the quota than seats were left: one with as many votes as the last
                // elected is left out by listing order.
                let last = elected.last!
                let left = reaching.filter { status[$0] == .continuing && totals[$0] == totals[last] }
                rounds.append(
                    TallyRound(
                        number: stage, counts: counts(), elected: newly,
                        note: "all \(seats) seats are filled" + TieBreak.said([last] + left, chosen: last, names: profile.names, by: "listing order")))
                break
            }
            if !surpluses.isEmpty {
                let largest = surpluses.map { totals[$0] - quota }.max()!
                let tied = surpluses.filter { totals[$0] - quota == largest }
                let s = tied.count == 1 ? tied[0] : TieBreak.pick(tied, history: history, lowest: false)
                surpluses.removeAll { $0 == s }
                let total = totals[s]
                let surplus = total - quota
                rounds.append(
                    TallyRound(
                        number: stage, counts: counts(), elected: newly,
                        note: "the surplus of \(profile.names[s]) (\(show(surplus))) is transferred at \(show(surplus * scale / total)) per vote"
                            + TieBreak.said(tied, chosen: s, names: profile.names)))
                history.append(totals)
                let papers = piles[s]
                piles[s] = []
                totals[s] = quota
                for paper in papers { move(paper, value: surplus * paper.value / total) }
            } else {
                let fewest = continuing.map { totals[$0] }.min()!
                let tied = continuing.filter { totals[$0] == fewest }
                let out = tied.count == 1 ? tied[0] : TieBreak.pick(tied, history: history, lowest: true)
                rounds.append(
                    TallyRound(
                        number: stage, counts: counts(), elected: newly, eliminated: [profile.candidates[out]],
                        note: "\(profile.names[out]) has the fewest votes (\(show(fewest))) and is excluded"
                            + TieBreak.said(tied, chosen: out, names: profile.names)))
                history.append(totals)
                status[out] = .excluded
                let papers = piles[out]
                piles[out] = []
                totals[out] = 0
                for paper in papers { move(paper, value: paper.value) }
            }
            stage += 1
        }
        var names: [String: String] = [:]
        for (i, id) in profile.candidates.enumerated() { names[id] = profile.names[i] }
        return TallyResult(
            method: "stv-scottish", elected: elected.map { profile.candidates[$0] }, rounds: rounds, names: names,
            details: [
                "seats": .int(seats), "valid": .int(Int(valid)), "quota": .int(Int(quotaVotes)),
                "nonTransferable": .string(show(nonTransferable)),
            ])
    }
}

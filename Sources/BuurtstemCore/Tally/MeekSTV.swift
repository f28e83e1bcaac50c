import Statuut

/// Single transferable vote by Meek's method (Hill, Wichmann & Woodall, 1987), the option for
/// associations that want every preference to count: each candidate has a keep factor; a ballot
/// gives each candidate in turn the keep factor's share of what is left of it; elected
/// candidates' keep factors are lowered until each holds just the quota
/// (⌊counted votes ÷ (seats + 1)⌋ in 9-decimal fixed point, recomputed as ballots exhaust);
/// when no candidate reaches the quota, the one with the fewest votes is excluded (keep factor 0).
/// Arithmetic is in whole units of 10⁻⁹ vote, rounded down; iteration stops when no elected
/// candidate's total exceeds the quota by more than 0.00001 vote.
public enum MeekSTV {
    public static let scale: Int64 = 1_000_000_000
    static let tolerance: Int64 = 10_000

    /// a × b ÷ c without overflow (a, b, c ≥ 0, c > 0), rounded down.
    static func mulDiv(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        let product = a.multipliedFullWidth(by: b)
        return c.dividingFullWidth((high: product.high, low: product.low)).quotient
    }

    public static func tally(_ profile: RankedProfile, seats: Int) -> TallyResult {
        let n = profile.candidates.count
        enum Status { case hopeful, elected, excluded }
        var status = Array(repeating: Status.hopeful, count: n)
        var keep = Array(repeating: scale, count: n)
        var elected: [Int] = []
        var rounds: [TallyRound] = []
        var history: [[Int64]] = []
        var quota: Int64 = 0
        var votes = Array(repeating: Int64(0), count: n)

        /// Distributes every ballot by the current keep factors.
        func distribute() -> Int64 {
            for c in 0..<n { votes[c] = 0 }
            var exhausted: Int64 = 0
            for b in 0..<profile.ballotCount {
                var remaining = scale
                for l in profile.levelRange(of: b) {
                    let cells = profile.cellRange(ofLevel: l)
                    guard cells.count == 1 else { break }  // equal preferences end the ballot
                    let c = Int(profile.cells[cells.lowerBound])
                    guard keep[c] > 0 else { continue }
                    let share = mulDiv(remaining, keep[c], scale)
                    votes[c] += share * Int64(profile.weights[b])
                    remaining -= share
                    if remaining == 0 { break }
                }
                exhausted += remaining * Int64(profile.weights[b])
            }
            return exhausted
        }

        func show(_ value: Int64) -> String {
            let whole = value / scale
            var fraction = String(value % scale)
            fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction.prefix(5))"
        }

        var stage = 1
        while elected.count < seats {
            // Converge the keep factors of the elected candidates.
            var iterations = 0
            var exhausted: Int64 = 0
            while true {
                exhausted = distribute()
                let total = Int64(profile.voterCount) * scale - exhausted
                quota = total / Int64(seats + 1)
                let settled = elected.allSatisfy { votes[$0] <= quota + tolerance }
                iterations += 1
                if settled || iterations > 500 { break }
                for c in elected where votes[c] > 0 {
                    keep[c] = max(1, mulDiv(keep[c], quota, votes[c]))
                }
            }
            let reaching = (0..<n).filter { status[$0] == .hopeful && votes[$0] > quota }
                .sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
            let hopeful = (0..<n).filter { status[$0] == .hopeful }
            let counts = (0..<n).filter { status[$0] != .excluded }.map { (id: profile.candidates[$0], value: show(votes[$0])) }
            if !reaching.isEmpty {
                var newly: [Int] = []
                for c in reaching where elected.count < seats {
                    status[c] = .elected
                    elected.append(c)
                    newly.append(c)
                }
                // More reach the quota than seats are left: one with as many votes as the last
                // elected is left out by listing order.
                let left = reaching.filter { status[$0] == .hopeful && votes[$0] == votes[newly.last!] }
                rounds.append(
                    TallyRound(
                        number: stage, counts: counts, elected: newly.map { profile.candidates[$0] },
                        note: "quota \(show(quota)); \(newly.map { profile.candidates[$0] }.joined(separator: ", ")) exceed\(newly.count == 1 ? "s" : "") it"
                            + TieBreak.said([newly.last!] + left, chosen: newly.last!, names: profile.names, by: "listing order")))
            } else if hopeful.count <= seats - elected.count {
                let rest = hopeful.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
                for c in rest {
                    status[c] = .elected
                    elected.append(c)
                }
                rounds.append(
                    TallyRound(
                        number: stage, counts: counts, elected: rest.map { profile.candidates[$0] },
                        note: "as many candidates remain as seats: all are elected"))
                break
            } else {
                let fewest = hopeful.map { votes[$0] }.min()!
                let tied = hopeful.filter { votes[$0] == fewest }
                let out = tied.count == 1 ? tied[0] : TieBreak.pick(tied, history: history, lowest: true)
                status[out] = .excluded
                keep[out] = 0
                rounds.append(
                    TallyRound(
                        number: stage, counts: counts, eliminated: [profile.candidates[out]],
                        note: "quota \(show(quota)); nobody reaches it, so \(profile.names[out]) (\(show(fewest))) is excluded"
                            + TieBreak.said(tied, chosen: out, names: profile.names)))
            }
            history.append(votes)
            stage += 1
            if stage > 4 * n + 10 { break }
        }
        var names: [String: String] = [:]
        for (i, id) in profile.candidates.enumerated() { names[id] = profile.names[i] }
        return TallyResult(
            method: "stv-meek", elected: elected.map { profile.candidates[$0] }, rounds: rounds, names: names,
            details: ["seats": .int(seats), "quota": .string(show(quota))])
    }
}

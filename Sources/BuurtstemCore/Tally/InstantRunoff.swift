import Dispatch
import Statuut

/// Instant-runoff voting (single winner): count first preferences; while no candidate has more
/// than half of the continuing ballots, eliminate the candidate with the fewest and move each of
/// their ballots to its next continuing preference. A ballot with two continuing candidates at
/// the same level (an over-vote) stops counting there.
public enum InstantRunoff {
    public static func tally(_ profile: RankedProfile) -> TallyResult {
        tally(profile, parts: profile.ballotCount >= 200_000 ? 2 : 1)
    }

    /// The count with the ballots split into `parts` counted side by side (the outcome never
    /// depends on it).
    static func tally(_ profile: RankedProfile, parts: Int) -> TallyResult {
        let n = profile.candidates.count
        let piles = SplitPiles(profile, candidates: n, parts: parts)
        var history: [[Int64]] = []
        var rounds: [TallyRound] = []
        var winner = -1
        var round = 1
        while true {
            let totals = piles.totals
            let active = (0..<n).filter { piles.continuing[$0] }
            let counted = active.reduce(Int64(0)) { $0 + totals[$1] }
            let counts = active.map { (id: profile.candidates[$0], value: String(totals[$0])) }
            let top = active.max { totals[$0] < totals[$1] || (totals[$0] == totals[$1] && $0 > $1) }
            if let top, totals[top] * 2 > counted || active.count == 1 {
                winner = top
                rounds.append(
                    TallyRound(
                        number: round, counts: counts, elected: [profile.candidates[top]],
                        note: "\(profile.names[top]) has \(totals[top]) of \(counted) continuing votes, a majority; \(piles.exhausted) exhausted"))
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
            piles.eliminate(out)
            round += 1
        }
        var names: [String: String] = [:]
        for (i, id) in profile.candidates.enumerated() { names[id] = profile.names[i] }
        return TallyResult(
            method: "instant-runoff", elected: winner >= 0 ? [profile.candidates[winner]] : [], rounds: rounds, names: names,
            details: ["voters": .int(profile.voterCount)])
    }
}

/// Where every ballot counts now: the candidate it counts for (its top), each continuing
/// candidate's total, and the exhausted votes. Placing a ballot depends only on which candidates
/// continue. An elimination scans the tops in ballot order and moves the eliminated candidate's
/// ballots on: the ballots are read in the order they are stored, which keeps a million-ballot
/// count in the processor's cache instead of jumping through memory.
private struct Piles {
    let profile: RankedProfile
    /// The ballots this part counts.
    let ballots: Range<Int>
    var continuing: [Bool]
    var totals: [Int64]
    var exhausted: Int64 = 0
    /// The candidate each ballot counts for (-1: exhausted).
    var top: [Int32]
    /// The level each ballot currently counts at.
    var position: [Int32]

    init(_ profile: RankedProfile, candidates n: Int, ballots: Range<Int>) {
        self.profile = profile
        self.ballots = ballots
        continuing = Array(repeating: true, count: n)
        totals = Array(repeating: 0, count: n)
        top = Array(repeating: -1, count: ballots.count)
        position = Array(repeating: -1, count: ballots.count)
    }

    /// Places every ballot at its first preference.
    mutating func start() {
        for b in ballots { place(b) }
    }

    /// Moves ballot `b` to its next continuing preference after the level it counts at; a level
    /// with two continuing candidates (an over-vote) or the end of the ballot exhausts it.
    mutating func place(_ b: Int) {
        if profile.isLinear { return placeLinear(b) }
        let levels = profile.levelRange(of: b)
        let slot = b - ballots.lowerBound
        var l = max(Int(position[slot]) + 1, levels.lowerBound)
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
            if found >= 0 { return count(b, slot: slot, level: l, for: found) }
            l += 1
        }
        count(b, slot: slot, level: levels.upperBound, for: -1)
    }

    /// The same for a profile without equal preferences, where level `l` is cell `l`.
    private mutating func placeLinear(_ b: Int) {
        let levels = profile.levelRange(of: b)
        let slot = b - ballots.lowerBound
        var l = max(Int(position[slot]) + 1, levels.lowerBound)
        while l < levels.upperBound {
            let c = Int(profile.cells[l])
            if continuing[c] { return count(b, slot: slot, level: l, for: c) }
            l += 1
        }
        count(b, slot: slot, level: levels.upperBound, for: -1)
    }

    /// Ballot `b` now counts at `level` for candidate `c`, or is exhausted (`c` = -1).
    @inline(__always)
    private mutating func count(_ b: Int, slot: Int, level: Int, for c: Int) {
        position[slot] = Int32(level)
        top[slot] = Int32(c)
        if c >= 0 { totals[c] += Int64(profile.weights[b]) } else { exhausted += Int64(profile.weights[b]) }
    }

    /// Eliminates candidate `c` and moves every ballot that counted for it on.
    mutating func eliminate(_ c: Int) {
        continuing[c] = false
        totals[c] = 0
        let eliminated = Int32(c)
        for slot in 0..<top.count where top[slot] == eliminated { place(ballots.lowerBound + slot) }
    }
}

/// One part of a split count, changed by one worker at a time and read only after every worker
/// has finished.
private final class PilesPart: @unchecked Sendable {
    var piles: Piles
    init(_ piles: Piles) { self.piles = piles }
}

/// The count split over the processor's cores: each part counts a contiguous share of the ballots
/// on its own (its own tops and totals), and a round adds the parts' totals.
private struct SplitPiles {
    let parts: [PilesPart]

    init(_ profile: RankedProfile, candidates n: Int, parts count: Int) {
        let size = (profile.ballotCount + count - 1) / max(count, 1)
        parts = (0..<count).map { i in
            PilesPart(Piles(profile, candidates: n, ballots: min(i * size, profile.ballotCount)..<min((i + 1) * size, profile.ballotCount)))
        }
        let parts = self.parts
        DispatchQueue.concurrentPerform(iterations: parts.count) { parts[$0].piles.start() }
    }

    var continuing: [Bool] { parts[0].piles.continuing }
    var exhausted: Int64 { parts.reduce(0) { $0 + $1.piles.exhausted } }
    var totals: [Int64] {
        var sum = parts[0].piles.totals
        for part in parts.dropFirst() { for c in sum.indices { sum[c] += part.piles.totals[c] } }
        return sum
    }

    func eliminate(_ c: Int) {
        let parts = self.parts
        DispatchQueue.concurrentPerform(iterations: parts.count) { parts[$0].piles.eliminate(c) }
    }
}

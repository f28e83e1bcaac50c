import Statuut
import Testing

@testable import BuurtstemCore

/// The fast paths give exactly what the general counts give: Schulze's pairwise count for
/// ballots without equal preferences, and instant runoff split over several parts.
@Suite("Fast counts agree with the general ones")
struct FastCountTests {
    /// Random ballots without equal preferences, some with a candidate written twice.
    static func ballots(_ random: inout SplitMix, candidates: Int, count: Int) -> RankedProfile {
        var profile = RankedProfile(candidates: (1...candidates).map(String.init))
        for _ in 0..<count {
            var order = Array(0..<candidates).shuffled(using: &random)
            order = Array(order.prefix(Int.random(in: 1...candidates, using: &random)))
            if Int.random(in: 0..<10, using: &random) == 0, let repeated = order.randomElement(using: &random) {
                order.insert(repeated, at: Int.random(in: 0...order.count, using: &random))
            }
            profile.add(order: order, weight: Int.random(in: 1...4, using: &random))
        }
        return profile
    }

    @Test("Schulze's linear pairwise count equals the all-pairs count (2,000 elections, up to 64 candidates)")
    func schulzePairwise() {
        var random = SplitMix(state: 64)
        for election in 0..<2000 {
            let n = election % 50 == 0 ? 64 : Int.random(in: 2...9, using: &random)
            let profile = Self.ballots(&random, candidates: n, count: Int.random(in: 1...40, using: &random))
            #expect(profile.isLinear)
            #expect(Schulze.linearPairwise(profile) == Schulze.pairwise(profile), "election \(election)")
        }
    }

    @Test("a profile with equal preferences is not linear and is counted over all pairs")
    func tiesAreNotLinear() {
        var profile = RankedProfile(candidates: ["a", "b", "c"])
        profile.add([[0], [1, 2]])
        #expect(!profile.isLinear)
        #expect(Schulze.pairwise(profile) == [0, 1, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test("instant runoff gives the same rounds split over 1, 2 or 3 parts (1,000 elections)")
    func irvParts() {
        var random = SplitMix(state: 65)
        for election in 0..<1000 {
            var profile = Self.ballots(&random, candidates: Int.random(in: 2...7, using: &random), count: Int.random(in: 1...60, using: &random))
            if election % 3 == 0 { profile.add([[0, 1], [2 % profile.candidates.count]]) }  // an over-vote
            let whole = InstantRunoff.tally(profile, parts: 1)
            for parts in [2, 3] {
                #expect(InstantRunoff.tally(profile, parts: parts) == whole, "election \(election), \(parts) parts")
            }
        }
    }

    @Test("equal shares in floating point answers exactly as the exact run, or not at all (3,000 runs)")
    func quickEqualShares() {
        var random = SplitMix(state: 66)
        var answered = 0
        for election in 0..<1000 {
            let count = Int.random(in: 2...8, using: &random)
            // Costs on a coarse grid, so that exact ties of every kind occur.
            let projects = (0..<count).map { ApprovalProfile.Project(id: "p\($0)", name: "p\($0)", cost: Int.random(in: 1...6, using: &random) * 1000) }
            let ballots = (0..<Int.random(in: 2...30, using: &random)).map { _ in
                Array(Set((0..<Int.random(in: 1...count, using: &random)).map { _ in Int.random(in: 0..<count, using: &random) }))
            }
            let profile = ApprovalProfile(projects: projects, budget: Int.random(in: 2...12, using: &random) * 1000, ballots: ballots)
            var supporters = Array(repeating: [Int](), count: count)
            for (v, ballot) in ballots.enumerated() { for p in Set(ballot) { supporters[p].append(v) } }
            let flat = EqualShares.FlatApprovals(profile)
            for increment in [1, 7, 100] {
                guard let quick = EqualShares.quickRun(profile, flat, supporters: supporters, increment: increment) else { continue }
                answered += 1
                #expect(quick == EqualShares.run(profile, supporters: supporters, increment: increment), "election \(election), +\(increment)")
            }
        }
        #expect(answered > 1000)
    }
}

import BuurtstemCore
import Statuut
import Testing

/// A deterministic random source, so that every run checks the same elections.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Tally properties on random elections")
struct TallyPropertyTests {
    static func randomRanked(_ random: inout SplitMix, candidates: Int, ballots: Int, complete: Bool = false) -> RankedProfile {
        var profile = RankedProfile(candidates: (1...candidates).map(String.init))
        for _ in 0..<ballots {
            var order = Array(0..<candidates)
            order.shuffle(using: &random)
            let length = complete ? candidates : Int.random(in: 1...candidates, using: &random)
            profile.add(order: Array(order.prefix(length)), weight: Int.random(in: 1...3, using: &random))
        }
        return profile
    }

    @Test("Schulze elects the Condorcet winner whenever there is one (3,000 elections)")
    func schulzeCondorcet() {
        var random = SplitMix(state: 1)
        var found = 0
        for _ in 0..<3000 {
            let n = Int.random(in: 2...5, using: &random)
            let profile = Self.randomRanked(&random, candidates: n, ballots: Int.random(in: 1...15, using: &random))
            guard let winner = condorcetWinner(profile) else { continue }
            found += 1
            #expect(Schulze.tally(profile).elected == [profile.candidates[winner]])
        }
        #expect(found > 500)
    }

    @Test("instant runoff elects a first-preference majority winner (3,000 elections)")
    func irvMajority() {
        var random = SplitMix(state: 2)
        var found = 0
        for _ in 0..<3000 {
            let profile = Self.randomRanked(&random, candidates: Int.random(in: 2...6, using: &random), ballots: Int.random(in: 1...12, using: &random))
            var first = Array(repeating: 0, count: profile.candidates.count)
            for b in 0..<profile.ballotCount {
                first[Int(profile.cells[profile.cellRange(ofLevel: profile.levelRange(of: b).lowerBound).lowerBound])] += profile.weights[b]
            }
            guard let m = first.indices.first(where: { first[$0] * 2 > profile.voterCount }) else { continue }
            found += 1
            #expect(InstantRunoff.tally(profile).elected == [profile.candidates[m]])
        }
        #expect(found > 500)
    }

    @Test("Scottish and Meek STV elect exactly as many as there are seats, each once (2,000 elections)")
    func stvSeats() {
        var random = SplitMix(state: 3)
        for _ in 0..<2000 {
            let n = Int.random(in: 2...7, using: &random)
            let seats = Int.random(in: 1...n, using: &random)
            let profile = Self.randomRanked(&random, candidates: n, ballots: Int.random(in: 1...20, using: &random))
            for result in [ScottishSTV.tally(profile, seats: seats), MeekSTV.tally(profile, seats: seats)] {
                #expect(result.elected.count == seats, "\(result.method)")
                #expect(Set(result.elected).count == seats, "\(result.method)")
            }
        }
    }

    @Test("equal shares and greedy never exceed the budget; equal shares funds only approved projects (2,000 elections)")
    func budgets() {
        var random = SplitMix(state: 4)
        for _ in 0..<2000 {
            let projects = (0..<Int.random(in: 1...6, using: &random)).map {
                ApprovalProfile.Project(id: "p\($0)", name: "p\($0)", cost: Int.random(in: 1...100, using: &random))
            }
            let ballots = (0..<Int.random(in: 1...10, using: &random)).map { _ in
                projects.indices.filter { _ in Bool.random(using: &random) }
            }
            let profile = ApprovalProfile(projects: projects, budget: Int.random(in: 1...250, using: &random), ballots: ballots)
            for result in [EqualShares.tally(profile), EqualShares.tally(profile, completion: false), EqualShares.greedy(profile)] {
                let spent = result.elected.map { id in projects.first { $0.id == id }!.cost }.reduce(0, +)
                #expect(spent <= profile.budget, "\(result.method) overspends")
                #expect(Set(result.elected).count == result.elected.count)
            }
            let approved = Set(ballots.flatMap { $0 }.map { projects[$0].id })
            #expect(Set(EqualShares.tally(profile).elected).isSubset(of: approved))
        }
    }

    static func randomApproval(
        _ random: inout SplitMix, projects: ClosedRange<Int>, voters: ClosedRange<Int>, cost: ClosedRange<Int>,
        budget: ClosedRange<Int>
    ) -> ApprovalProfile {
        let list = (0..<Int.random(in: projects, using: &random)).map {
            ApprovalProfile.Project(id: "p\($0 + 1)", name: "p\($0 + 1)", cost: Int.random(in: cost, using: &random))
        }
        let ballots = (0..<Int.random(in: voters, using: &random)).map { _ in list.indices.filter { _ in Bool.random(using: &random) } }
        return ApprovalProfile(projects: list, budget: Int.random(in: budget, using: &random), ballots: ballots)
    }

    @Test("equal shares, with and without add one, funds exactly what the definition funds (1,500 small elections)")
    func equalSharesAgainstDefinition() {
        var random = SplitMix(state: 42)
        for _ in 0..<1500 {
            let profile = Self.randomApproval(&random, projects: 1...7, voters: 1...12, cost: 1...60, budget: 1...200)
            let ids = { (set: [Int]) in set.map { profile.projects[$0].id } }
            #expect(EqualShares.tally(profile, completion: false).elected == ids(Reference.equalShares(profile, budget: profile.budget)), "\(profile)")
            #expect(EqualShares.tally(profile).elected == ids(Reference.equalSharesAddOne(profile)), "\(profile)")
        }
    }

    @Test("equal shares with add one on larger elections (9 projects, 48 voters, budgets near 92,261) agrees with the definition")
    func equalSharesLarger() {
        var random = SplitMix(state: 92261)
        for _ in 0..<4 {
            let profile = Self.randomApproval(&random, projects: 9...9, voters: 48...48, cost: 5_000...40_000, budget: 80_000...100_000)
            let ids = { (set: [Int]) in set.map { profile.projects[$0].id } }
            #expect(EqualShares.tally(profile).elected == ids(Reference.equalSharesAddOne(profile)), "\(profile)")
        }
    }

    @Test("Schulze: winning votes and margins agree on complete rankings and differ on the documented truncated example")
    func schulzeStrengths() {
        var random = SplitMix(state: 7)
        for _ in 0..<1000 {
            let profile = Self.randomRanked(
                &random, candidates: Int.random(in: 2...6, using: &random), ballots: Int.random(in: 1...15, using: &random), complete: true)
            #expect(Schulze.tally(profile).ranking == Schulze.tally(profile, strength: .margins).ranking)
        }
        var profile = RankedProfile(candidates: ["a", "b", "c", "d"])
        profile.add(order: [2, 0, 1], weight: 3)
        profile.add(order: [2], weight: 5)
        profile.add(order: [1], weight: 5)
        profile.add(order: [0, 1], weight: 5)
        #expect(Schulze.tally(profile).elected == ["b"])
        #expect(Schulze.tally(profile, strength: .margins).elected == ["c"])
        #expect(Schulze.tally(profile, strength: .margins).details["strength"] == .string("margins"))
    }

    @Test("plurality elects a candidate with the most first preferences")
    func plurality() {
        var random = SplitMix(state: 5)
        for _ in 0..<1000 {
            let profile = Self.randomRanked(&random, candidates: Int.random(in: 2...5, using: &random), ballots: Int.random(in: 1...10, using: &random))
            let result = Plurality.tally(profile)
            let counts = result.rounds[0].counts.map { Int($0.value)! }
            #expect(counts.first == counts.max())
            #expect(result.elected.first == result.rounds[0].counts.first?.id)
        }
    }

    /// The candidate who beats every other candidate head to head, if any.
    func condorcetWinner(_ profile: RankedProfile) -> Int? {
        let n = profile.candidates.count
        var beats = Array(repeating: Array(repeating: 0, count: n), count: n)
        for b in 0..<profile.ballotCount {
            var rank = Array(repeating: Int.max, count: n)
            for (position, level) in profile.levelRange(of: b).enumerated() {
                for cell in profile.cellRange(ofLevel: level) { rank[Int(profile.cells[cell])] = position }
            }
            for i in 0..<n { for j in 0..<n where rank[i] < rank[j] { beats[i][j] += profile.weights[b] } }
        }
        return (0..<n).first { i in (0..<n).allSatisfy { j in j == i || beats[i][j] > beats[j][i] } }
    }
}

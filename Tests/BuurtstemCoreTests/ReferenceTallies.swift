import BigInt
import BuurtstemCore

/// Straightforward reference implementations written from the published definitions, not from
/// our code: slow, exact, and easy to read against the definition. The property tests compare the
/// production tallies with these on random elections.
enum Reference {
    /// An exact non-negative rational number.
    struct Q: Comparable {
        var num: BigInt
        var den: BigInt
        init(_ num: BigInt, _ den: BigInt = 1) {
            let g = BigInt(num.magnitude.greatestCommonDivisor(with: den.magnitude))
            self.num = g == 0 ? num : num / g
            self.den = g == 0 ? den : den / g
        }
        static func + (a: Q, b: Q) -> Q { Q(a.num * b.den + b.num * a.den, a.den * b.den) }
        static func - (a: Q, b: Q) -> Q { Q(a.num * b.den - b.num * a.den, a.den * b.den) }
        static func * (a: Q, b: Q) -> Q { Q(a.num * b.num, a.den * b.den) }
        static func / (a: Q, b: Q) -> Q { Q(a.num * b.den, a.den * b.num) }
        static func < (a: Q, b: Q) -> Bool { a.num * b.den < b.num * a.den }
        static func == (a: Q, b: Q) -> Bool { a.num * b.den == b.num * a.den }
    }

    /// The Method of Equal Shares with cost utilities (equalshares.net, "Definition"): each of the
    /// n voters gets budget/n. A project is affordable when its supporters have its cost together.
    /// For an affordable project, ρ is the smallest number such that the supporters paying
    /// min(their money, ρ · cost) pay its cost; fund the affordable project with the smallest ρ,
    /// its supporters pay; repeat until none is affordable. Ties: more supporters, then cheaper,
    /// then listed first (Buurtstem's documented tie rule).
    static func equalShares(_ profile: ApprovalProfile, budget: Int) -> [Int] {
        let n = profile.ballots.count
        guard n > 0 else { return [] }
        var money = Array(repeating: Q(BigInt(budget), BigInt(n)), count: n)
        var supporters = Array(repeating: [Int](), count: profile.projects.count)
        for (v, ballot) in profile.ballots.enumerated() { for p in Set(ballot) { supporters[p].append(v) } }
        var funded: [Int] = []
        while true {
            var best: (project: Int, rho: Q)?
            for p in profile.projects.indices where !funded.contains(p) && !supporters[p].isEmpty {
                let cost = Q(BigInt(profile.projects[p].cost))
                let total = supporters[p].reduce(Q(0)) { $0 + money[$1] }
                guard !(total < cost) else { continue }
                // Supporters by money, poorest first: each pays all they have until the rest can share equally.
                var paid = Q(0)
                var left = supporters[p].count
                var rho: Q?
                for v in supporters[p].sorted(by: { money[$0] < money[$1] }) {
                    let share = (cost - paid) / Q(BigInt(left))
                    if !(money[v] < share) {
                        rho = share / cost
                        break
                    }
                    paid = paid + money[v]
                    left -= 1
                }
                guard let rho else { continue }
                if let current = best {
                    let better =
                        rho < current.rho
                        || (rho == current.rho
                            && (supporters[p].count > supporters[current.project].count
                                || (supporters[p].count == supporters[current.project].count
                                    && profile.projects[p].cost < profile.projects[current.project].cost)))
                    if !better { continue }
                }
                best = (p, rho)
            }
            guard let chosen = best else { return funded }
            funded.append(chosen.project)
            let payment = chosen.rho * Q(BigInt(profile.projects[chosen.project].cost))
            for v in supporters[chosen.project] { money[v] = money[v] < payment ? Q(0) : money[v] - payment }
        }
    }

    /// The "add one" completion (equalshares.net, "Completion"; Pabulib's `equalshares/add1`): while
    /// the outcome is not exhaustive — some approved project not funded would still fit in what is
    /// left of the real budget — raise every voter's budget by one unit and run the method again;
    /// stop at the first exhaustive outcome, or keep the last outcome within the real budget when the
    /// next one would exceed it.
    static func equalSharesAddOne(_ profile: ApprovalProfile) -> [Int] {
        func cost(_ set: [Int]) -> Int { set.reduce(0) { $0 + profile.projects[$1].cost } }
        let approved = Set(profile.ballots.joined())
        func exhaustive(_ set: [Int]) -> Bool {
            !approved.contains { !set.contains($0) && profile.projects[$0].cost <= profile.budget - cost(set) }
        }
        var outcome = equalShares(profile, budget: profile.budget)
        var increment = 0
        while !exhaustive(outcome) {
            increment += 1
            let next = equalShares(profile, budget: profile.budget + increment * profile.ballots.count)
            if cost(next) > profile.budget { break }
            outcome = next
        }
        return outcome
    }
}

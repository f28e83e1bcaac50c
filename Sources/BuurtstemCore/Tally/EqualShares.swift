import BigInt
import Dispatch
import Statuut

/// Results of runs computed in parallel, each slot written by exactly one worker.
private final class ParallelRuns: @unchecked Sendable {
    /// A run's outcome, and whether it came from the exact run (not the floating-point one).
    typealias Run = (outcome: [Int], exact: Bool)
    private var slots: [Run]
    private let lock = NSLockLike()
    init(count: Int) { slots = Array(repeating: ([], false), count: count) }
    func store(_ index: Int, _ value: Run) { lock.withLock { slots[index] = value } }
    var results: [Run] { lock.withLock { slots } }
}

/// A minimal lock on top of Dispatch (Core does not import Foundation for this).
private final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}

/// Participatory budgeting by the Method of Equal Shares (Peters & Skowron) with cost utilities,
/// in exact rational arithmetic, and its "add one" completion; and greedy by approvals.
///
/// Equal shares: the budget is split equally among the voters. Repeatedly, of the projects whose
/// supporters can still pay for them together, fund the one that asks the smallest largest
/// share: supporters pay equally, those with less left pay all they have. Stop when no project
/// can be paid for. Add one: while the outcome leaves money that another project would fit in,
/// raise every voter's budget by one unit of currency and run the method again, as long as the
/// outcome stays within the real budget.
///
/// Ties between projects asking the same share go to the project with more supporters, then the
/// cheaper one, then the one listed first.
public enum EqualShares {
    /// One run of the method with each voter's budget raised by `increment` units.
    ///
    /// Exact arithmetic without fractions objects: money is scaled by the number of voters n, and
    /// every voter's budget is a whole number over one common denominator D, which grows by the
    /// number of payers k each time a project is funded (a few hundred bits at most: cheap).
    static func run(_ profile: ApprovalProfile, supporters: [[Int]], increment: Int) -> [Int] {
        var ties: [TieBreak] = []
        return run(profile, supporters: supporters, increment: increment, ties: &ties)
    }

    /// A tie between projects asking the same share, and what settled it.
    struct TieBreak: Sendable, Hashable {
        var chosen: Int
        var over: [Int]
    }

    /// The same, saying in `ties` where the tie-break chose between projects asking the same share.
    static func run(_ profile: ApprovalProfile, supporters: [[Int]], increment: Int, ties: inout [TieBreak]) -> [Int] {
        let n = profile.ballots.count
        let projectCount = profile.projects.count
        guard n > 0 else { return [] }
        var denominator = BigUInt(1)
        // Budget classes: voters with equal budgets share one numerator. Classes only split.
        var values = [BigUInt(UInt(profile.budget + increment * n))]
        var classOf = Array(repeating: 0, count: n)
        var population = [n]
        var zeroClass: Int?
        // How many supporters of each project are in each class (kept up to date as classes split).
        var counts = supporters.map { [$0.count] }
        var selected: [Int] = []
        var spent = 0
        var available = Array(repeating: true, count: projectCount)
        while true {
            let order = values.indices.filter { population[$0] > 0 }.sorted { values[$0] < values[$1] }
            // The best project so far: share R / (k · D) per payer, for a project of cost c.
            var best: (project: Int, remainder: BigUInt, payers: Int, supporters: Int)?
            // Projects asking exactly the best share so far (the tie-break chose among them).
            var tied: [Int] = []
            for p in 0..<projectCount where available[p] && !supporters[p].isEmpty {
                let cost = profile.projects[p].cost
                var remaining = denominator.multiplied(byWord: UInt(cost * n))
                var k = supporters[p].count
                var found = false
                let projectCounts = counts[p]
                for c in order where projectCounts[c] > 0 {
                    let v = values[c]
                    if v.multiplied(byWord: UInt(k)) >= remaining {
                        found = true
                        break
                    }
                    remaining -= v.multiplied(byWord: UInt(projectCounts[c]))
                    k -= projectCounts[c]
                }
                guard found else { continue }
                if let current = best {
                    // Compare the share per unit of cost: R / (k · c).
                    let mine = remaining.multiplied(byWord: UInt(current.payers)).multiplied(byWord: UInt(profile.projects[current.project].cost))
                    let theirs = current.remainder.multiplied(byWord: UInt(k)).multiplied(byWord: UInt(cost))
                    let better =
                        mine < theirs
                        || (mine == theirs
                            && (supporters[p].count > current.supporters
                                || (supporters[p].count == current.supporters && cost < profile.projects[current.project].cost)))
                    if mine == theirs {
                        tied.append(better ? current.project : p)
                    } else if better {
                        tied = []
                    }
                    if !better { continue }
                }
                best = (p, remaining, k, supporters[p].count)
            }
            guard let chosen = best else { break }
            if !tied.isEmpty { ties.append(TieBreak(chosen: chosen.project, over: tied)) }
            selected.append(chosen.project)
            available[chosen.project] = false
            spent += profile.projects[chosen.project].cost
            // A run that already spends more than the budget is of no use to the completion.
            if spent > profile.budget, increment > 0 { break }
            // Everybody's budget goes over D · k; the payers pay R (or all they have).
            let k = UInt(chosen.payers)
            denominator.multiply(byWord: k)
            for c in values.indices { values[c].multiply(byWord: k) }
            var split: [Int: Int] = [:]
            for v in supporters[chosen.project] {
                let old = classOf[v]
                let new: Int
                if let existing = split[old] {
                    new = existing
                } else {
                    let before = values[old]
                    if before > chosen.remainder {
                        values.append(before - chosen.remainder)
                        population.append(0)
                        new = values.count - 1
                        for p in 0..<projectCount { counts[p].append(0) }
                    } else if let zero = zeroClass {
                        // Everyone who paid all they had shares one class.
                        new = zero
                    } else {
                        values.append(0)
                        population.append(0)
                        new = values.count - 1
                        zeroClass = new
                        for p in 0..<projectCount { counts[p].append(0) }
                    }
                    split[old] = new
                }
                classOf[v] = new
                population[old] -= 1
                population[new] += 1
                for p in profile.ballots[v] {
                    counts[p][old] -= 1
                    counts[p][new] += 1
                }
            }
        }
        return selected
    }

    /// The method with the add-one completion (Pabulib `equalshares/add1`), explained by round.
    public static func tally(_ profile: ApprovalProfile, completion: Bool = true) -> TallyResult {
        var supporters = Array(repeating: [Int](), count: profile.projects.count)
        for (v, ballot) in profile.ballots.enumerated() { for p in Set(ballot) { supporters[p].append(v) } }
        func cost(_ set: [Int]) -> Int { set.reduce(0) { $0 + profile.projects[$1].cost } }
        // Exhaustive: no project that anyone approves still fits in what is left. (A project
        // nobody approves is never funded by the method, so it cannot keep the completion going.)
        func exhaustive(_ set: [Int]) -> Bool {
            let left = profile.budget - cost(set)
            return !profile.projects.indices.contains { !set.contains($0) && !supporters[$0].isEmpty && profile.projects[$0].cost <= left }
        }
        // Once every voter's extra budget exceeds what all approved projects cost together, any
        // supporter can pay for every project they approve alone, so the method funds every approved
        // project: there is no need to go on. (The dearest single project is not enough: a voter may
        // already have paid for others. That bound stopped the completion too early.)
        let lastIncrement = profile.projects.indices.filter { !supporters[$0].isEmpty }.reduce(0) { $0 + profile.projects[$1].cost } + 1
        var increment = 0
        var outcome = run(profile, supporters: supporters, increment: 0)
        var rounds = [
            TallyRound(
                number: 1, counts: outcome.map { (profile.projects[$0].id, String(profile.projects[$0].cost)) },
                elected: outcome.map { profile.projects[$0].id },
                note: "equal shares of \(profile.budget) among \(profile.ballots.count) voters fund \(outcome.count) projects for \(cost(outcome))")
        ]
        if completion {
            // The runs for successive increments are independent: compute them in pairs, one per
            // core, and take them in order exactly as the sequential definition does. Each is
            // first run in floating point (exact whenever it answers); a run that decides the
            // search (over the budget, or exhaustive) is run again exactly.
            let width = 2
            let flat = FlatApprovals(profile)
            search: while !exhaustive(outcome) && increment < lastIncrement {
                let batch = ParallelRuns(count: width)
                let base = increment
                let voters = supporters
                DispatchQueue.concurrentPerform(iterations: width) { i in
                    let raised = base + 1 + i
                    if let quick = quickRun(profile, flat, supporters: voters, increment: raised) {
                        batch.store(i, (quick, false))
                    } else {
                        batch.store(i, (run(profile, supporters: voters, increment: raised), true))
                    }
                }
                for (i, result) in batch.results.enumerated() {
                    var next = result.outcome
                    if !result.exact, cost(next) > profile.budget || exhaustive(next) { next = run(profile, supporters: voters, increment: base + 1 + i) }
                    if cost(next) > profile.budget { break search }
                    increment += 1
                    outcome = next
                    if exhaustive(outcome) { break search }
                }
            }
            rounds.append(
                TallyRound(
                    number: 2, counts: outcome.map { (profile.projects[$0].id, String(profile.projects[$0].cost)) },
                    elected: outcome.map { profile.projects[$0].id },
                    note:
                        "add one: with each voter's budget raised by \(increment), the method funds \(outcome.count) projects for \(cost(outcome)) within the budget of \(profile.budget)"
                ))
        }
        // Where the stated tie-break chose (more supporters, then the cheaper, then the one listed first).
        var ties: [TieBreak] = []
        _ = run(profile, supporters: supporters, increment: increment, ties: &ties)
        let settled = ties.filter { outcome.contains($0.chosen) }
        if !settled.isEmpty {
            let id = { (p: Int) in profile.projects[p].id }
            rounds.append(
                TallyRound(
                    number: rounds.count + 1, counts: [], elected: outcome.map(id),
                    note: "a tie-break decided: "
                        + settled.map {
                            "\(id($0.chosen)) over \($0.over.map(id).joined(separator: ", ")) (the same share; more supporters, then the cheaper, then the one listed first)"
                        }
                        .joined(separator: "; ")))
        }
        return TallyResult(
            method: completion ? "equal-shares-add1" : "equal-shares", elected: outcome.map { profile.projects[$0].id }, rounds: rounds,
            names: Dictionary(uniqueKeysWithValues: profile.projects.map { ($0.id, $0.name) }),
            details: [
                "budget": .int(profile.budget), "spent": .int(cost(outcome)), "voters": .int(profile.ballots.count),
                "increment": .int(increment),
                "tieBreaks": .array(
                    settled.map { tie in
                        .object([
                            "chosen": .string(profile.projects[tie.chosen].id), "over": .array(tie.over.map { .string(profile.projects[$0].id) }),
                        ])
                    }),
            ])
    }

    /// Greedy by approvals: projects in order of approvals (ties: listing order); fund each that
    /// still fits in what is left of the budget, skip those that do not.
    public static func greedy(_ profile: ApprovalProfile) -> TallyResult {
        let approvals = profile.approvals
        let order = profile.projects.indices.sorted { approvals[$0] != approvals[$1] ? approvals[$0] > approvals[$1] : $0 < $1 }
        var left = profile.budget
        var funded: [Int] = []
        var counts: [(id: String, value: String)] = []
        for p in order {
            let fits = profile.projects[p].cost <= left
            if fits {
                funded.append(p)
                left -= profile.projects[p].cost
            }
            counts.append((profile.projects[p].id, "\(approvals[p]) votes, cost \(profile.projects[p].cost)\(fits ? ", funded" : ", does not fit")"))
        }
        // Where listing order decided: a funded project with as many approvals as one left out.
        let fundedSet = Set(funded)
        let decided = funded.compactMap { f -> String? in
            let rivals = order.filter { !fundedSet.contains($0) && approvals[$0] == approvals[f] }
            guard !rivals.isEmpty else { return nil }
            return "\(profile.projects[f].id) before \(rivals.map { profile.projects[$0].id }.joined(separator: ", "))"
        }
        return TallyResult(
            method: "greedy", elected: funded.map { profile.projects[$0].id },
            rounds: [
                TallyRound(
                    number: 1, counts: counts, elected: funded.map { profile.projects[$0].id },
                    note: "by number of approvals; a project that no longer fits is skipped"
                        + (decided.isEmpty ? "" : "; a tie in approvals was decided by listing order: " + decided.joined(separator: "; ")))
            ],
            names: Dictionary(uniqueKeysWithValues: profile.projects.map { ($0.id, $0.name) }),
            details: ["budget": .int(profile.budget), "spent": .int(profile.budget - left), "voters": .int(profile.ballots.count)])
    }
}

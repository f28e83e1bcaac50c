extension EqualShares {
    /// The profile as flat arrays, read many times by the quick runs without touching the
    /// projects' names or each ballot's own array.
    struct FlatApprovals: Sendable {
        var costs: [Int]
        /// Voter v's approvals are `projects[starts[v]..<starts[v + 1]]`.
        var starts: [Int]
        var projects: [Int]

        init(_ profile: ApprovalProfile) {
            costs = profile.projects.map(\.cost)
            starts = [0]
            projects = []
            for ballot in profile.ballots {
                projects.append(contentsOf: ballot)
                starts.append(projects.count)
            }
        }
    }

    /// One run of the method in floating point, for the add-one completion's search: the same
    /// steps as `run`, but with each voter's money as a `Double`. Every comparison that decides
    /// something (can the supporters pay, which project asks the least, does a voter keep money)
    /// must clear a margin far above the rounding error; when one does not, the answer is nil and
    /// the caller runs the exact method instead. Two projects whose supporters all pay the same
    /// share (1/k of the cost) tie exactly; that tie is decided by the stated tie-break, as in `run`.
    ///
    /// So the outcome, when there is one, is the exact method's: the completion reaches the same
    /// increment, and the outcome it reports is recomputed exactly.
    static func quickRun(_ profile: ApprovalProfile, _ flat: FlatApprovals, supporters: [[Int]], increment: Int) -> [Int]? {
        let n = profile.ballots.count
        let projectCount = profile.projects.count
        let costs = flat.costs
        guard n > 0 else { return [] }
        // Money scaled by n, as in `run`: a voter starts with budget + increment · n.
        let largest = Double(profile.budget + increment * n) + Double((costs.max() ?? 0) * n)
        let margin = largest * 1e-9
        var values = [Double(profile.budget + increment * n)]
        var classOf = Array(repeating: 0, count: n)
        var population = [n]
        var zeroClass: Int?
        // How many supporters of each project are in each class: `counts[c * projectCount + p]`.
        var counts = supporters.map(\.count)
        var selected: [Int] = []
        var spent = 0
        var available = Array(repeating: true, count: projectCount)
        while true {
            let order = values.indices.filter { population[$0] > 0 }.sorted { values[$0] < values[$1] }
            var best: (project: Int, remaining: Double, payers: Int, equal: Bool)?
            for p in 0..<projectCount where available[p] && !supporters[p].isEmpty {
                let cost = Double(costs[p] * n)
                var remaining = cost
                var k = supporters[p].count
                var found = false
                // Whether every supporter pays the same share (nobody runs out of money).
                var equal = true
                for c in order where counts[c * projectCount + p] > 0 {
                    let can = values[c] * Double(k)
                    if abs(can - remaining) <= margin * Double(k) { return nil }
                    if can > remaining {
                        found = true
                        break
                    }
                    let here = counts[c * projectCount + p]
                    remaining -= values[c] * Double(here)
                    k -= here
                    equal = false
                }
                guard found else { continue }
                if let current = best {
                    let currentCost = Double(costs[current.project] * n)
                    let better: Bool
                    if equal && current.equal && k == current.payers {
                        // Both ask exactly 1/k per unit of cost: the stated tie-break (as many
                        // supporters here, so the cheaper, then the one listed first).
                        better = costs[p] < costs[current.project]
                    } else {
                        // Compare R / (k · c) without dividing.
                        let mine = remaining * Double(current.payers) * currentCost
                        let theirs = current.remaining * Double(k) * cost
                        if abs(mine - theirs) <= margin * (Double(current.payers) * currentCost + Double(k) * cost) { return nil }
                        better = mine < theirs
                    }
                    if !better { continue }
                }
                best = (p, remaining, k, equal)
            }
            guard let chosen = best else { break }
            selected.append(chosen.project)
            available[chosen.project] = false
            spent += costs[chosen.project]
            if spent > profile.budget, increment > 0 { break }
            let share = chosen.remaining / Double(chosen.payers)
            // The class each paying class moves to (-1: not yet split).
            var split = Array(repeating: -1, count: values.count)
            for v in supporters[chosen.project] {
                let old = classOf[v]
                let new: Int
                if split[old] >= 0 {
                    new = split[old]
                } else {
                    let before = values[old]
                    if abs(before - share) <= margin { return nil }
                    if before > share {
                        values.append(before - share)
                        population.append(0)
                        new = values.count - 1
                        counts.append(contentsOf: repeatElement(0, count: projectCount))
                    } else if let zero = zeroClass {
                        new = zero
                    } else {
                        values.append(0)
                        population.append(0)
                        new = values.count - 1
                        zeroClass = new
                        counts.append(contentsOf: repeatElement(0, count: projectCount))
                    }
                    split[old] = new
                }
                classOf[v] = new
                population[old] -= 1
                population[new] += 1
                for i in flat.starts[v]..<flat.starts[v + 1] {
                    let p = flat.projects[i]
                    counts[old * projectCount + p] -= 1
                    counts[new * projectCount + p] += 1
                }
            }
        }
        return selected
    }
}

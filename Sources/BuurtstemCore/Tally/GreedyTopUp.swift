public import Statuut

extension EqualShares {
    /// Amsterdam's Buurtbudget rule: projects are taken by number of approvals (ties by listing
    /// order); the selection stops at the first project that does not fit in what is left, and that
    /// project is funded anyway, the shortfall topped up with extra money. Projects after it are not
    /// funded, even if they would fit. A project nobody approved is never taken, nor topped up.
    ///
    /// The result's details say what stopped the selection: `stoppedAt` (the topped-up project) and
    /// `topUp` (the extra money, whole euros), or `stoppedAt` absent when every approved project fit.
    public static func greedyWithTopUp(_ profile: ApprovalProfile) -> TallyResult {
        let approvals = profile.approvals
        let order = profile.projects.indices.sorted { approvals[$0] != approvals[$1] ? approvals[$0] > approvals[$1] : $0 < $1 }
        var left = profile.budget
        var funded: [Int] = []
        var stoppedAt: (project: Int, topUp: Int)?
        var counts: [(id: String, value: String)] = []
        for p in order {
            let project = profile.projects[p]
            let base = "\(approvals[p]) votes, cost \(project.cost)"
            if stoppedAt != nil || approvals[p] == 0 {
                counts.append((project.id, base + (approvals[p] == 0 ? ", no votes" : ", after the stop")))
                continue
            }
            if project.cost <= left {
                funded.append(p)
                left -= project.cost
                counts.append((project.id, base + ", funded"))
            } else {
                let topUp = project.cost - left
                funded.append(p)
                stoppedAt = (p, topUp)
                left = 0
                counts.append((project.id, base + ", does not fit: funded with a top-up of \(topUp)"))
            }
        }
        let ids = funded.map { profile.projects[$0].id }
        let fundedSet = Set(funded)
        // Where listing order decided: a funded project with as many approvals as one left out.
        let decided = funded.compactMap { f -> String? in
            let rivals = order.filter { !fundedSet.contains($0) && approvals[$0] == approvals[f] && approvals[f] > 0 }
            guard !rivals.isEmpty else { return nil }
            return "\(profile.projects[f].id) before \(rivals.map { profile.projects[$0].id }.joined(separator: ", "))"
        }
        var note = "by number of approvals"
        if let stop = stoppedAt {
            note += "; stopped at \(profile.projects[stop.project].id), the first project that does not fit, funded with a top-up of \(stop.topUp)"
        } else {
            note += "; every approved project fits: no top-up"
        }
        if !decided.isEmpty { note += "; a tie in approvals was decided by listing order: " + decided.joined(separator: "; ") }
        var details: [String: JSONValue] = [
            "budget": .int(profile.budget), "spent": .int(funded.reduce(0) { $0 + profile.projects[$1].cost }),
            "voters": .int(profile.ballots.count),
        ]
        if let stop = stoppedAt {
            details["stoppedAt"] = .string(profile.projects[stop.project].id)
            details["topUp"] = .int(stop.topUp)
        }
        return TallyResult(
            method: "greedy-top-up", elected: ids,
            rounds: [TallyRound(number: 1, counts: counts, elected: ids, note: note)],
            names: Dictionary(uniqueKeysWithValues: profile.projects.map { ($0.id, $0.name) }), details: details)
    }
}

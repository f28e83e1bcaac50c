/// How shares, majorities, quorums, methods and amounts are worded in an explanation.
extension ExplanationBuilder {
    func share(_ f: Fraction) -> String {
        if f.denominator <= 10 || f.numerator == 1 || f.exactPercent == nil { return f.description }
        return "\(f.exactPercent!)%"
    }

    func majority(_ m: MajorityRule) -> String {
        if m.share == .one, !m.strict {
            switch m.base {
            case .votesCast: return t("met algemene stemmen (alle uitgebrachte stemmen)", "unanimously (all votes cast)")
            case .membersPresent: return t("met de stemmen van alle aanwezige leden", "with the votes of all members present")
            case .allMembers: return t("met de stemmen van alle leden", "with the votes of all members")
            }
        }
        let how = m.strict ? t("meer dan", "more than") : t("minstens", "at least")
        let base: String
        switch m.base {
        case .votesCast: base = t("van de uitgebrachte stemmen", "of the votes cast")
        case .membersPresent: base = t("van de aanwezige leden", "of the members present")
        case .allMembers: base = t("van alle leden", "of all members")
        }
        return "\(how) \(share(m.share)) \(base)"
    }

    func majorityJSON(_ m: MajorityRule) -> JSONValue {
        .object([
            "numerator": .int(m.share.numerator), "denominator": .int(m.share.denominator),
            "strict": .bool(m.strict), "base": .string(m.base.rawValue),
        ])
    }

    func quorum(_ q: QuorumRule?) -> String {
        guard let q else { return t("geen quorum", "no quorum") }
        let who = q.countsProxies ? t("aanwezig of vertegenwoordigd", "present or represented") : t("aanwezig", "present")
        switch q.threshold {
        case .members(let n): return t("\(n) leden \(who)", "\(n) members \(who)")
        case .share(let f): return t("\(share(f)) van de leden \(who)", "\(share(f)) of the members \(who)")
        }
    }

    func quorumJSON(_ q: QuorumRule?) -> JSONValue {
        guard let q else { return .null }
        switch q.threshold {
        case .members(let n): return .object(["members": .int(n), "countsProxies": .bool(q.countsProxies)])
        case .share(let f):
            return .object(["numerator": .int(f.numerator), "denominator": .int(f.denominator), "countsProxies": .bool(q.countsProxies)])
        }
    }

    func methodName(_ m: TallyMethod) -> String {
        switch m {
        case .yesNo: return t("voor / tegen / blanco", "yes / no / abstain")
        case .plurality: return t("één keuze, de meeste stemmen wint", "single choice, most votes wins")
        case .approval: return t("goedkeuringsstemming (vink alles aan wat u steunt)", "approval voting (tick everything you support)")
        case .instantRunoff: return t("voorkeursstemming met afvalrondes (instant runoff)", "ranked choice with elimination rounds (instant runoff)")
        case .singleTransferableVote: return t("enkelvoudig overdraagbare stem (STV)", "single transferable vote (STV)")
        case .schulze: return t("Schulze-methode (rangorde, paarsgewijs)", "Schulze method (ranking, pairwise)")
        case .equalShares: return t("methode van gelijke delen (participatief begroten)", "method of equal shares (participatory budgeting)")
        case .greedy: return t("meeste goedkeuringen binnen het budget", "most approvals within the budget")
        case .greedyTopUp:
            return t(
                "meeste goedkeuringen tot en met het eerste project dat niet past; dat project krijgt extra geld (Amsterdams buurtbudget)",
                "most approvals up to and including the first project that does not fit; that project gets extra money (Amsterdam's Buurtbudget)")
        }
    }

    func euros(_ cents: Int) -> String {
        let rest = cents % 100
        let whole = "€ \(cents / 100)"
        return rest == 0 ? whole : whole + (nl ? "," : ".") + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}

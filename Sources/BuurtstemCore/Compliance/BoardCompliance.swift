public import Statuut

extension Compliance {
    /// The board as the statute wants it, on `day`: its size, each member's term, each party's seat.
    static func board(_ facts: ComplianceFacts, on day: CivilDate) -> [Finding] {
        let statute = facts.statute(on: day)
        let rule = statute.board
        let hasRules = rule.value.minimumSize != nil || rule.value.maximumSize != nil || rule.value.termYears != nil || !rule.value.seatsFor.isEmpty
        guard hasRules else { return [] }
        let sitting = facts.board.filter { $0.sits(on: day) }
        var findings: [Finding] = []
        let low = rule.value.minimumSize
        let high = rule.value.maximumSize
        let size: Bilingual =
            switch (low, high) {
            case (let l?, let h?) where l == h: Bilingual("\(l)", "\(l)")
            case (let l?, let h?): Bilingual("\(l) tot en met \(h)", "\(l) to \(h)")
            case (let l?, nil): Bilingual("minstens \(l)", "at least \(l)")
            case (nil, let h?): Bilingual("hoogstens \(h)", "at most \(h)")
            default: Bilingual("", "")
            }
        let names = sitting.map(\.name).joined(separator: ", ")
        if low != nil || high != nil {
            let obligation = Bilingual("Een bestuur van \(size.nl) personen", "A board of \(size.en) people")
            let status: Finding.Status
            let evidence: Bilingual
            if facts.board.isEmpty {
                status = .atRisk
                evidence = Bilingual(
                    "geen bestuursleden vastgelegd: leg ze vast op de pagina Bestuursleden of met `buurtstem board appoint`",
                    "no board members recorded: record them on the Board members page or with `buurtstem board appoint`")
            } else {
                let fits = (low.map { sitting.count >= $0 } ?? true) && (high.map { sitting.count <= $0 } ?? true)
                status = fits ? .kept : .broken
                evidence = Bilingual(
                    "op \(day): \(sitting.count) (\(names.isEmpty ? "niemand" : names))", "on \(day): \(sitting.count) (\(names.isEmpty ? "nobody" : names))")
            }
            findings.append(
                Finding(rule: "board-size", subject: day.description, obligation: obligation, source: rule.source, status: status, evidence: evidence))
        }
        let rules = BoardRules(statute: statute)
        for member in sitting {
            guard let years = rule.value.termYears, let end = rules.termEnds(for: member) else { break }
            let obligation = Bilingual(
                "Zittingstermijn van \(member.name): \(years) jaar vanaf \(member.appointedOn)",
                "\(member.name)'s term: \(years) years from \(member.appointedOn)")
            if day > end {
                findings.append(
                    Finding(
                        rule: "board-term", subject: member.name, obligation: obligation, source: rule.source, status: .broken,
                        evidence: Bilingual("termijn afgelopen op \(end): herbenoemen of vervangen", "term ended on \(end): reappoint or replace")))
            } else {
                // Within two months of its end the term is on the board's list and calendar.
                let soon = day.days(until: end) <= 2 * warningDays
                findings.append(
                    Finding(
                        rule: "board-term", subject: member.name, obligation: obligation, source: rule.source,
                        status: soon ? .atRisk : .kept,
                        evidence: Bilingual("termijn loopt tot en met \(end)", "term runs until \(end)"), deadline: soon ? end : nil))
            }
        }
        for party in rule.value.seatsFor {
            let holder = sitting.first { $0.seatFor == party }
            findings.append(
                Finding(
                    rule: "board-seat", subject: party, obligation: Bilingual("Een bestuurszetel voor \(party)", "A board seat for \(party)"),
                    source: rule.source, status: holder == nil ? .broken : .kept,
                    evidence: holder.map { Bilingual("bezet door \($0.name) sinds \($0.appointedOn)", "held by \($0.name) since \($0.appointedOn)") }
                        ?? Bilingual("op \(day) onbezet", "vacant on \(day)")))
        }
        return findings
    }
}

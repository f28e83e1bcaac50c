public import Statuut

/// Members' demands, the annual accounts and the affiliated organisations' confirmations.
extension Compliance {
    // MARK: Demands, accounts, organisations

    static func demand(_ fact: ComplianceFacts.DemandFact, _ statute: Statute, on day: CivilDate) -> Finding {
        let d = fact.demand
        let obligation = Bilingual(
            "Verzoek van \(d.supporters) leden (\(d.receivedOn)): vergadering bijeenroepen uiterlijk \(d.callBy)",
            "Members' demand (\(d.receivedOn)): call an assembly by \(d.callBy)")
        if let answered = fact.answeredOn {
            return Finding(
                rule: "demand", subject: d.receivedOn.description, obligation: obligation, source: statute.demand.source,
                status: answered <= d.callBy ? .kept : .broken,
                evidence: Bilingual("vergadering opgeroepen op \(answered)", "assembly called on \(answered)"))
        }
        let late = day > d.callBy
        return Finding(
            rule: "demand", subject: d.receivedOn.description, obligation: obligation, source: statute.demand.source,
            status: late ? .broken : .atRisk,
            evidence: late
                ? Bilingual("niet beantwoord; de termijn liep af op \(d.callBy)", "not answered; the term ended on \(d.callBy)")
                : Bilingual("nog niet beantwoord", "not answered yet"),
            deadline: late ? nil : d.callBy)
    }

    static func accounts(_ facts: ComplianceFacts, of year: Int, on day: CivilDate) -> [Finding] {
        guard let newYear = CivilDate(year: year + 1, month: 1, day: 1) else { return [] }
        let statute = facts.statute(on: newYear)
        let months = statute.annualAccountsMonths.value
        let deadline = newYear.adding(months: months).adding(days: -1)
        let obligation = Bilingual(
            "Jaarrekening \(year) binnen \(months) maanden aan de leden voorgelegd", "Annual accounts \(year) presented to the members within \(months) months")
        if let presented = facts.accounts.first(where: { $0.year == year })?.presentedOn {
            return [
                Finding(
                    rule: "annual-accounts", subject: String(year), obligation: obligation, source: statute.annualAccountsMonths.source,
                    status: presented <= deadline ? .kept : .broken,
                    evidence: Bilingual("voorgelegd op \(presented) (uiterlijk \(deadline))", "presented on \(presented) (due by \(deadline))"))
            ]
        }
        if day > deadline {
            return [
                Finding(
                    rule: "annual-accounts", subject: String(year), obligation: obligation, source: statute.annualAccountsMonths.source,
                    status: .broken, evidence: Bilingual("niet voorgelegd; uiterlijk \(deadline)", "not presented; due by \(deadline)"))
            ]
        }
        return [
            Finding(
                rule: "annual-accounts", subject: String(year), obligation: obligation, source: statute.annualAccountsMonths.source,
                status: day.days(until: deadline) <= warningDays ? .atRisk : .notYetDue,
                evidence: Bilingual("nog niet voorgelegd", "not presented yet"), deadline: deadline)
        ]
    }

    static func confirmations(_ facts: ComplianceFacts, _ year: Int, on day: CivilDate) -> [Finding] {
        guard let yearEnd = CivilDate(year: year, month: 12, day: 31) else { return [] }
        let statute = facts.statute(on: min(yearEnd, day))
        return statute.organisations.map { organisation in
            let obligation = Bilingual(
                "\(organisation.value) bevestigt in \(year) de beginselen van het statuut",
                "\(organisation.value) confirms the statute's principles in \(year)")
            if let done = facts.confirmations.first(where: { $0.organisation == organisation.value && $0.year == year }) {
                return Finding(
                    rule: "organisation", subject: "\(year) \(organisation.value)", obligation: obligation, source: organisation.source,
                    status: .kept, evidence: Bilingual("bevestigd op \(done.on): \(done.text)", "confirmed on \(done.on): \(done.text)"))
            }
            if day > yearEnd {
                return Finding(
                    rule: "organisation", subject: "\(year) \(organisation.value)", obligation: obligation, source: organisation.source,
                    status: .broken, evidence: Bilingual("geen bevestiging in \(year)", "no confirmation in \(year)"))
            }
            return Finding(
                rule: "organisation", subject: "\(year) \(organisation.value)", obligation: obligation, source: organisation.source,
                status: day.days(until: yearEnd) <= 2 * warningDays ? .atRisk : .notYetDue,
                evidence: Bilingual("nog geen bevestiging", "not confirmed yet"), deadline: yearEnd)
        }
    }
}

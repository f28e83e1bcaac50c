public import Statuut

extension Compliance {
    /// For every item that failed for lack of quorum where the statute gives a second meeting
    /// (`tweede vergadering binnen N dagen zonder quorum`): the window to hold it, and whether it was
    /// called. Holding it is the board's choice, so a window that passed is not a breach: the item
    /// then simply failed, and the report says so.
    static func secondMeetings(_ facts: ComplianceFacts, years: [Int], on day: CivilDate) -> [Finding] {
        var findings: [Finding] = []
        for fact in facts.assemblies where years.contains(fact.assembly.date.year) && fact.assembly.secondMeetingOf == nil {
            let statute = facts.statute(on: fact.assembly.date)
            let second = facts.assemblies.first { $0.assembly.secondMeetingOf == fact.assembly.id }?.assembly
            for decision in fact.decisions where decision.outcome == "noQuorum" {
                guard let kind = statute.decisionKind(named: decision.proposal.kind), let days = kind.secondMeetingDays.value else { continue }
                let lastDay = fact.assembly.date.adding(days: days)
                let lastCall = lastDay.adding(days: -AssemblyRules(statute: statute).notice(for: [kind.name]).value)
                let title = decision.proposal.title
                let obligation = Bilingual(
                    "Tweede vergadering voor \"\(title)\" (geen quorum op \(fact.assembly.date)) uiterlijk \(lastDay)",
                    "Second meeting for \"\(title)\" (no quorum on \(fact.assembly.date)) by \(lastDay)")
                let subject = "ballot \(decision.ballot)"
                if let second {
                    findings.append(
                        Finding(
                            rule: "second-meeting", subject: subject, obligation: obligation, source: kind.secondMeetingDays.source,
                            status: .kept,
                            evidence: Bilingual(
                                "tweede vergadering op \(second.date), beslist zonder quorum",
                                "second meeting on \(second.date), decided without quorum")))
                } else if day <= lastCall {
                    findings.append(
                        Finding(
                            rule: "second-meeting", subject: subject, obligation: obligation, source: kind.secondMeetingDays.source,
                            status: day.days(until: lastCall) <= warningDays ? .atRisk : .notYetDue,
                            evidence: Bilingual(
                                "nog niet bijeengeroepen; roep uiterlijk \(lastCall) op om op \(lastDay) te vergaderen",
                                "not called yet; call by \(lastCall) to meet by \(lastDay)"),
                            deadline: lastCall))
                } else {
                    findings.append(
                        Finding(
                            rule: "second-meeting", subject: subject, obligation: obligation, source: kind.secondMeetingDays.source,
                            status: .kept,
                            evidence: Bilingual(
                                "geen tweede vergadering gehouden: het voorstel is niet aangenomen",
                                "no second meeting held: the proposal was not adopted")))
                }
            }
        }
        return findings
    }
}

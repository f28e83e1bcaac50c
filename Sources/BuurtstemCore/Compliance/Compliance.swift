public import Statuut

/// The board's compliance check: every obligation and limit of the statute, judged by the statute
/// version in force on each event's date, with the evidence and the last day to act.
public enum Compliance {
    /// Findings are "at risk" when their last day to act is this close (or closer).
    public static let warningDays = 30

    /// Judges the facts on `day`; with `year`, only what belongs to that calendar year.
    public static func check(_ facts: ComplianceFacts, on day: CivilDate, year: Int? = nil) -> ComplianceReport {
        let years = year.map { [$0] } ?? Array(facts.start.year...max(facts.start.year, day.year))
        var findings: [Finding] = []
        // A year that ended before the statute's first version (or the records) has no obligations here.
        let judged = years.filter { y in CivilDate(year: y, month: 12, day: 31).map { $0 >= facts.start } ?? false }
        for y in judged where y <= day.year {
            findings += assembliesPerYear(facts, y, on: day)
        }
        findings += longestGap(facts, years: years, on: day)
        for fact in facts.assemblies where years.contains(fact.assembly.date.year) && fact.assembly.calledOn != nil {
            findings += assembly(fact, facts.statute(on: fact.assembly.date))
            for decision in fact.decisions { findings += self.decision(decision, at: fact, facts.statute(on: fact.assembly.date)) }
        }
        for demand in facts.demands where years.contains(demand.demand.receivedOn.year) {
            findings.append(self.demand(demand, facts.statute(on: demand.demand.receivedOn), on: day))
        }
        // Last year's accounts are presented this year: judged when the statute held last year, and
        // shown whenever they were presented (the accounts of the year before the first version too).
        for y in years where y - 1 >= facts.start.year || facts.accounts.contains(where: { $0.year == y - 1 }) {
            findings += accounts(facts, of: y - 1, on: day)
        }
        for y in judged where y <= day.year {
            findings += confirmations(facts, y, on: day)
        }
        findings += outsideMeeting(facts, years: years, on: day)
        findings += secondMeetings(facts, years: years, on: day)
        // The board as it stands on the day judged (the year's last day for a year that has ended).
        if let last = judged.last {
            findings += board(facts, on: min(day, CivilDate(year: last, month: 12, day: 31) ?? day))
        }
        findings.append(
            Finding(
                rule: "audit-log", subject: day.description,
                obligation: Bilingual("Het auditlog is compleet en ongewijzigd", "The audit log is complete and unaltered"),
                source: .legalDefault(
                    LegalSource("standaard van Buurtstem", nl: "elke wijziging staat in het auditlog", en: "every change is in the audit log")),
                status: facts.auditProblems.isEmpty ? .kept : .broken,
                evidence: facts.auditProblems.isEmpty
                    ? Bilingual(
                        "\(facts.auditEntries) regels, alle hashes en controlepunten kloppen",
                        "\(facts.auditEntries) entries; every hash and checkpoint matches")
                    : Bilingual(facts.auditProblems.joined(separator: "; "), facts.auditProblems.joined(separator: "; "))))
        return ComplianceReport(association: facts.association, on: day, year: year, findings: findings)
    }

    static func wasHeld(_ fact: ComplianceFacts.AssemblyFact, by day: CivilDate) -> Bool {
        fact.assembly.calledOn != nil && fact.assembly.date <= day
    }

    static func describe(_ a: Assembly) -> Bilingual {
        guard let called = a.calledOn else { return Bilingual("\(a.date) (gepland, nog niet opgeroepen)", "\(a.date) (planned, not yet called)") }
        let days = called.days(until: a.date)
        return Bilingual("\(a.date) (opgeroepen \(called), \(days) dagen)", "\(a.date) (called \(called), \(days) days' notice)")
    }

    // MARK: Assemblies

    static func assembliesPerYear(_ facts: ComplianceFacts, _ year: Int, on day: CivilDate) -> [Finding] {
        guard let yearEnd = CivilDate(year: year, month: 12, day: 31) else { return [] }
        let statute = facts.statute(on: min(yearEnd, day))
        let required = statute.assembliesPerYear.value
        guard required > 0, let yearStart = CivilDate(year: year, month: 1, day: 1) else { return [] }
        // Records that begin during the year: assemblies before them are not known here.
        let partial = facts.start > yearStart
        let inYear = facts.assemblies.filter { $0.assembly.date.year == year }
        let held = inYear.filter { wasHeld($0, by: day) }
        let planned = inYear.filter { !wasHeld($0, by: day) }
        let evidence = Bilingual(
            "vergaderingen \(year): " + (held.isEmpty ? "geen" : held.map { describe($0.assembly).nl }.joined(separator: ", "))
                + (planned.isEmpty ? "" : "; gepland: " + planned.map { describe($0.assembly).nl }.joined(separator: ", ")),
            "assemblies \(year): " + (held.isEmpty ? "none" : held.map { describe($0.assembly).en }.joined(separator: ", "))
                + (planned.isEmpty ? "" : "; planned: " + planned.map { describe($0.assembly).en }.joined(separator: ", ")))
        let obligation = Bilingual("Ten minste \(required) algemene vergaderingen in \(year)", "At least \(required) general assemblies in \(year)")
        if held.count >= required {
            return [
                Finding(
                    rule: "assemblies-per-year", subject: String(year), obligation: obligation, source: statute.assembliesPerYear.source,
                    status: .kept, evidence: evidence)
            ]
        }
        let lastCall = yearEnd.adding(days: -statute.noticeDays.value)
        let missing = required - held.count
        let status: Finding.Status
        var text = evidence
        if day > lastCall && partial {
            // Not provably broken: the year began before the records.
            status = .atRisk
            text.nl +=
                "; \(missing) te weinig in de gegevens, die pas op \(facts.start) beginnen: leg eerdere vergaderingen van \(year) vast of bevestig dat ze er niet waren"
            text.en += "; \(missing) short in the records, which begin only on \(facts.start): record earlier assemblies of \(year) or confirm there were none"
        } else if day > lastCall {
            status = .broken
            text.nl += "; \(missing) te weinig en niet meer in te halen"
            text.en += "; \(missing) short and too late to call another"
        } else {
            status = day.days(until: lastCall) <= warningDays ? .atRisk : .notYetDue
            text.nl += "; nog \(missing) nodig: roep uiterlijk \(lastCall) bijeen om op \(yearEnd) te vergaderen"
            text.en += "; \(missing) more needed: call by \(lastCall) to hold it by \(yearEnd)"
        }
        return [
            Finding(
                rule: "assemblies-per-year", subject: String(year), obligation: obligation, source: statute.assembliesPerYear.source,
                status: status, evidence: text, deadline: day > lastCall ? nil : lastCall)
        ]
    }

    static func longestGap(_ facts: ComplianceFacts, years: [Int], on day: CivilDate) -> [Finding] {
        let statute = facts.statute(on: day)
        guard let months = statute.longestGapMonths.value else { return [] }
        let dates = facts.assemblies.filter { wasHeld($0, by: day) }.map(\.assembly.date)
        var broken: [Bilingual] = []
        for (a, b) in zip(dates, dates.dropFirst()) where a.adding(months: months) < b && years.contains(b.year) {
            broken.append(Bilingual("\(a) → \(b)", "\(a) → \(b)"))
        }
        let obligation = Bilingual("Niet meer dan \(months) maanden tussen twee vergaderingen", "No more than \(months) months between assemblies")
        var status: Finding.Status = broken.isEmpty ? .kept : .broken
        var deadline: CivilDate?
        var evidence =
            broken.isEmpty
            ? Bilingual("geen te lange tussenpozen", "no gap too long")
            : Bilingual("te lang: " + broken.map(\.nl).joined(separator: ", "), "too long: " + broken.map(\.en).joined(separator: ", "))
        if let last = dates.last, years.contains(day.year) {
            let limit = last.adding(months: months)
            if day > limit {
                status = .broken
                evidence.nl += "; sinds \(last) geen vergadering, meer dan \(months) maanden"
                evidence.en += "; no assembly since \(last), more than \(months) months"
            } else if status == .kept {
                deadline = limit
                evidence.nl += "; volgende vergadering uiterlijk \(limit)"
                evidence.en += "; next assembly by \(limit)"
                if day.days(until: limit) <= warningDays { status = .atRisk }
            }
        }
        return [
            Finding(
                rule: "longest-gap", subject: years.count == 1 ? String(years[0]) : "\(years[0])–\(years[years.count - 1])",
                obligation: obligation, source: statute.longestGapMonths.source, status: status, evidence: evidence, deadline: deadline)
        ]
    }

    static func assembly(_ fact: ComplianceFacts.AssemblyFact, _ statute: Statute) -> [Finding] {
        let a = fact.assembly
        guard let called = a.calledOn else { return [] }
        let rules = AssemblyRules(statute: statute)
        let subject = "\(a.date)"
        let about = Bilingual("vergadering van \(a.date)", "assembly of \(a.date)")
        var findings: [Finding] = []
        let kinds = Array(Set(a.agendaKinds + fact.decisions.map { DecisionKindNames.canonical($0.proposal.kind) })).sorted()
        let notice = rules.notice(for: kinds)
        let given = called.days(until: a.date)
        findings.append(
            Finding(
                rule: "notice", subject: subject,
                obligation: Bilingual("Oproeping ten minste \(notice.value) dagen vooraf", "Notice of at least \(notice.value) days"),
                source: notice.source, status: given >= notice.value ? .kept : .broken,
                evidence: Bilingual("opgeroepen op \(called) voor \(a.date): \(given) dagen", "called on \(called) for \(a.date): \(given) days"), about: about)
        )
        let expected = rules.referenceDate(for: a.date, calledOn: called)
        findings.append(
            Finding(
                rule: "reference-date", subject: subject,
                obligation: Bilingual("Stemgerechtigden bepaald op de peildatum", "Electorate fixed on the reference date"),
                source: statute.referenceDate.source, status: a.referenceDate == expected ? .kept : .broken,
                evidence: Bilingual(
                    "peildatum \(a.referenceDate?.description ?? "–") (volgens het statuut \(expected)); \(fact.electorate) stemgerechtigden",
                    "reference date \(a.referenceDate?.description ?? "–") (by the statute \(expected)); \(fact.electorate) entitled to vote"),
                about: about))
        var held: [ResidentID: Int] = [:]
        for holder in fact.attendance.proxies.values { held[holder, default: 0] += 1 }
        let most = held.values.max() ?? 0
        let proxyStatus: Finding.Status
        let limit: Bilingual
        switch statute.proxy.value {
        case .notAllowed:
            proxyStatus = most == 0 ? .kept : .broken
            limit = Bilingual("Geen stemmen bij volmacht", "No proxy votes")
        case .atMost(let n):
            proxyStatus = most <= n ? .kept : .broken
            limit = Bilingual(
                "Ten hoogste \(n) \(n == 1 ? "volmacht" : "volmachten") per aanwezige", "At most \(n) \(n == 1 ? "proxy" : "proxies") per member present")
        case .unlimited:
            proxyStatus = .kept
            limit = Bilingual("Volmachten zonder maximum", "Proxies without a limit")
        }
        findings.append(
            Finding(
                rule: "proxies", subject: subject, obligation: limit, source: statute.proxy.source, status: proxyStatus,
                evidence: Bilingual(
                    "\(Words.count(fact.attendance.proxies.count, "volmacht", "volmachten")); hoogste aantal bij één lid: \(most)",
                    "\(Words.count(fact.attendance.proxies.count, "proxy", "proxies")); most held by one member: \(most)"),
                about: about))
        return findings
    }

    // MARK: Decisions

    static func decision(_ decision: ComplianceFacts.DecisionFact, at fact: ComplianceFacts.AssemblyFact, _ statute: Statute) -> [Finding] {
        let subject = "\(fact.assembly.date) #\(decision.ballot) \(decision.proposal.title)"
        let about = Bilingual(
            "voorstel „\(decision.proposal.title)” (vergadering van \(fact.assembly.date), stemming \(decision.ballot))",
            "proposal “\(decision.proposal.title)” (assembly of \(fact.assembly.date), ballot \(decision.ballot))")
        let rules = ProposalRules(statute: statute)
        var findings: [Finding] = []
        var submitted = decision.proposal
        submitted.state = .submitted
        do {
            _ = try rules.admit(submitted, for: fact.assembly, electorate: Set(supporters(of: decision.proposal)))
            findings.append(
                Finding(
                    rule: "proposal", subject: subject,
                    obligation: Bilingual("Voorstel van wie dat mag, op tijd ingediend", "Proposal by someone entitled, submitted on time"),
                    source: statute.proposers.source, status: .kept,
                    evidence: Bilingual(
                        "ingediend op \(decision.proposal.submittedOn?.description ?? "–")"
                            + (decision.proposal.inspectionFrom.map { ", ter inzage vanaf \($0)" } ?? ""),
                        "submitted on \(decision.proposal.submittedOn?.description ?? "–")"
                            + (decision.proposal.inspectionFrom.map { ", open for inspection from \($0)" } ?? "")), about: about))
        } catch {
            findings.append(
                Finding(
                    rule: "proposal", subject: subject,
                    obligation: Bilingual("Voorstel van wie dat mag, op tijd ingediend", "Proposal by someone entitled, submitted on time"),
                    source: error.source, status: .broken, evidence: Bilingual(error.nl, error.en), about: about))
        }
        let kind = DecisionKindNames.canonical(decision.proposal.kind)
        if statute.socialShareholders.contains(where: { $0.rights.contains { $0.decisionKind == kind && $0.kind != .veto } }) {
            let before = decision.responses.filter { $0.on <= fact.assembly.date }
            let given = Bilingual(
                before.map { "\($0.shareholder): \(Words.response($0.kind).nl) \($0.on)" }.joined(separator: "; "),
                before.map { "\($0.shareholder): \(Words.response($0.kind).en) \($0.on)" }.joined(separator: "; "))
            do {
                try rules.checkBallotMayOpen(decision.proposal, responses: before)
                findings.append(
                    Finding(
                        rule: "shareholder", subject: subject,
                        obligation: Bilingual(
                            "Advies of instemming van de sociaal aandeelhouder vóór de stemming", "Social shareholder's advice or consent before the ballot"),
                        source: statute.socialShareholders.first { $0.rights.contains { $0.decisionKind == kind } }?.source ?? statute.proposers.source,
                        status: .kept, evidence: given, about: about))
            } catch {
                findings.append(
                    Finding(
                        rule: "shareholder", subject: subject,
                        obligation: Bilingual(
                            "Advies of instemming van de sociaal aandeelhouder vóór de stemming", "Social shareholder's advice or consent before the ballot"),
                        source: error.source, status: .broken, evidence: Bilingual(error.nl, error.en), about: about))
            }
        }
        let allowed = fact.attendance.votesAllowed
        findings.append(
            Finding(
                rule: "one-vote", subject: subject,
                obligation: Bilingual("Niet meer stemmen dan aanwezige en vertegenwoordigde leden", "No more votes than members present or represented"),
                source: .legalDefault(LegalDefaults.oneVote), status: decision.votesCast <= allowed ? .kept : .broken,
                evidence: Bilingual(
                    "\(Words.count(decision.votesCast, "stem", "stemmen")), \(allowed) aanwezig of vertegenwoordigd",
                    "\(Words.count(decision.votesCast, "vote", "votes")), \(allowed) present or represented"), about: about)
        )
        guard let kindRule = statute.decisionKind(named: decision.proposal.kind) else { return findings }
        let methodObligation = Bilingual(
            "Besluit \(kindRule.name) met de methode \(Words.method(kindRule.method.value).nl)",
            "Decision \(kindRule.name) by \(Words.method(kindRule.method.value).en)")
        if kindRule.method.value != decision.method {
            findings.append(
                Finding(
                    rule: "decision", subject: subject,
                    obligation: methodObligation,
                    source: kindRule.method.source, status: .broken,
                    evidence: Bilingual("gestemd met \(Words.method(decision.method).nl)", "voted by \(Words.method(decision.method).en)"), about: about))
            return findings
        }
        if let count = decision.count, let recorded = decision.outcome, let outcome = fact.outcome(of: decision, kind: kindRule) {
            let tally = Bilingual(
                "voor \(count.yes), tegen \(count.no), blanco \(count.blank); quorum: \(outcome.quorum.needed) nodig, \(outcome.quorum.counted) geteld",
                "yes \(count.yes), no \(count.no), blank \(count.blank); quorum: \(outcome.quorum.needed) needed, \(outcome.quorum.counted) counted")
            // Presence only grows during an evening: a close that counted more than the attendance
            // list holds at the end does not match the records.
            let listed = fact.attendance.votesAllowed
            let presence = (decision.recordedPresent ?? 0) <= listed && (decision.recordedQuorum?.counted ?? 0) <= listed
            let agrees = outcome.result.rawValue == recorded && presence
            let note =
                presence
                ? Bilingual("", "")
                : Bilingual(
                    "; bij de sluiting \(decision.recordedPresent ?? 0) aanwezig geteld, de presentielijst heeft er \(listed)",
                    "; \(decision.recordedPresent ?? 0) counted present at the close, the attendance list has \(listed)")
            findings.append(
                Finding(
                    rule: "decision", subject: subject,
                    obligation: Bilingual(
                        "Meerderheid en quorum bij een besluit van de soort \(kindRule.name)", "Majority and quorum for a decision of the kind \(kindRule.name)"
                    ),
                    source: outcome.sources.first ?? kindRule.majority.source, status: agrees ? .kept : .broken,
                    evidence: Bilingual(
                        "\(tally.nl) → \(outcome.nl)\(outcome.result.rawValue == recorded ? "" : "; vastgelegd als \(Words.outcome(recorded).nl)")\(note.nl)",
                        "\(tally.en) → \(outcome.en)\(outcome.result.rawValue == recorded ? "" : "; recorded as \(Words.outcome(recorded).en)")\(note.en)"),
                    about: about))
        } else if decision.outcome != nil || decision.method != .yesNo {
            findings.append(
                Finding(
                    rule: "decision", subject: subject,
                    obligation: methodObligation,
                    source: kindRule.method.source, status: .kept,
                    evidence: Bilingual(
                        "gestemd met \(Words.method(decision.method).nl)\(decision.outcome == nil ? " (nog open)" : "")",
                        "voted by \(Words.method(decision.method).en)\(decision.outcome == nil ? " (still open)" : "")"),
                    about: about))
        }
        return findings
    }

    static func supporters(of proposal: Proposal) -> [ResidentID] {
        if case .members(let ids) = proposal.source { return ids }
        return []
    }

    static func outsideMeeting(_ facts: ComplianceFacts, years: [Int], on day: CivilDate) -> [Finding] {
        let decisions = facts.outsideDecisions.filter { years.contains($0.on.year) && $0.on <= day }
        guard !decisions.isEmpty else {
            return [
                Finding(
                    rule: "outside-meeting", subject: "\(years.first ?? day.year)–\(years.last ?? day.year)",
                    obligation: Bilingual(
                        "Besluiten buiten de vergadering alleen zoals het statuut toestaat", "Decisions outside a meeting only as the statute allows"),
                    source: facts.statute(on: day).outsideMeeting.source, status: .kept,
                    evidence: Bilingual("geen besluiten buiten de vergadering genomen", "no decisions taken outside a meeting"))
            ]
        }
        return decisions.map { decision in
            let statute = facts.statute(on: decision.on)
            let outcome = ProposalRules(statute: statute).decideOutsideMeeting(decision.count, members: decision.members)
            let allowed: Bool
            if case .notAllowed = statute.outsideMeeting.value { allowed = false } else { allowed = true }
            let c = decision.count
            // The evidence: one written vote kept for every vote counted.
            let evidenced = decision.writtenVotes.map { $0 == c.yes + c.no + c.blank } ?? true
            let agrees = allowed && outcome.result.rawValue == decision.outcome && evidenced
            return Finding(
                rule: "outside-meeting", subject: "\(decision.on) \(decision.title)",
                obligation: Bilingual("Besluit buiten de vergadering: \(decision.title)", "Decision outside a meeting: \(decision.title)"),
                source: statute.outsideMeeting.source, status: agrees ? .kept : .broken,
                evidence: Bilingual(
                    "voor \(c.yes), tegen \(c.no), blanco \(c.blank) van \(decision.members) leden → \(outcome.nl)"
                        + (decision.outcome == outcome.result.rawValue ? "" : "; vastgelegd als \(decision.outcome)")
                        + (decision.writtenVotes.map { "; \($0) schriftelijke stemmen bewaard" } ?? ""),
                    "yes \(c.yes), no \(c.no), blank \(c.blank) of \(decision.members) members → \(outcome.en)"
                        + (decision.outcome == outcome.result.rawValue ? "" : "; recorded as \(decision.outcome)")
                        + (decision.writtenVotes.map { "; \($0) written votes kept" } ?? "")))
        }
    }

}

import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut
import Testing

/// Two years kept by the book for each statute, through the store; then the same facts with one
/// rule broken at a time: the report names exactly that rule, with its article.
@Suite("Compliance, minutes and calendar")
struct ComplianceTests {
    static let fixtures = StoreFixtures.repository.appendingPathComponent("Tests/BuurtstemStoreTests/Fixtures/compliance")
    static let judged = day("2026-11-01")

    /// What differs between the statutes in the scenario.
    struct Setup: Sendable, CustomTestStringConvertible {
        var statute: String
        var postcode: String
        /// Opt-in statutes: members join (with an intake where the statute asks one).
        var optIn: Bool
        /// The decision kind the social shareholders must advise on or consent to, and their responses.
        var advisedKind: String
        var responses: [(String, ShareholderResponse.Kind)]
        var options: [BallotOption]
        var testDescription: String { statute }
    }

    static let setups = [
        Setup(
            statute: "wildemanbuurt", postcode: "1067 PB", optIn: false, advisedKind: "wijkbudget",
            responses: [("Gemeente Amsterdam, stadsdeel Nieuw-West", .advice)],
            options: [BallotOption(id: "speeltuin", name: "Speeltuin", cost: 15000), BallotOption(id: "bankjes", name: "Bankjes", cost: 4000)]),
        Setup(
            statute: "soesterkwartier", postcode: "3812 AB", optIn: true, advisedKind: "experiment",
            responses: [("Gemeente Amersfoort", .advice), ("Woningcorporatie Alliantie", .consent)], options: []),
        Setup(
            statute: "devrijeuitloop", postcode: "4811 AB", optIn: true, advisedKind: "instroom",
            responses: [("Gemeente Breda", .advice), ("Atea re-integratie", .advice)], options: []),
    ]
    static var wildeman: Setup { setups[0] }

    /// Holds an assembly: call, an ordinary proposal by the board (and, when `advised`, a decision
    /// the shareholders advise on first), check-in, votes, close.
    static func hold(
        _ db: AppDatabase, _ setup: Setup, _ date: String, calledOn: String, id: AssemblyID, advised: Bool = false, proxy: Bool = false,
        amendment: Bool = false
    ) throws {
        let date = day(date)
        _ = try db.scheduleAssembly(
            date: date, place: "Buurthuis", agendaKinds: amendment ? ["statutenwijziging"] : [],
            today: day(calledOn).adding(days: -5))
        _ = try db.callAssembly(id, on: day(calledOn))
        let ordinary = try db.submitProposal(
            Proposal(
                id: 0, title: "Bankjes \(date.year)", text: "Zes bankjes op het plein.", kind: "gewoon",
                source: .board, assembly: id), on: date.adding(days: -25))
        _ = try db.admitProposal(ordinary.id)
        var advisedProposal: Proposal?
        if advised {
            let p = try db.submitProposal(
                Proposal(
                    id: 0, title: "\(setup.advisedKind) \(date.year)", text: "", kind: setup.advisedKind, source: .board,
                    assembly: id), on: date.adding(days: -25))
            _ = try db.admitProposal(p.id)
            for (shareholder, kind) in setup.responses {
                try db.recordShareholderResponse(
                    ShareholderResponse(
                        shareholder: shareholder, proposal: p.id, kind: kind, on: date.adding(days: -3),
                        text: "Positief."))
            }
            advisedProposal = p
        }
        var amendmentProposal: Proposal?
        if amendment {
            // The statute's text again with a clearer preamble: laid out for inspection when submitted, 25 days ahead.
            let text = StoreFixtures.statuteText(setup.statute).replacingOccurrences(
                of: "Iedere bewoner van het gebied is van rechtswege lid",
                with: "Iedere bewoner van het gebied is vanzelf lid")
            let p = try db.submitProposal(
                Proposal(
                    id: 0, title: "Statuut in eenvoudige taal", text: "", kind: "statutenwijziging", source: .board,
                    assembly: id, amendmentText: text, inspectionFrom: date.adding(days: -25)), on: date.adding(days: -25))
            _ = try db.admitProposal(p.id)
            amendmentProposal = p
        }
        _ = try db.openAssembly(id, on: date)
        _ = try db.checkIn(YearScenarioTests.ids(1...26), assembly: id)
        if proxy { _ = try db.proxy(from: ResidentID("R40"), to: ResidentID("R1"), assembly: id) }
        let ballot = try db.openBallot(proposal: ordinary.id)
        _ = try db.enterVotes(ballot: ballot.id, choice: "voor", count: 16)
        _ = try db.enterVotes(ballot: ballot.id, choice: "tegen", count: 8)
        _ = try db.closeBallot(ballot.id)
        if let p = advisedProposal {
            let b = try db.openBallot(proposal: p.id, options: setup.options)
            if setup.options.isEmpty {
                _ = try db.enterVotes(ballot: b.id, choice: "voor", count: 18)
                _ = try db.enterVotes(ballot: b.id, choice: "tegen", count: 6)
            } else {
                _ = try db.enterVotes(ballot: b.id, choice: "speeltuin,bankjes", count: 12)
                _ = try db.enterVotes(ballot: b.id, choice: "bankjes", count: 8)
            }
            _ = try db.closeBallot(b.id)
        }
        if let p = amendmentProposal {
            let b = try db.openBallot(proposal: p.id)
            _ = try db.enterVotes(ballot: b.id, choice: "voor", count: 18)
            _ = try db.enterVotes(ballot: b.id, choice: "tegen", count: 6)
            _ = try db.closeBallot(b.id)
        }
        _ = try db.closeAssembly(id)
    }

    /// 2025 and 2026, every rule kept: four assemblies, advice before the ballot that needs it, a
    /// proxy where the statute allows one, the accounts, the organisations' confirmations, a
    /// members' demand answered in time.
    static func keptScenario(_ setup: Setup = wildeman) throws -> AppDatabase {
        // Each statute as in force from 1 January 2025 (the files say 2026; the history starts earlier here).
        let db = try AppDatabase.inMemory(clock: StoreFixtures.clock)
        try db.createAssociation(statuteSource: StoreFixtures.statuteText(setup.statute), fileName: "\(setup.statute).statuut", validFrom: day("2025-01-01"))
        let rows = (1...60).map { ("R\($0)", setup.postcode, $0) }
        _ = try db.importRegister(
            try StoreFixtures.extract(YearScenarioTests.register(rows), on: "2025-01-10"), fileName: "r.csv", fileSHA256: "h",
            extractDate: day("2025-01-10"))
        if setup.optIn {
            for id in YearScenarioTests.ids(1...60) { try db.join(id, on: day("2025-01-15"), intakeOn: day("2025-01-12"), meetsProfile: true) }
        }
        let (statute, _) = try db.statute(on: day("2025-01-15"))
        // The board as the statute wants it: its smallest size, a party's seat where it gives one.
        for (index, party) in ([nil, nil, nil] + statute.board.value.seatsFor.map(Optional.some)).suffix(statute.board.value.minimumSize ?? 3).enumerated() {
            try db.appointBoardMember(name: "Bestuurslid \(index + 1)", seatFor: party, on: day("2025-01-15"))
        }
        let proxies: Bool
        if case .notAllowed = statute.proxy.value { proxies = false } else { proxies = true }
        try hold(db, setup, "2025-03-20", calledOn: "2025-03-01", id: 1, advised: true, proxy: proxies)
        try hold(db, setup, "2025-10-09", calledOn: "2025-09-20", id: 2)
        for organisation in statute.organisations.map(\.value) {
            try db.confirmPrinciples(organisation: organisation, year: 2025, on: day("2025-06-01"), text: "Wij onderschrijven de beginselen.")
            try db.confirmPrinciples(organisation: organisation, year: 2026, on: day("2026-02-01"), text: "Wij onderschrijven de beginselen.")
        }
        // The Wildemanbuurt also amends its statute (2/3 of the votes, laid out 14 days ahead): a new version from that day.
        try hold(db, setup, "2026-03-19", calledOn: "2026-03-01", id: 3, amendment: setup.statute == "wildemanbuurt")
        try db.presentAccounts(year: 2025, on: day("2026-03-19"))
        _ = try db.demandAssembly(supporters: 6, on: day("2026-09-01"))
        try hold(db, setup, "2026-10-08", calledOn: "2026-09-20", id: 4)
        return db
    }

    @Test("each statute kept for two years: nothing broken or at risk, exit code 0; golden reports in both languages", arguments: setups)
    func kept(_ setup: Setup) throws {
        let db = try Self.keptScenario(setup)
        if setup.statute == "wildemanbuurt" {
            // The adopted amendment is the statute in force from the day after the assembly; events after it are judged by it.
            #expect(try db.statuteVersions().map(\.validFrom) == [day("2025-01-01"), day("2026-03-20")])
        }
        let report = Compliance.check(try db.complianceFacts(), on: Self.judged)
        #expect(report.findings.filter { $0.status != .kept }.map { "\($0.rule) \($0.subject): \($0.evidence.en)" } == [])
        #expect(report.exitCode == 0)
        #expect(report.findings.count > 20)
        #expect(
            Set(report.findings.map(\.rule)).isSuperset(of: [
                "assemblies-per-year", "notice", "reference-date", "proxies", "proposal", "shareholder",
                "decision", "demand", "annual-accounts", "outside-meeting", "audit-log",
            ]))
        for language in Language.allCases {
            let text = report.text(in: language)
            #expect(text == (try golden("report-\(setup.statute)-\(language.rawValue).txt", text)))
        }
        #expect(report.json().encoded(pretty: false).contains("\"schema\":\"buurtstem.compliance/1\""))
        // Judged by year: 2025 alone, on its last day.
        #expect(Compliance.check(try db.complianceFacts(), on: day("2025-12-31"), year: 2025).exitCode == 0)
        // Minutes of the first assembly, in both languages.
        // The audit head depends on random receipts and keys (each vote's entry commits to its
        // receipt): the golden file shows it as SIZE:ROOT, and the head itself must verify.
        let minutes = try db.minutes(assembly: 1)
        let head = try #require(minutes.closedHead)
        #expect(try db.verifyAudit(trusted: head).isIntact)
        for language in Language.allCases {
            let text = minutes.markdown(in: language).replacingOccurrences(of: "\(head.size):\(head.root)", with: "\(head.size):ROOT")
            #expect(text == (try golden("minutes-\(setup.statute)-\(language.rawValue).md", text)))
        }
    }

    @Test("the minutes as print-ready HTML carry the audit head at close")
    func minutes() throws {
        let db = try Self.keptScenario()
        let minutes = try db.minutes(assembly: 1)
        let html = minutes.html(in: .nl)
        #expect(html.contains("@page { size: A4") && html.contains("<h2>Ondertekening</h2>") && !html.contains("<script"))
        // The head when assembly 1 closed (later assemblies added entries since), as printed in the minutes.
        let closed = try #require(minutes.closedHead)
        #expect(closed.size < (try db.auditHead().size))
        #expect(minutes.markdown(in: .nl).contains("`\(closed.size):\(closed.root)`"))
        #expect(try db.verifyAudit(trusted: closed).isIntact)
    }

    @Test("a decision outside a meeting: refused where the statute forbids it; 2/3 of all members where it allows it")
    func outsideMeeting() throws {
        let wildeman = try Self.keptScenario()
        #expect(throws: Refusal.self) {
            try wildeman.decideOutsideMeeting(title: "Iets", kind: "gewoon", count: YesNoCount(yes: 50, no: 0, blank: 0), voters: [], on: day("2026-05-01"))
        }
        let db = try StoreFixtures.database("soesterkwartier")
        _ = try db.importRegister(
            try StoreFixtures.extract(YearScenarioTests.register((1...12).map { ("R\($0)", "3812 AB", $0) }), on: "2026-03-02"),
            fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-03-02"))
        for id in YearScenarioTests.ids(1...12) { try db.join(id, on: day("2026-03-05")) }
        let voters = { (n: Int) in YearScenarioTests.ids(1...n) }
        #expect(
            try db.decideOutsideMeeting(title: "A", kind: "gewoon", count: YesNoCount(yes: 8, no: 0, blank: 0), voters: voters(8), on: day("2026-04-01")).result
                == .adopted)
        #expect(
            try db.decideOutsideMeeting(title: "B", kind: "gewoon", count: YesNoCount(yes: 7, no: 0, blank: 1), voters: voters(8), on: day("2026-04-02")).result
                == .rejected)
        #expect(throws: StoreError.self) {
            try db.decideOutsideMeeting(title: "C", kind: "gewoon", count: YesNoCount(yes: 13, no: 0, blank: 0), voters: voters(12), on: day("2026-04-03"))
        }
        // The written votes are the evidence: counts that do not add up to them, or a non-member, are refused.
        #expect(throws: StoreError.self) {
            try db.decideOutsideMeeting(title: "D", kind: "gewoon", count: YesNoCount(yes: 9, no: 0, blank: 0), voters: voters(8), on: day("2026-04-03"))
        }
        #expect(throws: StoreError.self) {
            try db.decideOutsideMeeting(
                title: "E", kind: "gewoon", count: YesNoCount(yes: 9, no: 0, blank: 0), voters: voters(8) + [ResidentID("R99")], on: day("2026-04-03"))
        }
        var facts = try db.complianceFacts()
        #expect(Compliance.check(facts, on: day("2026-04-30")).findings.filter { $0.rule == "outside-meeting" }.allSatisfy { $0.status == .kept })
        facts.outsideDecisions[1].outcome = "adopted"
        let broken = Compliance.check(facts, on: day("2026-04-30")).findings.filter { $0.status == .broken }
        #expect(broken.map(\.rule) == ["outside-meeting"] && broken.first?.subject == "2026-04-02 B")
        // Counted votes without a written vote each: broken.
        var unproven = try db.complianceFacts()
        #expect(unproven.outsideDecisions[0].writtenVotes == 8)
        unproven.outsideDecisions[0].writtenVotes = 7
        #expect(Compliance.check(unproven, on: day("2026-04-30")).findings.filter { $0.status == .broken }.map(\.subject) == ["2026-04-01 A"])
    }

    @Test("the calendar lists what is coming, as text and as iCalendar")
    func calendar() throws {
        let db = try Self.keptScenario()
        _ = try db.scheduleAssembly(date: day("2027-03-18"), place: "LuCafé", agendaKinds: ["statutenwijziging"], today: Self.judged)
        let deadlines = Deadlines.upcoming(try db.complianceFacts(verifyingAudit: false), from: Self.judged)
        let uids = deadlines.map(\.uid)
        #expect(uids.contains("assembly-5") && uids.contains("assembly-5-call") && uids.contains("assembly-5-proposals"))
        #expect(uids.contains("assembly-5-inspection-statutenwijziging"))
        #expect(uids.contains("organisation-2027 LuCafé") == false)
        #expect(deadlines.map(\.date) == deadlines.map(\.date).sorted())
        let ics = Deadlines.ics(deadlines, association: "De rijkdom van de Wildemanbuurt", stamp: Moment(Self.judged), in: .nl)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == deadlines.count)
        #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test("in December the calendar still lists what is due: this year's annual accounts and next year's assemblies")
    func calendarInDecember() throws {
        let db = try Self.keptScenario()
        let deadlines = Deadlines.upcoming(try db.complianceFacts(verifyingAudit: false), from: day("2026-12-15"))
        #expect(!deadlines.isEmpty)
        let accounts = try #require(deadlines.first { $0.uid == "annual-accounts-2026" })
        #expect(accounts.date == day("2027-06-30") && accounts.what.nl.contains("Jaarrekening 2026"))
        let assemblies = try #require(deadlines.first { $0.uid == "assemblies-per-year-2027" })
        #expect(assemblies.date == day("2027-12-31") && assemblies.what.nl.hasPrefix("Ten minste 2 algemene vergaderingen in 2027"))
        #expect(Deadlines.text(deadlines, in: .nl).contains("2027-06-30"))
    }

    /// The facts of the kept scenario with one change; the rules the report then finds broken.
    static func broken(_ change: (inout ComplianceFacts) -> Void, on: CivilDate = judged) throws -> (rules: Set<String>, sources: [String]) {
        var facts = try keptScenario().complianceFacts()
        change(&facts)
        let report = Compliance.check(facts, on: on)
        let broken = report.findings.filter { $0.status == .broken }
        #expect(report.exitCode == (broken.isEmpty ? 0 : 1))
        return (Set(broken.map(\.rule)), broken.map { $0.source.cited(in: .nl) })
    }

    @Test("every statute: each rule broken alone is named alone, citing the statute's own rule", arguments: setups)
    func variantsByStatute(_ setup: Setup) throws {
        let base = try Self.keptScenario(setup).complianceFacts()
        let statute = base.statute(on: Self.judged)
        func check(_ rule: String, _ source: Provenance?, on: CivilDate = Self.judged, _ change: (inout ComplianceFacts) -> Void) {
            var facts = base
            change(&facts)
            let report = Compliance.check(facts, on: on)
            let broken = report.findings.filter { $0.status == .broken }
            #expect(Set(broken.map(\.rule)) == [rule], "\(setup.statute): \(rule) → \(broken.map { "\($0.rule): \($0.evidence.en)" })")
            if let source { #expect(broken.allSatisfy { $0.source == source }, "\(setup.statute): \(rule) cites \(broken.map { $0.source.cited(in: .en) })") }
            #expect(report.exitCode == 1)
        }
        check("assemblies-per-year", statute.assembliesPerYear.source, on: day("2027-01-05")) {
            for i in $0.versions.indices { $0.versions[i].statute.assembliesPerYear.value = 3 }
        }
        // In 2025, when the records began on 10 January, the same shortfall is only at risk: earlier assemblies are unknown.
        var partial = base
        for i in partial.versions.indices { partial.versions[i].statute.assembliesPerYear.value = 3 }
        let finding = Compliance.check(partial, on: day("2026-11-01")).findings.first { $0.rule == "assemblies-per-year" && $0.subject == "2025" }
        #expect(finding?.status == .atRisk)
        if statute.longestGapMonths.value != nil {
            check("longest-gap", statute.longestGapMonths.source) { for i in $0.versions.indices { $0.versions[i].statute.longestGapMonths.value = 5 } }
        }
        let notice = AssemblyRules(statute: statute).notice(for: ["gewoon", setup.advisedKind])
        check("notice", notice.source) { facts in
            let date = facts.assemblies[0].assembly.date
            let late = date.adding(days: -(notice.value - 1))
            facts.assemblies[0].assembly.calledOn = late
            facts.assemblies[0].assembly.referenceDate = AssemblyRules(statute: statute).referenceDate(for: date, calledOn: late)
        }
        check("reference-date", statute.referenceDate.source) { $0.assemblies[0].assembly.referenceDate = day("2025-01-01") }
        check("proxies", statute.proxy.source) { facts in
            var attendance = facts.assemblies[1].attendance
            attendance.restore(
                present: attendance.present, proxies: Dictionary(uniqueKeysWithValues: (41...43).map { (ResidentID("R\($0)"), ResidentID("R1")) }))
            facts.assemblies[1].attendance = attendance
        }
        check("proposal", statute.proposers.source) { $0.assemblies[0].decisions[0].proposal.source = .party("Iemand anders") }
        check("decision", nil) { $0.assemblies[2].decisions[0].outcome = "rejected" }
        check("decision", statute.decisionKind(named: setup.advisedKind)?.method.source) { $0.assemblies[0].decisions[1].method = .plurality }
        let right = statute.socialShareholders.flatMap(\.rights).first { $0.decisionKind == setup.advisedKind }
        check("shareholder", right?.source) { $0.assemblies[0].decisions[1].responses = [] }
        check("demand", statute.demand.source) { $0.demands[0].answeredOn = nil }
        check("annual-accounts", statute.annualAccountsMonths.source) { $0.accounts = [] }
        if let organisation = statute.organisations.first {
            check("organisation", organisation.source) { $0.confirmations.removeAll { $0.organisation == organisation.value && $0.year == 2025 } }
        }
        check("outside-meeting", statute.outsideMeeting.source) {
            $0.outsideDecisions = [
                ComplianceFacts.OutsideDecision(
                    title: "Iets", kind: "gewoon", on: day("2026-05-01"), members: 60,
                    count: YesNoCount(yes: 1, no: 0, blank: 0), outcome: "adopted")
            ]
        }
        check("audit-log", nil) { $0.auditProblems = ["entry 12 was altered"] }
    }

    @Test("each event is judged by the statute in force on its date")
    func versionsByDate() throws {
        var facts = try Self.keptScenario().complianceFacts()
        // From 2026 the notice is 21 days: the 2025 assemblies (19 days) stay kept, the 2026 ones (18 days) are broken.
        var stricter = facts.versions[0].statute
        stricter.noticeDays.value = 21
        for i in facts.versions.indices where facts.versions[i].validFrom.year == 2026 { facts.versions[i].statute.noticeDays.value = 21 }
        facts = ComplianceFacts(
            association: facts.association, versions: facts.versions + [ComplianceFacts.Version(validFrom: day("2026-01-01"), statute: stricter)],
            assemblies: facts.assemblies, demands: facts.demands, accounts: facts.accounts, confirmations: facts.confirmations,
            outsideDecisions: facts.outsideDecisions, auditProblems: facts.auditProblems, auditEntries: facts.auditEntries,
            recordsFrom: facts.recordsFrom)
        let broken = Compliance.check(facts, on: Self.judged).findings.filter { $0.status == .broken }
        #expect(broken.map(\.rule) == ["notice", "notice"])
        #expect(broken.map(\.subject) == ["2026-03-19", "2026-10-08"])
        #expect(broken.first?.obligation.en == "Notice of at least 21 days")
    }

    @Test("Wildemanbuurt: each rule broken alone is named alone, with its article")
    func variants() throws {
        let article4 = "artikel 4 \"Algemene vergadering\""
        // 2026 (a whole year in the records) with 2 of 3 assemblies, judged once the year is over.
        var result = try Self.broken({ for i in $0.versions.indices { $0.versions[i].statute.assembliesPerYear.value = 3 } }, on: day("2027-01-05"))
        #expect(result.rules == ["assemblies-per-year"] && result.sources.allSatisfy { $0 == article4 })
        result = try Self.broken { for i in $0.versions.indices { $0.versions[i].statute.longestGapMonths.value = 5 } }
        #expect(result.rules == ["longest-gap"] && result.sources == [article4])
        result = try Self.broken { $0.assemblies[0].assembly.calledOn = day("2025-03-10") }
        #expect(result.rules == ["notice"] && result.sources == [article4])
        result = try Self.broken { $0.assemblies[0].assembly.referenceDate = day("2025-03-01") }
        #expect(result.rules == ["reference-date"] && result.sources == ["artikel 3 \"Leden\""])
        result = try Self.broken { facts in
            var attendance = facts.assemblies[0].attendance
            attendance.restore(present: attendance.present, proxies: attendance.proxies.merging([ResidentID("R41"): ResidentID("R1")]) { a, _ in a })
            facts.assemblies[0].attendance = attendance
        }
        #expect(result.rules == ["proxies"] && result.sources == [article4])
        result = try Self.broken { $0.assemblies[0].decisions[0].outcome = "rejected" }
        #expect(result.rules == ["decision"] && result.sources.first == "artikel 5 \"Besluiten\"")
        result = try Self.broken { facts in
            var empty = Attendance()
            empty.restore(present: [], proxies: [:])
            facts.assemblies[1].attendance = empty
        }
        // Votes with nobody present: no quorum, and more votes than voters.
        #expect(result.rules == ["one-vote", "decision"])
        result = try Self.broken { $0.assemblies[0].decisions[0].votesCast = 1_000 }
        #expect(result.rules == ["one-vote"] && result.sources.allSatisfy { $0.contains("BW 2:38 lid 1") })
        result = try Self.broken { $0.assemblies[0].decisions[1].method = .yesNo }
        #expect(result.rules == ["decision"] && result.sources.first?.hasPrefix("artikel") == true)
        result = try Self.broken { $0.assemblies[0].decisions[0].proposal.submittedOn = day("2025-03-15") }
        #expect(result.rules == ["proposal"] && result.sources == ["artikel 6 \"Voorstellen\""])
        result = try Self.broken { $0.assemblies[0].decisions[0].proposal.source = .party("Iemand anders") }
        #expect(result.rules == ["proposal"] && result.sources == ["artikel 6 \"Voorstellen\""])
        result = try Self.broken { $0.assemblies[0].decisions[1].responses = [] }
        #expect(result.rules == ["shareholder"] && result.sources == ["artikel 7 \"Sociaal aandeelhouder\""])
        result = try Self.broken { $0.assemblies[0].decisions[1].responses[0].on = day("2025-03-21") }
        #expect(result.rules == ["shareholder"])
        result = try Self.broken { $0.demands[0].answeredOn = nil }
        #expect(result.rules == ["demand"] && result.sources == [article4])
        result = try Self.broken { $0.accounts = [] }
        #expect(result.rules == ["annual-accounts"])
        result = try Self.broken { $0.confirmations.removeAll { $0.organisation == "LuCafé" && $0.year == 2025 } }
        #expect(result.rules == ["organisation"] && result.sources == ["artikel 9 \"Aangesloten organisaties\""])
        result = try Self.broken {
            $0.outsideDecisions = [
                ComplianceFacts.OutsideDecision(
                    title: "Iets", kind: "gewoon", on: day("2026-05-01"), members: 60,
                    count: YesNoCount(yes: 40, no: 0, blank: 0), outcome: "adopted")
            ]
        }
        #expect(result.rules == ["outside-meeting"] && result.sources == ["artikel 6 \"Voorstellen\""])
        // The amendment (assembly 3, decision 2): laid out too late, or adopted with less than 2/3.
        result = try Self.broken { $0.assemblies[2].decisions[1].proposal.inspectionFrom = day("2026-03-10") }
        #expect(result.rules == ["proposal"] && result.sources == ["artikel 5 \"Besluiten\""])
        result = try Self.broken { $0.assemblies[2].decisions[1].count = YesNoCount(yes: 15, no: 9, blank: 0) }
        #expect(result.rules == ["decision"] && result.sources.first == "artikel 5 \"Besluiten\"")
        result = try Self.broken { $0.auditProblems = ["entry 12 was altered"] }
        #expect(result.rules == ["audit-log"])
        // Not yet broken but at risk: a demand still open, close to its deadline → exit code 2.
        var facts = try Self.keptScenario().complianceFacts()
        facts.demands[0].answeredOn = nil
        #expect(Compliance.check(facts, on: day("2026-09-10")).exitCode == 2)
    }

    func golden(_ name: String, _ actual: String) throws -> String {
        let url = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BUURTSTEM_UPDATE_GOLDEN"] == "1" { try actual.write(to: url, atomically: true, encoding: .utf8) }
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden file \(name)>"
    }
}

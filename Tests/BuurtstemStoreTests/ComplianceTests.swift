import Foundation
import Testing
import Statuut
import BuurtstemCore
import BuurtstemStore

/// Two years of the Wildemanbuurt kept by the book, through the store; then the same facts with
/// one rule broken at a time: the report names exactly that rule, with its article.
@Suite("Compliance, minutes and calendar")
struct ComplianceTests {
    static let fixtures = StoreFixtures.repository.appendingPathComponent("Tests/BuurtstemStoreTests/Fixtures/compliance")
    static let judged = day("2026-11-01")
    static let shareholder = "Gemeente Amsterdam, stadsdeel Nieuw-West"

    /// Holds an assembly: call, an ordinary proposal by the board (and a budget after advice), check-in, votes, close.
    static func hold(_ db: AppDatabase, _ date: String, calledOn: String, id: Int, budget: Bool = false, proxy: Bool = false) throws {
        let date = day(date)
        _ = try db.scheduleAssembly(date: date, place: "LuCafé", today: day(calledOn).adding(days: -5))
        _ = try db.callAssembly(id, on: day(calledOn))
        let ordinary = try db.submitProposal(Proposal(id: 0, title: "Bankjes \(date.year)", text: "Zes bankjes op het plein.", kind: "gewoon",
                                                      source: .board, assembly: id), on: date.adding(days: -25))
        _ = try db.admitProposal(ordinary.id)
        var budgetProposal: Proposal?
        if budget {
            let p = try db.submitProposal(Proposal(id: 0, title: "Wijkbudget \(date.year)", text: "", kind: "wijkbudget", source: .board, assembly: id),
                                          on: date.adding(days: -25))
            _ = try db.admitProposal(p.id)
            try db.recordShareholderResponse(ShareholderResponse(shareholder: shareholder, proposal: p.id, kind: .advice, on: date.adding(days: -3),
                                                                 text: "Positief advies."))
            budgetProposal = p
        }
        _ = try db.openAssembly(id, on: date)
        _ = try db.checkIn(YearScenarioTests.ids(1...26), assembly: id)
        if proxy { _ = try db.proxy(from: ResidentID("R40"), to: ResidentID("R1"), assembly: id) }
        let ballot = try db.openBallot(proposal: ordinary.id)
        _ = try db.enterVotes(ballot: ballot.id, choice: "voor", count: 16)
        _ = try db.enterVotes(ballot: ballot.id, choice: "tegen", count: 8)
        _ = try db.closeBallot(ballot.id)
        if let p = budgetProposal {
            let b = try db.openBallot(proposal: p.id, options: [BallotOption(id: "speeltuin", name: "Speeltuin", cost: 15000),
                                                                BallotOption(id: "bankjes", name: "Bankjes", cost: 4000)])
            _ = try db.enterVotes(ballot: b.id, choice: "speeltuin,bankjes", count: 12)
            _ = try db.enterVotes(ballot: b.id, choice: "bankjes", count: 8)
            _ = try db.closeBallot(b.id)
        }
        _ = try db.closeAssembly(id)
    }

    /// 2025 and 2026, every rule kept.
    static func keptScenario() throws -> AppDatabase {
        // The statute as in force from 1 January 2025 (the file says 2026-01-15; the history starts earlier here).
        let db = try AppDatabase.inMemory(clock: StoreFixtures.clock)
        try db.createAssociation(statuteSource: StoreFixtures.statuteText("wildemanbuurt"), fileName: "wildemanbuurt.statuut", validFrom: day("2025-01-01"))
        let rows = (1...60).map { ("R\($0)", "1067 P\(["B", "C", "D"][$0 % 3])", $0) }
        _ = try db.importRegister(try StoreFixtures.extract(YearScenarioTests.register(rows), on: "2025-01-10"), fileName: "r.csv", fileSHA256: "h",
                                  extractDate: day("2025-01-10"))
        try hold(db, "2025-03-20", calledOn: "2025-03-01", id: 1, budget: true, proxy: true)
        try hold(db, "2025-10-09", calledOn: "2025-09-20", id: 2)
        for organisation in ["LuCafé", "LucasZorgt"] {
            try db.confirmPrinciples(organisation: organisation, year: 2025, on: day("2025-06-01"), text: "Wij onderschrijven de beginselen.")
            try db.confirmPrinciples(organisation: organisation, year: 2026, on: day("2026-02-01"), text: "Wij onderschrijven de beginselen.")
        }
        try hold(db, "2026-03-19", calledOn: "2026-03-01", id: 3)
        try db.presentAccounts(year: 2025, on: day("2026-03-19"))
        _ = try db.demandAssembly(supporters: 4, on: day("2026-09-01"))
        try hold(db, "2026-10-08", calledOn: "2026-09-20", id: 4)
        return db
    }

    @Test("a statute kept for two years: nothing broken or at risk, exit code 0; golden reports in both languages")
    func kept() throws {
        let db = try Self.keptScenario()
        let report = Compliance.check(try db.complianceFacts(), on: Self.judged)
        #expect(report.findings.filter { $0.status != .kept }.map(\.subject) == [])
        #expect(report.exitCode == 0)
        #expect(report.findings.count > 20)
        for language in Language.allCases {
            let text = report.text(in: language)
            #expect(text == (try golden("report-\(language.rawValue).txt", text)))
        }
        #expect(report.json().encoded(pretty: false).contains("\"schema\":\"buurtstem.compliance/1\""))
        // Judged by year: 2025 alone.
        #expect(Compliance.check(try db.complianceFacts(), on: day("2025-12-31"), year: 2025).exitCode == 0)
    }

    @Test("the minutes of an assembly, in Markdown (golden, both languages) and print-ready HTML")
    func minutes() throws {
        let db = try Self.keptScenario()
        let minutes = try db.minutes(assembly: 1)
        for language in Language.allCases {
            let text = minutes.markdown(in: language)
            #expect(text == (try golden("minutes-1-\(language.rawValue).md", text)))
        }
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
            try wildeman.decideOutsideMeeting(title: "Iets", kind: "gewoon", count: YesNoCount(yes: 50, no: 0, blank: 0), on: day("2026-05-01"))
        }
        let db = try StoreFixtures.database("soesterkwartier")
        _ = try db.importRegister(try StoreFixtures.extract(YearScenarioTests.register((1...12).map { ("R\($0)", "3812 AB", $0) }), on: "2026-03-02"),
                                  fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-03-02"))
        for id in YearScenarioTests.ids(1...12) { try db.join(id, on: day("2026-03-05")) }
        #expect(try db.decideOutsideMeeting(title: "A", kind: "gewoon", count: YesNoCount(yes: 8, no: 0, blank: 0), on: day("2026-04-01")).result == .adopted)
        #expect(try db.decideOutsideMeeting(title: "B", kind: "gewoon", count: YesNoCount(yes: 7, no: 0, blank: 1), on: day("2026-04-02")).result == .rejected)
        #expect(throws: StoreError.self) {
            try db.decideOutsideMeeting(title: "C", kind: "gewoon", count: YesNoCount(yes: 13, no: 0, blank: 0), on: day("2026-04-03"))
        }
        var facts = try db.complianceFacts()
        #expect(Compliance.check(facts, on: day("2026-04-30")).findings.filter { $0.rule == "outside-meeting" }.allSatisfy { $0.status == .kept })
        facts.outsideDecisions[1].outcome = "adopted"
        let broken = Compliance.check(facts, on: day("2026-04-30")).findings.filter { $0.status == .broken }
        #expect(broken.map(\.rule) == ["outside-meeting"] && broken.first?.subject == "2026-04-02 B")
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

    @Test("Soesterkwartier and De Vrije Uitloop: a year kept by their own statutes (opt-in members, their notice, quorum and proxy rules)",
          arguments: [("soesterkwartier", "3812 AB", ["2026-04-20", "2026-10-12"]), ("devrijeuitloop", "4811 AB", ["2026-07-15", "2026-10-14"])])
    func otherStatutes(statute: String, postcode: String, dates: [String]) throws {
        let db = try StoreFixtures.database(statute)
        let (first, _) = try db.statute(on: day("2026-12-31"))
        let start = first.validFrom ?? day("2026-01-01")
        _ = try db.importRegister(try StoreFixtures.extract(YearScenarioTests.register((1...12).map { ("R\($0)", postcode, $0) }),
                                                            on: start.adding(days: 1).description),
                                  fileName: "r.csv", fileSHA256: "h", extractDate: start.adding(days: 1))
        for id in YearScenarioTests.ids(1...12) { try db.join(id, on: start.adding(days: 4), intakeOn: start.adding(days: 2), meetsProfile: true) }
        for (index, date) in dates.enumerated() {
            let id = index + 1, date = day(date)
            _ = try db.scheduleAssembly(date: date, place: "Wijkhuis", today: date.adding(days: -40))
            _ = try db.callAssembly(id, on: date.adding(days: -20))
            let proposal = try db.submitProposal(Proposal(id: 0, title: "Voorstel \(id)", text: "…", kind: "gewoon", source: .board, assembly: id),
                                                 on: date.adding(days: -30))
            _ = try db.admitProposal(proposal.id)
            _ = try db.openAssembly(id, on: date)
            _ = try db.checkIn(YearScenarioTests.ids(1...6), assembly: id)
            let ballot = try db.openBallot(proposal: proposal.id)
            _ = try db.enterVotes(ballot: ballot.id, choice: "voor", count: 5)
            _ = try db.enterVotes(ballot: ballot.id, choice: "tegen", count: 1)
            _ = try db.closeBallot(ballot.id)
            _ = try db.closeAssembly(id)
        }
        // A decision in writing: Soesterkwartier allows it with 2/3 of all members; the Vrije Uitloop's statute does not say (the law's default).
        var outside: DecisionOutcome?
        do { outside = try db.decideOutsideMeeting(title: "Subsidieaanvraag", kind: "gewoon", count: YesNoCount(yes: 9, no: 1, blank: 0), on: day("2026-11-02")) }
        catch let refusal as Refusal { #expect(statute == "devrijeuitloop", "refused: \(refusal)") }
        if statute == "soesterkwartier" { #expect(outside?.result == .adopted) }
        let report = Compliance.check(try db.complianceFacts(), on: day("2026-12-31"))
        #expect(report.findings.filter { $0.status != .kept }.map { "\($0.rule) \($0.subject): \($0.evidence.en)" } == [])
        #expect(report.findings.contains { $0.rule == "notice" } && report.findings.contains { $0.rule == "decision" })
        // One assembly fewer: the year's obligation is broken, citing the statute's article.
        var facts = try db.complianceFacts()
        facts.assemblies.removeLast()
        let broken = Compliance.check(facts, on: day("2026-12-31")).findings.filter { $0.status == .broken }
        #expect(broken.map(\.rule) == ["assemblies-per-year"])
        #expect(broken.first?.source.isArticle == true)
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

    @Test("each rule broken alone is named alone, with its article")
    func variants() throws {
        let article4 = "artikel 4 \"Algemene vergadering\""
        var result = try Self.broken { $0.versions[0].statute.assembliesPerYear.value = 3 }
        #expect(result.rules == ["assemblies-per-year"] && result.sources.allSatisfy { $0 == article4 })
        result = try Self.broken { $0.versions[0].statute.longestGapMonths.value = 5 }
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
        #expect(result.rules == ["decision"])
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
        result = try Self.broken { $0.outsideDecisions = [ComplianceFacts.OutsideDecision(title: "Iets", kind: "gewoon", on: day("2026-05-01"), members: 60,
                                                                                           count: YesNoCount(yes: 40, no: 0, blank: 0), outcome: "adopted")] }
        #expect(result.rules == ["outside-meeting"] && result.sources == ["artikel 6 \"Voorstellen\""])
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

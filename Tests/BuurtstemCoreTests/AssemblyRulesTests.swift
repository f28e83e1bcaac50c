import BuurtstemCore
import Foundation
import Statuut
import Testing

@Suite("Assemblies, attendance, proposals and decisions by the statute")
struct AssemblyRulesTests {
    let wildeman = TestStatutes.wildeman
    let soester = TestStatutes.soesterkwartier
    let vrije = TestStatutes.vrijeUitloop
    let electorate: Set<ResidentID> = Set((1...100).map { ResidentID("R\($0)") })

    @Test("scheduling and calling respect the notice period of the agenda")
    func notice() throws {
        let rules = AssemblyRules(statute: wildeman)
        // 14 days' notice (article 4).
        let (assembly, _) = try rules.schedule(id: 1, date: date("2026-03-20"), place: "LuCafé", today: date("2026-03-01"), existing: [])
        let late = #expect(throws: Refusal.self) { try rules.call(assembly, on: date("2026-03-10")) }
        #expect(late?.source == .article(number: 4, title: "Algemene vergadering"))
        #expect(late?.en == "a notice on 2026-03-10 gives 10 days; at least 14 are needed")
        let called = try rules.call(assembly, on: date("2026-03-06"))
        #expect(called.state == .called)
        // Reference date: 28 days before the assembly (article 3).
        #expect(called.referenceDate == date("2026-02-20"))
        #expect(throws: Refusal.self) { try rules.schedule(id: 2, date: date("2026-03-10"), place: "x", today: date("2026-03-01"), existing: []) }
        #expect(throws: Refusal.self) { try rules.open(called, on: date("2026-03-19")) }
        let open = try rules.open(called, on: date("2026-03-20"))
        #expect(try rules.close(open).state == .closed)
    }

    @Test("De Vrije Uitloop: the reference date is 7 days before; Soesterkwartier: the day of the notice")
    func referenceDates() throws {
        #expect(AssemblyRules(statute: vrije).referenceDate(for: date("2026-10-10"), calledOn: date("2026-09-20")) == date("2026-10-03"))
        #expect(AssemblyRules(statute: soester).referenceDate(for: date("2026-10-10"), calledOn: date("2026-09-20")) == date("2026-09-20"))
    }

    @Test("the longest gap and the yearly minimum give advice with the last day to act")
    func yearAdvice() throws {
        let rules = AssemblyRules(statute: wildeman)
        let spring = Assembly(id: 1, date: date("2026-03-12"), place: "x", state: .closed, calledOn: date("2026-02-20"))
        let (_, advice) = try rules.schedule(id: 2, date: date("2026-12-01"), place: "x", today: date("2026-10-01"), existing: [spring])
        #expect(advice.first?.source == .article(number: 4, title: "Algemene vergadering"))
        #expect(advice.first?.deadline == date("2026-11-12"))
        let year = rules.yearAdvice(2026, assemblies: [spring], today: date("2026-10-01"))
        #expect(year.first?.en == "1 more assembly needed in 2026: call by 2026-12-17 to hold it by 2026-12-31")
        #expect(
            rules.yearAdvice(2026, assemblies: [spring, Assembly(id: 2, date: date("2026-10-08"), place: "x", state: .closed)], today: date("2026-10-09"))
                .isEmpty)
    }

    @Test("members may demand an assembly: 1/20 in the Wildemanbuurt, 1/10 by law elsewhere")
    func demand() throws {
        let wild = AssemblyRules(statute: wildeman)
        #expect(try wild.demand(supporters: 5, of: 100, on: date("2026-05-01")).callBy == date("2026-05-29"))
        #expect(throws: Refusal.self) { try wild.demand(supporters: 4, of: 100, on: date("2026-05-01")) }
        let soesterRules = AssemblyRules(statute: soester)
        let refusal = #expect(throws: Refusal.self) { try soesterRules.demand(supporters: 9, of: 100, on: date("2026-05-01")) }
        #expect(refusal?.source == .legalDefault(LegalDefaults.demand))
    }

    @Test("proxies: a cap of 1 in the Wildemanbuurt, none in Soesterkwartier; holders must be present members")
    func proxies() throws {
        var attendance = Attendance()
        try attendance.checkIn(ResidentID("R1"), electorate: electorate, statute: wildeman)
        #expect(throws: Refusal.self) { try attendance.checkIn(ResidentID("X9"), electorate: electorate, statute: wildeman) }
        try attendance.proxy(from: ResidentID("R2"), to: ResidentID("R1"), electorate: electorate, statute: wildeman)
        let cap = #expect(throws: Refusal.self) {
            try attendance.proxy(from: ResidentID("R3"), to: ResidentID("R1"), electorate: electorate, statute: wildeman)
        }
        #expect(cap?.en == "R1 already holds 1 proxy; the limit is 1")
        #expect(throws: Refusal.self) { try attendance.proxy(from: ResidentID("R3"), to: ResidentID("R4"), electorate: electorate, statute: wildeman) }
        #expect(throws: Refusal.self) { try attendance.proxy(from: ResidentID("X1"), to: ResidentID("R1"), electorate: electorate, statute: wildeman) }
        #expect(attendance.represented == 1)
        var other = Attendance()
        try other.checkIn(ResidentID("R1"), electorate: electorate, statute: soester)
        let none = #expect(throws: Refusal.self) { try other.proxy(from: ResidentID("R2"), to: ResidentID("R1"), electorate: electorate, statute: soester) }
        #expect(none?.source == .article(number: 4, title: "Ledenvergadering"))
    }

    @Test("quorum: 25 present or represented (Wildemanbuurt), 10% present (Soesterkwartier)")
    func quorum() throws {
        var attendance = Attendance()
        for i in 1...24 { try attendance.checkIn(ResidentID("R\(i)"), electorate: electorate, statute: wildeman) }
        #expect(!QuorumStatus.check(wildeman.quorum, attendance: attendance, electorate: 100).met)
        try attendance.proxy(from: ResidentID("R50"), to: ResidentID("R1"), electorate: electorate, statute: wildeman)
        let status = QuorumStatus.check(wildeman.quorum, attendance: attendance, electorate: 100)
        #expect(status.met && status.counted == 25 && status.needed == 25)
        var few = Attendance()
        for i in 1...9 { try few.checkIn(ResidentID("R\(i)"), electorate: electorate, statute: soester) }
        #expect(!QuorumStatus.check(soester.quorum, attendance: few, electorate: 100).met)
        try few.checkIn(ResidentID("R10"), electorate: electorate, statute: soester)
        #expect(QuorumStatus.check(soester.quorum, attendance: few, electorate: 100).met)
    }

    @Test("majorities are exact: more than 1/2 of votes cast, blanks not counted; ties by the statute's rule")
    func decisions() throws {
        var attendance = Attendance()
        for i in 1...30 { try attendance.checkIn(ResidentID("R\(i)"), electorate: electorate, statute: wildeman) }
        let ordinary = try #require(wildeman.decisionKind(named: "gewoon"))
        #expect(DecisionRule.decide(YesNoCount(yes: 11, no: 10, blank: 9), kind: ordinary, attendance: attendance, electorate: 100).result == .adopted)
        let tie = DecisionRule.decide(YesNoCount(yes: 10, no: 10, blank: 10), kind: ordinary, attendance: attendance, electorate: 100)
        #expect(tie.result == .rejected && tie.en == "the votes are tied (10 to 10): rejected")
        // Amendment: at least 2/3 of votes cast, 10% quorum.
        let amendment = try #require(wildeman.decisionKind(named: "statutenwijziging"))
        #expect(DecisionRule.decide(YesNoCount(yes: 20, no: 10, blank: 0), kind: amendment, attendance: attendance, electorate: 100).result == .adopted)
        #expect(DecisionRule.decide(YesNoCount(yes: 19, no: 10, blank: 0), kind: amendment, attendance: attendance, electorate: 100).result == .rejected)
        #expect(DecisionRule.decide(YesNoCount(yes: 20, no: 10, blank: 0), kind: amendment, attendance: attendance, electorate: 1000).result == .noQuorum)
        // Soesterkwartier: a tie means a new vote.
        var small = Attendance()
        for i in 1...10 { try small.checkIn(ResidentID("R\(i)"), electorate: electorate, statute: soester) }
        let soesterOrdinary = try #require(soester.decisionKind(named: "gewoon"))
        #expect(DecisionRule.decide(YesNoCount(yes: 5, no: 5, blank: 0), kind: soesterOrdinary, attendance: small, electorate: 100).result == .revote)
    }

    @Test("the right to propose, deadlines and inspection are enforced, citing the article")
    func proposals() throws {
        let rules = ProposalRules(statute: wildeman)
        let assembly = Assembly(id: 1, date: date("2026-10-08"), place: "x", state: .called, calledOn: date("2026-09-20"))
        let fromMembers = Proposal(
            id: 1, title: "Speeltuin", text: "…", kind: "gewoon",
            source: .members((1...10).map { ResidentID("R\($0)") }), assembly: 1)
        let submitted = try rules.submit(fromMembers, on: date("2026-09-10"))
        #expect(try rules.admit(submitted, for: assembly, electorate: electorate).state == .admitted)
        // Nine members are not enough (article 6: 10 members together).
        let nine = try rules.submit(
            Proposal(
                id: 2, title: "x", text: "…", kind: "gewoon",
                source: .members(
                    (1...9).map { ResidentID("R\($0)") }
                        + [ResidentID("NOT-A-MEMBER")]), assembly: 1), on: date("2026-09-10"))
        let refusal = #expect(throws: Refusal.self) { try rules.admit(nine, for: assembly, electorate: electorate) }
        #expect(refusal?.source == .article(number: 6, title: "Voorstellen"))
        // 21 days before the assembly at the latest.
        let late = try rules.submit(Proposal(id: 3, title: "x", text: "…", kind: "gewoon", source: .board, assembly: 1), on: date("2026-09-18"))
        #expect(throws: Refusal.self) { try rules.admit(late, for: assembly, electorate: electorate) }
        // A party without the right.
        let party = try rules.submit(
            Proposal(id: 4, title: "x", text: "…", kind: "gewoon", source: .party("Gemeente Breda"), assembly: 1), on: date("2026-09-10"))
        #expect(throws: Refusal.self) { try rules.admit(party, for: assembly, electorate: electorate) }
        // An amendment must be open for inspection 14 days before, with a valid new text.
        let text = (try? String(contentsOf: TestStatutes.repository.appendingPathComponent("Statutes/wildemanbuurt.statuut"), encoding: .utf8)) ?? ""
        var amendment = Proposal(
            id: 5, title: "Minimumleeftijd 18", text: "…", kind: "statutenwijziging", source: .board, assembly: 1,
            amendmentText: text, inspectionFrom: date("2026-09-30"))
        amendment = try rules.submit(amendment, on: date("2026-09-10"))
        #expect(throws: Refusal.self) { try rules.admit(amendment, for: assembly, electorate: electorate) }
        amendment.inspectionFrom = date("2026-09-20")
        #expect(try rules.admit(amendment, for: assembly, electorate: electorate).state == .admitted)
        #expect(throws: Refusal.self) {
            try rules.submit(Proposal(id: 6, title: "x", text: "…", kind: "onbekend", source: .board, assembly: 1), on: date("2026-09-10"))
        }
    }

    @Test("a budget ballot waits for the municipality's advice; De Vrije Uitloop's amendments wait for consent")
    func shareholders() throws {
        let rules = ProposalRules(statute: wildeman)
        let budget = Proposal(id: 7, title: "Wijkbudget 2027", text: "…", kind: "wijkbudget", source: .board, assembly: 1)
        let waiting = #expect(throws: Refusal.self) { try rules.checkBallotMayOpen(budget, responses: []) }
        #expect(waiting?.source == .article(number: 7, title: "Sociaal aandeelhouder"))
        let advice = ShareholderResponse(
            shareholder: "Gemeente Amsterdam, stadsdeel Nieuw-West", proposal: 7, kind: .advice,
            on: date("2026-09-25"), text: "Positief")
        try rules.checkBallotMayOpen(budget, responses: [advice])
        let vrijeRules = ProposalRules(statute: vrije)
        let amendment = Proposal(id: 8, title: "x", text: "…", kind: "statutenwijziging", source: .board, assembly: 1)
        #expect(throws: Refusal.self) {
            try vrijeRules.checkBallotMayOpen(
                amendment, responses: [ShareholderResponse(shareholder: "Gemeente Breda", proposal: 8, kind: .advice, on: date("2026-09-01"), text: "")])
        }
        try vrijeRules.checkBallotMayOpen(
            amendment, responses: [ShareholderResponse(shareholder: "Gemeente Breda", proposal: 8, kind: .consent, on: date("2026-09-01"), text: "")])
        let dissolution = Proposal(id: 9, title: "x", text: "…", kind: "ontbinding", source: .board, assembly: 1)
        #expect(
            vrijeRules.vetoedBy(
                dissolution, responses: [ShareholderResponse(shareholder: "Gemeente Breda", proposal: 9, kind: .refusal, on: date("2026-09-01"), text: "")])
                != nil)
    }

    @Test("decisions outside a meeting: not in the Wildemanbuurt, 2/3 of all members in Soesterkwartier, unanimity by law")
    func outsideMeeting() {
        #expect(ProposalRules(statute: wildeman).decideOutsideMeeting(YesNoCount(yes: 100, no: 0, blank: 0), members: 100).result == .rejected)
        #expect(ProposalRules(statute: soester).decideOutsideMeeting(YesNoCount(yes: 67, no: 0, blank: 0), members: 100).result == .adopted)
        #expect(ProposalRules(statute: soester).decideOutsideMeeting(YesNoCount(yes: 66, no: 0, blank: 0), members: 100).result == .rejected)
        let vrije = ProposalRules(statute: vrije).decideOutsideMeeting(YesNoCount(yes: 99, no: 0, blank: 0), members: 100)
        #expect(vrije.result == .rejected && vrije.sources == [.legalDefault(LegalDefaults.outsideMeeting)])
    }
}

import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut
import Testing

/// A democratic year for each statute, through the store: schedule, call, check in, propose,
/// vote, close, amend — with the refusals the statute demands along the way.
@Suite("A year by each statute")
struct YearScenarioTests {
    static func register(_ rows: [(String, String, Int)], born: String = "1980-01-01") -> String {
        "id;postcode;huisnummer;geboortedatum;ingeschreven\n" + rows.map { "\($0.0);\($0.1);\($0.2);\(born);2010-01-01" }.joined(separator: "\n")
    }

    static func ids(_ range: ClosedRange<Int>) -> [ResidentID] { range.map { ResidentID("R\($0)") } }

    @Test("Wildemanbuurt: members' proposal, a neighbourhood budget after the municipality's advice, and a statute amendment")
    func wildemanbuurt() throws {
        let db = try StoreFixtures.database("wildemanbuurt")
        let rows = (1...60).map { ("R\($0)", "1067 P\(["B", "C", "D"][$0 % 3])", $0) } + [("OUT1", "1068 AB", 1)]
        _ = try db.importRegister(
            try StoreFixtures.extract(Self.register(rows), on: "2026-01-20"), fileName: "r.csv", fileSHA256: "h",
            extractDate: day("2026-01-20"))
        // A date that can no longer be called in time is refused (14 days' notice, article 4).
        #expect(throws: Refusal.self) { try db.scheduleAssembly(date: day("2026-02-25"), place: "LuCafé", today: day("2026-02-20")) }
        let (assembly, _) = try db.scheduleAssembly(date: day("2026-03-20"), place: "LuCafé", agendaKinds: ["statutenwijziging"], today: day("2026-02-01"))
        #expect(throws: Refusal.self) { try db.callAssembly(assembly.id, on: day("2026-03-10")) }
        let (called, electorate) = try db.callAssembly(assembly.id, on: day("2026-03-01"))
        #expect(called.referenceDate == day("2026-02-20"))
        #expect(electorate == 60)

        // Proposals: 10 members together (article 6), on time (21 days before).
        let members = try db.submitProposal(
            Proposal(
                id: 0, title: "Bankjes op het plein", text: "…", kind: "gewoon",
                source: .members(Self.ids(1...10)), assembly: 1), on: day("2026-02-25"))
        #expect(try db.admitProposal(members.id).state == .admitted)
        let late = try db.submitProposal(Proposal(id: 0, title: "Te laat", text: "…", kind: "gewoon", source: .board, assembly: 1), on: day("2026-03-05"))
        let refusal = #expect(throws: Refusal.self) { try db.admitProposal(late.id) }
        #expect(refusal?.source == .article(number: 6, title: "Voorstellen"))
        let budget = try db.submitProposal(
            Proposal(id: 0, title: "Wijkbudget 2026", text: "…", kind: "wijkbudget", source: .board, assembly: 1),
            on: day("2026-02-20"))
        _ = try db.admitProposal(budget.id)
        let newText = StoreFixtures.statuteText("wildemanbuurt").replacingOccurrences(of: "minimumleeftijd 16 jaar", with: "minimumleeftijd 18 jaar")
        let amendment = try db.submitProposal(
            Proposal(
                id: 0, title: "Minimumleeftijd 18", text: "…", kind: "statutenwijziging", source: .board,
                assembly: 1, amendmentText: newText, inspectionFrom: day("2026-03-01")), on: day("2026-02-20"))
        _ = try db.admitProposal(amendment.id)

        // The evening: check-in, a proxy, quorum 25 present or represented.
        #expect(!(try db.openAssembly(1, on: day("2026-03-20")).met))
        for id in Self.ids(1...24) { _ = try db.checkIn(id, assembly: 1) }
        #expect(throws: Refusal.self) { try db.checkIn(ResidentID("OUT1"), assembly: 1) }
        let quorum = try db.proxy(from: ResidentID("R30"), to: ResidentID("R1"), assembly: 1)
        #expect(quorum.met && quorum.counted == 25)
        #expect(throws: Refusal.self) { try db.proxy(from: ResidentID("R31"), to: ResidentID("R1"), assembly: 1) }

        // An ordinary decision: more than half of the votes cast, blanks not counted.
        let ordinary = try db.openBallot(proposal: members.id)
        _ = try db.enterVotes(ballot: ordinary.id, choice: "voor", count: 12)
        _ = try db.enterVotes(ballot: ordinary.id, choice: "tegen", count: 11)
        _ = try db.enterVotes(ballot: ordinary.id, choice: "blanco", count: 2)
        #expect(throws: StoreError.self) { try db.enterVotes(ballot: ordinary.id, choice: "misschien") }
        let result = try db.closeBallot(ordinary.id).result
        #expect(result.outcome == .adopted)
        #expect(result.needed == 12)

        // The budget ballot waits for the municipality's advice (article 7).
        let options = [
            BallotOption(id: "speeltuin", name: "Speeltuin", cost: 15000), BallotOption(id: "bankjes", name: "Bankjes", cost: 4000),
            BallotOption(id: "moestuin", name: "Moestuin", cost: 9000),
        ]
        #expect(throws: Refusal.self) { try db.openBallot(proposal: budget.id, options: options) }
        try db.recordShareholderResponse(
            ShareholderResponse(
                shareholder: "Gemeente Amsterdam, stadsdeel Nieuw-West", proposal: budget.id,
                kind: .advice, on: day("2026-03-15"), text: "Positief, let op onderhoud"))
        let budgetBallot = try db.openBallot(proposal: budget.id, options: options)
        #expect(budgetBallot.method == .equalShares && budgetBallot.budget == 25000)
        _ = try db.enterVotes(ballot: budgetBallot.id, choice: "speeltuin,bankjes", count: 14)
        _ = try db.enterVotes(ballot: budgetBallot.id, choice: "moestuin", count: 9)
        _ = try db.enterVotes(ballot: budgetBallot.id, choice: "bankjes", count: 2)
        let elected = try db.closeBallot(budgetBallot.id).result.elected ?? []
        let spent = elected.compactMap { id in options.first { $0.id == id }?.cost }.reduce(0, +)
        #expect(spent <= 25000 && !elected.isEmpty)

        // The amendment: at least 2/3 of votes cast; it becomes the statute from the day after the
        // assembly (the assembly that adopted it stays under the version it was held under).
        let amendBallot = try db.openBallot(proposal: amendment.id)
        _ = try db.enterVotes(ballot: amendBallot.id, choice: "yes", count: 18)
        _ = try db.enterVotes(ballot: amendBallot.id, choice: "no", count: 7)
        let amended = try db.closeBallot(amendBallot.id).result
        #expect(amended.outcome == .adopted)
        #expect(try db.statute(on: day("2026-03-20")).statute.minimumAge.value == 16)
        #expect(try db.statute(on: day("2026-03-21")).statute.minimumAge.value == 18)

        let head = try db.closeAssembly(1)
        #expect(try db.verifyAudit(trusted: head).isIntact)
        // Only one assembly in 2026 so far: the engine says when the second must be called.
        let (statute, _) = try db.statute(on: day("2026-10-01"))
        #expect(
            AssemblyRules(statute: statute).yearAdvice(2026, assemblies: try db.assemblies(), today: day("2026-10-01")).first?.deadline
                == day("2026-12-17"))
    }

    @Test("Soesterkwartier: opt-in members, no proxies, a tie means a new vote, two coordinators by STV")
    func soesterkwartier() throws {
        let db = try StoreFixtures.database("soesterkwartier")
        _ = try db.importRegister(
            try StoreFixtures.extract(Self.register((1...20).map { ("R\($0)", "3812 AB", $0) }), on: "2026-03-02"),
            fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-03-02"))
        for id in Self.ids(1...12) { try db.join(id, on: day("2026-03-05")) }
        _ = try db.scheduleAssembly(date: day("2026-04-20"), place: "Wijkhuis", today: day("2026-03-10"))
        let (_, electorate) = try db.callAssembly(1, on: day("2026-04-05"))
        #expect(electorate == 12)
        let proposal = try db.submitProposal(
            Proposal(
                id: 0, title: "Experiment huishoudhulp", text: "…", kind: "gewoon",
                source: .party("Samen-werkplaats Soesterkwartier"), assembly: 1), on: day("2026-04-01"))
        _ = try db.admitProposal(proposal.id)
        let coordinators = try db.submitProposal(
            Proposal(id: 0, title: "Coördinatoren", text: "…", kind: "coordinatoren", source: .board, assembly: 1),
            on: day("2026-04-01"))
        _ = try db.admitProposal(coordinators.id)
        _ = try db.openAssembly(1, on: day("2026-04-20"))
        for id in Self.ids(1...6) { _ = try db.checkIn(id, assembly: 1) }
        #expect(throws: Refusal.self) { try db.proxy(from: ResidentID("R7"), to: ResidentID("R1"), assembly: 1) }
        let ballot = try db.openBallot(proposal: proposal.id)
        _ = try db.enterVotes(ballot: ballot.id, choice: "yes", count: 3)
        _ = try db.enterVotes(ballot: ballot.id, choice: "no", count: 3)
        let tie = try db.closeBallot(ballot.id).result
        #expect(tie.outcome == .revote)
        // The second round of the same proposal (article 5): now the votes decide.
        let revote = try db.openBallot(proposal: proposal.id)
        _ = try db.enterVotes(ballot: revote.id, choice: "yes", count: 4)
        _ = try db.enterVotes(ballot: revote.id, choice: "no", count: 2)
        let second = try db.closeBallot(revote.id).result
        #expect(second.outcome == .adopted && second.roundOf == ballot.id)
        let stv = try db.openBallot(
            proposal: coordinators.id,
            options: [
                BallotOption(id: "anna", name: "Anna"), BallotOption(id: "bram", name: "Bram"),
                BallotOption(id: "cem", name: "Cem"),
            ])
        #expect(stv.method == .singleTransferableVote && stv.seats == 2)
        _ = try db.enterVotes(ballot: stv.id, choice: "anna,bram", count: 3)
        _ = try db.enterVotes(ballot: stv.id, choice: "cem,bram", count: 2)
        _ = try db.enterVotes(ballot: stv.id, choice: "bram", count: 1)
        let elected = try db.closeBallot(stv.id).result
        // Quota ⌊6/3⌋+1 = 3: Anna is elected without a surplus, Bram (1) is excluded, Cem fills the last seat.
        #expect(elected.elected == ["anna", "cem"])
        #expect(elected.details["quota"] == .int(3))
        // A statute amendment without its own rule follows the law: 7 days' notice (BW 2:42), text laid out
        // 5 days before, at least 2/3 of the votes cast (BW 2:43). Here it falls short and the statute stays.
        _ = try db.scheduleAssembly(date: day("2026-10-20"), place: "Wijkhuis", agendaKinds: ["statutenwijziging"], today: day("2026-09-01"))
        #expect(throws: Refusal.self) { try db.callAssembly(2, on: day("2026-10-15")) }
        _ = try db.callAssembly(2, on: day("2026-10-10"))
        let change = try db.submitProposal(
            Proposal(
                id: 0, title: "Volmacht toestaan", text: "…", kind: "statutenwijziging", source: .board, assembly: 2,
                amendmentText: StoreFixtures.statuteText("soesterkwartier").replacingOccurrences(
                    of: "volmacht niet toegestaan", with: "volmacht hoogstens 1 per lid"),
                inspectionFrom: day("2026-10-16")), on: day("2026-10-01"))
        #expect(throws: Refusal.self) { try db.admitProposal(change.id) }
        let onTime = try db.submitProposal(
            Proposal(
                id: 0, title: "Volmacht toestaan", text: "…", kind: "statutenwijziging", source: .board, assembly: 2,
                amendmentText: StoreFixtures.statuteText("soesterkwartier").replacingOccurrences(
                    of: "volmacht niet toegestaan", with: "volmacht hoogstens 1 per lid"),
                inspectionFrom: day("2026-10-12")), on: day("2026-10-01"))
        _ = try db.admitProposal(onTime.id)
        _ = try db.closeAssembly(1)
        _ = try db.openAssembly(2, on: day("2026-10-20"))
        for id in Self.ids(1...8) { _ = try db.checkIn(id, assembly: 2) }
        let amendBallot = try db.openBallot(proposal: onTime.id)
        _ = try db.enterVotes(ballot: amendBallot.id, choice: "yes", count: 5)
        _ = try db.enterVotes(ballot: amendBallot.id, choice: "no", count: 3)
        let change2 = try db.closeBallot(amendBallot.id).result
        #expect(change2.outcome == .rejected)
        #expect(try db.statute(on: day("2026-10-21")).statute.proxy.value == .notAllowed)
        _ = try db.closeAssembly(2)
        #expect(try db.verifyAudit().isIntact)
    }

    @Test("an amendment that says 'geldig vanaf 2027-01-01' waits for that date; the adopting assembly stays under the old version")
    func amendmentWithItsOwnDate() throws {
        let db = try AppDatabase.inMemory(clock: .fixed(Moment(day("2026-12-04"), seconds: 70_000)))
        try db.createAssociation(statuteSource: StoreFixtures.statuteText("wildemanbuurt"), fileName: "wildemanbuurt.statuut")
        let rows = (1...40).map { ("R\($0)", "1067 PB", $0) }
        _ = try db.importRegister(
            try StoreFixtures.extract(Self.register(rows), on: "2026-10-01"), fileName: "r.csv", fileSHA256: "h",
            extractDate: day("2026-10-01"))
        _ = try db.scheduleAssembly(date: day("2026-12-04"), place: "LuCafé", agendaKinds: ["statutenwijziging"], today: day("2026-10-20"))
        _ = try db.callAssembly(1, on: day("2026-11-10"))
        let newText = StoreFixtures.statuteText("wildemanbuurt")
            .replacingOccurrences(of: "versie 2026.1 geldig vanaf 2026-01-15", with: "versie 2027.1 geldig vanaf 2027-01-01")
            .replacingOccurrences(of: "volmacht hoogstens 1 per lid", with: "volmacht hoogstens 3 per lid")
        let amendment = try db.submitProposal(
            Proposal(
                id: 0, title: "Meer volmachten", text: "…", kind: "statutenwijziging", source: .board,
                assembly: 1, amendmentText: newText, inspectionFrom: day("2026-11-10")), on: day("2026-11-10"))
        _ = try db.admitProposal(amendment.id)
        _ = try db.openAssembly(1, on: day("2026-12-04"))
        for n in 1...10 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let ballot = try db.openBallot(proposal: amendment.id)
        _ = try db.enterVotes(ballot: ballot.id, choice: "yes", count: 9)
        let result = try db.closeBallot(ballot.id).result
        #expect(result.outcome == .adopted && result.newStatuteValidFrom == day("2027-01-01"))
        // Until then the old version is in force: for the adopting assembly, its minutes and the days after.
        #expect(try db.statute(on: day("2026-12-04")).statute.proxy.value == .atMost(1))
        #expect(try db.statute(on: day("2026-12-31")).statute.proxy.value == .atMost(1))
        #expect(try db.statute(on: day("2027-01-01")).statute.proxy.value == .atMost(3))
        #expect(try db.statuteVersions().map(\.validFrom).last == day("2027-01-01"))
        // The calendar shows the waiting version on its date.
        let calendar = Deadlines.upcoming(try db.complianceFacts(), from: day("2026-12-05"))
        #expect(calendar.contains { $0.date == day("2027-01-01") && $0.what.nl == "Statuutversie 2027.1 van kracht" })
        // The adopting assembly still refuses a second proxy per holder (the old rule), though the new one allows three.
        _ = try db.proxy(from: ResidentID("R20"), to: ResidentID("R1"), assembly: 1)
        // Dates given by hand record what happened: a proposal dated back while the assembly is open, or
        // an assembly opened on a day still to come, is refused.
        #expect(throws: StoreError.self) {
            try db.submitProposal(Proposal(id: 0, title: "Te laat", text: "", kind: "gewoon", source: .board, assembly: 1), on: day("2026-11-01"))
        }
        _ = try db.scheduleAssembly(date: day("2027-03-18"), place: "LuCafé", today: day("2026-12-04"))
        #expect(throws: StoreError.self) { try db.openAssembly(2, on: day("2027-03-18")) }
        #expect(throws: Refusal.self) { try db.proxy(from: ResidentID("R21"), to: ResidentID("R1"), assembly: 1) }
    }

    @Test("De Vrije Uitloop: the municipality proposes, both shareholders advise on intake, amendments need consent")
    func deVrijeUitloop() throws {
        let db = try Self.vrijeUitloopWithNineMembers()
        _ = try db.scheduleAssembly(date: day("2026-07-15"), place: "Breda", agendaKinds: ["statutenwijziging"], today: day("2026-06-10"))
        _ = try db.callAssembly(1, on: day("2026-06-30"))
        let intake = try db.submitProposal(
            Proposal(
                id: 0, title: "Instroom 2027", text: "…", kind: "instroom", source: .party("Gemeente Breda"),
                assembly: 1), on: day("2026-06-20"))
        _ = try db.admitProposal(intake.id)
        let amendment = try db.submitProposal(
            Proposal(
                id: 0, title: "Nieuw profiel", text: "…", kind: "statutenwijziging", source: .board, assembly: 1,
                amendmentText: StoreFixtures.statuteText("devrijeuitloop"), inspectionFrom: day("2026-06-30")),
            on: day("2026-06-20"))
        _ = try db.admitProposal(amendment.id)
        _ = try db.openAssembly(1, on: day("2026-07-15"))
        for id in Self.ids(1...3) { _ = try db.checkIn(id, assembly: 1) }
        // Quorum 1/3 present or represented: 3 of 9, plus proxies up to 2 per member.
        try db.recordShareholderResponse(
            ShareholderResponse(shareholder: "Gemeente Breda", proposal: intake.id, kind: .advice, on: day("2026-07-01"), text: "ok"))
        let waiting = #expect(throws: Refusal.self) { try db.openBallot(proposal: intake.id) }
        #expect(waiting?.en == "the ballot waits for the advice of Atea re-integratie")
        try db.recordShareholderResponse(
            ShareholderResponse(shareholder: "Atea re-integratie", proposal: intake.id, kind: .advice, on: day("2026-07-02"), text: "ok"))
        _ = try db.openBallot(proposal: intake.id)
        #expect(throws: Refusal.self) { try db.openBallot(proposal: amendment.id) }
        #expect(throws: StoreError.self) {
            try db.recordShareholderResponse(
                ShareholderResponse(shareholder: "Gemeente Amersfoort", proposal: amendment.id, kind: .consent, on: day("2026-07-02"), text: ""))
        }
        // Only what the statute gives counts (article 7): Atea has no right on amendments, and only an
        // advice right on intake — its consent or refusal there is refused, and nothing is recorded.
        let noRight = #expect(throws: Refusal.self) {
            try db.recordShareholderResponse(
                ShareholderResponse(shareholder: "Atea re-integratie", proposal: amendment.id, kind: .advice, on: day("2026-07-02"), text: "ja"))
        }
        #expect(noRight?.source == .article(number: 7, title: "Sociaal aandeelhouders"))
        let adviceOnly = #expect(throws: Refusal.self) {
            try db.recordShareholderResponse(
                ShareholderResponse(shareholder: "Atea re-integratie", proposal: intake.id, kind: .consent, on: day("2026-07-02"), text: "ja"))
        }
        #expect(adviceOnly?.en.contains("only an advice right") == true)
        #expect(throws: Refusal.self) {
            try db.recordShareholderResponse(
                ShareholderResponse(shareholder: "Gemeente Breda", proposal: intake.id, kind: .refusal, on: day("2026-07-02"), text: "nee"))
        }
        #expect(try db.proposals(assembly: 1).count == 2)
        try db.recordShareholderResponse(
            ShareholderResponse(shareholder: "Gemeente Breda", proposal: amendment.id, kind: .consent, on: day("2026-07-03"), text: "akkoord"))
        let amendBallot = try db.openBallot(proposal: amendment.id)
        // Quorum: 1/3 of 9 present or represented — 3 present, plus a proxy (at most 2 per member).
        _ = try db.proxy(from: ResidentID("R4"), to: ResidentID("R1"), assembly: 1)
        _ = try db.proxy(from: ResidentID("R5"), to: ResidentID("R1"), assembly: 1)
        #expect(throws: Refusal.self) { try db.proxy(from: ResidentID("R6"), to: ResidentID("R1"), assembly: 1) }
        _ = try db.enterVotes(ballot: amendBallot.id, choice: "yes", count: 4)
        _ = try db.enterVotes(ballot: amendBallot.id, choice: "no", count: 1)
        let amended = try db.closeBallot(amendBallot.id).result
        #expect(amended.outcome == .adopted)
        #expect(try db.statuteVersions().count == 2)
        #expect(try db.statute(on: day("2026-07-16")).version.adoptedHow == "amendment ballot \(amendBallot.id)")
        #expect(try db.statute(on: day("2026-07-15")).version.adoptedHow != "amendment ballot \(amendBallot.id)")
        #expect(try db.verifyAudit().isIntact)
    }

    /// De Vrije Uitloop with nine members, admitted after intake and fitting the profile.
    static func vrijeUitloopWithNineMembers() throws -> AppDatabase {
        let db = try RulesCarriedOutTests.database("devrijeuitloop")
        try RulesCarriedOutTests.members(db, 9, postcode: "4811 AB", on: "2026-06-05", join: true)
        return db
    }

    /// De Vrije Uitloop (or a variant) with nine members, an open assembly with `present` members
    /// present, and a dissolution admitted.
    static func dissolutionEvening(present: Int = 5, edit: (String) -> String = { $0 }) throws -> (AppDatabase, Proposal) {
        let db = try RulesCarriedOutTests.database("devrijeuitloop", edit: edit)
        try RulesCarriedOutTests.members(db, 9, postcode: "4811 AB", on: "2026-06-05", join: true)
        _ = try db.scheduleAssembly(date: day("2026-07-15"), place: "Breda", agendaKinds: ["ontbinding"], today: day("2026-06-10"))
        _ = try db.callAssembly(1, on: day("2026-06-20"))
        let dissolution = try db.submitProposal(
            Proposal(id: 0, title: "Ontbinding", text: "…", kind: "ontbinding", source: .board, assembly: 1),
            on: day("2026-06-20"))
        _ = try db.admitProposal(dissolution.id)
        _ = try db.openAssembly(1, on: day("2026-07-15"))
        _ = try db.checkIn(Self.ids(1...present), assembly: 1)
        return (db, dissolution)
    }

    @Test("De Vrije Uitloop: the municipality's veto on a dissolution stops its ballot from opening")
    func vetoStopsTheBallot() throws {
        let (db, dissolution) = try Self.dissolutionEvening()
        try db.recordShareholderResponse(
            ShareholderResponse(shareholder: "Gemeente Breda", proposal: dissolution.id, kind: .refusal, on: day("2026-07-10"), text: "veto"))
        let vetoed = #expect(throws: Refusal.self) { try db.openBallot(proposal: dissolution.id) }
        #expect(vetoed?.en == "Gemeente Breda has vetoed it; the ballot does not go ahead")
        #expect(vetoed?.source == .article(number: 7, title: "Sociaal aandeelhouders"))
    }

    @Test("De Vrije Uitloop: a veto recorded while the ballot is open acts before the decision takes effect, and the minutes say so")
    func vetoAfterTheVote() throws {
        let (db, dissolution) = try Self.dissolutionEvening()
        let ballot = try db.openBallot(proposal: dissolution.id)
        try db.recordShareholderResponse(
            ShareholderResponse(shareholder: "Gemeente Breda", proposal: dissolution.id, kind: .refusal, on: day("2026-07-15"), text: "veto"))
        _ = try db.enterVotes(ballot: ballot.id, choice: "yes", count: 5)
        let result = try db.closeBallot(ballot.id).result
        #expect(result.outcome == .adopted)
        #expect(result.vetoedBy == "Gemeente Breda" && result.takesEffect == false)
        let minutes = try db.minutes(assembly: 1).markdown(in: .nl)
        #expect(minutes.contains("Gemeente Breda sprak een veto uit: het besluit treedt niet in werking"))
    }
}

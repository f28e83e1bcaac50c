import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut
import Testing

/// A neighbourhood budget counted by Amsterdam's Buurtbudget rule, from the statute to the minutes.
@Suite("Buurtbudget rule through the store")
struct BuurtbudgetTests {
    /// The Wildemanbuurt (or a variant) with 30 residents and an assembly on 20 March 2026, called.
    static func called(_ statute: String) throws -> (AppDatabase, Assembly) {
        let db = try AppDatabase.inMemory(clock: StoreFixtures.clock)
        try db.createAssociation(statuteSource: statute, fileName: "wildemanbuurt.statuut")
        let rows = (1...30).map { "R\($0);1067 PB;\($0);1980-01-01;2010-01-01" }
        _ = try db.importRegister(
            try StoreFixtures.extract("id;postcode;huisnummer;geboortedatum;ingeschreven\n" + rows.joined(separator: "\n"), on: "2026-01-20"),
            fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-01-20"))
        let (assembly, _) = try db.scheduleAssembly(date: day("2026-03-20"), place: "LuCafé", today: day("2026-02-01"))
        _ = try db.callAssembly(assembly.id, on: day("2026-03-01"))
        return (db, assembly)
    }

    @Test("the ballot's result and the minutes name the project funded with a top-up, and how much")
    func topUpInMinutes() throws {
        let (db, assembly) = try Self.called(
            StoreFixtures.statuteText("wildemanbuurt").replacingOccurrences(
                of: "methode gelijke delen", with: "methode meeste goedkeuringen tot en met het eerste project dat niet past"))
        let budget = try db.submitProposal(
            Proposal(id: 0, title: "Wijkbudget 2026", text: "…", kind: "wijkbudget", source: .board, assembly: assembly.id), on: day("2026-02-20"))
        _ = try db.admitProposal(budget.id)
        try db.recordShareholderResponse(
            ShareholderResponse(
                shareholder: "Gemeente Amsterdam, stadsdeel Nieuw-West", proposal: budget.id, kind: .advice, on: day("2026-03-15"), text: "Positief"))
        _ = try db.openAssembly(assembly.id, on: day("2026-03-20"))
        for n in 1...20 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: assembly.id) }
        let options = [
            BallotOption(id: "speeltuin", name: "Speeltuin", cost: 15000), BallotOption(id: "bankjes", name: "Bankjes", cost: 4000),
            BallotOption(id: "moestuin", name: "Moestuin", cost: 12000),
        ]
        let ballot = try db.openBallot(proposal: budget.id, options: options)
        #expect(ballot.method == .greedyTopUp)
        _ = try db.enterVotes(ballot: ballot.id, choice: "speeltuin", count: 9)
        _ = try db.enterVotes(ballot: ballot.id, choice: "moestuin", count: 7)
        _ = try db.enterVotes(ballot: ballot.id, choice: "bankjes", count: 3)
        let result = try db.closeBallot(ballot.id).result
        // Speeltuin fits (15,000 of 25,000); Moestuin (12,000) does not fit in the 10,000 left:
        // funded with 2,000 extra, and Bankjes, which would fit, is not funded.
        #expect(result.elected == ["speeltuin", "moestuin"])
        #expect(result.stoppedAt == "moestuin" && result.topUp == 2000)
        _ = try db.closeAssembly(assembly.id)
        let minutes = try db.minutes(assembly: assembly.id)
        let dutch = minutes.markdown(in: .nl)
        #expect(dutch.contains("Gekozen: Speeltuin, Moestuin."))
        #expect(dutch.contains("Moestuin paste niet meer in wat over was") && dutch.contains("€ 2.000 boven het budget"))
        #expect(minutes.markdown(in: .en).contains("€2,000 beyond the budget"))
    }

    @Test("a budget per year is shared by the year's ballots: the next one opens with what is left, and none opens once it is spent")
    func budgetPerYear() throws {
        let (db, assembly) = try Self.called(StoreFixtures.statuteText("wildemanbuurt"))
        var proposals: [Proposal] = []
        for title in ["Wijkbudget voorjaar", "Wijkbudget zomer", "Wijkbudget najaar"] {
            let proposal = try db.submitProposal(
                Proposal(id: 0, title: title, text: "…", kind: "wijkbudget", source: .board, assembly: assembly.id), on: day("2026-02-20"))
            _ = try db.admitProposal(proposal.id)
            try db.recordShareholderResponse(
                ShareholderResponse(
                    shareholder: "Gemeente Amsterdam, stadsdeel Nieuw-West", proposal: proposal.id, kind: .advice, on: day("2026-03-15"), text: "Positief"))
            proposals.append(proposal)
        }
        _ = try db.openAssembly(assembly.id, on: day("2026-03-20"))
        // The budget's quorum is 25 of the 30 members.
        for n in 1...26 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: assembly.id) }
        // Spring: the whole 25,000; the playground and the benches are chosen (19,000).
        let spring = try db.openBallot(
            proposal: proposals[0].id,
            options: [BallotOption(id: "speeltuin", name: "Speeltuin", cost: 15000), BallotOption(id: "bankjes", name: "Bankjes", cost: 4000)])
        #expect(spring.budget == 25000)
        _ = try db.enterVotes(ballot: spring.id, choice: "speeltuin,bankjes", count: 12)
        let springResult = try db.closeBallot(spring.id).result
        #expect(Set(springResult.elected ?? []) == ["speeltuin", "bankjes"])
        // Summer: what is left, 6,000; a 6,000 square is chosen.
        let summer = try db.openBallot(
            proposal: proposals[1].id,
            options: [BallotOption(id: "plein", name: "Plein", cost: 6000), BallotOption(id: "fontein", name: "Fontein", cost: 9000)])
        #expect(summer.budget == 6000)
        _ = try db.enterVotes(ballot: summer.id, choice: "plein,fontein", count: 12)
        #expect(try db.closeBallot(summer.id).result.elected == ["plein"])
        // Autumn: the year's budget is spent; the ballot does not open, and says why.
        let options = [BallotOption(id: "bomen", name: "Bomen", cost: 3000), BallotOption(id: "kunst", name: "Kunst", cost: 2000)]
        let error = #expect(throws: StoreError.self) { try db.openBallot(proposal: proposals[2].id, options: options) }
        #expect(error?.text(in: .nl).contains("het budget voor wijkbudget in 2026 is op: € 25000 van € 25000") == true)
    }
}

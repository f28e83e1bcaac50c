import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut
import Testing

/// The rules that used to check clean and then do nothing: a second meeting without quorum, a
/// second round after a tie, the chair's casting vote, admission by the board or the assembly, and
/// compliance across years. Each with the same evening or year without the rule beside it.
@Suite("Every rule acts")
struct RulesCarriedOutTests {
    /// A fresh association with a statute's text changed by `edit`.
    static func database(_ statute: String, edit: (String) -> String = { $0 }) throws -> AppDatabase {
        let db = try AppDatabase.inMemory(clock: StoreFixtures.clock)
        try db.createAssociation(statuteSource: edit(StoreFixtures.statuteText(statute)), fileName: "\(statute).statuut")
        return db
    }

    static func members(_ db: AppDatabase, _ count: Int, postcode: String, on date: String, join: Bool = false) throws {
        _ = try db.importRegister(
            try StoreFixtures.extract(YearScenarioTests.register((1...count).map { ("R\($0)", postcode, $0) }), on: date),
            fileName: "r.csv", fileSHA256: "h", extractDate: day(date))
        guard join else { return }
        for id in YearScenarioTests.ids(1...count) { try db.join(id, on: day(date), intakeOn: day(date), meetsProfile: true) }
    }

    /// De Vrije Uitloop (or a variant): nine members, a dissolution that fails for lack of quorum
    /// (3 present, 1/2 of 9 needed), the assembly closed.
    static func failedDissolution(edit: (String) -> String = { $0 }) throws -> (AppDatabase, Proposal) {
        let (db, dissolution) = try YearScenarioTests.dissolutionEvening(present: 3, edit: edit)
        let ballot = try db.openBallot(proposal: dissolution.id)
        _ = try db.enterVotes(ballot: ballot.id, choice: "yes", count: 3)
        let result = try db.closeBallot(ballot.id).result
        #expect(result.outcome == .noQuorum)
        _ = try db.closeAssembly(1)
        return (db, dissolution)
    }

    @Test("second meeting: the item that lacked a quorum is carried and decided there without quorum, by the same majority")
    func secondMeeting() throws {
        let (db, dissolution) = try Self.failedDissolution()
        // The window is 30 days after 2026-07-15 (article 5); a day outside it carries nothing.
        let late = #expect(throws: StoreError.self) {
            try db.scheduleAssembly(date: day("2026-08-20"), place: "Breda", today: day("2026-07-16"), secondMeetingOf: 1)
        }
        #expect(late?.message.contains("by 2026-08-14") == true)
        let report = Compliance.check(try db.complianceFacts(), on: day("2026-07-16"))
        let window = report.findings.first { $0.rule == "second-meeting" }
        #expect(window?.status == .atRisk && window?.deadline == day("2026-07-31"))
        let (second, _) = try db.scheduleAssembly(date: day("2026-08-10"), place: "Breda", today: day("2026-07-16"), secondMeetingOf: 1)
        #expect(second.secondMeetingOf == 1 && second.agendaKinds == ["ontbinding"])
        let carried = try #require(try db.proposals(assembly: second.id).first)
        #expect(carried.carriedFrom == dissolution.id && carried.state == .admitted)
        // Carried once: a third meeting for the same item is refused.
        #expect(throws: StoreError.self) { try db.scheduleAssembly(date: day("2026-08-12"), place: "Breda", today: day("2026-07-16"), secondMeetingOf: 1) }
        // A new ordinary proposal on the second meeting still needs the general quorum.
        let other = try db.submitProposal(
            Proposal(id: 0, title: "Iets anders", text: "…", kind: "gewoon", source: .board, assembly: second.id),
            on: day("2026-07-16"))
        _ = try db.admitProposal(other.id)
        _ = try db.callAssembly(second.id, on: day("2026-07-20"))
        _ = try db.openAssembly(second.id, on: day("2026-08-10"))
        for id in YearScenarioTests.ids(1...2) { _ = try db.checkIn(id, assembly: second.id) }
        let ballot = try db.openBallot(proposal: carried.id)
        _ = try db.enterVotes(ballot: ballot.id, choice: "yes", count: 2)
        let result = try db.closeBallot(ballot.id).result
        #expect(result.outcome == .adopted)
        #expect(result.quorum?.waived == true && result.carriedFrom == dissolution.id && result.secondMeetingOf == AssemblyID(1))
        let plain = try db.openBallot(proposal: other.id)
        _ = try db.enterVotes(ballot: plain.id, choice: "yes", count: 2)
        #expect(try db.closeBallot(plain.id).result.outcome == .noQuorum)
        _ = try db.closeAssembly(second.id)
        // The minutes of both meetings name each other.
        let first = try db.minutes(assembly: 1).markdown(in: .nl)
        #expect(first.contains("Doorgeschoven naar de tweede vergadering van 2026-08-10 (voorstel \(carried.id))"))
        let minutes = try db.minutes(assembly: second.id).markdown(in: .nl)
        #expect(minutes.contains("Dit is de tweede vergadering na de vergadering van 2026-07-15"))
        #expect(minutes.contains("Tweede vergadering, besloten zonder quorum (2 geteld, 5 was nodig); aangenomen"))
        let after = Compliance.check(try db.complianceFacts(), on: day("2026-08-11"))
        #expect(after.findings.first { $0.rule == "second-meeting" }?.status == .kept)
        #expect(after.findings.filter { $0.rule == "decision" }.allSatisfy { $0.status == .kept })
        #expect(try db.verifyAudit().isIntact)
    }

    @Test("a decision is judged as it was at its close: members who arrive later change neither the minutes, the recount nor the report")
    func judgedAtTheClose() throws {
        let (db, dissolution) = try YearScenarioTests.dissolutionEvening(present: 3)
        let ballot = try Self.vote(db, dissolution, yes: 3, no: 0)
        #expect(ballot.result.outcome == .noQuorum && ballot.result.present == 3)
        // Five more arrive: enough for the quorum now, but the vote was taken before.
        _ = try db.checkIn(YearScenarioTests.ids(4...8), assembly: 1)
        #expect(try db.recount(ballot.id).matches)
        #expect(try db.minutes(assembly: 1).markdown(in: .nl).contains("Geen quorum: 3 geteld, 5 nodig"))
        let report = Compliance.check(try db.complianceFacts(), on: day("2026-07-16"))
        #expect(report.findings.filter { $0.rule == "decision" }.allSatisfy { $0.status == .kept })
    }

    @Test("without `tweede vergadering` the same failed item cannot go to a second meeting")
    func noSecondMeetingWithoutTheRule() throws {
        let (db, _) = try Self.failedDissolution { $0.replacingOccurrences(of: "    tweede vergadering binnen 30 dagen zonder quorum\n", with: "") }
        let refused = #expect(throws: StoreError.self) {
            try db.scheduleAssembly(date: day("2026-08-10"), place: "Breda", today: day("2026-07-16"), secondMeetingOf: 1)
        }
        #expect(refused?.message.contains("gives this kind no second meeting") == true)
        #expect(Compliance.check(try db.complianceFacts(), on: day("2026-07-16")).findings.allSatisfy { $0.rule != "second-meeting" })
    }

    /// Soesterkwartier (or a variant) with twelve members, an open assembly with six present and an ordinary proposal admitted.
    static func soesterEvening(edit: (String) -> String = { $0 }) throws -> (AppDatabase, Proposal) {
        let db = try Self.database("soesterkwartier", edit: edit)
        try Self.members(db, 12, postcode: "3812 AB", on: "2026-03-05", join: true)
        _ = try db.scheduleAssembly(date: day("2026-04-20"), place: "Wijkhuis", today: day("2026-03-10"))
        _ = try db.callAssembly(1, on: day("2026-04-05"))
        let proposal = try db.submitProposal(
            Proposal(id: 0, title: "Experiment huishoudhulp", text: "…", kind: "gewoon", source: .board, assembly: 1),
            on: day("2026-04-01"))
        _ = try db.admitProposal(proposal.id)
        _ = try db.openAssembly(1, on: day("2026-04-20"))
        for id in YearScenarioTests.ids(1...6) { _ = try db.checkIn(id, assembly: 1) }
        return (db, proposal)
    }

    /// A ballot on `proposal` with `yes` and `no` paper votes, closed; its id and result.
    static func vote(_ db: AppDatabase, _ proposal: Proposal, yes: Int, no: Int) throws -> (id: BallotID, result: BallotResult) {
        let ballot = try db.openBallot(proposal: proposal.id)
        if yes > 0 { _ = try db.enterVotes(ballot: ballot.id, choice: "yes", count: yes) }
        if no > 0 { _ = try db.enterVotes(ballot: ballot.id, choice: "no", count: no) }
        return (ballot.id, try db.closeBallot(ballot.id).result)
    }

    @Test("staking herstemming: a tie sends the same proposal to a second round; a tie again rejects it")
    func revote() throws {
        let (db, proposal) = try Self.soesterEvening()
        let first = try Self.vote(db, proposal, yes: 3, no: 3)
        #expect(first.result.outcome == .revote)
        // The assembly cannot close over an item that waits for its second round.
        #expect(throws: StoreError.self) { try db.closeAssembly(1) }
        let result = try Self.vote(db, proposal, yes: 3, no: 3).result
        #expect(result.outcome == .rejected && result.roundOf == first.id)
        #expect(throws: StoreError.self) { try db.openBallot(proposal: proposal.id) }
        _ = try db.closeAssembly(1)
        let minutes = try db.minutes(assembly: 1).markdown(in: .nl)
        #expect(
            minutes.contains(
                "De stemmen staken: er wordt opnieuw gestemd (artikel 5 \"Besluiten\"; artikel 4 \"Ledenvergadering\").\n\nDe tweede ronde volgt hieronder."))
        #expect(minutes.contains("Herstemming: de stemmen staakten in stemming \(first.id)."))
        #expect(minutes.contains("De stemmen staken opnieuw in de herstemming (3 tegen 3): verworpen"))
        #expect(Compliance.check(try db.complianceFacts(), on: day("2026-04-21")).findings.filter { $0.rule == "decision" }.allSatisfy { $0.status == .kept })
    }

    @Test("staking herstemming: the second round decides by the usual majority")
    func revoteAdopts() throws {
        let (db, proposal) = try Self.soesterEvening()
        _ = try Self.vote(db, proposal, yes: 2, no: 2)
        let second = try Self.vote(db, proposal, yes: 4, no: 2)
        #expect(second.result.outcome == .adopted)
    }

    @Test("without a tie rule a tie is rejected and there is no second round")
    func tieWithoutTheRule() throws {
        let (db, proposal) = try Self.soesterEvening { $0.replacingOccurrences(of: "    staking herstemming\n", with: "") }
        let ballot = try Self.vote(db, proposal, yes: 3, no: 3)
        #expect(ballot.result.outcome == .rejected)
        #expect(throws: StoreError.self) { try db.openBallot(proposal: proposal.id) }
        _ = try db.closeAssembly(1)
    }

    @Test("staking voorzitter beslist: the chair's casting decision is recorded, audited and in the minutes")
    func chairDecides() throws {
        let (db, proposal) = try Self.soesterEvening { $0.replacingOccurrences(of: "staking herstemming", with: "staking voorzitter beslist") }
        let ballot = try Self.vote(db, proposal, yes: 3, no: 3)
        #expect(ballot.result.outcome == .chairDecides)
        #expect(throws: StoreError.self) { try db.closeAssembly(1) }
        #expect(throws: StoreError.self) { try db.decideByChair(ballot: ballot.id, adopted: true, chair: "  ") }
        let decided = try db.decideByChair(ballot: ballot.id, adopted: true, chair: "Fatima Amrani").result
        #expect(decided.chairDecision == BallotResult.ChairDecision(adopted: true, chair: "Fatima Amrani"))
        #expect(throws: StoreError.self) { try db.decideByChair(ballot: ballot.id, adopted: false, chair: "Iemand anders") }
        _ = try db.closeAssembly(1)
        let minutes = try db.minutes(assembly: 1).markdown(in: .nl)
        #expect(minutes.contains("De voorzitter, Fatima Amrani, besliste: **aangenomen**"))
        var lines: [String] = []
        try db.exportAudit { lines.append($0) }
        #expect(lines.contains { $0.contains("\"ballot.chair-decided\"") && $0.contains("Fatima Amrani") })
        #expect(try db.verifyAudit().isIntact)
        #expect(Compliance.check(try db.complianceFacts(), on: day("2026-04-21")).findings.filter { $0.rule == "decision" }.allSatisfy { $0.status == .kept })
    }

    @Test("the chair cannot decide where the statute does not say so")
    func chairWithoutTheRule() throws {
        let (db, proposal) = try Self.soesterEvening()
        let ballot = try Self.vote(db, proposal, yes: 3, no: 3)
        #expect(throws: StoreError.self) { try db.decideByChair(ballot: ballot.id, adopted: true, chair: "Fatima") }
    }

    @Test("compliance across years: last year's accounts presented this year are judged; a year before the statute has no obligations")
    func acrossYears() throws {
        let (db, _) = try Self.soesterEvening()
        try db.presentAccounts(year: 2025, on: day("2026-06-15"))
        let report = Compliance.check(try db.complianceFacts(), on: day("2026-10-01"))
        let accounts = report.findings.first { $0.rule == "annual-accounts" && $0.subject == "2025" }
        #expect(accounts?.status == .kept && accounts?.evidence.en == "presented on 2026-06-15 (due by 2026-06-30)")
        let before = Compliance.check(try db.complianceFacts(), on: day("2026-10-01"), year: 2025)
        #expect(before.findings.allSatisfy { $0.rule != "assemblies-per-year" && $0.status != .atRisk && $0.status != .broken })
        // In December the calendar shows next year's obligations.
        let calendar = Deadlines.upcoming(try db.complianceFacts(), from: day("2026-12-04"))
        #expect(calendar.contains { $0.uid == "assemblies-per-year-2027" })
        #expect(calendar.contains { $0.uid == "annual-accounts-2026" })
    }

    @Test("the board: its size, each term and each party's seat are checked on appointment and in the compliance report")
    func board() throws {
        let db = try Self.database("devrijeuitloop")
        let empty = Compliance.check(try db.complianceFacts(), on: day("2026-07-01")).findings.first { $0.rule == "board-size" }
        #expect(empty?.status == .atRisk)
        try db.appointBoardMember(name: "Anna", on: day("2026-06-01"))
        try db.appointBoardMember(name: "Bram", on: day("2026-06-01"))
        let seat = #expect(throws: Refusal.self) { try db.appointBoardMember(name: "Cem", seatFor: "Gemeente Amsterdam", on: day("2026-06-01")) }
        #expect(seat?.source == .article(number: 8, title: "Bestuur"))
        var report = Compliance.check(try db.complianceFacts(), on: day("2026-07-01"))
        #expect(report.findings.first { $0.rule == "board-size" }?.status == .broken)
        #expect(report.findings.first { $0.rule == "board-seat" }?.evidence.en == "vacant on 2026-07-01")
        try db.appointBoardMember(name: "Cem", seatFor: "Gemeente Breda", on: day("2026-06-01"))
        #expect(throws: Refusal.self) { try db.appointBoardMember(name: "Dirk", seatFor: "Gemeente Breda", on: day("2026-06-02")) }
        try db.appointBoardMember(name: "Dirk", on: day("2026-06-02"))
        try db.appointBoardMember(name: "Eva", on: day("2026-06-02"))
        let full = #expect(throws: Refusal.self) { try db.appointBoardMember(name: "Fien", on: day("2026-06-03")) }
        #expect(full?.en == "the board already has 5 members on 2026-06-03; the statute allows at most 5")
        report = Compliance.check(try db.complianceFacts(), on: day("2026-07-01"))
        #expect(report.findings.filter { $0.rule.hasPrefix("board-") }.allSatisfy { $0.status == .kept })
        // Two years (article 8): near the end the term is on the list; after it, broken until reappointed.
        let facts = try db.complianceFacts()
        let soon = Compliance.check(facts, on: day("2028-04-15")).findings.first { $0.rule == "board-term" && $0.subject == "Anna" }
        #expect(soon?.status == .atRisk && soon?.deadline == day("2028-05-31"))
        #expect(Deadlines.upcoming(facts, from: day("2028-04-15")).contains { $0.uid == "board-term-Anna" })
        #expect(Compliance.check(facts, on: day("2028-06-01")).findings.first { $0.rule == "board-term" && $0.subject == "Anna" }?.status == .broken)
        try db.boardMemberLeaves(name: "Eva", on: day("2026-09-01"))
        #expect(throws: StoreError.self) { try db.boardMemberLeaves(name: "Eva", on: day("2026-09-02")) }
        try db.reappointBoardMember(name: "Anna", on: day("2026-10-01"))
        #expect(try db.boardMembers().filter { $0.sits(on: day("2026-10-01")) }.count == 4)
        #expect(try db.verifyAudit().isIntact)
    }

    @Test("without board rules the report says nothing about the board")
    func noBoardRules() throws {
        let db = try Self.database("devrijeuitloop") { text in
            text.replacingOccurrences(
                of: "  bestuur van 3 tot en met 5 personen\n  zittingstermijn 2 jaar\n  bestuurszetel voor \"Gemeente Breda\"\n", with: "")
        }
        #expect(Compliance.check(try db.complianceFacts(), on: day("2026-07-01")).findings.allSatisfy { !$0.rule.hasPrefix("board-") })
        try db.appointBoardMember(name: "Anna", on: day("2026-06-01"))
        #expect(throws: Refusal.self) { try db.appointBoardMember(name: "Bram", seatFor: "Gemeente Breda", on: day("2026-06-01")) }
    }
}

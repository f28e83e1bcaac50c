import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// One member, one vote, whatever the desk does: a new code never adds a vote.
@Suite("One member, one vote, whatever the desk does")
struct OneMemberOneVoteTests {
    @Test("vote, new code without the old letter: refused on the open ballot (the desk is told which), accepted on a ballot opened later")
    func reissueWithoutOldLetter() throws {
        let (db, codes) = try SecretBallotTests.setUp()
        for n in 1...5 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let first = try db.openBallot(proposal: 1)
        _ = try db.castVote(code: codes[ResidentID("R1")]!, ballot: first.id, choice: "yes")
        _ = try db.castVote(code: codes[ResidentID("R2")]!, ballot: first.id, choice: "no")
        var code = codes[ResidentID("R1")]!
        // Each round of "Nieuwe stemcode" used to add a vote; now none does.
        for _ in 0..<3 {
            let reissued = try db.reissueCode(assembly: 1, member: ResidentID("R1"))
            #expect(reissued.unavailableBallots == [first.id] && reissued.carriedOver == nil)
            #expect(throws: VoteRejection.codeNewerThanBallot) { try db.castVote(code: reissued.code, ballot: first.id, choice: "no") }
            #expect(throws: VoteRejection.revoked) { try db.castVote(code: code, ballot: first.id, choice: "no") }
            code = reissued.code
        }
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 2)
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
        // A ballot opened after the new code: it votes as usual.
        let second = try db.openBallot(proposal: 2)
        _ = try db.castVote(code: code, ballot: second.id, choice: "yes")
        // The log says a code was reissued and from which ballot on it counts, never how anyone voted.
        var log = ""
        try db.exportAudit { log += $0 + "\n" }
        #expect(log.contains("\"action\":\"code.reissued\"") && log.contains("\"firstBallot\":\(first.id.rawValue + 1)"))
    }

    @Test("with the old letter, its votes carry over: a ballot it voted on stays voted, one it did not is open to the new code")
    func reissueWithOldLetter() throws {
        let (db, codes) = try SecretBallotTests.setUp()
        for n in 1...5 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let ballot = try db.openBallot(proposal: 1)
        _ = try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot.id, choice: "yes")
        let r1 = try db.reissueCode(assembly: 1, member: ResidentID("R1"), old: codes[ResidentID("R1")]!)
        #expect(r1.unavailableBallots.isEmpty && r1.carriedOver == 1)
        #expect(try db.hasVoted(r1.code, ballot: ballot.id))
        #expect(throws: VoteRejection.alreadyVoted) { try db.castVote(code: r1.code, ballot: ballot.id, choice: "no") }
        let r2 = try db.reissueCode(assembly: 1, member: ResidentID("R2"), old: codes[ResidentID("R2")]!)
        #expect(r2.carriedOver == 0)
        _ = try db.castVote(code: r2.code, ballot: ballot.id, choice: "no")
        // A code that is not the member's current one is refused without changing anything.
        #expect(throws: StoreError.self) { try db.reissueCode(assembly: 1, member: ResidentID("R3"), old: codes[ResidentID("R4")]!) }
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 2)
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
    }

    @Test("a code that was never active cannot have voted: its replacement votes everywhere")
    func reissueOfInactiveCode() throws {
        let (db, codes) = try SecretBallotTests.setUp()
        let ballot = try { () throws -> BallotRecord in
            _ = try db.checkIn(ResidentID("R1"), assembly: 1)
            return try db.openBallot(proposal: 1)
        }()
        #expect(throws: VoteRejection.notCheckedIn) { try db.castVote(code: codes[ResidentID("R9")]!, ballot: ballot.id, choice: "yes") }
        let fresh = try db.reissueCode(assembly: 1, member: ResidentID("R9"))
        #expect(fresh.unavailableBallots.isEmpty)
        _ = try db.checkIn(ResidentID("R9"), assembly: 1)
        _ = try db.castVote(code: fresh.code, ballot: ballot.id, choice: "yes")
    }

    @Test("a proxy holder votes with the giver's code; the giver who turns up without the letter gets a code that cannot vote again")
    func proxyGiverTurnsUp() throws {
        let (db, codes) = try SecretBallotTests.setUp()
        _ = try db.checkIn(ResidentID("R5"), assembly: 1)
        _ = try db.proxy(from: ResidentID("R6"), to: ResidentID("R5"), assembly: 1)
        let ballot = try db.openBallot(proposal: 1)
        _ = try db.castVote(code: codes[ResidentID("R5")]!, ballot: ballot.id, choice: "yes")
        _ = try db.castVote(code: codes[ResidentID("R6")]!, ballot: ballot.id, choice: "yes")  // by the holder, for the giver
        // The giver turns up in person with their own letter: the same code, already voted.
        #expect(throws: VoteRejection.alreadyVoted) { try db.castVote(code: codes[ResidentID("R6")]!, ballot: ballot.id, choice: "no") }
        // Or without it (the holder kept it): a new code, refused on this ballot.
        let fresh = try db.reissueCode(assembly: 1, member: ResidentID("R6"))
        #expect(throws: VoteRejection.codeNewerThanBallot) { try db.castVote(code: fresh.code, ballot: ballot.id, choice: "no") }
        // The holder's own code is untouched.
        #expect(throws: VoteRejection.alreadyVoted) { try db.castVote(code: codes[ResidentID("R5")]!, ballot: ballot.id, choice: "no") }
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 2)
    }

    @Test("paper votes are bounded: phone + paper votes never exceed the members present or represented")
    func paperBound() throws {
        let (db, codes) = try SecretBallotTests.setUp()
        for n in 1...25 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        _ = try db.proxy(from: ResidentID("R30"), to: ResidentID("R1"), assembly: 1)
        let ballot = try db.openBallot(proposal: 1)
        _ = try db.enterVotes(ballot: ballot.id, choice: "voor", count: 25)
        do {
            _ = try db.enterVotes(ballot: ballot.id, choice: "voor", count: 10)
            Issue.record("35 votes from 26 members were accepted")
        } catch let error as StoreError {
            #expect(error.message.contains("25 votes and 26 members present or represented") && error.message.contains("at most 1 more"))
        }
        _ = try db.castVote(code: codes[ResidentID("R2")]!, ballot: ballot.id, choice: "no")
        #expect(throws: StoreError.self) { try db.enterVotes(ballot: ballot.id, choice: "tegen", count: 1) }
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
        // A vote row added behind the store's back is named by `ballot verify`.
        try db.writer.write { try $0.execute(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, 'FORGED0001', 'yes')", arguments: [ballot.id]) }
        let integrity = try #require(try db.voteIntegrity().first)
        #expect(!integrity.isConsistent && integrity.votes == 27 && integrity.votesAllowed == 26)
    }
}

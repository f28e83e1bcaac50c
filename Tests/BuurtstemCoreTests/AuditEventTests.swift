import Foundation
import Statuut
import Testing

@testable import BuurtstemCore

/// Typed audit events write the same bytes the dictionaries wrote, and read every stored form back.
@Suite("Audit events as types")
struct AuditEventTests {
    @Test("a vote's events write the payload as before, byte for byte")
    func sameBytes() {
        let cast = VoteCast(ballot: 3, vote: "v1", code: "c1")
        #expect(cast.payload.encoded(pretty: false) == #"{"ballot":3,"code":"c1","vote":"v1"}"#)
        let replaced = VoteReplaced(ballot: 3, removed: "v0", vote: "v1", codeBefore: "c0", code: "c1")
        #expect(replaced.payload.encoded(pretty: false) == #"{"ballot":3,"code":"c1","codeBefore":"c0","removed":"v0","vote":"v1"}"#)
        let entered = VotesEntered(ballot: 3, count: 2, votes: ["a", "b"])
        #expect(entered.payload.encoded(pretty: false) == #"{"ballot":3,"count":2,"votes":["a","b"]}"#)
        #expect(VoteCast.action == .voteCast && VoteReplaced.action == .voteReplaced && VotesEntered.action == .votesEntered)
    }

    @Test("entries an older release wrote, without commitments, still read")
    func olderEntries() throws {
        let decoder = JSONDecoder()
        let cast = try decoder.decode(VoteCast.self, from: Data(#"{"ballot":1}"#.utf8))
        #expect(cast.ballot == 1 && cast.vote == nil && cast.code == nil)
        let entered = try decoder.decode(VotesEntered.self, from: Data(#"{"ballot":1,"count":4}"#.utf8))
        #expect(entered.count == 4 && entered.votes == nil)
        let round = try decoder.decode(VoteReplaced.self, from: Data(VoteReplaced(ballot: 2, removed: "x", vote: "y").payload.encoded(pretty: false).utf8))
        #expect(round == VoteReplaced(ballot: 2, removed: "x", vote: "y"))
    }

    @Test("a ballot's opening writes the payload as before, and an older entry without seats or budget reads as 'not written'")
    func ballotOpened() throws {
        let opened = BallotOpened(
            ballot: 2, proposal: 5, method: "approval", options: ["a", "b"], optionsJSON: "[]", seats: nil, budget: 9_000, roundOf: nil,
            changeable: false, quorumMet: true, counted: 30, needed: 25)
        let old: JSONValue = .object([
            "ballot": .int(2), "proposal": .int(5), "method": .string("approval"), "options": .array([.string("a"), .string("b")]),
            "optionsJSON": .string("[]"), "seats": .null, "budget": .int(9_000), "quorumMet": .bool(true), "roundOf": .null,
            "counted": .int(30), "needed": .int(25), "changeable": .bool(false),
        ])
        #expect(opened.payload.encoded(pretty: false) == old.encoded(pretty: false))
        let read = try JSONDecoder().decode(BallotOpened.self, from: Data(opened.payload.encoded(pretty: false).utf8))
        #expect(read == opened)
        let older = try JSONDecoder().decode(BallotOpened.self, from: Data(#"{"ballot":1,"method":"yesNo","proposal":1}"#.utf8))
        #expect(older.seats == nil && older.budget == nil && older.changeable == nil)
    }
}

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
}

import BuurtstemCore
import Testing

/// What a code may do on a ballot, decided without a database.
@Suite("Voting rules")
struct VoteRulesTests {
    @Test("a closed ballot, an unknown, revoked or not yet active code, and a code newer than the ballot are refused; an active code votes")
    func admission() {
        #expect(VoteRules.admission(ballotOpen: false, state: .active, firstBallot: nil, ballot: 3) == .ballotClosed)
        #expect(VoteRules.admission(ballotOpen: true, state: nil, firstBallot: nil, ballot: 3) == .unknownCode)
        #expect(VoteRules.admission(ballotOpen: true, state: .revoked, firstBallot: nil, ballot: 3) == .revoked)
        #expect(VoteRules.admission(ballotOpen: true, state: .issued, firstBallot: nil, ballot: 3) == .notCheckedIn)
        #expect(VoteRules.admission(ballotOpen: true, state: .active, firstBallot: 4, ballot: 3) == .codeNewerThanBallot)
        #expect(VoteRules.admission(ballotOpen: true, state: .active, firstBallot: 3, ballot: 3) == nil)
        #expect(VoteRules.admission(ballotOpen: true, state: .active, firstBallot: nil, ballot: 3) == nil)
        // Only an unknown code counts as a guess.
        #expect(VoteRejection.unknownCode.countsAsFailedAttempt && !VoteRejection.alreadyVoted.countsAsFailedAttempt)
    }

    @Test("a second vote replaces the first only where the ballot allows it and the old vote can be found")
    func repeats() {
        #expect(VoteRules.repeatVote(changeable: true, oldVoteFound: true) == .replace)
        #expect(VoteRules.repeatVote(changeable: true, oldVoteFound: false) == .refuse(.alreadyVoted))
        #expect(VoteRules.repeatVote(changeable: false, oldVoteFound: true) == .refuse(.alreadyVoted))
    }
}

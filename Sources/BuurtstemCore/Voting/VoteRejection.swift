public import Statuut

/// Why a vote was not accepted. `countsAsFailedAttempt` tells the rate limiter whether someone
/// may be guessing codes (a typo or a second vote does not count).
public enum VoteRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case typo(VotingCode.Problem)
    case unknownCode
    case notCheckedIn
    case revoked
    case alreadyVoted
    case ballotClosed
    case noSuchBallot
    case invalidChoice(Refusal)
    /// The code was handed out after this ballot opened, while the member's earlier code could
    /// vote on it: it votes on later ballots only (one member, one vote).
    case codeNewerThanBallot
    /// The server's disk is full (or failing): the vote was not written; it can be cast again
    /// once there is room. Nothing acknowledged is lost: a vote is acknowledged only after its commit.
    case storageFull

    /// A stable id for the JSON API.
    public var id: String {
        switch self {
        case .typo: return "typo"
        case .unknownCode: return "unknown-code"
        case .notCheckedIn: return "not-checked-in"
        case .revoked: return "code-revoked"
        case .alreadyVoted: return "already-voted"
        case .ballotClosed: return "ballot-closed"
        case .noSuchBallot: return "no-such-ballot"
        case .invalidChoice: return "invalid-choice"
        case .codeNewerThanBallot: return "code-newer-than-ballot"
        case .storageFull: return "storage-full"
        }
    }

    public var countsAsFailedAttempt: Bool { self == .unknownCode }

    public var description: String {
        switch self {
        case .typo(let problem): return problem.description
        case .unknownCode: return "this code is not valid for this assembly"
        case .notCheckedIn: return "please check in at the desk first; your code becomes active there"
        case .revoked: return "this code was replaced by a new one; use the newest letter"
        case .alreadyVoted: return "this code has already voted on this ballot"
        case .ballotClosed: return "this ballot is closed"
        case .noSuchBallot: return "there is no such ballot"
        case .invalidChoice(let why): return why.en
        case .codeNewerThanBallot:
            return
                "this code was handed out after this ballot opened, and the earlier code may have voted on it; it votes on later ballots (bring the earlier letter to the desk to carry its votes over)"
        case .storageFull: return "the server cannot write right now (its disk is full); this vote was not counted; try again in a few minutes"
        }
    }
}
